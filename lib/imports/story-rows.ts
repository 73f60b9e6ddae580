/**
 * A story row → the story form's input, validated with the form's own schema: the row's own
 * cells (texts, translations and translator, change type, period, places, sectors, priorities,
 * at-risk groups, storytellers, sources, sustainability) plus its repetitions from the repeat-group sheets (figures read in the
 * batch's number language, contributions by project acronym), and the domains the row assigns.
 * An error in a repetition names that sheet, its line and its column. Pure.
 */
import type { z } from "zod";
import { CHANGE_TYPES, storyFieldsSchema, type StoryFields } from "@/lib/stories/schema";
import { splitChoices } from "./mapping";
import { splitPlaceList } from "./place-matching";
import { readPeriodCells } from "./period-cells";
import type { References } from "./references";
import type { RepeatKind, RepeatRow } from "./repeat-groups";
import { columnOf, ids, refuseNumber, type Cells, type Lookup, type RowError } from "./row-context";
import { figureDraft } from "./story-children";
import { choiceValue, impliedPrecision } from "./vocabulary";

/** The domains a story row assigns (written after the story, through the domain form's own mutation). */
export type StoryDomains = { primaryId: string | null; secondaryIds: string[]; rationale: string };
export type ChildProblem = { row: RepeatRow; field: string; code: string };

/**
 * A list cell of names that may hold spaces ("export manufacturing"): split on semicolons, commas
 * and line breaks; a part that names nothing is tried again as Kobo's space-separated choices.
 */
export function splitNames(cell: string, known: (name: string) => boolean): string[] {
  return cell
    .split(/[;,\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => (known(part) || !/\s/.test(part) ? [part] : splitChoices(part)));
}

/** Priority names hold commas ("Record keeping, labor conciliation…"): a whole part between semicolons is tried first. */
function splitTagNames(cell: string, known: (name: string) => boolean): string[] {
  return cell
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => (known(part) ? [part] : splitNames(part, known)));
}

function domainsOf(ctx: Lookup, cells: Cells, refs: References): StoryDomains {
  const { text, lists } = cells;
  const find = (field: string, value: string): string | null => {
    const domain = refs.domain(value);
    if (!domain || domain.retired)
      ctx.errors.push({
        rowNumber: ctx.rowNumber,
        column: columnOf(ctx.layout, field),
        code: domain ? "imports.rowErrors.domainRetired" : "imports.rowErrors.domainUnknown",
      });
    return domain && !domain.retired ? domain.id : null;
  };
  const primaryId = text.primaryDomain?.trim() ? find("primaryDomain", text.primaryDomain) : null;
  const secondary = (lists.secondaryDomains ?? []).flatMap((cell) =>
    /^[\d\s,;]+$/.test(cell)
      ? cell.split(/[^\d]+/).filter(Boolean)
      : splitNames(cell, (name) => refs.domain(name) !== null),
  );
  const secondaryIds = [
    ...new Set(
      secondary
        .map((value) => find("secondaryDomains", value))
        .filter((id): id is string => id !== null && id !== primaryId),
    ),
  ];
  const rationale = (text.domainRationale ?? "").trim();
  if ((text.primaryDomain?.trim() || secondary.length > 0) && !rationale) {
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, "domainRationale") ?? columnOf(ctx.layout, "primaryDomain"),
      code: "imports.rowErrors.domainRationaleRequired",
    });
  }
  return { primaryId, secondaryIds, rationale };
}

function storyInput(
  ctx: Lookup,
  cells: Cells,
  refs: References,
  children: Record<RepeatKind, RepeatRow[]>,
  problems: ChildProblem[],
) {
  const { text, lists } = cells;
  const before = ctx.errors.length;
  for (const field of ["period", "periodFrom", "periodTo"])
    refuseNumber(ctx, field, text[field], { yearAllowed: true });
  const whole = Boolean(text.period?.trim());
  const period = whole
    ? readPeriodCells(text.period, "", { wholePeriod: true })
    : readPeriodCells(text.periodFrom, text.periodTo);
  // A spreadsheet serial is reported as such above; any other unreadable period shows the accepted forms.
  if (!period.ok && ctx.errors.length === before)
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, whole ? "period" : period.field),
      code: "imports.rowErrors.periodFormat",
    });
  const read = period.ok ? period : { precision: null, from: "", to: "" };
  const changeType = choiceValue("changeType", text.changeType ?? "");
  // A filled cell that names no change type is not "missing": say which values are accepted.
  if (changeType && !(CHANGE_TYPES as readonly string[]).includes(changeType))
    ctx.errors.push({
      rowNumber: ctx.rowNumber,
      column: columnOf(ctx.layout, "changeType"),
      code: "imports.rowErrors.changeTypeUnknown",
    });
  const placeNames = (lists.places ?? []).flatMap((cell) =>
    splitPlaceList(cell, (name) => refs.places(name).length > 0),
  );
  const placeIds = ids(
    ctx,
    "places",
    placeNames,
    (name) => {
      const found = refs.places(name);
      return found.length === 1 ? found[0]!.id : null;
    },
    "placeUnknown",
  );
  const collectedBy = text.collectedBy?.trim()
    ? ids(ctx, "collectedBy", [text.collectedBy], refs.member, "memberUnknown")[0]
    : null;
  const translatedBy = text.translatedBy?.trim()
    ? ids(ctx, "translatedBy", [text.translatedBy], refs.member, "memberUnknown")[0]
    : null;
  const locale = ctx.layout.numberLocale ?? "es";
  const figures = children.figures.map((row) => figureDraft(row, locale, problems));
  const contributions = children.contributions.map((row) => {
    const project = row.values.project?.trim() ? refs.project(row.values.project) : null;
    if (row.values.project?.trim() && !project)
      problems.push({ row, field: "project", code: "imports.rowErrors.projectUnknown" });
    return {
      projectId: project ?? (row.values.project?.trim() ? "unknown" : ""),
      howContributed: row.values.howContributed ?? "",
      howContributedTranslation: row.values.howContributedTranslation ?? "",
    };
  });
  const sources = ids(ctx, "sources", (lists.sources ?? []).flatMap(splitChoices), refs.source, "sourceUnknown");
  return {
    title: text.title ?? "",
    whatChanged: text.whatChanged ?? "",
    whySignificant: text.whySignificant ?? "",
    originalLanguage: choiceValue("language", text.originalLanguage ?? ""),
    changeType,
    periodPrecision: text.periodPrecision?.trim()
      ? choiceValue("periodPrecision", text.periodPrecision)
      : (read.precision ?? (read.from ? impliedPrecision(read.from) : "YEAR")),
    periodFrom: read.from,
    periodTo: read.to,
    placeIds: [...new Set(placeIds)],
    sectorIds: [
      ...new Set(
        ids(
          ctx,
          "sectors",
          (lists.sectors ?? []).flatMap((cell) => splitNames(cell, (name) => refs.sector(name) !== null)),
          refs.sector,
          "sectorUnknown",
        ),
      ),
    ],
    storytellerIds: [
      ...new Set(
        ids(
          ctx,
          "storytellers",
          lists.storytellers ?? [],
          (code) => refs.respondent(code)?.id ?? null,
          "respondentUnknown",
        ),
      ),
    ],
    collectedById: collectedBy ?? "",
    contributionNarrative: text.contributionNarrative ?? "",
    sustainabilityAssessment: text.sustainabilityAssessment ?? "",
    sustainabilityConditions: text.sustainabilityConditions ?? "",
    sustainabilityRisks: text.sustainabilityRisks ?? "",
    titleTranslation: text.titleTranslation ?? "",
    whatChangedTranslation: text.whatChangedTranslation ?? "",
    whySignificantTranslation: text.whySignificantTranslation ?? "",
    translationLanguage: text.translationLanguage?.trim() ? choiceValue("language", text.translationLanguage) : "",
    translatedById: translatedBy ?? "",
    contributionNarrativeTranslation: text.contributionNarrativeTranslation ?? "",
    sustainabilityAssessmentTranslation: text.sustainabilityAssessmentTranslation ?? "",
    sustainabilityConditionsTranslation: text.sustainabilityConditionsTranslation ?? "",
    sustainabilityRisksTranslation: text.sustainabilityRisksTranslation ?? "",
    priorityTagIds: [
      ...new Set(
        ids(
          ctx,
          "priorities",
          (lists.priorities ?? []).flatMap((cell) => splitTagNames(cell, (name) => refs.priorityTag(name) !== null)),
          refs.priorityTag,
          "priorityUnknown",
        ),
      ),
    ],
    // A story file names groups only; a note on why a group is concerned is written in the story form.
    atRiskGroups: [
      ...new Set(
        ids(
          ctx,
          "atRiskGroups",
          (lists.atRiskGroups ?? []).flatMap((cell) => splitTagNames(cell, (name) => refs.atRiskGroup(name) !== null)),
          (name) => refs.atRiskGroup(name)?.id ?? null,
          "atRiskGroupUnknown",
        ),
      ),
    ].map((groupId) => ({ groupId, note: "" })),
    figures,
    contributions,
    sources: [...new Map(sources.map((source) => [`${source.kind}:${source.id}`, source])).values()],
    numberLocale: locale,
  };
}

const CHILD_FIELD: Record<string, string> = { projectId: "project" };
const VALUELESS_NUMBER_MESSAGES = new Set([
  "numberAmbiguous",
  "numberOtherConvention",
  "numberTooLarge",
  "numberTooPrecise",
]);

/**
 * The story schema's issues on figures and contributions, moved to the repetition they came from
 * (its sheet, line and column); every other issue stays with the main row (`rest`).
 */
function childIssues(
  issues: z.core.$ZodIssue[],
  children: Record<RepeatKind, RepeatRow[]>,
  rowNumber: number,
): { errors: RowError[]; rest: z.core.$ZodIssue[] } {
  const errors: RowError[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const [list, index, field] = issue.path;
    const row =
      (list === "figures" || list === "contributions") && typeof index === "number" ? children[list][index] : undefined;
    if (!row) {
      rest.push(issue);
      continue;
    }
    const name = CHILD_FIELD[String(field)] ?? String(field ?? "");
    const message = issue.message.replace(/^errors\./, "");
    // The form's number messages show the value typed; an import keeps no value, so ours say it without.
    const code =
      name === "label" && message === "required"
        ? "imports.rowErrors.figureLabelRequired"
        : VALUELESS_NUMBER_MESSAGES.has(message)
          ? `imports.rowErrors.${message}`
          : /^[A-Za-z]+$/.test(message)
            ? `stories.errors.${message}`
            : "stories.errors.invalid";
    errors.push({ sheet: row.sheet, rowNumber: row.rowNumber, column: row.columns[name] ?? null, code });
  }
  void rowNumber;
  return { errors, rest };
}

export type StoryConversion = {
  input: StoryFields | null;
  domains: StoryDomains;
  issues: z.core.$ZodIssue[];
  childErrors: RowError[];
};

/** Converts one story row; `input` is null when the form's schema refuses it. */
export function convertStoryRow(
  ctx: Lookup,
  cells: Cells,
  refs: References,
  children: Record<RepeatKind, RepeatRow[]>,
): StoryConversion {
  const problems: ChildProblem[] = [];
  const domains = domainsOf(ctx, cells, refs);
  const outcome = storyFieldsSchema.safeParse(storyInput(ctx, cells, refs, children, problems));
  const fromProblems = problems.map(({ row, field, code }) => ({
    sheet: row.sheet,
    rowNumber: row.rowNumber,
    column: row.columns[field] ?? null,
    code,
  }));
  const moved = outcome.success ? { errors: [], rest: [] } : childIssues(outcome.error.issues, children, ctx.rowNumber);
  // A repetition's cell already reported (an unknown acronym) is not reported again by the schema.
  const reported = new Set(fromProblems.map((error) => `${error.sheet}|${error.rowNumber}|${error.column}`));
  const childErrors = [
    ...fromProblems,
    ...moved.errors.filter((error) => !reported.has(`${error.sheet}|${error.rowNumber}|${error.column}`)),
  ];
  return { input: outcome.success ? outcome.data : null, domains, issues: moved.rest, childErrors };
}
