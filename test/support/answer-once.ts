/**
 * Another process serving one turn: answers one question of a stored conversation through Redis and prints
 * the resulting view as JSON on stdout. Used by test/sessions.test.ts to prove that a separate OS process
 * sharing the store continues the same conversation.
 *
 *   node --import tsx test/support/answer-once.ts <redisUrl> <keyPrefix> <sessionId> <questionId> <value>
 *
 * Exit codes: 0 the turn was served (the view is on stdout); 2 no such session; 1 anything else (bad
 * arguments, Redis unavailable, an uncaught error).
 */
import { ConversationSessions } from '../../src/flows/sessions.js';
import { RedisSessionStore } from '../../src/store/redis.js';

const [url, keyPrefix, sessionId, questionId, value] = process.argv.slice(2);
if (!url || keyPrefix === undefined || !sessionId || !questionId || value === undefined) {
  console.error('usage: answer-once.ts <redisUrl> <keyPrefix> <sessionId> <questionId> <value>');
  process.exit(1);
}

const store = await new RedisSessionStore({ url, keyPrefix, onError: () => undefined }).connect();
try {
  const sessions = new ConversationSessions(store);
  const view = await sessions.send(sessionId, { type: 'ANSWER', questionId, value });
  if (view === undefined) process.exitCode = 2;
  else process.stdout.write(`${JSON.stringify(view)}\n`);
} finally {
  await store.close();
}
