/**
 * One file row → the input the record's form would send, validated with that form's own zod
 * schema. Errors name the row, the file column and a message key of the form's namespace
 * ("respondents.errors.state") or of ours ("imports.rowErrors.placeUnknown"); never the value, so
 * nothing a row says (identities included) is kept with an error.
 */
import type { z } from "zod";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { interviewInputSchema, type InterviewInput } from "@/lib/interviews/schema";
import { projectFieldsSchema, type ProjectFields } from "@/lib/projects/schema";
import { createRespondentSchema } from "@/lib/respondents/schema";
import type { StoryFields } from "@/lib/stories/schema";
import { readConsent, type ImportedConsent } from "./consent-rows";
import { parseTarget, splitChoices } from "./mapping";
import { projectInput } from "./project-rows";
import type { References } from "./references";
import type { RepeatKind, RepeatRow } from "./repeat-groups";
import {
  columnOf,
  ids,
  readCells,
  refuseNumber,
  type Cells,
  type Layout,
  type Lookup,
  type RowError,
} from "./row-context";
import { convertStoryRow, type StoryDomains } from "./story-rows";
import { choiceValue, dayValue, stateValue } from "./vocabulary";

export type { Layout, RowError };

/** A respondent as the form creates it, with the consent recorded in the same submission, if any. */
export type RespondentRowInput = z.output<typeof createRespondentSchema> & { consent: ImportedConsent | null };
export type ConvertedRow =
  | { kind: "RESPONDENTS"; input: RespondentRowInput }
  | { kind: "INTERVIEWS"; input: InterviewInput }
  | { kind: "STORIES"; input: StoryFields; domains: StoryDomains }
  | { kind: "PROJECTS"; input: ProjectFields };

/** The ticked 0/1 column of a choice nobody knows, else the field's (space-separated) column. */
function unknownChoiceColumn(layout: Layout, field: string, unknown: readonly string[]): string | null {
  const perChoice = layout.headers.find((header) => {
    const target = layout.mapping[header];
    if (!target) return false;
    const parsed = parseTarget(target);
    return parsed.field === field && parsed.choice !== null && unknown.includes(parsed.choice);
  });
  return perChoice ?? columnOf(layout, field);
}

const NAMESPACE: Record<ImportKind, string> = {
  RESPONDENTS: "respondents.errors",
  INTERVIEWS: "fieldwork.errors",
  STORIES: "stories.errors",
  PROJECTS: "setup.errors",
};

/** Story form messages that, in a file, show the forms a period cell may take. */
const IMPORT_MESSAGES: Record<string, string> = {
  periodFormat: "imports.rowErrors.periodFormat",
  periodFromRequired: "imports.rowErrors.periodFormat",
};

function schemaErrors(layout: Layout, rowNumber: number, issues: z.core.$ZodIssue[]): RowError[] {
  const seen = new Set<string>();
  const errors: RowError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOf(layout, field);
    const message = issue.message.replace(/^errors\./, "");
    // A message key from the form; anything else (zod's own English) becomes "invalid".
    const own = layout.kind === "STORIES" ? IMPORT_MESSAGES[message] : undefined;
    const code =
      own ??
      (/^[A-Za-z]+$/.test(message) ? `${NAMESPACE[layout.kind]}.${message}` : `${NAMESPACE[layout.kind]}.invalid`);
    const key = `${column}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ rowNumber, column, code });
  }
  return errors;
}

/**
 * The evaluation's groups a row names, once each, in the list's order. A name that matches none
 * is a row error on its column (the ticked 0/1 column of that choice, when there is one): an
 * import never adds a group.
 */
function atRiskGroupsOf(ctx: Lookup, values: string[], refs: References): string[] {
  const found = new Map<string, number>();
  const unknown: string[] = [];
  for (const value of values) {
    const group = refs.atRiskGroup(value);
    if (group) found.set(group.id, group.position);
    else unknown.push(value);
  }
  if (unknown.length > 0)
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: unknownChoiceColumn(ctx.layout, "atRiskGroups", unknown),
      code: "imports.rowErrors.atRiskGroupUnknown",
    });
  return [...found].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

function respondentInput(ctx: Lookup, evaluationId: string, cells: Cells, refs: References) {
  const { text, lists } = cells;
  // A Mexican state by any of its names or codes, else one of the evaluation's regions abroad.
  const regions = refs.regions(text.state ?? "");
  if (regions.length > 1)
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, "state"),
      code: "imports.rowErrors.placeAmbiguous",
    });
  const region = regions.length === 1 ? regions[0]! : { countryCode: null, state: stateValue(text.state ?? "") };
  const { countryCode, state } = region;
  let placeId = "";
  if (text.place?.trim()) {
    const candidates = refs.places(text.place).filter((place) => place.community === null);
    const inState = candidates.find((place) => place.countryCode === countryCode && place.state === state);
    if (inState) placeId = inState.id;
    // An unknown state is reported on its own column; the place cannot be checked against it.
    else if (candidates.length === 0 || regions.length === 1)
      ctx.errors.push({
        rowNumber: ctx.rowNumber,
        column: columnOf(ctx.layout, "place"),
        code: candidates.length > 0 ? "respondents.errors.placeState" : "respondents.errors.placeUnknown",
      });
  }
  const sectorId = text.sector?.trim()
    ? (ids(ctx, "sector", [text.sector], refs.sector, "sectorUnknown")[0] ?? "")
    : "";
  const atRiskGroupIds = atRiskGroupsOf(ctx, lists.atRiskGroups ?? [], refs);
  return {
    evaluationId,
    type: choiceValue("type", text.type ?? ""),
    gender: choiceValue("gender", text.gender ?? ""),
    countryCode,
    state,
    placeId,
    sectorId,
    language: choiceValue("language", text.language ?? ""),
    atRiskGroupIds,
    name: text.name ?? "",
    phone: text.phone ?? "",
    email: text.email ?? "",
    community: text.community ?? "",
  };
}

function interviewInput(ctx: Lookup, evaluationId: string, cells: Cells, refs: References) {
  const { text, lists } = cells;
  const respondents = ids(ctx, "respondents", lists.respondents ?? [], refs.respondent, "respondentUnknown");
  if (respondents.some((respondent) => respondent.hearing !== "ELIGIBLE")) {
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, "respondents"),
      code: "imports.rowErrors.respondentNotEligible",
    });
  }
  refuseNumber(ctx, "date", text.date);
  const places = text.place?.trim() ? refs.places(text.place) : [];
  if (text.place?.trim() && places.length !== 1) {
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, "place"),
      code: places.length ? "imports.rowErrors.placeAmbiguous" : "imports.rowErrors.placeUnknown",
    });
  }
  return {
    evaluationId,
    date: dayValue(text.date ?? ""),
    mode: choiceValue("mode", text.mode ?? ""),
    placeId: places.length === 1 ? places[0]!.id : "",
    language: choiceValue("language", text.language ?? ""),
    durationMinutes: text.durationMinutes ?? "",
    interviewerIds: ids(ctx, "interviewers", lists.interviewers ?? [], refs.member, "memberUnknown"),
    respondentIds: respondents.map((respondent) => respondent.id),
    projectIds: ids(ctx, "projects", lists.projects ?? [], refs.project, "projectUnknown"),
    notes: text.notes ?? "",
    transcriptOriginal: text.transcriptOriginal ?? "",
    // A form in the field records the transcript in the interview's language unless a column says otherwise.
    transcriptLanguage: text.transcriptLanguage?.trim()
      ? choiceValue("language", text.transcriptLanguage)
      : text.transcriptOriginal?.trim()
        ? choiceValue("language", text.language ?? "")
        : "",
    transcriptTranslation: "",
    translationLanguage: "",
    translatedById: "",
  };
}

/** The respondent codes a row names (loaded per chunk before converting it). */
export function codesNamed(layout: Layout, cells: string[]): string[] {
  if (layout.kind === "RESPONDENTS" || layout.kind === "PROJECTS") return [];
  const { lists } = readCells(layout, cells);
  return layout.kind === "INTERVIEWS" ? (lists.respondents ?? []) : (lists.storytellers ?? []);
}

/** The sources a story row names (loaded per chunk before converting it). */
export function sourcesNamed(layout: Layout, cells: string[]): string[] {
  if (layout.kind !== "STORIES") return [];
  return (readCells(layout, cells).lists.sources ?? []).flatMap(splitChoices);
}

const NO_CHILDREN: Record<RepeatKind, RepeatRow[]> = { figures: [], contributions: [] };

/** Converts and validates one row; `converted` is null when the row has any error. */
export function convertRow(
  layout: Layout,
  evaluationId: string,
  rowNumber: number,
  cells: string[],
  refs: References,
  children: Record<RepeatKind, RepeatRow[]> = NO_CHILDREN,
): { converted: ConvertedRow | null; errors: RowError[] } {
  const ctx: Lookup = { errors: [], rowNumber, layout };
  const parsed = readCells(layout, cells);
  let result: { success: true; converted: ConvertedRow } | { success: false; issues: z.core.$ZodIssue[] };
  if (layout.kind === "RESPONDENTS") {
    const outcome = createRespondentSchema.safeParse(respondentInput(ctx, evaluationId, parsed, refs));
    const consent = readConsent(parsed.text, parsed.lists);
    if (consent.present && consent.unknownScopes.length > 0)
      ctx.errors.push({
        rowNumber,
        column: unknownChoiceColumn(layout, "consentScopes", consent.unknownScopes),
        code: "imports.rowErrors.scopeUnknown",
      });
    const issues = [...(outcome.success ? [] : outcome.error.issues), ...(consent.present ? consent.issues : [])];
    result =
      outcome.success && issues.length === 0
        ? {
            success: true,
            converted: {
              kind: "RESPONDENTS",
              input: { ...outcome.data, consent: consent.present ? consent.consent : null },
            },
          }
        : { success: false, issues };
  } else if (layout.kind === "INTERVIEWS") {
    const outcome = interviewInputSchema.safeParse(interviewInput(ctx, evaluationId, parsed, refs));
    result = outcome.success
      ? { success: true, converted: { kind: "INTERVIEWS", input: outcome.data } }
      : { success: false, issues: outcome.error.issues };
  } else if (layout.kind === "STORIES") {
    const story = convertStoryRow(ctx, parsed, refs, children);
    ctx.errors.push(...story.childErrors);
    result = story.input
      ? { success: true, converted: { kind: "STORIES", input: story.input, domains: story.domains } }
      : { success: false, issues: story.issues };
  } else {
    const report = (field: string, code: string) =>
      ctx.errors.push({ rowNumber, column: columnOf(layout, field), code });
    const outcome = projectFieldsSchema.safeParse(projectInput(parsed.text, refs.projectKeys, report));
    result = outcome.success
      ? { success: true, converted: { kind: "PROJECTS", input: outcome.data } }
      : { success: false, issues: outcome.error.issues };
  }
  // A column whose value named nothing known is reported once, not again as "required" by the schema.
  const reported = new Set(ctx.errors.filter((error) => !error.sheet).map((error) => error.column));
  const schema = result.success
    ? []
    : schemaErrors(layout, rowNumber, result.issues).filter((error) => !reported.has(error.column));
  const errors = [...ctx.errors, ...schema];
  return { converted: errors.length === 0 && result.success ? result.converted : null, errors };
}
