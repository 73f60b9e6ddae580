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
import { CHANGE_TYPES, storyFieldsSchema, type StoryFields } from "@/lib/stories/schema";
import { readConsent, type ImportedConsent } from "./consent-rows";
import { isNumberNotDate } from "./cell-dates";
import { fieldOf } from "./fields";
import { isChecked, parseTarget, splitChoices, type ColumnMapping } from "./mapping";
import { projectInput } from "./project-rows";
import { splitPlaceList } from "./place-matching";
import type { References } from "./references";
import { readPeriodCells } from "./period-cells";
import { choiceValue, dayValue, impliedPrecision, stateValue } from "./vocabulary";

export type RowError = { rowNumber: number; column: string | null; code: string };
/** A respondent as the form creates it, with the consent recorded in the same submission, if any. */
export type RespondentRowInput = z.output<typeof createRespondentSchema> & { consent: ImportedConsent | null };
export type ConvertedRow =
  | { kind: "RESPONDENTS"; input: RespondentRowInput }
  | { kind: "INTERVIEWS"; input: InterviewInput }
  | { kind: "STORIES"; input: StoryFields }
  | { kind: "PROJECTS"; input: ProjectFields };

/** The columns of a file, resolved once per run. */
export type Layout = { kind: ImportKind; headers: string[]; mapping: ColumnMapping; keyIndex: number; keyColumn: string };

type Cells = { text: Record<string, string>; lists: Record<string, string[]> };

export function readCells(layout: Layout, cells: string[]): Cells {
  const text: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  layout.headers.forEach((header, index) => {
    const target = layout.mapping[header];
    if (!target) return;
    const value = cells[index] ?? "";
    const { field, choice } = parseTarget(target);
    if (fieldOf(layout.kind, field)?.shape === "multi") {
      const list = (lists[field] ??= []);
      if (choice !== null) {
        if (isChecked(value)) list.push(choice);
      } else if (field === "places") list.push(value); // split against the evaluation's places (storyInput)
      else list.push(...splitChoices(value));
    } else if (!(field in text) || text[field] === "") {
      text[field] = value;
    }
  });
  return { text, lists };
}

/** Schema field → the import field whose column is to blame. */
const SCHEMA_FIELDS: Record<string, string> = {
  placeId: "place",
  sectorId: "sector",
  placeIds: "places",
  sectorIds: "sectors",
  atRiskGroupIds: "atRiskGroups",
  interviewerIds: "interviewers",
  respondentIds: "respondents",
  projectIds: "projects",
  storytellerIds: "storytellers",
  collectedById: "collectedBy",
};

export function columnOf(layout: Layout, field: string): string | null {
  const name = SCHEMA_FIELDS[field] ?? field;
  const found = layout.headers.find((header) => layout.mapping[header] && parseTarget(layout.mapping[header]!).field === name) ?? null;
  // A range written in the "from" column alone ("2024-2022") is wrong in that column.
  return found ?? (name === "periodTo" ? columnOf(layout, "periodFrom") : name === "periodFrom" ? columnOf(layout, "period") : null);
}

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

const NAMESPACE: Record<ImportKind, string> = { RESPONDENTS: "respondents.errors", INTERVIEWS: "fieldwork.errors", STORIES: "stories.errors", PROJECTS: "setup.errors" };

/** Story form messages that, in a file, show the forms a period cell may take. */
const IMPORT_MESSAGES: Record<string, string> = { periodFormat: "imports.rowErrors.periodFormat", periodFromRequired: "imports.rowErrors.periodFormat" };

function schemaErrors(layout: Layout, rowNumber: number, issues: z.core.$ZodIssue[]): RowError[] {
  const seen = new Set<string>();
  const errors: RowError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOf(layout, field);
    const message = issue.message.replace(/^errors\./, "");
    // A message key from the form; anything else (zod's own English) becomes "invalid".
    const own = layout.kind === "STORIES" ? IMPORT_MESSAGES[message] : undefined;
    const code = own ?? (/^[A-Za-z]+$/.test(message) ? `${NAMESPACE[layout.kind]}.${message}` : `${NAMESPACE[layout.kind]}.invalid`);
    const key = `${column}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ rowNumber, column, code });
  }
  return errors;
}

type Lookup = { errors: RowError[]; rowNumber: number; layout: Layout };

function ids<T>(ctx: Lookup, field: string, values: string[], find: (value: string) => T | null, code: string): T[] {
  const found: T[] = [];
  let reported = false;
  for (const value of values) {
    const hit = find(value);
    if (hit !== null) found.push(hit);
    else if (!reported) {
      ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, field), code: `imports.rowErrors.${code}` });
      reported = true;
    }
  }
  return found;
}

/**
 * A date column holding a bare number (a spreadsheet date in a cell not formatted as a date) is
 * reported as such rather than as a badly written date, and never guessed into a day. A period
 * may be a bare year.
 */
function refuseNumber(ctx: Lookup, field: string, value: string | undefined, options: { yearAllowed?: boolean } = {}): void {
  const trimmed = (value ?? "").trim();
  if (!isNumberNotDate(trimmed) || (options.yearAllowed && /^\d{4}$/.test(trimmed))) return;
  ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, field), code: "imports.rowErrors.numberNotDate" });
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
  if (unknown.length > 0) ctx.errors.push({ rowNumber: ctx.rowNumber, column: unknownChoiceColumn(ctx.layout, "atRiskGroups", unknown), code: "imports.rowErrors.atRiskGroupUnknown" });
  return [...found].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

function respondentInput(ctx: Lookup, evaluationId: string, cells: Cells, refs: References) {
  const { text, lists } = cells;
  // A Mexican state by any of its names or codes, else one of the evaluation's regions abroad.
  const regions = refs.regions(text.state ?? "");
  if (regions.length > 1) ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, "state"), code: "imports.rowErrors.placeAmbiguous" });
  const region = regions.length === 1 ? regions[0]! : { countryCode: null, state: stateValue(text.state ?? "") };
  const { countryCode, state } = region;
  let placeId = "";
  if (text.place?.trim()) {
    const candidates = refs.places(text.place).filter((place) => place.community === null);
    const inState = candidates.find((place) => place.countryCode === countryCode && place.state === state);
    if (inState) placeId = inState.id;
    // An unknown state is reported on its own column; the place cannot be checked against it.
    else if (candidates.length === 0 || regions.length === 1) ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, "place"), code: candidates.length > 0 ? "respondents.errors.placeState" : "respondents.errors.placeUnknown" });
  }
  const sectorId = text.sector?.trim() ? (ids(ctx, "sector", [text.sector], refs.sector, "sectorUnknown")[0] ?? "") : "";
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
    ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, "respondents"), code: "imports.rowErrors.respondentNotEligible" });
  }
  refuseNumber(ctx, "date", text.date);
  const places = text.place?.trim() ? refs.places(text.place) : [];
  if (text.place?.trim() && places.length !== 1) {
    ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, "place"), code: places.length ? "imports.rowErrors.placeAmbiguous" : "imports.rowErrors.placeUnknown" });
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
    transcriptLanguage: text.transcriptLanguage?.trim() ? choiceValue("language", text.transcriptLanguage) : text.transcriptOriginal?.trim() ? choiceValue("language", text.language ?? "") : "",
    transcriptTranslation: "",
    translationLanguage: "",
    translatedById: "",
  };
}

function storyInput(ctx: Lookup, cells: Cells, refs: References) {
  const { text, lists } = cells;
  const before = ctx.errors.length;
  for (const field of ["period", "periodFrom", "periodTo"]) refuseNumber(ctx, field, text[field], { yearAllowed: true });
  const whole = Boolean(text.period?.trim());
  const period = whole ? readPeriodCells(text.period, "", { wholePeriod: true }) : readPeriodCells(text.periodFrom, text.periodTo);
  // A spreadsheet serial is reported as such above; any other unreadable period shows the accepted forms.
  if (!period.ok && ctx.errors.length === before) ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, whole ? "period" : period.field), code: "imports.rowErrors.periodFormat" });
  const read = period.ok ? period : { precision: null, from: "", to: "" };
  const changeType = choiceValue("changeType", text.changeType ?? "");
  // A filled cell that names no change type is not "missing": say which values are accepted.
  if (changeType && !(CHANGE_TYPES as readonly string[]).includes(changeType)) ctx.errors.push({ rowNumber: ctx.rowNumber, column: columnOf(ctx.layout, "changeType"), code: "imports.rowErrors.changeTypeUnknown" });
  const placeNames = (lists.places ?? []).flatMap((cell) => splitPlaceList(cell, (name) => refs.places(name).length > 0));
  const placeIds = ids(ctx, "places", placeNames, (name) => {
    const found = refs.places(name);
    return found.length === 1 ? found[0]!.id : null;
  }, "placeUnknown");
  const collectedBy = text.collectedBy?.trim() ? ids(ctx, "collectedBy", [text.collectedBy], refs.member, "memberUnknown")[0] : null;
  return {
    title: text.title ?? "",
    whatChanged: text.whatChanged ?? "",
    whySignificant: text.whySignificant ?? "",
    originalLanguage: choiceValue("language", text.originalLanguage ?? ""),
    changeType,
    periodPrecision: text.periodPrecision?.trim() ? choiceValue("periodPrecision", text.periodPrecision) : (read.precision ?? (read.from ? impliedPrecision(read.from) : "YEAR")),
    periodFrom: read.from,
    periodTo: read.to,
    placeIds: [...new Set(placeIds)],
    sectorIds: [...new Set(ids(ctx, "sectors", lists.sectors ?? [], refs.sector, "sectorUnknown"))],
    storytellerIds: [...new Set(ids(ctx, "storytellers", lists.storytellers ?? [], (code) => refs.respondent(code)?.id ?? null, "respondentUnknown"))],
    collectedById: collectedBy ?? "",
    contributionNarrative: text.contributionNarrative ?? "",
    priorityTagIds: [],
    atRiskGroups: [],
    figures: [],
    contributions: [],
    sources: [],
  };
}

/** The respondent codes a row names (loaded per chunk before converting it). */
export function codesNamed(layout: Layout, cells: string[]): string[] {
  if (layout.kind === "RESPONDENTS" || layout.kind === "PROJECTS") return [];
  const { lists } = readCells(layout, cells);
  return layout.kind === "INTERVIEWS" ? (lists.respondents ?? []) : (lists.storytellers ?? []);
}

/** Converts and validates one row; `converted` is null when the row has any error. */
export function convertRow(
  layout: Layout,
  evaluationId: string,
  rowNumber: number,
  cells: string[],
  refs: References,
): { converted: ConvertedRow | null; errors: RowError[] } {
  const ctx: Lookup = { errors: [], rowNumber, layout };
  const parsed = readCells(layout, cells);
  let result: { success: true; converted: ConvertedRow } | { success: false; issues: z.core.$ZodIssue[] };
  if (layout.kind === "RESPONDENTS") {
    const outcome = createRespondentSchema.safeParse(respondentInput(ctx, evaluationId, parsed, refs));
    const consent = readConsent(parsed.text, parsed.lists);
    if (consent.present && consent.unknownScopes.length > 0) ctx.errors.push({ rowNumber, column: unknownChoiceColumn(layout, "consentScopes", consent.unknownScopes), code: "imports.rowErrors.scopeUnknown" });
    const issues = [...(outcome.success ? [] : outcome.error.issues), ...(consent.present ? consent.issues : [])];
    result =
      outcome.success && issues.length === 0
        ? { success: true, converted: { kind: "RESPONDENTS", input: { ...outcome.data, consent: consent.present ? consent.consent : null } } }
        : { success: false, issues };
  } else if (layout.kind === "INTERVIEWS") {
    const outcome = interviewInputSchema.safeParse(interviewInput(ctx, evaluationId, parsed, refs));
    result = outcome.success ? { success: true, converted: { kind: "INTERVIEWS", input: outcome.data } } : { success: false, issues: outcome.error.issues };
  } else if (layout.kind === "STORIES") {
    const outcome = storyFieldsSchema.safeParse(storyInput(ctx, parsed, refs));
    result = outcome.success ? { success: true, converted: { kind: "STORIES", input: outcome.data } } : { success: false, issues: outcome.error.issues };
  } else {
    const report = (field: string, code: string) => ctx.errors.push({ rowNumber, column: columnOf(layout, field), code });
    const outcome = projectFieldsSchema.safeParse(projectInput(parsed.text, refs.projectKeys, report));
    result = outcome.success ? { success: true, converted: { kind: "PROJECTS", input: outcome.data } } : { success: false, issues: outcome.error.issues };
  }
  // A column whose value named nothing known is reported once, not again as "required" by the schema.
  const reported = new Set(ctx.errors.map((error) => error.column));
  const schema = result.success ? [] : schemaErrors(layout, rowNumber, result.issues).filter((error) => !reported.has(error.column));
  const errors = [...ctx.errors, ...schema];
  return { converted: errors.length === 0 && result.success ? result.converted : null, errors };
}
