import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditFinding } from "../properties/audit/finding.ts";
import { bitcoinMerkleAudit, seedMerkleAudit } from "../properties/merkle/index.ts";
import { seedMptAudit } from "../properties/mpt/seed-audit.ts";
import { seedAuditMarkdown } from "../reporting/index.ts";

/** The seed variants audited on every full run (seed-catalogue ground rule 1). */
const audits: (() => AuditFinding[])[] = [seedMerkleAudit, bitcoinMerkleAudit, seedMptAudit];

export function writeSeedAudit(directory: string): AuditFinding[] {
  const findings = audits.flatMap((audit) => audit());
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "seed-audit.md"), seedAuditMarkdown(findings));
  return findings;
}
