import { createHash, hash } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { MerkleTree as MerkleTreeJs } from "merkletreejs";
import { EMPTY_FRONTIER, appendLeafHash, bitcoinScheme, buildMerkleTree, frontierRoot, nodeAt, rfc6962Scheme, seedScheme, treeRoot } from "../impl/merkle/index.ts";
import { proofLengthStats } from "../properties/merkle/index.ts";
import type { BenchSuite } from "./suite.ts";

/**
 * `npm run bench -- merkle`: the RFC 9162 build over 2^20 leaves against merkletreejs and
 * against the bare cost of exactly the SHA-256 calls the tree needs (n leaf inputs 0x00‖d of
 * 33 bytes, n − 1 node inputs 0x01‖l‖r of 65 bytes), each through node:crypto's one-shot
 * `hash` (latin1 and Buffer digests), `createHash` and @noble/hashes. Same inputs, roots compared.
 */
const LEAVES = 2 ** 20;
const REPEATS = 5;

type Sha256 = (data: Uint8Array) => Uint8Array;
const SHA256_PATHS: Record<string, Sha256 | ((data: Uint8Array) => string)> = {
  "node:crypto hash, latin1 digest": (data) => hash("sha256", data, "binary"),
  "node:crypto hash, Buffer digest": (data) => hash("sha256", data, "buffer"),
  "node:crypto createHash": (data) => createHash("sha256").update(data).digest(),
  "@noble/hashes": (data) => nobleSha256(data),
};

function leafData(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => {
    const data = new Uint8Array(32).fill(i % 251);
    new DataView(data.buffer).setUint32(0, i);
    return data;
  });
}

/** The 2n − 1 inputs of the tree's hash calls: leaf inputs exact, node inputs of the right length. */
function hashInputs(leaves: readonly Uint8Array[]): Uint8Array[] {
  const inputs = leaves.map((d) => Uint8Array.from([0x00, ...d]));
  const nodes = new Uint8Array((leaves.length - 1) * 65).map((_, i) => (i * 31) & 0xff);
  for (let i = 0; i < leaves.length - 1; i++) inputs.push(nodes.subarray(i * 65, (i + 1) * 65));
  return inputs;
}

function seconds(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function bareSha256(inputs: readonly Uint8Array[], sha: (data: Uint8Array) => unknown): void {
  for (const input of inputs) sha(input);
}

/**
 * merkletreejs computing the RFC 9162 root: leaves given as 0x00‖d and hashed by it, nodes
 * 0x01‖l‖r through its `concatenator`; an odd node is carried up, its default, as in RFC 9162.
 * `hashFn` undefined = its default (crypto-js SHA-256), what a user gets out of the box.
 */
function merkletreejsRfc6962(prefixedLeaves: readonly Buffer[], hashFn?: (data: Buffer) => Buffer): MerkleTreeJs {
  const nodePrefix = Buffer.from([0x01]);
  return new MerkleTreeJs([...prefixedLeaves], hashFn, {
    hashLeaves: true,
    concatenator: (parts: Buffer[]) => Buffer.concat([nodePrefix, ...parts]),
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

export const merkleBench: BenchSuite = {
  name: "merkle",
  async run(log) {
    const leaves = leafData(LEAVES);
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Each contestant gets a collected heap and only its own inputs alive: millions of live
    // input arrays make every GC slower for whoever allocates next, which skews the ratios.
    const timed = <T>(prepare: () => T, run: (input: T) => void): number => {
      const input = prepare();
      gc();
      return seconds(() => run(input));
    };
    const prefixedLeaves = (): Buffer[] => leaves.map((d) => Buffer.from([0x00, ...d]));
    const best: Record<string, number> = {};
    const keep = (key: string, s: number): number => {
      best[key] = Math.min(best[key] ?? Number.POSITIVE_INFINITY, s);
      return s;
    };
    const [fastPath, ...otherPaths] = Object.entries(SHA256_PATHS);
    // Ratios are taken within one repeat (bare and ours back to back), then the median: the
    // shared machine's load drifts between repeats far more than within one.
    const oursOverBare: number[] = [];
    const merkletreejsOverOurs: number[] = [];
    // Only roots survive a build: a retained tree (merkletreejs keeps ~400 bytes of heap per
    // leaf) would make every later allocation pay for marking it, and skew whatever runs next.
    let ourRoot = "";
    let theirRoot = "";
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      const bare = keep(`bare sha256 (${fastPath[0]})`, timed(() => hashInputs(leaves), (inputs) => bareSha256(inputs, fastPath[1])));
      const build = keep("ours", timed(() => leaves, (input) => (ourRoot = hex(treeRoot(buildMerkleTree(input))))));
      const theirBuild = keep("merkletreejs (node:crypto hashFn)", timed(prefixedLeaves, (prefixed) => (theirRoot = hex(merkletreejsRfc6962(prefixed, (data) => hash("sha256", data, "buffer")).getRoot()))));
      oursOverBare.push(build / bare);
      merkletreejsOverOurs.push(theirBuild / build);
      log(`repeat ${repeat}: bare ${bare.toFixed(3)} s, ours ${build.toFixed(3)} s, merkletreejs ${theirBuild.toFixed(3)} s`);
    }
    for (const [name, sha] of otherPaths) keep(`bare sha256 (${name})`, timed(() => hashInputs(leaves), (inputs) => bareSha256(inputs, sha)));
    let theirDefaultRoot = "";
    keep("merkletreejs (default hashFn)", timed(prefixedLeaves, (prefixed) => (theirDefaultRoot = hex(merkletreejsRfc6962(prefixed).getRoot()))));
    log(`once each: ${Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(3)} s`).join(", ")}`);
    if (theirDefaultRoot !== theirRoot) throw new Error("merkletreejs's two hash functions give different roots");
    const ours = buildMerkleTree(leaves);
    let frontier = EMPTY_FRONTIER;
    for (let i = 0; i < LEAVES; i++) frontier = appendLeafHash(frontier, nodeAt(ours, 0, i));
    if (ourRoot !== theirRoot || ourRoot !== hex(frontierRoot(frontier))) throw new Error(`roots differ: ours ${ourRoot}, merkletreejs ${theirRoot}`);

    const bare = Object.keys(SHA256_PATHS).map((name) => [name, best[`bare sha256 (${name})`]] as const);
    const [fastestName] = bare.reduce((a, b) => (b[1] < a[1] ? b : a));
    const memory = measureMemory(leaves);
    return {
      leaves: LEAVES,
      hashCalls: 2 * LEAVES - 1,
      compared: "merkletreejs 0.6 with hashLeaves over 0x00‖d and concatenator 0x01‖l‖r, once with node:crypto hash (Buffer digest) as hashFn and once with its default crypto-js SHA-256: the same RFC 9162 root and the same 2n − 1 SHA-256 calls as ours",
      root: `0x${ourRoot}`,
      sameRoot: true,
      seconds: { ours: best.ours, "merkletreejs (node:crypto hashFn)": best["merkletreejs (node:crypto hashFn)"], "merkletreejs (default hashFn)": best["merkletreejs (default hashFn)"], ...Object.fromEntries(bare.map(([name, s]) => [`bare sha256 via ${name}`, s])) },
      perHashCallMicroseconds: Object.fromEntries(bare.map(([name, s]) => [name, (s / (2 * LEAVES - 1)) * 1e6])),
      fastestSha256: fastestName,
      hotPathSha256: "node:crypto hash, latin1 digest written into the level buffer (impl/merkle/sha256.ts sha256Into)",
      speedupOverMerkletreejs: {
        "node:crypto hashFn, median of per-repeat ratios": median(merkletreejsOverOurs),
        "default hashFn (one run) over our best": best["merkletreejs (default hashFn)"] / best.ours,
      },
      oursOverBareSha256: { medianOfPerRepeatRatios: median(oursOverBare), perRepeat: oursOverBare, bestOverBest: best.ours / best[`bare sha256 (${fastPath[0]})`] },
      bytesPerLeaf: memory,
      proofLength: {
        note: "catalogue A35 (d): inclusion proof length in hashes over every leaf (min/max/mean) against ⌈log₂ n⌉",
        rfc6962: [1, 2, 3, 5, 7, 8, 64, 100, 1000, 4096, 65537].map((n) => proofLengthStats(rfc6962Scheme, n)),
        "seed-merkle": [1, 3, 7, 100, 1000, 4096].map((n) => proofLengthStats(seedScheme, n)),
        bitcoin: [1, 3, 7, 100, 1000, 4096].map((n) => proofLengthStats(bitcoinScheme, n)),
      },
    };
  },
};

/** Bytes per leaf: the tree's own hash storage, and the retained heap growth of each build after a full GC. */
function measureMemory(leaves: readonly Uint8Array[]): Record<string, number> {
  const gc = runInNewContext("gc") as () => void;
  const retained = (build: () => unknown): number => {
    gc();
    const before = heapBytes();
    const kept = build();
    gc();
    const grown = heapBytes() - before;
    if (kept === undefined) throw new Error("nothing built");
    return grown / leaves.length;
  };
  const prefixed = leaves.map((d) => Buffer.from([0x00, ...d]));
  const tree = buildMerkleTree(leaves);
  return {
    // 65-byte slots (0x01 ‖ left ‖ right) for every pair on every level: ~2n nodes × 32.5 bytes.
    oursStoredHashes: tree.levels.reduce((sum, level) => sum + level.byteLength, 0) / leaves.length,
    oursRetainedHeap: retained(() => buildMerkleTree(leaves)),
    merkletreejsRetainedHeap: retained(() => merkletreejsRfc6962(prefixed, (data) => hash("sha256", data, "buffer"))),
  };
}
