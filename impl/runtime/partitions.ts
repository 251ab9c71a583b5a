import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { InputError } from "../../spec/common/input-error.ts";

/**
 * The partitions a protocol allows (NetworkModel.partitions), checked once and kept as each
 * actor's side in each, so that "does partition p separate a sender from a receiver" is two
 * array reads. The state holds only which one is in force (state-layout.ts).
 */
export class Partitions {
  /** Per partition, per actor index, its side. */
  private readonly sideOf: Uint8Array[];

  constructor(
    /** The declared partitions, as written: a `partition` step names one by its sides. */
    readonly declared: readonly (readonly (readonly string[])[])[],
    actorNames: readonly string[],
    where: string,
  ) {
    const field = `${where}: network.partitions`;
    if (!Array.isArray(declared) || declared.length === 0) throw new InputError(`${field} must list at least one partition (leave it out for a network that never splits)`);
    const seen = new Map<string, number>();
    this.sideOf = declared.map((sides, p) => {
      const at = `${field}[${p}]`;
      if (!Array.isArray(sides) || sides.length < 2) throw new InputError(`${at} must have at least two sides`);
      const sideOf = new Uint8Array(actorNames.length);
      const placed = new Set<string>();
      sides.forEach((side, s) => {
        if (!Array.isArray(side) || side.length === 0) throw new InputError(`${at}[${s}] must list at least one actor`);
        for (const name of side) {
          const actor = actorNames.indexOf(name);
          if (actor < 0) throw new InputError(`${at}[${s}]: ${JSON.stringify(name)} is no actor of this model`);
          if (placed.has(name)) throw new InputError(`${at}: ${name} is on two sides (sides must be disjoint)`);
          placed.add(name);
          sideOf[actor] = s;
        }
      });
      const missing = actorNames.filter((name) => !placed.has(name));
      if (missing.length > 0) throw new InputError(`${at}: ${missing.join(", ")} on no side (every actor is on one side)`);
      // Two declarations of one partition would be two actions with one meaning.
      const key = canonicalJson(sides.map((side) => [...side].sort()).sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1)));
      const twin = seen.get(key);
      if (twin !== undefined) throw new InputError(`${at} is network.partitions[${twin}] again`);
      seen.set(key, p);
      return sideOf;
    });
  }

  /** Whether partition `partition` (an index into `declared`) keeps messages from `from` to `to`. */
  separates(partition: number, from: number, to: number): boolean {
    const sideOf = this.sideOf[partition]!;
    return sideOf[from] !== sideOf[to];
  }
}
