#!/usr/bin/env node
// Entry point for the `consensus-check` bin: registers tsx so the TypeScript sources run
// as they are (no build step), from any working directory.
import { register } from "tsx/esm/api";

register();
const { main } = await import(new URL("../cli/main.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
