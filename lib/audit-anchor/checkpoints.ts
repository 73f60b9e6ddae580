/**
 * Signed checkpoints of the audit chains' heads, kept outside the database
 * (docs/decisions/0029-database-roles-audit-anchor-backups.md). Whoever can rewrite the database
 * but holds neither this file nor the key cannot hide deleted or edited events that a checkpoint
 * covered: `npm run audit:verify` compares the chains with the newest checkpoint.
 *
 * One JSON line per checkpoint, appended: {v, at, chains: [{evaluationId, sequence, hash}], key, mac},
 * naming only the chains whose head moved since the line before (so the file grows with activity,
 * not with the number of evaluations); the state it records is all lines folded in order.
 * `mac` is HMAC-SHA256 over the canonical JSON of {v, at, chains}, with a key derived from
 * IDENTITY_ENCRYPTION_KEY (so it lives where that key lives, and no second secret is needed);
 * `key` is that key's fingerprint, so checkpoints signed before a key rotation still verify while
 * IDENTITY_ENCRYPTION_KEY_PREVIOUS holds the old key.
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
} from "node:fs";
import path from "node:path";
import { canonicalJson } from "@/lib/audit";
import { keyFingerprint, type KeyRing } from "@/lib/crypto";
import type { ChainHead } from "./data";

export type Checkpoint = {
  v: 1;
  at: string;
  chains: Array<{ evaluationId: string | null; sequence: string; hash: string }>;
};
type SignedCheckpoint = Checkpoint & { key: string; mac: string };

export const CHECKPOINT_FILE_NAME = "audit-checkpoints.jsonl";

/** AUDIT_CHECKPOINT_FILE, or the file in the data folder. */
export function checkpointFile(env: Record<string, string | undefined>): string {
  return path.resolve(env.AUDIT_CHECKPOINT_FILE || path.join(env.DATA_DIR || ".data", CHECKPOINT_FILE_NAME));
}

const signingKeys = new Map<string, Buffer>();

function signingKey(identityKey: Buffer): Buffer {
  const id = keyFingerprint(identityKey);
  let key = signingKeys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", identityKey, Buffer.alloc(0), "msc audit checkpoint v1", 32));
    signingKeys.set(id, key);
  }
  return key;
}

function macOf(checkpoint: Checkpoint, identityKey: Buffer): string {
  const { v, at, chains } = checkpoint;
  return createHmac("sha256", signingKey(identityKey)).update(canonicalJson({ v, at, chains })).digest("hex");
}

export function checkpointOf(heads: ChainHead[], at = new Date()): Checkpoint {
  const chains = heads
    .map((head) => ({ evaluationId: head.evaluationId, sequence: head.sequence.toString(), hash: head.hash }))
    .sort((a, b) => (a.evaluationId ?? "").localeCompare(b.evaluationId ?? ""));
  return { v: 1, at: at.toISOString(), chains };
}

export type CheckpointRead =
  | { state: "none"; file: string }
  | { state: "forged"; file: string; line: number; reason: string }
  /** `latest`: every chain's newest recorded head, at the time of the last line. */
  | { state: "ok"; file: string; latest: Checkpoint; lines: number };

/** Later lines replace the heads they name. */
export function fold(state: Checkpoint | null, line: Checkpoint): Checkpoint {
  const chains = new Map((state?.chains ?? []).map((chain) => [chain.evaluationId ?? "", chain]));
  for (const chain of line.chains) chains.set(chain.evaluationId ?? "", chain);
  return checkpointOf(
    [...chains.values()].map((chain) => ({ ...chain, sequence: BigInt(chain.sequence) })),
    new Date(line.at),
  );
}

/** Checks the signature of every line; returns the folded state, or the first line that fails. */
export function readCheckpoints(file: string, ring: KeyRing): CheckpointRead {
  if (!existsSync(file)) return { state: "none", file };
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  if (lines.length === 0) return { state: "none", file };
  let latest: Checkpoint | null = null;
  for (const [index, line] of lines.entries()) {
    const forged = (reason: string) => ({ state: "forged", file, line: index + 1, reason }) as const;
    let parsed: SignedCheckpoint;
    try {
      parsed = JSON.parse(line) as SignedCheckpoint;
    } catch {
      return forged("not a checkpoint (unreadable JSON)");
    }
    if (
      parsed?.v !== 1 ||
      !Array.isArray(parsed.chains) ||
      typeof parsed.mac !== "string" ||
      typeof parsed.at !== "string"
    )
      return forged("not a checkpoint");
    const key = [ring.current, ...ring.previous].find((candidate) => keyFingerprint(candidate) === parsed.key);
    if (!key) return forged(`signed with a key that is not configured (fingerprint ${String(parsed.key)})`);
    const expected = Buffer.from(macOf(parsed, key), "hex");
    const given = Buffer.from(parsed.mac, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return forged("the signature does not match: the line was altered");
    if (latest && parsed.at < latest.at) return forged("older than the line before it: lines were reordered");
    latest = fold(latest, parsed);
  }
  return { state: "ok", file, latest: latest!, lines: lines.length };
}

/**
 * The writer's view of its own file, re-read in full only when the file's size is not the one it
 * left: a year of checkpoints is not read again every minute.
 */
const writerView = new Map<string, { size: number; read: CheckpointRead }>();

export function readCheckpointsForWriter(file: string, ring: KeyRing): CheckpointRead {
  const size = existsSync(file) ? fstatSizeOf(file) : -1;
  const known = writerView.get(file);
  if (known && known.size === size) return known.read;
  const read = readCheckpoints(file, ring);
  writerView.set(file, { size, read });
  return read;
}

/** After the writer's own append: its view moves on without reading the file again. */
export function rememberAppended(file: string, checkpoint: Checkpoint): void {
  const known = writerView.get(file);
  if (known?.read.state !== "ok" && known?.read.state !== "none") return void writerView.delete(file);
  const before = known.read.state === "ok" ? known.read : { latest: null, lines: 0 };
  writerView.set(file, {
    size: fstatSizeOf(file),
    read: { state: "ok", file, latest: fold(before.latest, checkpoint), lines: before.lines + 1 },
  });
}

function fstatSizeOf(file: string): number {
  const fd = openSync(file, "r");
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Appends a signed checkpoint and flushes it to disk (mode 600: it names evaluation ids). */
export function appendCheckpoint(file: string, checkpoint: Checkpoint, ring: KeyRing): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const signed: SignedCheckpoint = {
    ...checkpoint,
    key: keyFingerprint(ring.current),
    mac: macOf(checkpoint, ring.current),
  };
  appendFileSync(file, `${JSON.stringify(signed)}\n`, { mode: 0o600 });
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The heads that differ from those already recorded: what the next line must name. */
export function movedHeads(recorded: Checkpoint | null, current: Checkpoint): Checkpoint["chains"] {
  const known = new Map((recorded?.chains ?? []).map((chain) => [chain.evaluationId ?? "", chain]));
  return current.chains.filter((chain) => {
    const before = known.get(chain.evaluationId ?? "");
    return !before || before.sequence !== chain.sequence || before.hash !== chain.hash;
  });
}
