/**
 * A refusal read as the person sees it: the action refuses on PostgreSQL, the form's own table
 * (components/<feature>/failure-messages.ts) turns the reason into a message key next to the
 * field it names, and that key reads as a sentence in Spanish and in English. Details (the
 * separator a file seems to use, a repeated column) come as fields of the failure and fill the
 * sentence; nothing is split out of the reason.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FailureMessages } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions";
import { en, es } from "@/lib/i18n/messages";
import { runtimeKeys } from "@/lib/i18n/labels";
import { translatorFor } from "@/lib/i18n/translator";
import { emptyStoryValues } from "@/lib/stories/form-values";
import { createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { signInAs } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let evaluationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  team = await createEvaluationWithTeam(database.prisma, { roles: ["LEAD", "ANALYST"] });
  evaluationId = team.evaluation.id;
  signInAs(team.members.lead);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const say = {
  es: runtimeKeys(translatorFor("es")),
  en: runtimeKeys(translatorFor("en")),
};

/** The result must be a failure; it is what the form receives. */
function failed<T>(result: ActionResult<T>) {
  if (result.ok) throw new Error("the action was expected to refuse");
  return result;
}

/** What the person reads under `field`, in each language, and on top of the form. */
function underField(shown: FailureMessages, field: string) {
  const key = shown.fields[field]?.[0];
  expect(key, `a message under ${field}`).toBeDefined();
  return { key, es: say.es(key!), en: say.en(key!) };
}

describe("the set-up forms", () => {
  it("show a name already in a list under that name, in Spanish and in English", async () => {
    const { addListItem } = await import("@/lib/setup-lists/actions");
    const { setupFailureMessages } = await import("@/components/setup/failure-messages");
    const item = { evaluationId, kind: "SECTOR", nameEs: "Café", nameEn: "Coffee" };
    expect((await addListItem(item)).ok).toBe(true);

    const refused = failed(await addListItem({ ...item, nameEs: " CAFÉ ", nameEn: "Other coffee" }));
    expect(refused).toMatchObject({ error: "REJECTED", reason: "DUPLICATE_NAME", field: "nameEs" });
    const shown = underField(setupFailureMessages(refused), "nameEs");
    expect(shown).toEqual({
      key: "setup.errors.DUPLICATE_NAME",
      es: es.setup.errors.DUPLICATE_NAME,
      en: en.setup.errors.DUPLICATE_NAME,
    });
    expect(shown.es).not.toBe(shown.en);
  });

  it("show a country named Mexico under the name that says so", async () => {
    const { addCountry } = await import("@/lib/places/actions");
    const { setupFailureMessages } = await import("@/components/setup/failure-messages");
    const refused = failed(await addCountry({ evaluationId, code: "MQ", nameEs: "Martinica", nameEn: "Mexico" }));
    expect(refused).toMatchObject({ reason: "COUNTRY_IS_MEXICO", field: "nameEn" });
    expect(underField(setupFailureMessages(refused), "nameEn")).toEqual({
      key: "setup.errors.countryIsMexico",
      es: es.setup.errors.countryIsMexico,
      en: en.setup.errors.countryIsMexico,
    });
  });

  it("show an acronym another project holds next to the acronym", async () => {
    const { createProject } = await import("@/lib/projects/actions");
    const { setupFailureMessages } = await import("@/components/setup/failure-messages");
    const project = { acronym: "QXZ", name: "Proyecto QXZ", managingOffice: "ILAB", fundingStreams: "" };
    expect((await createProject({ evaluationId, project })).ok).toBe(true);
    const refused = failed(await createProject({ evaluationId, project: { ...project, name: "Otro proyecto" } }));
    expect(refused).toMatchObject({ reason: "DUPLICATE_ACRONYM", field: "acronym" });
    expect(underField(setupFailureMessages(refused), "acronym").en).toBe(en.setup.errors.DUPLICATE_ACRONYM);
  });
});

describe("the story forms", () => {
  const story = (storytellerIds: string[]) => ({
    ...emptyStoryValues("es"),
    title: "Historia con persona ajena",
    whatChanged: "Qué cambió.",
    whySignificant: "Por qué.",
    changeType: "POSITIVE",
    storytellerIds,
  });

  it("show a storyteller the evaluation does not have under that storyteller, as the form's code", async () => {
    const { createChangeStory } = await import("@/lib/stories/actions");
    const { storyFormFailureMessages } = await import("@/components/stories/failure-messages");
    const refused = failed(await createChangeStory({ evaluationId, story: story(["nobody-here"]) }));
    expect(refused).toMatchObject({ reason: "NOT_IN_EVALUATION", field: "storytellerIds.0" });
    // The story form keeps codes under stories.errors (it words a figure's number with the number as typed).
    const shown = storyFormFailureMessages(false)(refused);
    expect(shown).toEqual({ fields: { "storytellerIds.0": ["NOT_IN_EVALUATION"] }, form: null });
    expect([say.es("stories.errors.NOT_IN_EVALUATION"), say.en("stories.errors.NOT_IN_EVALUATION")]).toEqual([
      es.stories.errors.NOT_IN_EVALUATION,
      en.stories.errors.NOT_IN_EVALUATION,
    ]);
  });

  it("say on top of the evidence form that the story is not being triangulated", async () => {
    const { createChangeStory } = await import("@/lib/stories/actions");
    const { addEvidence } = await import("@/lib/triangulation/actions");
    const { triangulationFailureMessages } = await import("@/components/triangulation/failure-messages");
    const created = await createChangeStory({ evaluationId, story: story([]) });
    if (!created.ok) throw new Error(JSON.stringify(created));
    signInAs(team.members.analyst!);
    try {
      const evidence = {
        sourceType: "DOCUMENT",
        citation: "Acta de asamblea",
        whatItShows: "Lo que muestra.",
        stance: "SUPPORTS",
        strength: "MODERATE",
        figureId: "",
        response: "",
      };
      const refused = failed(await addEvidence({ evaluationId, storyId: created.data.storyId, evidence, file: null }));
      expect(refused).toMatchObject({ reason: "STAGE_LOCKED" });
      const shown = triangulationFailureMessages(refused);
      expect(shown).toEqual({ fields: {}, form: "triangulation.errors.STAGE_LOCKED" });
      expect([say.es(shown.form!), say.en(shown.form!)]).toEqual([
        es.triangulation.errors.STAGE_LOCKED,
        en.triangulation.errors.STAGE_LOCKED,
      ]);
    } finally {
      signInAs(team.members.lead);
    }
  });
});

describe("the respondent forms", () => {
  const attributes = {
    type: "UNAFFILIATED_WORKER",
    gender: "WOMAN",
    state: "Oaxaca",
    sectorId: "",
    language: "es",
    atRiskGroupIds: [],
  };

  it("show a municipality the evaluation does not have under the municipality", async () => {
    const { createRespondent } = await import("@/lib/respondents/actions");
    const { respondentFailureMessages } = await import("@/components/respondents/failure-messages");
    const refused = failed(await createRespondent({ evaluationId, ...attributes, placeId: "no-such-place" }));
    expect(refused).toMatchObject({ reason: "PLACE_UNKNOWN", field: "placeId" });
    expect(underField(respondentFailureMessages(refused), "placeId")).toEqual({
      key: "respondents.errors.placeUnknown",
      es: es.respondents.errors.placeUnknown,
      en: en.respondents.errors.placeUnknown,
    });
  });

  it("say on top of the form that someone else saved first", async () => {
    const { createRespondent, updateRespondent } = await import("@/lib/respondents/actions");
    const { respondentFailureMessages } = await import("@/components/respondents/failure-messages");
    const created = await createRespondent({ evaluationId, ...attributes, placeId: "" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const edit = { evaluationId, respondentId: created.data.id, ...attributes, placeId: "" };
    expect((await updateRespondent({ ...edit, gender: "MAN", version: 1 })).ok).toBe(true);

    const refused = failed(await updateRespondent({ ...edit, version: 1 }));
    expect(refused).toMatchObject({ reason: "STALE_VERSION" });
    const shown = respondentFailureMessages(refused);
    expect(shown).toEqual({ fields: {}, form: "respondents.errors.stale" });
    expect([say.es(shown.form!), say.en(shown.form!)]).toEqual([
      es.respondents.errors.stale,
      en.respondents.errors.stale,
    ]);
  });
});

describe("the import wizard", () => {
  const file = (text: string) => new File([text], "export.csv", { type: "text/csv" });

  it("names the separator a file seems to use, from the failure's details", async () => {
    const { analyzeImportFile } = await import("@/lib/imports/actions");
    const { importFailureKey } = await import("@/components/imports/failure-messages");
    const semicolons = file("_uuid;tipo;sexo;estado\nu1;trabajador;mujer;Oaxaca\n");
    const refused = failed(
      await analyzeImportFile({ evaluationId, kind: "RESPONDENTS", file: semicolons, delimiter: "," }),
    );
    expect(refused).toMatchObject({ reason: "WRONG_DELIMITER", suggestion: "SEMICOLON" });
    const key = importFailureKey(refused);
    expect(key).toBe("imports.refusals.WRONG_DELIMITER_SEMICOLON");
    expect([say.es(key), say.en(key)]).toEqual([
      es.imports.refusals.WRONG_DELIMITER_SEMICOLON,
      en.imports.refusals.WRONG_DELIMITER_SEMICOLON,
    ]);
  });

  it("names the repeated column in the sentence", async () => {
    const { analyzeImportFile } = await import("@/lib/imports/actions");
    const { importFailureKey } = await import("@/components/imports/failure-messages");
    const repeated = file("_uuid,estado,estado\nu1,Oaxaca,Puebla\n");
    const refused = failed(
      await analyzeImportFile({ evaluationId, kind: "RESPONDENTS", file: repeated, delimiter: "auto" }),
    );
    expect(refused).toMatchObject({ reason: "DUPLICATE_HEADER", header: "estado" });
    expect(refused).not.toHaveProperty("field", "estado");
    const key = importFailureKey(refused);
    const values = { header: refused.error === "REJECTED" ? (refused.header ?? "") : "", field: "" };
    expect(say.es(key, values)).toContain("estado");
    expect(say.en(key, values)).toBe("Two columns have the same name: estado.");
  });
});
