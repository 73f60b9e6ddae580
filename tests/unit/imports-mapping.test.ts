import { describe, expect, it } from "vitest";
import { cellText, startsLikeFormula } from "@/lib/imports/limits";
import {
  incompleteGroups,
  isChecked,
  missingRequired,
  normalizeName,
  splitChoices,
  suggestKeyColumn,
  suggestMapping,
} from "@/lib/imports/mapping";
import { sniffDelimiter } from "@/lib/imports/reader";
import { choiceValue, dayValue, stateValue } from "@/lib/imports/vocabulary";

describe("header mapping suggestions", () => {
  it("reads Kobo group/question and ODK group-question headers in Spanish and English", () => {
    expect(
      suggestMapping("RESPONDENTS", [
        "grp_persona/sexo",
        "group-name/Tipo de respondente",
        "datos-estado",
        "Idioma",
        "grp_id/nombre",
        "_uuid",
        "_submission_time",
      ]),
    ).toEqual({
      "grp_persona/sexo": "gender",
      "group-name/Tipo de respondente": "type",
      "datos-estado": "state",
      Idioma: "language",
      "grp_id/nombre": "name",
    });
    expect(
      suggestMapping("INTERVIEWS", ["g/fecha", "g/modalidad", "g/entrevistador", "g/respondentes", "g/language"]),
    ).toMatchObject({ "g/fecha": "date", "g/modalidad": "mode", "g/entrevistador": "interviewers" });
  });

  it("reads a consent group's questions with the group's name, in both languages, apart from the respondent's own language", () => {
    expect(
      suggestMapping("RESPONDENTS", [
        "grp_person/language",
        "consentimiento/fecha",
        "consentimiento/tipo",
        "consentimiento/version",
        "consentimiento/idioma",
        "consentimiento/usos",
      ]),
    ).toEqual({
      "grp_person/language": "language",
      "consentimiento/fecha": "consentGivenOn",
      "consentimiento/tipo": "consentMethod",
      "consentimiento/version": "consentFormVersion",
      "consentimiento/idioma": "consentLanguage",
      "consentimiento/usos": "consentScopes",
    });
    // The consent's language comes first in the file and still does not take the respondent's.
    expect(
      suggestMapping("RESPONDENTS", [
        "grp_consent/language",
        "grp_consent/date",
        "grp_consent/method",
        "grp_consent/consent_form_version",
        "grp_person/idioma",
      ]),
    ).toEqual({
      "grp_consent/language": "consentLanguage",
      "grp_consent/date": "consentGivenOn",
      "grp_consent/method": "consentMethod",
      "grp_consent/consent_form_version": "consentFormVersion",
      "grp_person/idioma": "language",
    });
    expect(
      suggestMapping("RESPONDENTS", [
        "fecha_consentimiento",
        "metodo_consentimiento",
        "version_consentimiento",
        "idioma_consentimiento",
        "consent-scopes",
      ]),
    ).toEqual({
      fecha_consentimiento: "consentGivenOn",
      metodo_consentimiento: "consentMethod",
      version_consentimiento: "consentFormVersion",
      idioma_consentimiento: "consentLanguage",
      "consent-scopes": "consentScopes",
    });
    // A group named like a question does not capture unrelated questions of other kinds.
    expect(suggestMapping("INTERVIEWS", ["consent/date"])).toEqual({ "consent/date": "date" });
  });

  it("maps the consent scopes' 0/1 columns to their choices", () => {
    expect(
      suggestMapping("RESPONDENTS", [
        "consent/scopes/interview",
        "consent/scopes/audio_recording",
        "grp/consentimiento_usos/cita_anonima",
      ]),
    ).toEqual({
      "consent/scopes/interview": "consentScopes#interview",
      "consent/scopes/audio_recording": "consentScopes#audio_recording",
      "grp/consentimiento_usos/cita_anonima": "consentScopes#cita_anonima",
    });
  });

  it("requires the whole consent once one of its fields is mapped, and nothing of it otherwise", () => {
    const base = { t: "type", g: "gender", s: "state", l: "language" };
    expect(missingRequired("RESPONDENTS", base)).toEqual([]);
    expect(incompleteGroups("RESPONDENTS", base)).toEqual([]);
    expect(incompleteGroups("RESPONDENTS", { ...base, d: "consentGivenOn", u: "consentScopes#interview" })).toEqual([
      "consentMethod",
      "consentFormVersion",
      "consentLanguage",
    ]);
    expect(
      incompleteGroups("RESPONDENTS", {
        ...base,
        d: "consentGivenOn",
        m: "consentMethod",
        v: "consentFormVersion",
        cl: "consentLanguage",
        u: "consentScopes",
      }),
    ).toEqual([]);
  });

  it("maps 0/1 option columns of a select-multiple only when there is no space-separated column", () => {
    expect(
      suggestMapping("RESPONDENTS", ["p/grupos_en_riesgo/women_workers", "p/grupos_en_riesgo/child_workers_families"]),
    ).toEqual({
      "p/grupos_en_riesgo/women_workers": "atRiskGroups#women_workers",
      "p/grupos_en_riesgo/child_workers_families": "atRiskGroups#child_workers_families",
    });
    expect(suggestMapping("RESPONDENTS", ["p/grupos_en_riesgo", "p/grupos_en_riesgo/women_workers"])).toEqual({
      "p/grupos_en_riesgo": "atRiskGroups",
    });
  });

  it("picks _uuid, then ODK's instanceID, then _id as the key", () => {
    expect(suggestKeyColumn(["_id", "meta/instanceID", "_uuid"])).toBe("_uuid");
    expect(suggestKeyColumn(["_id", "meta/instanceID"])).toBe("meta/instanceID");
    expect(suggestKeyColumn(["name"])).toBeNull();
  });

  it("normalizes accents, case and punctuation", () => {
    expect(normalizeName("Género del/la Entrevistado(a)")).toBe("genero_del_la_entrevistado_a");
  });
});

describe("select-multiple values", () => {
  it("splits space-separated choices and reads 0/1 columns", () => {
    expect(splitChoices(" women_workers  child_workers_families ")).toEqual([
      "women_workers",
      "child_workers_families",
    ]);
    expect(splitChoices("")).toEqual([]);
    expect(["1", "TRUE", "sí", "x"].map(isChecked)).toEqual([true, true, true, true]);
    expect(["0", "", "false", "no"].map(isChecked)).toEqual([false, false, false, false]);
  });

  it("turns choice names and labels in both languages into enum values, leaving unknown values for the schema", () => {
    expect(choiceValue("gender", "Mujer")).toBe("WOMAN");
    expect(choiceValue("gender", "male")).toBe("MAN");
    expect(choiceValue("type", "union_member")).toBe("UNION_MEMBER");
    expect(choiceValue("gender", "<script>")).toBe("<script>");
    expect(stateValue("NUEVO LEON")).toBe("Nuevo León");
    expect(stateValue("cdmx")).toBe("Ciudad de México");
    expect(dayValue("2024-06-12T16:22:33.000-06:00")).toBe("2024-06-12");
    expect(dayValue("5/6/2024")).toBe("2024-06-05");
  });

  it("reads consent methods and scopes from Kobo choice names and labels in both languages", () => {
    expect(["written", "Por escrito", "escrito", "WRITTEN"].map((cell) => choiceValue("consentMethod", cell))).toEqual([
      "WRITTEN",
      "WRITTEN",
      "WRITTEN",
      "WRITTEN",
    ]);
    expect(
      ["oral", "Verbal", "Oral, grabado sin nombre", "oral_recorded_without_name"].map((cell) =>
        choiceValue("consentMethod", cell),
      ),
    ).toEqual(Array(4).fill("ORAL_RECORDED_WITHOUT_NAME"));
    expect(
      ["entrevista", "grabacion", "Cita anónima", "share_with_funder", "contacto_validacion"].map((cell) =>
        choiceValue("consentScopes", cell),
      ),
    ).toEqual(["INTERVIEW", "AUDIO_RECORDING", "ANONYMOUS_QUOTATION", "SHARE_WITH_FUNDER", "CONTACT_FOR_VALIDATION"]);
    expect(choiceValue("consentScopes", "photo")).toBe("photo");
  });
});

describe("formula prefixes and cells", () => {
  it("keeps formula-like text literally and a spreadsheet formula as its text, never its result", () => {
    for (const value of ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"]) expect(startsLikeFormula(value)).toBe(true);
    expect(cellText("=1+1")).toBe("=1+1");
    expect(cellText({ formula: "1+1", result: 2 })).toBe("=1+1");
    expect(cellText({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(cellText(new Date("2024-06-12T00:00:00.000Z"))).toBe("2024-06-12");
    expect(cellText(3)).toBe("3");
    expect(cellText(null)).toBe("");
  });
});

describe("delimiters", () => {
  it("detects comma, semicolon and tab from the header line, ignoring quoted separators", () => {
    expect(sniffDelimiter("a,b,c")).toBe(",");
    expect(sniffDelimiter('"a,b";c;d')).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter("single")).toBe(",");
  });
});
