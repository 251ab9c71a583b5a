import { corruptCheckpoint } from "./corrupt.ts";

/** The typed arrays a checkpoint carries (the per-state arrays of the stores and strategies). */
export type SectionArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

type SectionType = new (length: number) => SectionArray;

/** Section element types by their name in the header (the name is what is written). */
export const SECTION_TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array } as const;
export type SectionTypeName = keyof typeof SECTION_TYPES;

export function sectionTypeName(array: SectionArray): SectionTypeName {
  if (array instanceof Uint8Array) return "u8";
  if (array instanceof Uint16Array) return "u16";
  if (array instanceof Int32Array) return "i32";
  return "u32";
}

/** Named sections of a checkpoint being written: each part adds its arrays under its prefix. */
export type Sections = Record<string, SectionArray>;

/** Prefixes every name of `sections` with `prefix` + "." ("visited.arena"). */
export function scoped(prefix: string, sections: Sections): Sections {
  return Object.fromEntries(Object.entries(sections).map(([name, array]) => [`${prefix}.${name}`, array]));
}

/**
 * The sections of a checkpoint being read. `get` checks the name and element type, so a part
 * reading its arrays back cannot misread another part's, and a missing one is a clear error.
 * The arrays may be views into the checkpoint's bytes: copy what is kept.
 */
export class SectionReader {
  constructor(
    private readonly sections: ReadonlyMap<string, SectionArray>,
    private readonly prefix = "",
  ) {}

  get<T extends SectionArray>(name: string, type: new (length: number) => T): T {
    const full = this.prefix + name;
    const array = this.sections.get(full);
    if (array === undefined) throw corruptCheckpoint(`section ${full} is missing`);
    if (!(array instanceof (type as SectionType))) throw corruptCheckpoint(`section ${full} has the wrong element type`);
    return array as T;
  }

  has(name: string): boolean {
    return this.sections.has(this.prefix + name);
  }

  /** Every section under this reader's prefix, by its name below it (for tools listing a checkpoint). */
  entries(): [string, SectionArray][] {
    return [...this.sections].filter(([name]) => name.startsWith(this.prefix)).map(([name, array]) => [name.slice(this.prefix.length), array]);
  }

  /** The sections under `prefix` ("visited" → "visited.arena" read as "arena"). */
  scope(prefix: string): SectionReader {
    return new SectionReader(this.sections, `${this.prefix}${prefix}.`);
  }
}

/** One part of a run as saved: its scalars (into the JSON header) and its arrays (sections). */
export interface PartSnapshot {
  meta: Record<string, unknown>;
  sections: Sections;
}
