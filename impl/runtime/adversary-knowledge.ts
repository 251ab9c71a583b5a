import { InputError } from "../../spec/common/input-error.ts";
import { Interner } from "./interner.ts";
import type { FaultModel } from "./protocol.ts";
import type { Runtime } from "./runtime.ts";
import type { StateLayout } from "./state-layout.ts";

/**
 * What Byzantine actors have seen and may replay (faults.replay): per Byzantine actor — or one
 * for all, when the adversary sees the network — the set of messages it knows, interned and
 * kept as one word of the state, and the replay budget.
 */
export class AdversaryKnowledge {
  /** Sets of message ids, ascending. */
  readonly sets = new Interner<number[]>();
  /** The replays a run may take; 0 without. */
  readonly budget: number;
  /** Per actor, the knowledge word it reads and adds to, −1 for one that is not Byzantine. */
  readonly wordOf: readonly number[];
  /** Words of the state that hold knowledge (0 without replays). */
  readonly words: number;
  private readonly shared: boolean;

  constructor(faults: FaultModel, byzantine: readonly boolean[], where: string) {
    this.budget = faults.replay?.budget ?? 0;
    const count = byzantine.filter(Boolean).length;
    if (this.budget > 0 && count === 0) throw new InputError(`${where}: faults.replay needs at least one Byzantine actor (faults.byzantine)`);
    this.shared = faults.replay?.seesNetwork === true;
    let word = 0;
    this.wordOf = byzantine.map((isByzantine) => (this.budget === 0 || !isByzantine ? -1 : this.shared ? 0 : word++));
    this.words = this.budget === 0 ? 0 : this.shared ? 1 : count;
  }

  /** The initial state knows nothing (before the actors' first sends are learnt). */
  startInto(head: Uint32Array, layout: StateLayout): void {
    if (this.words === 0) return;
    const empty = this.sets.intern("", () => []);
    for (let i = 0; i < this.words; i++) head[layout.knowledgeAt + i] = empty;
  }

  /**
   * The adversary learns what was just sent: a Byzantine actor every message sent to it, or,
   * when it sees the network, every message sent at all. `head` is changed.
   */
  learn<C, M extends { type: string }>(runtime: Runtime<C, M>, head: Uint32Array, envelopes: readonly number[]): void {
    if (this.budget === 0 || envelopes.length === 0) return;
    for (const envelope of envelopes) {
      const { to, message } = runtime.envelopes.values[envelope]!;
      const word = this.shared ? 0 : this.wordOf[to]!;
      if (word < 0) continue;
      const at = runtime.layout.knowledgeAt + word;
      const known = this.sets.values[head[at]!]!;
      if (known.includes(message)) continue;
      const grown = [...known, message].sort((a, b) => a - b);
      head[at] = this.sets.intern(grown.join(","), () => grown);
    }
  }
}
