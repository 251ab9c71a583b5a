import type { Result } from "../explorer/index.ts";
import type { AuditFinding } from "../properties/audit/finding.ts";
import { bitcoinMerkleAudit, seedMerkleAudit } from "../properties/merkle/index.ts";
import { seedMptAudit } from "../properties/mpt/seed-audit.ts";
import { paxosSeedAudit } from "../properties/paxos/seed-audit.ts";
import { seedHybridAudit } from "../properties/hybrid/seed-audit.ts";
import { seedAuditMarkdown } from "../reporting/index.ts";
import { recordFolderFiles } from "./write-reports.ts";

/**
 * The seed variants audited on every full run (seed-catalogue ground rule 1). `checked`: the
 * run's own results, which an audit may reuse instead of exploring a model again.
 */
const audits: ((checked: readonly Result[]) => AuditFinding[] | Promise<AuditFinding[]>)[] = [seedMerkleAudit, bitcoinMerkleAudit, seedMptAudit, paxosSeedAudit, seedHybridAudit];

export async function writeSeedAudit(folder: string, checked: readonly Result[] = []): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  for (const audit of audits) findings.push(...(await audit(checked)));
  await recordFolderFiles(folder, [{ name: "seed-audit.md", content: seedAuditMarkdown(findings) }]);
  return findings;
}
