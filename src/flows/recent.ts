/**
 * A bounded memo of recent entries in two generations: new entries go to the current one; when it is full, it
 * becomes the previous one (the one before is dropped); an entry found in the previous generation moves forward.
 * Every operation is O(1). (Evicting a Set's or Map's oldest entry one at a time is not: V8 leaves deleted entries
 * in place until the table is rebuilt, and finding the oldest live one walks past them all.)
 */
export class Recent<K, V> {
  #current = new Map<K, V>();
  #previous = new Map<K, V>();
  readonly #generation: number;

  /** Keeps between `limit / 2` and `limit` entries. */
  constructor(limit: number) {
    this.#generation = Math.max(1, Math.floor(limit / 2));
  }

  /** The value remembered for `key`, if it is recent. */
  get(key: K): V | undefined {
    const value = this.#current.get(key);
    if (value !== undefined || !this.#previous.has(key)) return value;
    const moved = this.#previous.get(key) as V;
    this.set(key, moved);
    return moved;
  }

  /** Whether `key` is remembered. */
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Remembers `value` for `key` (undefined is not a value that can be remembered). */
  set(key: K, value: V): void {
    if (this.#current.size >= this.#generation) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(key, value);
  }
}
