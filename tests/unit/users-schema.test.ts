/** The user administration and account set-up forms: what they accept, refuse and with which message key. */
import { describe, expect, it } from "vitest";
import { accountSetupSchema, createUserSchema, parseUserListQuery, personNameSchema } from "@/lib/users/schema";
import { createEvaluationSchema } from "@/lib/evaluations/schema";
import { acceptInvitationWithAccountSchema } from "@/lib/invitations/schema";

const valid = { name: "Mariana Quiroga", email: " Mariana@Example.ORG ", locale: "ES", isAdmin: false };

function messages(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("createUserSchema", () => {
  it("trims the name and lower-cases the e-mail", () => {
    expect(createUserSchema.parse(valid)).toEqual({
      name: "Mariana Quiroga",
      email: "mariana@example.org",
      locale: "ES",
      isAdmin: false,
    });
  });

  it.each([
    ["an empty name", { name: "   " }, "name", "validation.nameRequired"],
    ["a 121-character name", { name: "a".repeat(121) }, "name", "validation.nameTooLong"],
    ["a right-to-left override in the name", { name: "Ana\u202Egnp.exe" }, "name", "validation.controlCharacters"],
    ["a right-to-left mark in the name", { name: "Ana\u200F" }, "name", "validation.controlCharacters"],
    ["a newline in the name", { name: "Ana\nRoot" }, "name", "validation.controlCharacters"],
    ["a script tag as e-mail", { email: "<script>alert(1)</script>" }, "email", "validation.emailInvalid"],
    ["SQL as e-mail", { email: "'; drop table app_user; --" }, "email", "validation.emailInvalid"],
    ["an over-long e-mail", { email: `${"a".repeat(250)}@x.org` }, "email", "validation.emailInvalid"],
    ["an empty e-mail", { email: "" }, "email", "validation.emailRequired"],
    ["an unknown locale", { locale: "FR" }, "locale", "validation.localeInvalid"],
    ["a string for the admin flag", { isAdmin: "true" }, "isAdmin", "validation.invalid"],
    ["an object for the name", { name: { contains: "" } }, "name", "validation.invalid"],
  ])("refuses %s with a message key", (_label, change, field, key) => {
    expect(messages(createUserSchema.safeParse({ ...valid, ...change }))[field]).toBe(key);
  });

  it("keeps hostile-looking but visible text literally (it is data, escaped when shown)", () => {
    for (const name of [
      "<script>alert(1)</script>",
      "Robert'); DROP TABLE app_user;--",
      '=HYPERLINK("http://evil")',
      "محمد",
    ]) {
      expect(personNameSchema.parse(name)).toBe(name);
    }
  });
});

describe("account set-up and invitation acceptance", () => {
  const setup = {
    token: `abc.${(Date.now() + 1000).toString(36)}.${"A".repeat(43)}`,
    name: "New Person",
    password: "twelve chars",
    passwordConfirmation: "twelve chars",
  };

  it("needs at least 12 characters and the same password twice", () => {
    expect(accountSetupSchema.safeParse(setup).success).toBe(true);
    expect(
      messages(accountSetupSchema.safeParse({ ...setup, password: "short", passwordConfirmation: "short" })).password,
    ).toBe("validation.passwordTooShort");
    expect(
      messages(accountSetupSchema.safeParse({ ...setup, passwordConfirmation: "twelve charz" })).passwordConfirmation,
    ).toBe("validation.passwordsDiffer");
    expect(
      messages(
        accountSetupSchema.safeParse({ ...setup, password: "x".repeat(1025), passwordConfirmation: "x".repeat(1025) }),
      ).password,
    ).toBe("validation.passwordTooLong");
  });

  it("refuses a malformed token before anything is looked up", () => {
    expect(accountSetupSchema.safeParse({ ...setup, token: "../../etc/passwd" }).success).toBe(false);
    const invitation = {
      token: "A".repeat(43),
      name: "New Person",
      password: "twelve chars",
      passwordConfirmation: "twelve chars",
    };
    expect(acceptInvitationWithAccountSchema.safeParse(invitation).success).toBe(true);
    expect(acceptInvitationWithAccountSchema.safeParse({ ...invitation, token: "A".repeat(44) }).success).toBe(false);
    expect(acceptInvitationWithAccountSchema.safeParse({ ...invitation, token: { not: null } }).success).toBe(false);
  });
});

describe("the user list's URL", () => {
  it("reads one plain search and a page number", () => {
    expect(parseUserListQuery({ q: " ana ", page: "3" })).toEqual({ q: "ana", page: 3 });
  });

  it("falls back to the first page without a search for anything odd (no operator reaches a query)", () => {
    expect(parseUserListQuery({ q: ["a", "b"], page: ["2"] })).toEqual({ q: "", page: 1 });
    expect(parseUserListQuery({ q: "x".repeat(101), page: "-1" })).toEqual({ q: "", page: 1 });
    expect(parseUserListQuery({ page: "1e9" })).toEqual({ q: "", page: 1 });
    expect(parseUserListQuery({ page: "2.5" })).toEqual({ q: "", page: 1 });
    expect(parseUserListQuery({})).toEqual({ q: "", page: 1 });
  });
});

describe("createEvaluationSchema", () => {
  const evaluation = {
    name: "USMCA evaluation",
    client: "ILAB",
    evaluatorOrganisation: "Evaluators",
    periodStart: "2024-03-01",
    periodEnd: "2025-05-31",
    languages: ["ES", "EN", "ES"],
    leadEmail: "Lead@Example.org",
  };

  it("accepts a valid evaluation, de-duplicates languages and lower-cases the lead's e-mail", () => {
    expect(createEvaluationSchema.parse(evaluation)).toMatchObject({
      languages: ["ES", "EN"],
      leadEmail: "lead@example.org",
    });
  });

  it.each([
    ["an end before the start", { periodEnd: "2024-02-29" }, "periodEnd", "validation.periodEndBeforeStart"],
    ["an impossible date", { periodStart: "2024-02-30" }, "periodStart", "validation.dateInvalid"],
    ["a date in another format", { periodStart: "01/03/2024" }, "periodStart", "validation.dateInvalid"],
    ["no language", { languages: [] }, "languages", "validation.languagesRequired"],
    ["an unknown language", { languages: ["FR"] }, "languages.0", "validation.languagesRequired"],
    ["an empty name", { name: "" }, "name", "validation.evaluationNameRequired"],
    ["a 201-character client", { client: "c".repeat(201) }, "client", "validation.textTooLong"],
  ])("refuses %s", (_label, change, field, key) => {
    expect(messages(createEvaluationSchema.safeParse({ ...evaluation, ...change }))[field]).toBe(key);
  });
});
