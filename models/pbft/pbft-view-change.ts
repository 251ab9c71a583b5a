import type { ProtocolDefinition } from "../../impl/runtime/index.ts";
import { agreementAcrossViews, newViewConsistent, preparedPreserved, requestExecutedInLaterView, viewChangeCompleted, viewChangeHistory } from "../../properties/pbft/index.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import type { PbftMessage } from "../../spec/pbft/messages.ts";
import { quorumSize } from "../../spec/pbft/quorum.ts";
import { certificateSizes, pbftProtocol } from "./pbft-protocol.ts";

/**
 * PBFT with the view change (Castro & Liskov §4.4): the same declaration, plus the ghost history
 * its properties read (properties/pbft/view-change-history.ts) and those properties. A separate
 * declaration so that the normal-case models pay nothing for the history.
 */
export const pbftViewChangeProtocol: ProtocolDefinition<PbftConfig, PbftMessage> = {
  ...pbftProtocol,
  history: viewChangeHistory as ProtocolDefinition<PbftConfig, PbftMessage>["history"],
  invariants: (config) => [
    ...pbftProtocol.invariants(config),
    agreementAcrossViews,
    preparedPreserved(config.f),
    newViewConsistent({ n: config.n, prepareQuorum: certificateSizes(config).prepareQuorum, checkpointQuorum: certificateSizes(config).checkpointQuorum, viewChangeQuorum: quorumSize(config.n, config.f, config.quorumRule) }),
  ],
  sometimes: (config) => [...(pbftProtocol.sometimes?.(config) ?? []), viewChangeCompleted, requestExecutedInLaterView],
};
