import type { AuditFinding } from "../properties/audit/finding.ts";
import { bitcoinMerkleAudit, seedMerkleAudit } from "../properties/merkle/index.ts";
import { seedMptAudit } from "../properties/mpt/seed-audit.ts";
import { seedAuditMarkdown } from "../reporting/index.ts";
import { recordFolderFile } from "./write-reports.ts";

/** The seed variants audited on every full run (seed-catalogue ground rule 1). */
const audits: (() => AuditFinding[])[] = [seedMerkleAudit, bitcoinMerkleAudit, seedMptAudit];

export async function writeSeedAudit(folder: string): Promise<AuditFinding[]> {
  const findings = audits.flatMap((audit) => audit());
  await recordFolderFile(folder, "seed-audit.md", seedAuditMarkdown(findings));
  return findings;
}
