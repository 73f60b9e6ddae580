/** Signed checkpoints of the audit chains' heads: the file's own checks, without a database. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendCheckpoint, checkpointFile, checkpointOf, readCheckpoints } from "@/lib/audit-anchor/checkpoints";
import { keyRingFromEnv } from "@/lib/crypto";

const oldKey = Buffer.alloc(32, 1).toString("base64");
const newKey = Buffer.alloc(32, 2).toString("base64");
const heads = [
  { evaluationId: "ev-b", sequence: 12n, hash: "b".repeat(64) },
  { evaluationId: null, sequence: 3n, hash: "c".repeat(64) },
];

function tempFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "msc-cp-")), "audit-checkpoints.jsonl");
}

describe("audit checkpoints", () => {
  it("reads back the newest checkpoint, and none from a missing or empty file", () => {
    const file = tempFile();
    const ring = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: oldKey });
    expect(readCheckpoints(file, ring)).toEqual({ state: "none", file });
    appendCheckpoint(file, checkpointOf(heads, new Date("2026-01-01T00:00:00Z")), ring);
    appendCheckpoint(file, checkpointOf([{ ...heads[0]!, sequence: 13n }], new Date("2026-01-01T00:01:00Z")), ring);
    const read = readCheckpoints(file, ring);
    // A line names only the heads that moved; the state is all lines folded.
    expect(read).toMatchObject({ state: "ok", lines: 2, latest: { at: "2026-01-01T00:01:00.000Z" } });
    expect(read.state === "ok" && read.latest.chains).toEqual([
      { evaluationId: null, sequence: "3", hash: "c".repeat(64) },
      { evaluationId: "ev-b", sequence: "13", hash: "b".repeat(64) },
    ]);
    writeFileSync(file, "\n");
    expect(readCheckpoints(file, ring).state).toBe("none");
  });

  it("keeps checkpoints signed before a key rotation valid while the old key is configured", () => {
    const file = tempFile();
    appendCheckpoint(file, checkpointOf(heads), keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: oldKey }));
    expect(
      readCheckpoints(
        file,
        keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: newKey, IDENTITY_ENCRYPTION_KEY_PREVIOUS: oldKey }),
      ).state,
    ).toBe("ok");
    expect(readCheckpoints(file, keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: newKey }))).toMatchObject({
      state: "forged",
      line: 1,
      reason: expect.stringMatching(/not configured/),
    });
  });

  it("finds an altered, garbled or reordered line", () => {
    const ring = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: oldKey });
    const file = tempFile();
    appendCheckpoint(file, checkpointOf(heads, new Date("2026-01-02T00:00:00Z")), ring);
    appendCheckpoint(file, checkpointOf(heads, new Date("2026-01-01T00:00:00Z")), ring);
    expect(readCheckpoints(file, ring)).toMatchObject({
      state: "forged",
      line: 2,
      reason: expect.stringMatching(/reordered/),
    });

    const [first] = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, `${first!.replace('"12"', '"11"')}\n`);
    expect(readCheckpoints(file, ring)).toMatchObject({
      state: "forged",
      line: 1,
      reason: expect.stringMatching(/signature does not match/),
    });
    writeFileSync(file, `${first}\n{"v":1,"chains":[],"mac":"zz"\n`);
    expect(readCheckpoints(file, ring)).toMatchObject({
      state: "forged",
      line: 2,
      reason: expect.stringMatching(/unreadable/),
    });
    writeFileSync(
      file,
      `${first}\n{"v":1,"at":"2027-01-01T00:00:00.000Z","chains":[],"key":"${JSON.parse(first!).key}","mac":"00"}\n`,
    );
    expect(readCheckpoints(file, ring)).toMatchObject({
      state: "forged",
      line: 2,
      reason: expect.stringMatching(/signature does not match/),
    });
  });

  it("lives in the data folder unless AUDIT_CHECKPOINT_FILE names another place", () => {
    expect(checkpointFile({ DATA_DIR: "/srv/msc" })).toBe("/srv/msc/audit-checkpoints.jsonl");
    expect(checkpointFile({ DATA_DIR: "/srv/msc", AUDIT_CHECKPOINT_FILE: "/mnt/elsewhere/a.jsonl" })).toBe(
      "/mnt/elsewhere/a.jsonl",
    );
  });
});
