import { canonicalJson } from "../common/canonical-json.ts";
import { sha256Hex } from "../pbft/digest.ts";

/**
 * Blocks and transactions of the hybrid protocol (seed §3.2's `Block::new(transactions)`, which
 * the seed leaves undefined; catalogue A23 "Decide": the header fields and which each stage's
 * proof covers). A block is JSON data, kept whole in the snapshots of the nodes that know it.
 */

/**
 * A payment from `account` with the account's `nonce` (Ethereum's account model). Two
 * transactions conflict when they spend the same (account, nonce) differently: a double spend
 * (seed B §3.1, catalogue B11, DS1).
 */
export interface Transaction {
  account: string;
  nonce: number;
  payee: string;
}

export function transactionId(tx: Transaction): string {
  return `${tx.account}#${tx.nonce}>${tx.payee}`;
}

export function conflicts(a: Transaction, b: Transaction): boolean {
  return a.account === b.account && a.nonce === b.nonce && a.payee !== b.payee;
}

/** What the header commits to: the fields every stage's proof covers (PoW's nonce search, a proposer's and attesters' signatures, finality votes are all over the digest). */
export interface BlockHeader {
  height: number;
  /** The parent's digest; GENESIS's parent is "". */
  parent: string;
  /** Who made the block (the lottery's winner, or the stake-selected proposer). */
  proposer: string;
  txs: Transaction[];
  /** PoW (α > 0): the nonce `mine` found; 0 when the block is not mined. */
  nonce: number;
}

export interface Block extends BlockHeader {
  digest: string;
}

/** Hex characters kept of a digest: unique among the few blocks a bounded model makes, short in snapshots and traces. */
const DIGEST_LENGTH = 12;

const digests = new Map<string, string>();

/** SHA-256 of the header's canonical JSON; memoised (the explorer asks for the same few headers again and again). */
export function blockDigest(header: BlockHeader): string {
  const encoding = canonicalJson({ height: header.height, parent: header.parent, proposer: header.proposer, txs: header.txs, nonce: header.nonce });
  let digest = digests.get(encoding);
  if (digest === undefined) {
    digest = sha256Hex(`block ${encoding}`).slice(0, DIGEST_LENGTH);
    digests.set(encoding, digest);
  }
  return digest;
}

export function makeBlock(header: BlockHeader): Block {
  return { ...header, digest: blockDigest(header) };
}

/** The common root every node starts from (height 0, no proposer, no transactions). */
export const GENESIS: Block = makeBlock({ height: 0, parent: "", proposer: "", txs: [], nonce: 0 });

/**
 * Proof of work with a tiny difficulty (catalogue A23: "ProofOfWork::mine: target, nonce search,
 * tiny difficulty for tests, deterministic"): the block's digest, read as a number, must be below
 * the target; `mine` searches nonces 0, 1, … and returns the first block that meets it, so mining
 * is a pure function of the header and the explorer meets one block per (parent, proposer, txs).
 */
export const POW_TARGET_HEX_DIGITS = 1;
/** Digests whose first hex digit is below this meet the target: one in four headers. */
export const POW_TARGET = 4;

export function meetsPowTarget(block: Block): boolean {
  return Number.parseInt(block.digest.slice(0, POW_TARGET_HEX_DIGITS), 16) < POW_TARGET && blockDigest(block) === block.digest;
}

export function mine(header: Omit<BlockHeader, "nonce">): Block {
  for (let nonce = 0; ; nonce++) {
    const block = makeBlock({ ...header, nonce });
    if (meetsPowTarget(block)) return block;
  }
}

/** A short readable name for traces and diagrams: height, proposer and digest prefix ("h1·V0·3fa2c1"). */
export function blockLabel(block: Block): string {
  return block.height === 0 ? "genesis" : `h${block.height}·${block.proposer}·${block.digest.slice(0, 6)}`;
}

/**
 * A signature only its signer produces (as PBFT's, spec/pbft/signatures.ts): a short digest of
 * the signer and the signed text, which verification recomputes. A Byzantine node signs as
 * itself only; the model never lets it make another's.
 */
export function signatureOf(signer: string, signed: string): string {
  return sha256Hex(`${signer} signs ${signed}`).slice(0, 16);
}

/** A proposer's signature on a block (a PoS block's proof, in both the reference and the seed port): over the digest, under a prefix of its own so that no other signature passes for it. */
export function signBlock(proposer: string, digest: string): string {
  return signatureOf(proposer, `block ${digest}`);
}
