/**
 * What the WeChat channel says to each message: the same conversations as every channel (`ConversationSessions`,
 * keyed by a keyed hash of the OpenID), driven by words instead of buttons. A `subscribe` event or a first
 * message opens a conversation (preset to `WECHAT_JURISDICTION` for one bureau's account); typed answers go
 * through the same parser (an ANSWER with the text as typed), except that an option's number is taken as that
 * option; commands are words (上一步, 跳过, 重新开始, 查看结果, 清单, 继续, English / 中文, 帮助) and menu
 * clicks. Each call returns the text to reply ('' for none).
 */
import type { ConversationEvent } from '../flows/machine.js';
import { matchJurisdiction } from '../flows/places.js';
import type { Prompt } from '../flows/prompts.js';
import type { ConversationSessions, SessionView } from '../flows/sessions.js';
import { compiledTranslator } from '../i18n/compiled.js';
import { DEFAULT_LANG, type Lang } from '../i18n/index.js';
import type { JurisdictionId } from '../rules/types.js';
import type { ResultLinks } from '../server/result-page.js';
import type { SessionStore } from '../store/types.js';
import type { OpenIdKeys } from './keys.js';
import { MENU_KEYS } from './menu.js';
import type { IncomingMessage } from './protocol.js';
import { renderChecklist, renderPrompt, renderSummary, type ResultLink, wechatText } from './render.js';

/** What the channel works with. */
export interface WechatConversationDeps {
  sessions: ConversationSessions;
  store: SessionStore;
  keys: OpenIdKeys;
  /** The account's one jurisdiction (WECHAT_JURISDICTION): conversations start with it. */
  jurisdiction?: JurisdictionId;
  /** Result pages (when PUBLIC_URL is set): the summary links to the full result. */
  links?: ResultLinks;
}

type Command = 'back' | 'skip' | 'restart' | 'results' | 'checklist' | 'continue' | 'help' | 'switch' | 'lang:en' | 'lang:zh-CN';

const COMMANDS: Record<string, Command> = {
  上一步: 'back', 返回: 'back', 撤回: 'back', back: 'back', undo: 'back',
  跳过: 'skip', skip: 'skip',
  重新开始: 'restart', 重来: 'restart', 开始自测: 'restart', restart: 'restart', 'start over': 'restart',
  查看结果: 'results', 结果: 'results', results: 'results', result: 'results',
  清单: 'checklist', 材料清单: 'checklist', 申报材料: 'checklist', checklist: 'checklist', materials: 'checklist',
  继续: 'continue', 继续回答: 'continue', continue: 'continue',
  帮助: 'help', help: 'help', '?': 'help',
  切换: 'switch', 改为: 'switch', 换: 'switch', switch: 'switch',
  english: 'lang:en', 英文: 'lang:en', 中文: 'lang:zh-CN', chinese: 'lang:zh-CN', 简体中文: 'lang:zh-CN',
};

/** The command `text` is, if it is one (whole message, any case, trailing punctuation ignored). */
export function commandOf(text: string): Command | undefined {
  const key = text.normalize('NFKC').trim().toLowerCase().replace(/[。.!！~]+$/u, '');
  return Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined;
}

/**
 * The option(s) a reply of numbers picks: "2" for a choice or yes/no, "1、3" or "1 3" for a multiple choice.
 * Undefined when the text is not only option numbers (then the parser reads it), or for numeric questions.
 */
export function optionsByNumber(prompt: Prompt, text: string): unknown {
  const options = prompt.options;
  if (!options || prompt.kind === 'number' || prompt.kind === 'date') return undefined;
  const parts = text.normalize('NFKC').trim().split(/[\s,;、和及]+/u).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^\d{1,2}$/.test(p))) return undefined;
  const picked = [...new Set(parts.map(Number))];
  if (picked.some((n) => n < 1 || n > options.length)) return undefined;
  if (prompt.kind === 'multi') return picked.map((n) => options[n - 1]?.value);
  return picked.length === 1 ? options[(picked[0] as number) - 1]?.value : undefined;
}

/** The WeChat side of the conversations. */
export class WechatConversations {
  readonly #deps: WechatConversationDeps;

  constructor(deps: WechatConversationDeps) {
    this.#deps = deps;
  }

  /** The reply to one message or event ('' when there is nothing to say). */
  async reply(message: IncomingMessage): Promise<string> {
    const id = this.#deps.keys.session(message.FromUserName);
    if (message.MsgType === 'event') return this.#event(id, (message.Event ?? '').toLowerCase(), message.EventKey ?? '');
    if (message.MsgType === 'text') return this.#text(id, message.Content ?? '');
    // People answer by voice on WeChat; with 接收语音识别结果 on, the platform sends what it heard ("三十多家。").
    const heard = message.MsgType === 'voice' ? (message.Recognition ?? '').trim() : '';
    if (heard !== '') return this.#text(id, heard);
    const { view } = await this.#current(id);
    return renderPrompt(view, [wechatText(view.lang)(message.MsgType === 'voice' ? 'voiceUnheard' : 'unsupported')]);
  }

  async #event(id: string, event: string, key: string): Promise<string> {
    switch (event) {
      case 'subscribe':
        return this.#present(await this.#startFresh(id), this.#greeting());
      case 'unsubscribe':
        // The user left: nothing of theirs is kept.
        await this.#deps.store.delete(id);
        return '';
      case 'click':
        if (key === MENU_KEYS.start) return this.#present(await this.#startFresh(id), this.#greeting());
        if (key === MENU_KEYS.checklist) return this.#command(id, 'checklist');
        if (key === MENU_KEYS.restart) return this.#command(id, 'restart');
        return '';
      default:
        return '';
    }
  }

  #greeting(lang: Lang = DEFAULT_LANG): string[] {
    const j = this.#deps.jurisdiction;
    return j ? [wechatText(lang)('greetingPreset', { name: compiledTranslator(lang, j)('name') })] : [];
  }

  async #text(id: string, raw: string): Promise<string> {
    const text = raw.trim().slice(0, 500);
    const command = commandOf(text);
    const { view, created } = await this.#current(id);
    if (command) return this.#command(id, command, created ? view : undefined);
    if (created && view.state === 'choosing') {
      // A first message that names a place is the choice; anything else gets the greeting and the question
      // (and is not sent as a choice: its "not covered" hint would linger on the next turn).
      return this.#present(matchJurisdiction(text) ? await this.#send(id, { type: 'CHOOSE', value: text }) : view);
    }
    if (created) return this.#present(view, this.#greeting(view.lang));
    if (view.state === 'choosing') return this.#present(await this.#send(id, { type: 'CHOOSE', value: text }));
    if (view.state === 'results' || !view.prompt) {
      const w = wechatText(view.lang);
      return view.pending > 0 ? w('summary.continue', { count: view.pending }) : w('resultsHint');
    }
    const value = optionsByNumber(view.prompt, text) ?? text;
    return this.#present(await this.#send(id, { type: 'ANSWER', questionId: view.prompt.questionId, value }));
  }

  async #command(id: string, command: Command, fresh?: SessionView): Promise<string> {
    const current = fresh ?? (await this.#current(id)).view;
    const w = wechatText(current.lang);
    switch (command) {
      case 'help':
        return this.#present(current, [w('help')]);
      case 'restart':
        return this.#present(fresh ?? (await this.#send(id, { type: 'RESTART' })));
      case 'back':
        return this.#present(fresh ?? (await this.#send(id, { type: 'BACK' })));
      case 'skip':
        if (current.state !== 'interviewing' || !current.prompt) return this.#present(current);
        return this.#present(await this.#send(id, { type: 'SKIP', questionId: current.prompt.questionId }));
      case 'results':
        if (current.state === 'choosing') return this.#present(current);
        return this.#present(current.state === 'results' ? ((await this.#deps.sessions.get(id, true)) ?? current) : await this.#send(id, { type: 'RESULTS' }));
      case 'continue':
        return this.#present(current.state === 'results' ? await this.#send(id, { type: 'CONTINUE' }) : current);
      case 'switch':
        // Confirms the switch offered when a place under another jurisdiction was typed ("我们在乐清").
        if (!current.offer) return this.#present(current, [w('switchNone')]);
        return this.#present(await this.#send(id, { type: 'SWITCH', jurisdiction: current.offer.jurisdiction }));
      case 'checklist': {
        const withResult = (await this.#deps.sessions.get(id, true)) ?? current;
        if (withResult.state === 'choosing' || !withResult.result) return this.#present(withResult, [w('checklist.first')]);
        return renderChecklist(withResult.result, await this.#link(withResult));
      }
      case 'lang:en':
      case 'lang:zh-CN': {
        const lang: Lang = command === 'lang:en' ? 'en' : 'zh-CN';
        const next = await this.#send(id, { type: 'SET_LANG', lang });
        return this.#present(next, [wechatText(lang)('langChanged')]);
      }
    }
  }

  /** The view as a reply: the summary (with a link) in results, else the question. */
  async #present(view: SessionView, intro: readonly string[] = []): Promise<string> {
    if (view.state === 'results' && view.result) return renderSummary(view, view.result, await this.#link(view), intro);
    return renderPrompt(view, intro);
  }

  async #link(view: SessionView): Promise<ResultLink | undefined> {
    const links = this.#deps.links;
    if (!links || !view.result) return undefined;
    return { url: await links.create(view.result), hours: links.hours };
  }

  /** Where the conversation stands; `created` when there was none (first contact, or it expired). */
  async #current(id: string): Promise<{ view: SessionView; created: boolean }> {
    const view = await this.#deps.sessions.get(id);
    if (view) return { view, created: false };
    return { view: await this.#create(id, DEFAULT_LANG), created: true };
  }

  async #startFresh(id: string): Promise<SessionView> {
    const lang = (await this.#deps.sessions.langOf(id)) ?? DEFAULT_LANG;
    await this.#deps.store.delete(id);
    return this.#create(id, lang);
  }

  async #create(id: string, lang: Lang): Promise<SessionView> {
    const j = this.#deps.jurisdiction;
    const { view } = await this.#deps.sessions.create({ lang, ...(j ? { jurisdiction: j } : {}) }, id);
    return view;
  }

  /** Applies `event` with the result attached in results; a vanished conversation is opened afresh. */
  async #send(id: string, event: ConversationEvent): Promise<SessionView> {
    const view = await this.#deps.sessions.send(id, event, true);
    if (view) return view;
    const created = await this.#create(id, DEFAULT_LANG);
    return { ...created, notice: compiledTranslator(DEFAULT_LANG, 'flow')('session.expired') };
  }
}
