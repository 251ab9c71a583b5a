/**
 * Values interned to dense integer ids by a canonical key: the runtime's global state holds only
 * ids (snapshots, messages, envelopes, events), so that a state is a short array of integers and
 * equal values are one id.
 */
export class Interner<T> {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  readonly values: T[] = [];

  /** The id of the value with `key`, interning `make()` when the key is new. */
  intern(key: string, make: () => T): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.values.length;
    this.values.push(make());
    this.keys.push(key);
    this.ids.set(key, id);
    return id;
  }

  idOf(key: string): number | undefined {
    return this.ids.get(key);
  }

  keyOf(id: number): string | undefined {
    return this.keys[id];
  }

  get size(): number {
    return this.values.length;
  }
}
