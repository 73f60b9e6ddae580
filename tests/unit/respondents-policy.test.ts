/** Pure rules for respondents: codes, who sees what, consent and withdrawal, what DESTROY erases. */
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  changedIdentityFields,
  consentStanding,
  consentRefusal,
  currentConsent,
  grantedScopes,
  respondentCapabilities,
  respondentCode,
  storiesToFlag,
  transcriptsToErase,
  withdrawalExcludes,
  withdrawalRefusal,
} from "@/lib/respondents/policy";
import { day } from "@/tests/factories/ids";

describe("respondent codes", () => {
  it("pads to four digits and grows past them", () => {
    expect(respondentCode(1)).toBe("R-0001");
    expect(respondentCode(42)).toBe("R-0042");
    expect(respondentCode(12345)).toBe("R-12345");
  });

  it("refuses numbers that are not codes", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => respondentCode(n)).toThrow();
  });
});

describe("who may do what with respondents", () => {
  const table: Array<[Role[], ReturnType<typeof respondentCapabilities>]> = [
    [["LEAD"], { view: true, edit: true, viewIdentity: true, editIdentity: true, editConsent: true }],
    [["EVALUATOR"], { view: true, edit: true, viewIdentity: true, editIdentity: true, editConsent: true }],
    [["ANALYST"], { view: true, edit: false, viewIdentity: false, editIdentity: false, editConsent: false }],
    [["PANELIST"], { view: false, edit: false, viewIdentity: false, editIdentity: false, editConsent: false }],
    [["REVIEWER"], { view: false, edit: false, viewIdentity: false, editIdentity: false, editConsent: false }],
    [["ADMIN"], { view: false, edit: false, viewIdentity: false, editIdentity: false, editConsent: false }],
    [[], { view: false, edit: false, viewIdentity: false, editIdentity: false, editConsent: false }],
    [
      ["REVIEWER", "ANALYST"],
      { view: true, edit: false, viewIdentity: false, editIdentity: false, editConsent: false },
    ],
    [["ADMIN", "EVALUATOR"], { view: true, edit: true, viewIdentity: true, editIdentity: true, editConsent: true }],
  ];
  it.each(table)("%j", (roles, expected) => {
    expect(respondentCapabilities(roles)).toEqual(expected);
  });
});

describe("the current consent", () => {
  const consent = (id: string, givenOn: string, createdAt: string, withdrawnOn: string | null = null) => ({
    id,
    givenOn: day(givenOn),
    createdAt: new Date(createdAt),
    withdrawnOn: withdrawnOn ? day(withdrawnOn) : null,
    withdrawalChoice: withdrawnOn ? ("STOP" as const) : null,
  });

  it("is the newest by date given, then by when it was recorded", () => {
    const consents = [
      consent("a", "2024-06-01", "2024-06-02T10:00:00Z"),
      consent("b", "2024-07-01", "2024-07-01T10:00:00Z"),
      consent("c", "2024-07-01", "2024-07-03T10:00:00Z"),
    ];
    expect(currentConsent(consents)?.id).toBe("c");
    expect(currentConsent([])).toBeNull();
  });

  it("allows a use only when granted and not withdrawn", () => {
    const scopes = [
      { scope: "INTERVIEW" as const, granted: true },
      { scope: "AUDIO_RECORDING" as const, granted: false },
    ];
    expect(grantedScopes(scopes)).toEqual({
      INTERVIEW: true,
      AUDIO_RECORDING: false,
      ANONYMOUS_QUOTATION: false,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: false,
    });
    const given = { ...consent("a", "2024-06-01", "2024-06-01T00:00:00Z"), scopes };
    const respondent = (consents: Array<typeof given>, excludedAt: Date | null = null) => ({ excludedAt, consents });
    expect(consentStanding(respondent([given]), "INTERVIEW")).toBe("ALLOWED");
    expect(consentStanding(respondent([given]), "AUDIO_RECORDING")).toBe("SCOPE_NOT_GRANTED");
    expect(consentStanding(respondent([given]), "CONTACT_FOR_VALIDATION")).toBe("SCOPE_NOT_GRANTED");
    expect(
      consentStanding(
        respondent([{ ...given, withdrawnOn: day("2024-09-01"), withdrawalChoice: "STOP" }]),
        "INTERVIEW",
      ),
    ).toBe("WITHDRAWN");
    expect(consentStanding(respondent([given], day("2024-10-01")), "INTERVIEW")).toBe("EXCLUDED");
    expect(consentStanding(respondent([]), "INTERVIEW")).toBe("NO_CONSENT");
  });

  it("judges by the newest form only: a later form that refuses a scope wins over an earlier grant", () => {
    const granted = {
      ...consent("a", "2024-06-01", "2024-06-01T00:00:00Z"),
      scopes: [{ scope: "CONTACT_FOR_VALIDATION" as const, granted: true }],
    };
    const refused = {
      ...consent("b", "2024-08-01", "2024-08-01T00:00:00Z"),
      scopes: [{ scope: "CONTACT_FOR_VALIDATION" as const, granted: false }],
    };
    expect(consentStanding({ excludedAt: null, consents: [granted, refused] }, "CONTACT_FOR_VALIDATION")).toBe(
      "SCOPE_NOT_GRANTED",
    );
    expect(
      consentStanding(
        { excludedAt: null, consents: [refused, { ...granted, givenOn: day("2024-09-01") }] },
        "CONTACT_FOR_VALIDATION",
      ),
    ).toBe("ALLOWED");
  });

  it("refuses a newer form after a withdrawal or a destruction, and an older date", () => {
    const current = consent("a", "2024-06-01", "2024-06-01T00:00:00Z");
    expect(consentRefusal(null, day("2024-01-01"), false)).toBeNull();
    expect(consentRefusal(current, day("2024-06-01"), false)).toBeNull();
    expect(consentRefusal(current, day("2024-05-31"), false)).toEqual({
      reason: "CONSENT_OLDER",
      field: "givenOn",
    });
    expect(consentRefusal({ ...current, withdrawnOn: day("2024-07-01") }, day("2024-08-01"), false)).toEqual({
      reason: "CONSENT_WITHDRAWN",
    });
    expect(consentRefusal(null, day("2024-08-01"), true)).toEqual({ reason: "CONSENT_WITHDRAWN" });
  });

  it("withdraws only the consent the person saw, once, and not before it was given", () => {
    const current = consent("a", "2024-06-01", "2024-06-01T00:00:00Z");
    const request = { consentId: "a", withdrawnOn: day("2024-09-01") };
    expect(withdrawalRefusal(current, request)).toBeNull();
    expect(withdrawalRefusal(null, request)).toEqual({ reason: "NO_CONSENT" });
    expect(withdrawalRefusal({ ...current, withdrawnOn: day("2024-08-01") }, request)).toEqual({
      reason: "ALREADY_WITHDRAWN",
    });
    expect(withdrawalRefusal(current, { ...request, consentId: "older" })).toEqual({ reason: "CONSENT_CHANGED" });
    expect(withdrawalRefusal(current, { ...request, withdrawnOn: day("2024-05-01") })).toEqual({
      reason: "WITHDRAWAL_BEFORE_CONSENT",
      field: "withdrawnOn",
    });
  });

  it("excludes on EXCLUDE and DESTROY, not on STOP", () => {
    expect([withdrawalExcludes("STOP"), withdrawalExcludes("EXCLUDE"), withdrawalExcludes("DESTROY")]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe("what DESTROY erases", () => {
  it("erases transcripts where the person is the only known speaker", () => {
    expect(
      transcriptsToErase({
        interviews: [
          { id: "alone", respondentCount: 1 },
          { id: "pair", respondentCount: 2 },
        ],
        focusGroups: [
          { id: "only-them", participantCount: 1, anonymousParticipantCount: 0 },
          { id: "with-anonymous", participantCount: 1, anonymousParticipantCount: 4 },
          { id: "with-others", participantCount: 3, anonymousParticipantCount: 0 },
        ],
      }),
    ).toEqual({ interviewIds: ["alone"], focusGroupIds: ["only-them"] });
  });

  it("flags stories told by them alone or resting only on erased sources", () => {
    expect(
      storiesToFlag({
        soleTellerStoryIds: ["s1"],
        sources: [
          { storyId: "s2", erased: true },
          { storyId: "s2", erased: true },
          { storyId: "s3", erased: true },
          { storyId: "s3", erased: false },
        ],
      }),
    ).toEqual(["s1", "s2"]);
  });

  it("names changed identity parts, never their values", () => {
    expect(
      changedIdentityFields({ name: "A", contact: null, community: "X" }, { name: "B", contact: null, community: "X" }),
    ).toEqual(["name"]);
    expect(
      changedIdentityFields(
        { name: "A", contact: null, community: null },
        { name: "A", contact: null, community: null },
      ),
    ).toEqual([]);
  });
});
