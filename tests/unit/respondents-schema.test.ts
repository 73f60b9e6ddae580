/** The respondent, identity, consent and withdrawal schemas: what forms, actions and imports accept. */
import { describe, expect, it } from "vitest";
import {
  consentSchema,
  createRespondentSchema,
  identitySchema,
  isCalendarDate,
  isNotFuture,
  updateRespondentSchema,
  withdrawalSchema,
} from "@/lib/respondents/schema";

const base = {
  evaluationId: "ceval0000000000000000000001",
  type: "UNION_MEMBER",
  gender: "WOMAN",
  state: "Oaxaca",
  placeId: "",
  sectorId: "",
  language: "es",
  atRiskGroupIds: ["cgroup000000000000000000001"],
  name: "",
  phone: "",
  email: "",
  community: "",
};

function errors(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.map(String).join("."), issue.message]),
  );
}

describe("a new respondent", () => {
  it("accepts a complete form and turns empty optional fields into null", () => {
    const parsed = createRespondentSchema.parse(base);
    expect(parsed).toMatchObject({
      placeId: null,
      sectorId: null,
      name: null,
      phone: null,
      email: null,
      community: null,
    });
  });

  it("names each missing or unknown choice with a message key", () => {
    const result = createRespondentSchema.safeParse({
      ...base,
      type: "",
      gender: "ROBOT",
      state: "Texas",
      language: "Spanish!",
    });
    expect(errors(result)).toEqual({
      type: "errors.choose",
      gender: "errors.choose",
      state: "errors.state",
      language: "errors.language",
    });
  });

  it("refuses wrong types rather than coercing them", () => {
    const result = createRespondentSchema.safeParse({
      ...base,
      atRiskGroupIds: "cgroup000000000000000000001",
      type: 3,
      state: null,
    });
    expect(Object.keys(errors(result)).sort()).toEqual(["atRiskGroupIds", "state", "type"]);
  });

  it("refuses a group chosen twice", () => {
    const result = createRespondentSchema.safeParse({
      ...base,
      atRiskGroupIds: ["cgroup000000000000000000001", "cgroup000000000000000000001"],
    });
    expect(errors(result)).toEqual({ atRiskGroupIds: "errors.duplicate" });
  });

  it("refuses a group that is not an id (hostile or too many)", () => {
    expect(
      errors(createRespondentSchema.safeParse({ ...base, atRiskGroupIds: ["'; drop table respondent; --"] })),
    ).toEqual({ "atRiskGroupIds.0": "errors.invalid" });
    const many = Array.from({ length: 51 }, (_, index) => `cgroup${String(index).padStart(21, "0")}`);
    expect(errors(createRespondentSchema.safeParse({ ...base, atRiskGroupIds: many }))).toEqual({
      atRiskGroupIds: "errors.invalid",
    });
  });

  it("ignores fields the form does not own (code, exclusion, version)", () => {
    const parsed = createRespondentSchema.parse({
      ...base,
      code: "R-9999",
      codeNumber: 9999,
      excludedAt: "2020-01-01",
      id: "x",
    });
    expect(parsed).not.toHaveProperty("code");
    expect(parsed).not.toHaveProperty("codeNumber");
    expect(parsed).not.toHaveProperty("excludedAt");
    expect(parsed).not.toHaveProperty("id");
  });

  it("refuses operator-like or oversized ids", () => {
    expect(errors(createRespondentSchema.safeParse({ ...base, placeId: { not: null } }))).toEqual({
      placeId: "errors.invalid",
    });
    expect(errors(createRespondentSchema.safeParse({ ...base, sectorId: "x".repeat(65) }))).toEqual({
      sectorId: "errors.invalid",
    });
    expect(errors(createRespondentSchema.safeParse({ ...base, evaluationId: "'; drop table respondent; --" }))).toEqual(
      { evaluationId: "errors.invalid" },
    );
  });

  it("needs a whole positive version to edit", () => {
    const edit = { ...base, respondentId: "cresp000000000000000000001" };
    expect(errors(updateRespondentSchema.safeParse({ ...edit, version: "2" }))).toEqual({ version: "errors.invalid" });
    expect(errors(updateRespondentSchema.safeParse({ ...edit, version: 0 }))).toEqual({ version: "errors.invalid" });
    expect(updateRespondentSchema.safeParse({ ...edit, version: 3 }).success).toBe(true);
  });
});

describe("an identity", () => {
  it("keeps hostile text as text (it is sealed, never interpreted)", () => {
    const parsed = identitySchema.parse({
      name: "<script>alert(1)</script>",
      community: "'; DROP TABLE respondent; --",
      phone: "+52 (55) 1234-5678 ext. 12",
      email: " Ana@Example.org ",
    });
    expect(parsed).toEqual({
      name: "<script>alert(1)</script>",
      community: "'; DROP TABLE respondent; --",
      phone: "+52 (55) 1234-5678 ext. 12",
      email: "Ana@Example.org",
    });
    expect(identitySchema.parse({ name: '=HYPERLINK("http://evil.example","x")' }).name).toBe(
      '=HYPERLINK("http://evil.example","x")',
    );
  });

  it("refuses right-to-left overrides, zero-width and control characters", () => {
    for (const name of ["Ana\u202Eaíram", "Ana\u200FMaría", "Ana\u200BMaría", "Ana\u0000", "Ana\nMaría"]) {
      expect(errors(identitySchema.safeParse({ name })), JSON.stringify(name)).toEqual({
        name: "errors.hiddenCharacters",
      });
    }
  });

  it("refuses malformed phones and e-mails, and oversized text", () => {
    expect(errors(identitySchema.safeParse({ phone: "call me" }))).toEqual({ phone: "errors.phone" });
    expect(errors(identitySchema.safeParse({ email: "not-an-address" }))).toEqual({ email: "errors.email" });
    expect(errors(identitySchema.safeParse({ name: "a".repeat(201) }))).toEqual({ name: "errors.tooLong" });
  });

  it("treats blank parts as not given", () => {
    expect(identitySchema.parse({ name: "   ", phone: undefined })).toEqual({
      name: null,
      phone: null,
      email: null,
      community: null,
    });
  });
});

describe("a consent", () => {
  const consent = {
    evaluationId: "ceval0000000000000000000001",
    respondentId: "cresp000000000000000000001",
    givenOn: "2024-06-12",
    method: "WRITTEN",
    formVersion: "2024-05 v2",
    language: "es",
    scopes: {
      INTERVIEW: "yes",
      AUDIO_RECORDING: "no",
      ANONYMOUS_QUOTATION: true,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: "yes",
    },
  };

  it("reads radio answers as booleans", () => {
    expect(consentSchema.parse(consent).scopes).toEqual({
      INTERVIEW: true,
      AUDIO_RECORDING: false,
      ANONYMOUS_QUOTATION: true,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: true,
    });
  });

  it("needs every scope answered, a real past date and a known method", () => {
    const result = consentSchema.safeParse({
      ...consent,
      givenOn: "2024-02-30",
      method: "TELEPATHY",
      formVersion: "",
      scopes: { ...consent.scopes, AUDIO_RECORDING: undefined, SHARE_WITH_FUNDER: "maybe" },
    });
    expect(errors(result)).toEqual({
      givenOn: "errors.date",
      method: "errors.choose",
      formVersion: "errors.required",
      "scopes.AUDIO_RECORDING": "errors.scope",
      "scopes.SHARE_WITH_FUNDER": "errors.scope",
    });
    expect(errors(consentSchema.safeParse({ ...consent, givenOn: "2999-01-01" }))).toEqual({
      givenOn: "errors.dateFuture",
    });
    expect(errors(consentSchema.safeParse({ ...consent, scopes: undefined }))).toEqual({ scopes: "errors.scope" });
  });
});

describe("a withdrawal", () => {
  const withdrawal = {
    evaluationId: "ceval0000000000000000000001",
    respondentId: "cresp000000000000000000001",
    consentId: "ccons000000000000000000001",
    withdrawnOn: "2024-11-15",
    choice: "DESTROY",
    note: "Pidió por teléfono\nque se borre todo.",
    confirmed: true,
  };

  it("accepts a confirmed withdrawal with a multi-line note", () => {
    expect(withdrawalSchema.parse(withdrawal).note).toBe("Pidió por teléfono\nque se borre todo.");
  });

  it("needs an explicit confirmation and a known choice", () => {
    expect(errors(withdrawalSchema.safeParse({ ...withdrawal, confirmed: "true" }))).toEqual({
      confirmed: "errors.confirm",
    });
    expect(errors(withdrawalSchema.safeParse({ ...withdrawal, confirmed: false, choice: "UNDO" }))).toEqual({
      confirmed: "errors.confirm",
      choice: "errors.choose",
    });
    expect(errors(withdrawalSchema.safeParse({ ...withdrawal, note: "x".repeat(2001) }))).toEqual({
      note: "errors.tooLong",
    });
  });
});

describe("dates", () => {
  it("knows real calendar days", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2024-13-01")).toBe(false);
    expect(isCalendarDate("24-01-01")).toBe(false);
    expect(isCalendarDate("1850-01-01")).toBe(false);
  });

  it("allows today anywhere on Earth, not tomorrow's tomorrow", () => {
    const now = new Date("2025-03-10T23:00:00Z");
    expect(isNotFuture("2025-03-11", now)).toBe(true);
    expect(isNotFuture("2025-03-12", now)).toBe(false);
  });
});
