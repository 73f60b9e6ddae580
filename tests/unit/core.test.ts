/**
 * The pieces every feature shares (lib/core): one rule for record ids and for versions, one diff for
 * audit events, one way from a refusal to an action's answer.
 */
import { describe, expect, it } from "vitest";
import { changedFields } from "@/lib/core/changed-fields";
import { idSchema, idSchemaWith, requiredId, validId } from "@/lib/core/ids";
import { outcomeOrRejection, Refusal, refusalsAsResults, rejectionOf } from "@/lib/core/refusal";
import { version, versionWith } from "@/lib/core/version";

describe("record ids", () => {
  const good = ["ckx1a2b3c0000abcd1234efgh", "a", "A_b-9", "x".repeat(64)];
  const bad = [
    "",
    "x".repeat(65),
    "a b",
    "a.b",
    "'; drop table",
    "<script>",
    '{"$ne":null}',
    "ç",
    42,
    null,
    undefined,
    { id: "a" },
    ["a"],
  ];

  it("takes cuid-like ids up to 64 characters, in the loaders and the schemas alike", () => {
    for (const id of good) {
      expect(validId(id)).toBe(true);
      expect(idSchema.safeParse(id).success).toBe(true);
    }
  });

  it("refuses anything else with the same rule everywhere", () => {
    for (const id of bad) {
      expect(validId(id)).toBe(false);
      expect(idSchema.safeParse(id).success).toBe(false);
    }
  });

  it("answers with the message key the form's namespace translates", () => {
    expect(idSchema.safeParse("a b").error?.issues[0]?.message).toBe("invalid");
    expect(idSchemaWith("errors.invalid").safeParse(7).error?.issues[0]?.message).toBe("errors.invalid");
    expect(requiredId.safeParse("").error?.issues[0]?.message).toBe("required");
    expect(requiredId.safeParse("a b").error?.issues[0]?.message).toBe("invalid");
  });
});

describe("versions", () => {
  it("are whole numbers a version column can hold, from 1", () => {
    for (const good of [1, 7, 2_147_483_647]) expect(version.parse(good)).toBe(good);
  });

  it("read as one code however they are wrong", () => {
    for (const bad of [0, -1, 1.5, 2_147_483_648, Number.NaN, "1", null, undefined]) {
      expect(version.safeParse(bad).error?.issues.map((issue) => issue.message)).toEqual(["invalid"]);
    }
    expect(versionWith("errors.invalid").safeParse(0).error?.issues[0]?.message).toBe("errors.invalid");
  });
});

describe("changedFields", () => {
  it("keeps only the fields that differ, compared by value", () => {
    const before = { title: "Agua", tags: ["a"], period: { from: 2020 }, same: 1 };
    const after = { title: "Agua limpia", tags: ["a"], period: { from: 2021 }, same: 1 };
    expect(changedFields(before, after)).toEqual({
      before: { title: "Agua", period: { from: 2020 } },
      after: { title: "Agua limpia", period: { from: 2021 } },
      changed: true,
    });
  });

  it("reads a missing value as null, so nothing changed between absent and null", () => {
    expect(changedFields({ note: null }, { note: undefined })).toEqual({ before: {}, after: {}, changed: false });
    expect(changedFields({}, { note: "nuevo" })).toEqual({
      before: { note: null },
      after: { note: "nuevo" },
      changed: true,
    });
  });
});

describe("refusals", () => {
  it("turn into results with their details as fields, never inside the reason", async () => {
    const result = await refusalsAsResults(async () => {
      throw new Refusal("STORY_BLOCKED", undefined, { story: "CS-0007" });
    });
    expect(result).toEqual({ ok: false, reason: "STORY_BLOCKED", story: "CS-0007" });
  });

  it("let any other error through", async () => {
    await expect(refusalsAsResults(async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
  });

  it("reach the form as rejections with their details beside the reason, and outcomes as they are", () => {
    expect(outcomeOrRejection({ ok: false, reason: "CONSENT_WITHDRAWN", respondent: "R-0042" })).toEqual({
      rejected: "CONSENT_WITHDRAWN",
      details: { respondent: "R-0042" },
    });
    expect(outcomeOrRejection({ ok: false, reason: "ROUND_CLOSED", field: "roundId" })).toEqual({
      rejected: "ROUND_CLOSED",
      field: "roundId",
    });
    expect(outcomeOrRejection({ ok: true, version: 3 })).toEqual({ ok: true, version: 3 });
  });

  it("send only the details a client may see: a step's blockers stay on the server", () => {
    const blocked = {
      ok: false as const,
      reason: "STORY_BLOCKED",
      story: "CS-0007",
      blockers: [{ code: "NO_DOMAIN" }],
    };
    expect(rejectionOf(blocked)).toStrictEqual({
      rejected: "STORY_BLOCKED",
      field: undefined,
      details: { story: "CS-0007" },
    });
    const stepBlocked = { ok: false as const, reason: "BLOCKED", blockers: [] };
    expect(rejectionOf(stepBlocked)).toStrictEqual({
      rejected: "BLOCKED",
      field: undefined,
    });
    expect(
      rejectionOf(new Refusal("MAPPING_REQUIRED", "mapping", { target: "consentDate", header: undefined })),
    ).toStrictEqual({
      rejected: "MAPPING_REQUIRED",
      field: "mapping",
      details: { target: "consentDate" },
    });
  });
});
