import { InputError } from "../../spec/common/input-error.ts";
import type { RunDescriptor } from "./header.ts";
import { firstDifference } from "../../spec/common/json-differences.ts";

/**
 * Refuses to resume a checkpoint made for another run, naming the first thing that differs
 * in one line: the model, its config, the code (identity), the strategy or a setting that
 * changes the explored space. Resuming any of those would report figures of no run at all.
 */
export function assertResumable(saved: RunDescriptor, run: RunDescriptor): void {
  if (saved.model !== run.model) throw new InputError(`checkpoint: made for model ${JSON.stringify(saved.model)}, not ${JSON.stringify(run.model)}`);
  if (saved.config !== run.config) {
    const at = firstDifference(JSON.parse(saved.config), JSON.parse(run.config));
    throw new InputError(`checkpoint: made for config ${abbreviate(saved.config, 160)}; this run's differs ${at ? `at ${JSON.stringify(at)}` : "throughout"}`);
  }
  if (saved.identity !== run.identity) {
    throw new InputError(
      `checkpoint: made with another version of the code (identity ${describeIdentity(saved.identity)} vs ${describeIdentity(run.identity)}); delete it or run without --resume`,
    );
  }
  if (saved.strategy !== run.strategy) throw new InputError(`checkpoint: made with strategy ${JSON.stringify(saved.strategy)}, not ${JSON.stringify(run.strategy)}`);
  for (const key of Object.keys(saved.settings) as (keyof RunDescriptor["settings"])[]) {
    if (saved.settings[key] !== run.settings[key]) {
      throw new InputError(`checkpoint: made with ${key} ${describeSetting(saved.settings[key])}, not ${describeSetting(run.settings[key])}`);
    }
  }
}

function describeSetting(value: number | boolean | null): string {
  return value === null ? "unset" : String(value);
}

function describeIdentity(identity: string | null): string {
  return identity === null ? "none" : abbreviate(identity, 12);
}

function abbreviate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}
