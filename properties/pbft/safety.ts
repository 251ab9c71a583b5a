import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { agreement } from "./agreement.ts";
import { clientSafety } from "./client-safety.ts";
import { integrity } from "./integrity.ts";
import { totalOrder } from "./total-order.ts";
import { validity } from "./validity.ts";

/**
 * The PBFT safety properties, in the order they are checked and reported (the first one that
 * fails names the violation). Client safety comes last: it was added after the violation
 * models were pinned, and each of them still reports the replica-side property it breaks.
 */
export const pbftSafetyInvariants: readonly RuntimeInvariant[] = [agreement, validity, integrity, totalOrder, clientSafety];
