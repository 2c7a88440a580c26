/** The bounded memo behind the conversation's caches: recent entries stay, old ones go, the bound holds. */
import { describe, expect, it } from 'vitest';
import { Recent } from '../src/flows/recent.js';

describe('Recent', () => {
  it('remembers what was set, and forgets what is more than a limit old', () => {
    const recent = new Recent<string, number>(4);
    for (let i = 0; i < 6; i++) recent.set(`k${i}`, i);
    expect([5, 4, 0, 1].map((i) => recent.get(`k${i}`))).toEqual([5, 4, undefined, undefined]);
    // Found in the older generation, an entry moves forward (and stays while the oldest go).
    expect(recent.get('k2')).toBe(2);
    recent.set('k6', 6);
    expect(recent.get('k2')).toBe(2);
  });

  it('keeps an entry that is used while newer ones arrive', () => {
    const recent = new Recent<string, number>(4);
    recent.set('used', 1);
    for (let i = 0; i < 50; i++) {
      recent.set(`k${i}`, i);
      expect(recent.get('used')).toBe(1);
    }
    expect(recent.get('k0')).toBeUndefined();
  });

  it('never holds more than its limit, however many entries pass through', () => {
    const recent = new Recent<number, number>(10);
    for (let i = 0; i < 10_000; i++) recent.set(i, i);
    const held = Array.from({ length: 10_000 }, (_, i) => recent.has(i)).filter(Boolean).length;
    expect(held).toBeGreaterThanOrEqual(5);
    expect(held).toBeLessThanOrEqual(10);
  });
});
