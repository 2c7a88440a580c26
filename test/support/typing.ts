/**
 * How a person would type a fact's value: "1.2万平方米", "5亿元", "25家", "是", labels joined by 、.
 * Scripted conversations answer with these, so they prove the parser and the flow together.
 */
import type { Lang } from '../../src/i18n/index.js';
import type { Prompt } from '../../src/flows/prompts.js';
import type { Facts } from '../../src/rules/facts.js';
import { FACT_UNITS } from '../../src/rules/units.js';
import type { FactName } from '../../src/rules/facts.js';

/** The value of the fact a prompt asks about, read from a profile (branch figures included). */
export function valueFor(prompt: Prompt, facts: Facts): unknown {
  const branch = /^branches\.(\d+)\.(\w+)$/.exec(prompt.questionId);
  if (branch) return (facts.branches?.[Number(branch[1])] as Record<string, unknown> | undefined)?.[branch[2] as string];
  return facts[prompt.questionId as FactName];
}

/** Types `value` the way people do, varying the form with `variant` so that many spellings get exercised. */
export function typed(prompt: Prompt, value: unknown, lang: Lang, variant: number): string {
  if (typeof value === 'boolean') return [lang === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no', value ? '有' : '没有', value ? 'Y' : 'n'][variant % 3] as string;
  if (typeof value === 'number') return typedNumber(prompt, value, variant);
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh-CN' ? '无' : 'none';
    const labels = value.map((v) => prompt.options?.find((o) => o.value === v)?.label ?? String(v));
    return labels.join(variant % 2 === 0 ? '、' : ', ');
  }
  if (typeof value === 'string' && prompt.kind === 'choice') {
    const index = prompt.options?.findIndex((o) => o.value === value) ?? -1;
    return variant % 2 === 0 ? String(index + 1) : (prompt.options?.[index]?.label ?? value);
  }
  return String(value);
}

function typedNumber(prompt: Prompt, n: number, variant: number): string {
  const fact = (/^branches\.\d+\.(\w+)$/.exec(prompt.questionId)?.[1] ?? prompt.questionId) as FactName;
  const unit = FACT_UNITS[fact]?.kind;
  if (unit === 'area') {
    if (variant % 3 === 0 && n % 1000 === 0) return `${n / 10_000}万平方米`;
    if (variant % 3 === 1) return `${n.toLocaleString('en')} ㎡`;
    return `${n}平米`;
  }
  if (unit === 'money') {
    if (variant % 3 === 0 && n % 1e6 === 0) return `${n / 1e8}亿元`;
    if (variant % 3 === 1 && n % 100 === 0) return `${n / 1e4}万元`;
    return `${n}元`;
  }
  if (unit === 'count') return variant % 2 === 0 ? `${n}家` : String(n);
  return String(n);
}

