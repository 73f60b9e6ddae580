import { describe, expect, it } from "vitest";
import { readConsent } from "@/lib/imports/consent-rows";

const full = {
  consentGivenOn: "2024-06-12T10:00:00-06:00",
  consentMethod: "escrito",
  consentFormVersion: "CI-v3",
  consentLanguage: "Español",
};

function paths(reading: ReturnType<typeof readConsent>) {
  return reading.present ? reading.issues.map((issue) => [issue.path.join("."), issue.message]) : null;
}

describe("a respondent row's consent", () => {
  it("is absent when no consent cell is filled (blank text, no scope)", () => {
    expect(readConsent({ consentGivenOn: " ", consentMethod: "" }, { consentScopes: [] })).toEqual({ present: false });
    expect(readConsent({}, {})).toEqual({ present: false });
  });

  it("becomes what the consent form sends: the day, enum values, the language code and every scope answered", () => {
    const reading = readConsent(full, {
      consentScopes: ["entrevista", "grabacion", "contact_for_validation", "entrevista"],
    });
    expect(reading).toEqual({
      present: true,
      unknownScopes: [],
      issues: [],
      consent: {
        givenOn: "2024-06-12",
        method: "WRITTEN",
        formVersion: "CI-v3",
        language: "es",
        scopes: {
          INTERVIEW: true,
          AUDIO_RECORDING: true,
          ANONYMOUS_QUOTATION: false,
          SHARE_WITH_FUNDER: false,
          CONTACT_FOR_VALIDATION: true,
        },
      },
    });
  });

  it("with some cells filled needs the others, with the consent form's messages on the import's field names", () => {
    expect(paths(readConsent({ consentGivenOn: "2024-06-12" }, {}))).toEqual([
      ["consentMethod", "errors.choose"],
      ["consentFormVersion", "errors.required"],
      ["consentLanguage", "errors.required"],
    ]);
    expect(paths(readConsent({}, { consentScopes: ["interview"] }))?.map(([path]) => path)).toEqual([
      "consentGivenOn",
      "consentMethod",
      "consentFormVersion",
      "consentLanguage",
    ]);
    expect(
      paths(
        readConsent(
          {
            ...full,
            consentGivenOn: "2999-01-01",
            consentLanguage: "castellano antiguo",
            consentMethod: "by telepathy",
          },
          {},
        ),
      ),
    ).toEqual([
      ["consentGivenOn", "errors.dateFuture"],
      ["consentMethod", "errors.choose"],
      ["consentLanguage", "errors.language"],
    ]);
    expect(paths(readConsent({ ...full, consentFormVersion: "v\u202E3" }, {}))).toEqual([
      ["consentFormVersion", "errors.hiddenCharacters"],
    ]);
    expect(paths(readConsent({ ...full, consentFormVersion: "v".repeat(51) }, {}))).toEqual([
      ["consentFormVersion", "errors.tooLong"],
    ]);
  });

  it("refuses a scope word it does not know, and keeps formula-like text as text", () => {
    const unknown = readConsent(full, { consentScopes: ["interview", "<script>"] });
    expect(unknown).toMatchObject({ present: true, unknownScopes: ["<script>"], consent: null, issues: [] });
    const formula = readConsent(
      { ...full, consentFormVersion: '=HYPERLINK("http://x","v")' },
      { consentScopes: ["interview"] },
    );
    expect(formula).toMatchObject({ present: true, consent: { formVersion: '=HYPERLINK("http://x","v")' } });
  });

  it("records a consent that grants nothing when the form's select-multiple was left empty", () => {
    const reading = readConsent(full, {});
    expect(reading).toMatchObject({
      present: true,
      consent: {
        scopes: {
          INTERVIEW: false,
          AUDIO_RECORDING: false,
          ANONYMOUS_QUOTATION: false,
          SHARE_WITH_FUNDER: false,
          CONTACT_FOR_VALIDATION: false,
        },
      },
    });
  });
});
