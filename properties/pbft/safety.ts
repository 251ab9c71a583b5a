import type { Invariant } from "../../explorer/transition-system.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { agreement } from "./agreement.ts";
import { integrity } from "./integrity.ts";
import { totalOrder } from "./total-order.ts";
import { validity } from "./validity.ts";

/** The PBFT safety properties, in the order they are checked and reported. */
export const pbftSafetyInvariants: readonly Invariant<ClusterState>[] = [agreement, validity, integrity, totalOrder];
