/**
 * Numbers as people type them in Chinese or mixed forms: 一万五千, 两千三百, 一百零五, 零点五, 壹仟贰佰, 二〇二四,
 * 1.2万, 2亿5000万, 1万2千, 5百万, 15k, 1.2w, 12,000.5.
 *
 * Values are exact decimals (BigInt units and a decimal scale), because in floating point 1.1 × 10⁴ is
 * 11000.000000000002, and a figure that misses a legal threshold by that would be read wrongly.
 * Input is expected already NFKC-normalised and lower-cased (see `parse.ts`).
 */

/** An exact decimal: `units × 10^-scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** What `readNumeral` found: the number at the start of the text and what follows it (trimmed). */
export interface NumeralRead {
  readonly value: Decimal;
  readonly rest: string;
}

const ZERO: Decimal = { units: 0n, scale: 0 };

/** The number a Decimal stands for, times 10^shift, correctly rounded (Number() of a decimal string is). */
export function toNumber(d: Decimal, shift = 0): number {
  return Number(`${d.units}e${shift - d.scale}`);
}

/** `d × 10^k` (k ≥ 0), exactly. */
function times10(d: Decimal, k: number): Decimal {
  if (d.scale >= k) return { units: d.units, scale: d.scale - k };
  return { units: d.units * 10n ** BigInt(k - d.scale), scale: 0 };
}

/** `a + b`, exactly. */
function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

const isZero = (d: Decimal) => d.units === 0n;
const decimal = (whole: string, fraction = ''): Decimal => ({ units: BigInt(whole + fraction), scale: fraction.length });

/** Chinese digits, everyday and financial (大写), simplified and traditional. 零 and 〇 are handled apart. */
const DIGITS: Readonly<Record<string, number>> = {
  一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const ZEROS = new Set(['零', '〇']);
/** Multipliers as powers of ten. k and w (千, 万) are handled where they follow Arabic digits. */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 亿: 8, 億: 8,
};
/** Arabic digits with optional thousands separators (only in groups of three), decimals, and a k/w suffix. */
const ARABIC = /^(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?([kw](?![a-z]))?/;

type Token =
  | { kind: 'number'; value: Decimal; single: boolean; chinese: boolean }
  | { kind: 'zero' }
  | { kind: 'unit'; exp: number }
  | { kind: 'point'; digits: string };

/** The digit string after 点 (Chinese or Arabic digits), e.g. 零点五 → "5". */
function fractionDigits(text: string, from: number): string {
  let digits = '';
  for (const ch of text.slice(from)) {
    const d = ZEROS.has(ch) ? 0 : (DIGITS[ch] ?? (/\d/.test(ch) ? Number(ch) : undefined));
    if (d === undefined) break;
    digits += String(d);
  }
  return digits;
}

/** One token at `at`, with its length; undefined where no numeral continues. */
function tokenAt(text: string, at: number): { tokens: Token[]; length: number } | undefined {
  const ch = text[at] ?? '';
  const arabic = ARABIC.exec(text.slice(at));
  if (arabic) {
    const [all, whole = '', fraction, suffix] = arabic;
    const value = decimal(whole.replaceAll(',', ''), fraction);
    const tokens: Token[] = [{ kind: 'number', value, single: whole.length === 1 && !fraction, chinese: false }];
    if (suffix) tokens.push({ kind: 'unit', exp: suffix === 'k' ? 3 : 4 });
    return { tokens, length: all.length };
  }
  if (DIGITS[ch] !== undefined) return { tokens: [{ kind: 'number', value: decimal(String(DIGITS[ch])), single: true, chinese: true }], length: 1 };
  if (ZEROS.has(ch)) return { tokens: [{ kind: 'zero' }], length: 1 };
  if (MULTIPLIERS[ch] !== undefined) return { tokens: [{ kind: 'unit', exp: MULTIPLIERS[ch] }], length: 1 };
  if (ch === '点') {
    const digits = fractionDigits(text, at + 1);
    return digits ? { tokens: [{ kind: 'point', digits }], length: 1 + digits.length } : undefined;
  }
  return undefined;
}

/** Splits the numeral at the start of `text` into tokens; spaces between tokens are skipped. */
function tokenize(text: string): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let at = 0;
  let end = 0;
  while (at < text.length) {
    while (text[at] === ' ') at++;
    const next = tokenAt(text, at);
    if (!next) break;
    tokens.push(...next.tokens);
    at += next.length;
    end = at;
  }
  return { tokens, end };
}

/**
 * Folds tokens into a value the way Chinese numerals are read: digits times 十/百/千 add up to a section, 万 and
 * 亿 close a group. Colloquial shortening is understood (一万五 = 15000, 两千三 = 2300), and 零 marks a gap
 * (一百零五 = 105). Any malformed order (百 alone, 三千二千, two numbers in a row) throws, which the caller reads
 * as "not a numeral".
 */
class Accumulator {
  private yi = ZERO; // 亿 groups
  private wan = ZERO; // 万 groups below 亿
  private section = ZERO; // below 万
  private pending: Decimal | undefined; // a digit waiting for its multiplier
  private pendingSingle = false;
  private smallExp: number | undefined; // last 十/百/千 of this section, which must decrease
  private lastExp: number | undefined;
  private zero = false;
  private seen = false;
  private readonly closed = new Set<number>(); // 万 / 亿 already used in this group

  add(token: Token): void {
    if (token.kind === 'number') this.number(token.value, token.single);
    else if (token.kind === 'zero') this.zeroMark();
    else if (token.kind === 'point') this.point(token.digits);
    else if (token.exp <= 3) this.small(token.exp);
    else this.big(token.exp);
    this.seen = true;
  }

  private number(value: Decimal, single: boolean): void {
    if (this.pending !== undefined) throw new Error('two numbers in a row');
    this.pending = value;
    this.pendingSingle = single;
  }

  private zeroMark(): void {
    if (!this.seen) this.number(ZERO, false); // 零 / 零点五
    else if (this.pending !== undefined) throw new Error('digit before 零');
    else this.zero = true;
  }

  private point(digits: string): void {
    if (this.pending !== undefined && this.pending.scale > 0) throw new Error('second decimal point');
    this.pending = add(this.pending ?? ZERO, decimal('0', digits));
    this.pendingSingle = false;
  }

  private small(exp: number): void {
    if (this.smallExp !== undefined && exp >= this.smallExp) throw new Error('multipliers out of order');
    if (this.pending === undefined && exp !== 1) throw new Error('百/千 without a digit');
    this.section = add(this.section, times10(this.pending ?? decimal('1'), exp));
    this.close(exp);
    this.smallExp = exp;
  }

  private big(exp: number): void {
    const empty = this.pending === undefined && this.smallExp === undefined && (exp === 4 || !this.closed.has(4));
    if (empty || this.closed.has(exp)) throw new Error('misplaced 万/亿');
    const group = add(add(exp === 8 ? this.wan : ZERO, this.section), this.tail());
    if (exp === 8) [this.yi, this.wan] = [times10(group, 8), ZERO];
    else this.wan = times10(group, 4);
    if (exp === 8) this.closed.clear(); // 一万亿: 万 may be used again below 亿
    this.closed.add(exp);
    this.section = ZERO;
    this.close(exp);
    this.smallExp = undefined;
  }

  private close(exp: number): void {
    this.pending = undefined;
    this.lastExp = exp;
    this.zero = false;
  }

  /** The pending digit; a lone one right after a multiplier counts one place lower (一万五, 一千五万). */
  private tail(): Decimal {
    const tail = this.pending ?? ZERO;
    const shortened = this.pendingSingle && !this.zero && this.lastExp !== undefined && this.lastExp > 1;
    return shortened ? times10(tail, (this.lastExp ?? 1) - 1) : tail;
  }

  /** The total of every group. */
  result(): Decimal {
    return add(add(this.yi, this.wan), add(this.section, this.tail()));
  }
}

/** 二〇二四 / 一二〇: a run of Chinese digits read place by place (years, phone-style numbers). */
function positional(tokens: readonly Token[]): Decimal | undefined {
  if (tokens.length < 2) return undefined;
  let digits = '';
  for (const t of tokens) {
    if (t.kind === 'zero') digits += '0';
    else if (t.kind === 'number' && t.chinese) digits += String(t.value.units);
    else return undefined;
  }
  return decimal(digits);
}

/** The value of a token list, or undefined when it is not a well-formed numeral. */
function evaluate(tokens: readonly Token[]): Decimal | undefined {
  if (tokens.length === 0) return undefined;
  const place = positional(tokens);
  if (place) return place;
  const acc = new Accumulator();
  try {
    for (const token of tokens) acc.add(token);
  } catch {
    return undefined;
  }
  return acc.result();
}

/**
 * Reads the numeral at the start of `text` (Arabic, Chinese or mixed) and returns it with the rest of the text,
 * e.g. "1.2万平方米" → 12000 and "平方米". Undefined when the text does not start with a well-formed numeral.
 */
export function readNumeral(text: string): NumeralRead | undefined {
  const { tokens, end } = tokenize(text);
  const value = evaluate(tokens);
  return value && { value, rest: text.slice(end).trim() };
}

/** The whole of `text` as a number (一百零五 → 105, 2.5 → 2.5), or undefined when anything else is there. */
export function parseNumeral(text: string): number | undefined {
  const read = readNumeral(text);
  return read && read.rest === '' ? toNumber(read.value) : undefined;
}

// ── exact arithmetic for bounds ──────────────────────────────────────────────────────────────────────────

/** `d × num / den` in whole steps of 10^-digits, rounded down or up, exactly (no floating point). */
export function inSteps(d: Decimal, digits: number, mode: 'floor' | 'ceil', num = 1n, den = 1n): bigint {
  // d × num / den × 10^digits = units × num × 10^digits / (den × 10^scale)
  let top = d.units * num;
  let bottom = den;
  if (digits >= d.scale) top *= 10n ** BigInt(digits - d.scale);
  else bottom *= 10n ** BigInt(d.scale - digits);
  const q = top / bottom; // BigInt division truncates toward zero; values here are never negative
  const exact = q * bottom === top;
  return mode === 'ceil' && !exact ? q + 1n : q;
}

/** A whole number of steps of 10^-digits as a number (12345n, 2 → 123.45), correctly rounded. */
export function fromSteps(steps: bigint, digits: number): number {
  return Number(`${steps}e-${digits}`);
}

/**
 * The place of the last significant digit of `d` (30 → 10, 1.2 → 0.1, 5 → 1), as a Decimal; undefined for 0.
 * "30多" means more than 30 and less than 30 + 10: the next value at this place.
 */
export function lastPlace(d: Decimal): Decimal | undefined {
  if (d.units === 0n) return undefined;
  let units = d.units;
  let zeros = 0;
  while (units % 10n === 0n) {
    units /= 10n;
    zeros++;
  }
  return zeros >= d.scale ? { units: 10n ** BigInt(zeros - d.scale), scale: 0 } : { units: 1n, scale: d.scale - zeros };
}

/** `a + b`, exactly (exported for bounds). */
export function plus(a: Decimal, b: Decimal): Decimal {
  return add(a, b);
}

/** `d × 10^k` for any integer k, exactly. */
export function shifted(d: Decimal, k: number): Decimal {
  return k >= 0 ? times10(d, k) : { units: d.units, scale: d.scale - k };
}
