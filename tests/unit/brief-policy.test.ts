import { describe, expect, it } from "vitest";
import { briefCopy, BRIEF_STAGES } from "@/lib/brief/policy";
import type { Role } from "@/lib/permissions";

describe("who may have which copy of the brief", () => {
  it.each([
    ["LEAD", true, true],
    ["EVALUATOR", true, false],
    ["ANALYST", true, false],
    ["REVIEWER", true, false],
    ["PANELIST", false, false],
    ["ADMIN", false, false],
  ] as Array<[Role, boolean, boolean]>)("%s: approved copy %s, drafts %s", (role, approved, drafts) => {
    expect(briefCopy([role], "approved") !== null).toBe(approved);
    expect(briefCopy([role], "validated") !== null).toBe(drafts);
    expect(briefCopy([role], "selected") !== null).toBe(drafts);
  });

  it("marks every copy but the approved one as a draft", () => {
    expect(briefCopy(["LEAD"], "approved")).toEqual({ include: "approved", stages: ["APPROVED"], draft: false });
    expect(briefCopy(["LEAD"], "validated")?.draft).toBe(true);
    expect(briefCopy(["PANELIST", "LEAD"], "selected")?.draft).toBe(true);
  });

  it("never holds a returned, draft or unselected outcome, and each copy holds the one before it", () => {
    for (const stages of Object.values(BRIEF_STAGES)) {
      expect(stages).not.toContain("RETURNED");
      expect(stages).not.toContain("DRAFT");
      expect(stages).not.toContain("NOT_SELECTED");
    }
    expect(BRIEF_STAGES.selected).toEqual(expect.arrayContaining([...BRIEF_STAGES.validated]));
    expect(BRIEF_STAGES.validated).toEqual(expect.arrayContaining([...BRIEF_STAGES.approved]));
  });
});
