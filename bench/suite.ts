/** One benchmark suite of `npm run bench`; its figures land under its name in reports/bench.json. */
export interface BenchSuite {
  name: string;
  run(log: (line: string) => void): Promise<Record<string, unknown>>;
}
