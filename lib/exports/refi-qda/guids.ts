/**
 * Name-based GUIDs (UUID version 5, RFC 9562) for everything in a REFI-QDA project, so the same
 * records give the same GUIDs on every download and a re-import into NVivo, ATLAS.ti or MAXQDA
 * recognises what it already has. The name is the evaluation, the kind of record and its id:
 * two evaluations never share a GUID, and a GUID reveals nothing about the record.
 */
import { createHash } from "node:crypto";

/** This application's namespace for its project GUIDs (a fixed random UUID, never to change). */
export const PROJECT_NAMESPACE = "8f1d3c52-6b0e-4a7f-9c2d-5e4b1a7f3c90";

function bytesOf(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, "hex");
}

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash("sha1").update(bytesOf(namespace)).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The kinds of thing a project holds; each part of a compound name is a record id or a fixed word. */
export type GuidKind =
  "project" | "code-group" | "code" | "variable" | "case" | "source" | "selection" | "coding" | "note";

/** A function that names every GUID of one evaluation's project. */
export function projectGuids(evaluationId: string) {
  return (kind: GuidKind, ...parts: string[]) =>
    uuidV5([evaluationId, kind, ...parts].join("\u0000"), PROJECT_NAMESPACE);
}

export type GuidOf = ReturnType<typeof projectGuids>;
