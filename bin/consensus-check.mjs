#!/usr/bin/env node
// Entry point for the `consensus-check` bin, from any working directory. In the repository,
// where the TypeScript sources sit beside bin/, tsx runs cli/main.ts as it is (an edit needs no
// build, and a dist/ left by an earlier build never shadows it). In an installed package, which
// holds no sources, the built dist/cli/main.js runs under plain node.
import { existsSync } from "node:fs";

const source = new URL("../cli/main.ts", import.meta.url);
let entry = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  entry = source;
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
