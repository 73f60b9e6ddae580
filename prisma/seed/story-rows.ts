/**
 * The demo's change stories and every row that hangs off them, built with the test factories
 * (nothing is written here). Each story gets revision 1 holding the snapshot of what was saved.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeType } from "@/lib/generated/prisma/enums";
import { buildStorySnapshot, type SnapshotSource } from "@/lib/stories/snapshot";
import { nextTranslationSources } from "@/lib/translations/story-sources";
import { day, newId, type WithId } from "@/tests/factories/ids";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildStoryFigure,
  buildStoryRevision,
} from "@/tests/factories/stories";
import { APPROVED_PATH, APPROVED_STORIES, type ApprovedStorySpec } from "./approved-data";
import { DEMO_USERS } from "./demo-users";
import type { FieldworkRows } from "./fieldwork-rows";
import { fixture, parseFigure, parseYearPeriod, type SampleOutcome } from "./fixture";
import { FIGURE_LABELS_ES } from "./setup-data";
import { lookup, placeLabel, type SetupRows } from "./setup-rows";
import { STORIES, STORIES_WRITTEN_ON, type StorySpec } from "./stories-data";

const CHANGE_TYPES: Record<string, ChangeType> = {
  positive: "POSITIVE",
  negative: "NEGATIVE",
  "no change": "NO_CHANGE",
};

type StaffIds = { lead: string; evaluator: string };

/** What an approved story adds to a story spec: every other text translated, and the analyst's assessment. */
type Approval = Pick<
  ApprovedStorySpec,
  "contributionNarrativeEn" | "sustainability" | "contributionRating" | "contributionRatingReason"
> & { howEn: Map<string, string> };

function approvedAsStorySpec(spec: ApprovedStorySpec): { spec: StorySpec; approval: Approval } {
  const { contributionNarrativeEn, sustainability, contributionRating, contributionRatingReason } = spec;
  return {
    spec: {
      ...spec,
      stage: "APPROVED",
      stageChangedOn: APPROVED_PATH.reviewedOn,
      contributions: spec.contributions.map(({ project, how }) => ({ project, how })),
    },
    approval: {
      contributionNarrativeEn,
      sustainability,
      contributionRating,
      contributionRatingReason,
      howEn: new Map(spec.contributions.map(({ project, howEn }) => [project, howEn])),
    },
  };
}

export function buildStoryRows(setup: SetupRows, fieldwork: FieldworkRows, staff: StaffIds) {
  const rows = {
    stories: [] as WithId<Prisma.ChangeStoryCreateManyInput>[],
    storyPlaces: [] as Prisma.StoryPlaceCreateManyInput[],
    storySectors: [] as Prisma.StorySectorCreateManyInput[],
    storyPriorityTags: [] as Prisma.StoryPriorityTagCreateManyInput[],
    storyAtRiskGroups: [] as Prisma.StoryAtRiskGroupCreateManyInput[],
    storyFigures: [] as Prisma.StoryFigureCreateManyInput[],
    storyContributions: [] as Prisma.StoryContributionCreateManyInput[],
    storyTellers: [] as Prisma.StoryTellerCreateManyInput[],
    storySources: [] as Prisma.StorySourceCreateManyInput[],
    storyRevisions: [] as Prisma.StoryRevisionCreateManyInput[],
    domainAssignments: [] as Prisma.DomainAssignmentCreateManyInput[],
  };
  for (const spec of STORIES) addStory(rows, spec, setup, fieldwork, staff);
  for (const approved of APPROVED_STORIES) {
    const { spec, approval } = approvedAsStorySpec(approved);
    addStory(rows, spec, setup, fieldwork, staff, approval);
  }
  return rows;
}

export type StoryRows = ReturnType<typeof buildStoryRows>;

function addStory(
  rows: StoryRows,
  spec: StorySpec,
  setup: SetupRows,
  fieldwork: FieldworkRows,
  staff: StaffIds,
  approval?: Approval,
) {
  const evaluationId = setup.evaluation.id;
  const base = fixture.sample_outcomes[spec.sampleOutcome];
  if (!base) throw new Error(`Demo data: story ${spec.codeNumber} names an unknown sample outcome`);
  const outcome: SampleOutcome = { ...base, ...spec.outcome };
  const changeType = CHANGE_TYPES[outcome.change_type];
  if (!changeType) throw new Error(`Demo data: unknown change type "${outcome.change_type}"`);
  const period = parseYearPeriod(outcome.period);
  const writtenAt = day(STORIES_WRITTEN_ON);

  const story = buildChangeStory({
    evaluationId,
    authorId: staff.evaluator,
    collectedById: spec.collectedBy ? staff[spec.collectedBy] : null,
    codeNumber: spec.codeNumber,
    title: spec.title,
    titleTranslation: spec.titleEn ?? outcome.title,
    whatChanged: spec.whatChanged,
    whatChangedTranslation: spec.whatChangedEn,
    whySignificant: spec.whySignificant,
    whySignificantTranslation: spec.whySignificantEn,
    originalLanguage: "es",
    translationLanguage: "en",
    translatedById: staff.lead,
    translatedAt: writtenAt,
    changeType,
    periodFrom: period.from,
    periodTo: period.to,
    periodPrecision: "YEAR",
    contributionNarrative: spec.contributionNarrative,
    contributionNarrativeTranslation: approval?.contributionNarrativeEn ?? null,
    sustainabilityAssessment: approval?.sustainability.es ?? null,
    sustainabilityAssessmentTranslation: approval?.sustainability.en ?? null,
    contributionRating: approval?.contributionRating ?? null,
    contributionRatingReason: approval?.contributionRatingReason ?? null,
    stage: spec.stage,
    stageChangedAt: day(spec.stageChangedOn),
    createdAt: writtenAt,
  });
  rows.stories.push(story);
  const child = () => ({ id: newId(), evaluationId, storyId: story.id });

  const places = outcome.states.map((state) => lookup(setup.refs.placeByLabel, placeLabel(state), "place"));
  const sectors = outcome.sectors.map((key) => lookup(setup.refs.sectorByKey, key, "sector"));
  const priorities = spec.priorities.map((position) => lookup(setup.refs.priorityByPosition, position, "priority"));
  const figures = outcome.figures.map((figure, index) =>
    buildStoryFigure({
      ...child(),
      position: index + 1,
      label: spanishFigureLabel(figure.label),
      labelTranslation: figure.label,
      ...parseFigure(figure),
    }),
  );
  const contributions = spec.contributions.map(({ project, how }) => ({
    ...child(),
    projectId: lookup(setup.refs.projectByAcronym, project, "project").id,
    howContributed: how,
    howContributedTranslation: approval?.howEn.get(project) ?? null,
  }));
  const storytellers = spec.storytellers.map((n) => lookup(fieldwork.refs.respondentByNumber, n, "respondent"));
  const sources = spec.sources.map((key) => sourceColumns(key, fieldwork));

  rows.storyPlaces.push(...places.map((place) => ({ ...child(), placeId: place.id })));
  rows.storySectors.push(...sectors.map((sector) => ({ ...child(), sectorId: sector.id })));
  rows.storyPriorityTags.push(...priorities.map((tag) => ({ ...child(), priorityTagId: tag.id })));
  const groups = spec.atRiskGroups.map(({ group, note }) => ({
    group: lookup(setup.refs.atRiskGroupByCode, group, "at-risk group"),
    note: note ?? null,
  }));
  rows.storyAtRiskGroups.push(...groups.map(({ group, note }) => ({ ...child(), groupId: group.id, note })));
  rows.storyFigures.push(...figures);
  rows.storyContributions.push(...contributions);
  rows.storyTellers.push(...storytellers.map((respondent) => ({ ...child(), respondentId: respondent.id })));
  rows.storySources.push(...sources.map(({ columns }) => ({ ...child(), ...columns })));

  // Screened stories were assigned by the lead at screening; earlier ones carry the author's proposal.
  const screened = spec.stage !== "DRAFT" && spec.stage !== "SUBMITTED";
  const assignedById = screened ? staff.lead : staff.evaluator;
  const assignedAt = screened ? day(approval ? APPROVED_PATH.screenedOn : spec.stageChangedOn) : writtenAt;
  const domainId = (position: number) => lookup(setup.refs.domainByPosition, position, "domain").id;
  rows.domainAssignments.push(
    buildDomainAssignment({
      evaluationId,
      storyId: story.id,
      domainId: domainId(outcome.domain),
      kind: "PRIMARY",
      rationale: spec.primaryRationale,
      assignedById,
      assignedAt,
    }),
  );
  if (spec.secondary) {
    rows.domainAssignments.push(
      buildDomainAssignment({
        evaluationId,
        storyId: story.id,
        domainId: domainId(spec.secondary.domain),
        kind: "SECONDARY",
        rationale: spec.secondary.rationale,
        assignedById,
        assignedAt,
      }),
    );
  }

  // The same snapshot a save through the app would store (lib/stories/snapshot.ts).
  const person = (role: "LEAD" | "EVALUATOR") => {
    const id = role === "LEAD" ? staff.lead : staff.evaluator;
    return { id, name: DEMO_USERS.find((user) => user.role === role)?.name ?? role };
  };
  const projects = new Map(setup.projects.map((project) => [project.id, project]));
  const snapshotSource: SnapshotSource = {
    code: story.code,
    title: story.title,
    titleTranslation: story.titleTranslation ?? null,
    whatChanged: story.whatChanged,
    whatChangedTranslation: story.whatChangedTranslation ?? null,
    whySignificant: story.whySignificant,
    whySignificantTranslation: story.whySignificantTranslation ?? null,
    originalLanguage: story.originalLanguage,
    translationLanguage: story.translationLanguage ?? null,
    translatedBy: person("LEAD"),
    collectedBy: spec.collectedBy ? person("LEAD") : null,
    changeType,
    periodPrecision: "YEAR",
    periodFrom: period.from,
    periodTo: period.to ?? null,
    contributionNarrative: spec.contributionNarrative,
    contributionNarrativeTranslation: story.contributionNarrativeTranslation ?? null,
    sustainabilityAssessment: story.sustainabilityAssessment ?? null,
    sustainabilityAssessmentTranslation: story.sustainabilityAssessmentTranslation ?? null,
    sustainabilityConditions: null,
    sustainabilityRisks: null,
    places: places.map((place) => ({
      id: place.id,
      state: place.state,
      municipality: place.municipality ?? null,
      community: place.community ?? null,
    })),
    sectors: sectors.map((sector) => ({ id: sector.id, nameEn: sector.nameEn, nameEs: sector.nameEs })),
    priorityTags: priorities.map((tag) => ({
      id: tag.id,
      position: tag.position,
      nameEn: tag.nameEn,
      nameEs: tag.nameEs,
    })),
    atRiskGroups: groups.map(({ group, note }) => ({
      id: group.id,
      position: group.position,
      nameEn: group.nameEn,
      nameEs: group.nameEs,
      note,
    })),
    figures: figures.map((figure) => ({
      id: figure.id,
      position: figure.position,
      label: figure.label,
      labelTranslation: figure.labelTranslation ?? null,
      qualifier: figure.qualifier ?? "EXACT",
      value: String(figure.value),
      valueMax: figure.valueMax == null ? null : String(figure.valueMax),
      unit: figure.unit ?? null,
    })),
    contributions: contributions.map((row) => {
      const project = projects.get(row.projectId)!;
      return {
        projectId: row.projectId,
        acronym: project.acronym,
        name: project.name,
        howContributed: row.howContributed,
        howContributedTranslation: row.howContributedTranslation,
      };
    }),
    storytellers: storytellers.map((respondent) => ({ respondentId: respondent.id, code: respondent.code! })),
    sources: sources.map(({ snapshot: source }) => source),
  };
  // An approved story records where each translation came from, as a save through the app does
  // (decision 0038), so the brief and the review page know every text is translated and current.
  if (approval) {
    story.translationSources = nextTranslationSources(null, buildStorySnapshot(snapshotSource), writtenAt);
    snapshotSource.translationSources = story.translationSources;
  }
  const snapshot = buildStorySnapshot(snapshotSource);

  rows.storyRevisions.push(
    buildStoryRevision({
      evaluationId,
      storyId: story.id,
      version: 1,
      snapshot: snapshot as Prisma.InputJsonObject,
      editedById: staff.evaluator,
      note: "Primera versión. / First version.",
      createdAt: writtenAt,
    }),
  );
}

function spanishFigureLabel(label: string): string {
  const spanish = FIGURE_LABELS_ES[label];
  if (!spanish) throw new Error(`Demo data: no Spanish label for figure "${label}"`);
  return spanish;
}

/** A source key from fieldwork-data.ts ("I1", "G2", "E5") as StorySource columns and a snapshot entry. */
function sourceColumns(
  key: string,
  fieldwork: FieldworkRows,
): { columns: Record<string, string>; snapshot: SnapshotSource["sources"][number] } {
  const interview = fieldwork.refs.interviewByKey.get(key);
  if (interview) {
    return {
      columns: { interviewId: interview.id },
      snapshot: { kind: "INTERVIEW", id: interview.id, date: interview.date as Date },
    };
  }
  const focusGroup = fieldwork.refs.focusGroupByKey.get(key);
  if (focusGroup) {
    return {
      columns: { focusGroupId: focusGroup.id },
      snapshot: {
        kind: "FOCUS_GROUP",
        id: focusGroup.id,
        date: focusGroup.date as Date,
        topic: focusGroup.topic ?? "",
      },
    };
  }
  const excerpt = lookup(fieldwork.refs.excerptByKey, key, "story source");
  const parent = [...fieldwork.refs.interviewByKey.values(), ...fieldwork.refs.focusGroupByKey.values()].find(
    (row) => row.id === (excerpt.interviewId ?? excerpt.focusGroupId),
  );
  if (!parent) throw new Error(`Demo data: excerpt ${key} has no transcript`);
  return {
    columns: { excerptId: excerpt.id },
    snapshot: {
      kind: "EXCERPT",
      id: excerpt.id,
      interviewId: excerpt.interviewId ?? null,
      focusGroupId: excerpt.focusGroupId ?? null,
      date: parent.date as Date,
    },
  };
}
