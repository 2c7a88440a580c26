/**
 * `npm run --silent assess -- --jurisdiction <id> --facts <file.json> [--lang zh-CN|en] [--date YYYY-MM-DD] [--json]`
 *
 * Prints the assessment as JSON (`--json`) or as a readable report; exit 0. Bad input prints one line naming
 * the field and the problem to stderr and exits 2. `--facts -` reads the facts from standard input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_LANG, isLang, type Lang, translator } from '../i18n/index.js';
import { AssessmentInputError } from '../rules/errors.js';
import { evaluate } from '../rules/evaluate.js';
import { renderText } from '../report/text.js';

const USAGE =
  'usage: npm run --silent assess -- --jurisdiction <shandong|jilin|mudanjiang|guangxi|wenzhou> --facts <file.json|-> [--lang zh-CN|en] [--date YYYY-MM-DD] [--json]';

/** What the command line asked for. */
interface Invocation {
  jurisdiction: string;
  factsPath: string;
  lang: Lang;
  date?: string;
  json: boolean;
}

/** A problem with the invocation itself, reported as one line. */
class UsageError extends Error {}

function parseInvocation(argv: string[]): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        jurisdiction: { type: 'string', short: 'j' },
        facts: { type: 'string', short: 'f' },
        lang: { type: 'string', short: 'l' },
        date: { type: 'string', short: 'd' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const lang = values.lang ?? DEFAULT_LANG;
  if (!isLang(lang)) throw problem('lang', 'lang', DEFAULT_LANG, { value: lang });
  if (!values.jurisdiction) throw new UsageError(`--jurisdiction is required\n${USAGE}`);
  if (!values.facts) throw new UsageError(`--facts is required\n${USAGE}`);
  return { jurisdiction: values.jurisdiction, factsPath: values.facts, lang, date: values.date, json: values.json ?? false };
}

function problem(field: string, code: string, lang: Lang, vars: Record<string, string>): AssessmentInputError {
  return new AssessmentInputError([{ field, code, message: translator(lang, 'errors')(`input.${code}`, { field, ...vars }) }]);
}

function readFacts(path: string, lang: Lang): unknown {
  let raw: string;
  try {
    raw = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw problem('facts', 'file', lang, { value: path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  let facts: unknown;
  try {
    facts = JSON.parse(raw);
  } catch (error) {
    throw problem('facts', 'json', lang, { detail: (error as Error).message });
  }
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) throw problem('facts', 'notObject', lang, {});
  return facts;
}

/** Runs the command; returns the exit code. */
export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  try {
    const invocation = parseInvocation(argv);
    if (invocation === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const facts = readFacts(invocation.factsPath, invocation.lang);
    const result = evaluate(invocation.jurisdiction, facts, { lang: invocation.lang, date: invocation.date });
    out.write(invocation.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    return 0;
  } catch (error) {
    if (error instanceof AssessmentInputError) {
      err.write(`${error.problems.map((p) => p.message).join(' ')}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      err.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
