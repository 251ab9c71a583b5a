import { writeFileSync } from "node:fs";
import { CLI_DOC_PATH, renderCliDoc } from "./cli-doc.ts";

// `npm run docs:cli`: rewrites docs/cli.md from the code (test/cli/cli-doc.test.ts checks it is current).
writeFileSync(new URL(`../../${CLI_DOC_PATH}`, import.meta.url), renderCliDoc());
process.stdout.write(`wrote ${CLI_DOC_PATH}\n`);
