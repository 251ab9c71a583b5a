import { defineModel, type Expectation, type ModelDefinition } from "../../api/index.ts";
import { linksConfigSchema, linksProtocol, type LinksConfig } from "../../models/links/links-protocol.ts";
import { findModel } from "../../models/index.ts";

/**
 * A user's model of the bundled links protocol, defined through the public API: the bundled
 * model's config (`links/retransmit`, or its mutant `links/rearm_without_resend`) under a name
 * of the test's own, with the bundled pins unless the test pins something else.
 */
export function linksModel(name: string, bundled: "links/retransmit" | "links/rearm_without_resend", expected?: Expectation): ModelDefinition<LinksConfig> {
  const model = findModel(bundled) as ModelDefinition<LinksConfig>;
  return defineModel({
    name,
    description: `${bundled}, defined through the public API.`,
    protocol: linksProtocol,
    configSchema: linksConfigSchema,
    config: model.config,
    expected: expected ?? model.expected,
  });
}
