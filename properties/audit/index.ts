export type { AuditFinding } from "./finding.ts";
