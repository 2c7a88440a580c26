/**
 * `npm run --silent texts:check [-- --dir <folder>]`
 *
 * Compares every jurisdiction's definition with its text in `regulations/` (or `--dir`): each quote of a
 * criterion, material, evidence item, procedure step or unencoded wording must still stand verbatim where its
 * reference points, each reference (article, item, point, annex) must still exist, and each item of a conditions
 * article must be encoded or declared `notEncoded`. Prints one line per problem and exits 1 when there is any,
 * 0 otherwise; a missing file exits 2. Run it after replacing a file in `regulations/` (README: Updating a text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { versionsOf } from '../rules/registry.js';
import { auditText, type TextProblem } from '../rules/text-audit.js';
import { JURISDICTION_IDS } from '../rules/types.js';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'regulations' } } });
const dir = resolve(values.dir ?? 'regulations');

const problems: TextProblem[] = [];
let quotes = 0;
for (const id of JURISDICTION_IDS) {
  for (const def of versionsOf(id)) {
    const file = resolve(dir, def.source);
    if (!existsSync(file)) {
      process.stderr.write(`texts:check: ${file} does not exist\n`);
      process.exit(2);
    }
    quotes += def.criteria.length + def.materials.length + def.evidence.length + def.procedure.length + def.notEncoded.length;
    problems.push(...auditText(def, readFileSync(file, 'utf8')));
  }
}

for (const p of problems) process.stdout.write(`${p.problem}\t${p.message}\n`);
if (problems.length > 0) {
  process.stdout.write(`texts:check: ${problems.length} problem(s) in ${dir}; update the definitions (and their tests) to the new text.\n`);
  process.exit(1);
}
process.stdout.write(`texts:check: ${quotes} quotes and references of ${JURISDICTION_IDS.length} texts match ${dir}.\n`);
