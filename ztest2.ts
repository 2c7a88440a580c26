import { evaluate } from './src/rules/evaluate.js';
import { readFileSync } from 'node:fs';
for (const n of ['jilin-eligible','wenzhou-eligible','mudanjiang-multi-eligible']) {
const f = JSON.parse(readFileSync(`examples/${n}.json`,'utf8'));
const r = evaluate(n.split('-')[0]!, f, {date:'2026-11-23'});
console.log(n, r.verdict, r.criteria.filter(c=>c.status!=='met').map(c=>[c.id,c.status,JSON.stringify(c.settle)]));
}
