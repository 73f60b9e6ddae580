/**
 * Every loader against the callers who must get nothing, on the demo evaluation's real records:
 * a lead of another evaluation, a visitor who is not signed in, and the demo's own lead before
 * they have set up two-factor sign-in. Each gets null, with ids that exist, so the null comes
 * from the access check and not from a missing row. The caller named with each loader gets its
 * view, so the same call would show a leak. A new loader without a line here fails the first test.
 * (Each feature's loaders-*.test.ts covers its rules role by role.)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Reader } from "@/lib/evaluations/access";
import { parseAuditFilters } from "@/lib/audit-trail/schema";
import { parseDashboardFilters } from "@/lib/dashboard/schema";
import type { TableState } from "@/lib/tables/url-state";
import { DEMO_EVALUATION_NAME, seedDemo } from "@/prisma/seed/demo";
import { createEvaluationWithTeam } from "@/tests/factories";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

type Ids = {
  evaluation: string;
  story: string;
  respondent: string;
  interview: string;
  focusGroup: string;
  round: string;
  domain: string;
};
type Role = "lead" | "evaluator" | "panelist" | "analyst" | "reviewer";
type Call = (ids: Ids, reader: Reader | null) => Promise<unknown>;

const state = <F>(sort: string): TableState<F> => ({
  page: 1,
  pageSize: 25,
  sort: { id: sort, desc: false },
  columns: [],
  filters: {} as F,
});
/** Loaders that read the session instead of taking a reader: the reader becomes the signed-in user. */
const signedIn =
  (load: (ids: Ids) => Promise<unknown>): Call =>
  async (ids, reader) => {
    signInAs(reader as CurrentUser | null);
    return load(ids);
  };

let lib: Record<string, Record<string, (...args: never[]) => Promise<unknown>>>;
const fn = (module: string, name: string) => lib[module]![name] as unknown as (...args: unknown[]) => Promise<unknown>;

/** Each evaluation loader: how to call it, and a demo member who gets its view. */
const EVALUATION_LOADERS: Record<string, { call: Call; seenBy: Role }> = {
  loadEvaluationOverview: {
    call: (ids, r) => fn("evaluations", "loadEvaluationOverview")(ids.evaluation, r),
    seenBy: "panelist",
  },
  loadEvaluationHeading: {
    call: (ids, r) => fn("evaluations", "loadEvaluationHeading")(ids.evaluation, r, "evaluation.view"),
    seenBy: "reviewer",
  },
  loadEvaluationSetup: { call: signedIn((ids) => fn("setup", "loadEvaluationSetup")(ids.evaluation)), seenBy: "lead" },
  loadSetupDomains: { call: signedIn((ids) => fn("setup", "loadSetupDomains")(ids.evaluation)), seenBy: "lead" },
  loadSetupProjects: { call: signedIn((ids) => fn("setup", "loadSetupProjects")(ids.evaluation)), seenBy: "lead" },
  loadSetupPlaces: { call: signedIn((ids) => fn("setup", "loadSetupPlaces")(ids.evaluation)), seenBy: "lead" },
  loadSetupCountries: { call: signedIn((ids) => fn("setup", "loadSetupCountries")(ids.evaluation)), seenBy: "lead" },
  loadSetupLists: { call: signedIn((ids) => fn("setup", "loadSetupLists")(ids.evaluation)), seenBy: "lead" },
  loadSetupFieldworkPlan: {
    call: signedIn((ids) => fn("setup", "loadSetupFieldworkPlan")(ids.evaluation)),
    seenBy: "lead",
  },
  loadDashboard: {
    call: (ids, r) => fn("dashboard", "loadDashboard")(ids.evaluation, r, dashboardFilters()),
    seenBy: "evaluator",
  },
  loadDashboardMeta: {
    call: (ids, r) => fn("dashboardMeta", "loadDashboardMeta")(ids.evaluation, r, dashboardFilters()),
    seenBy: "reviewer",
  },
  loadMembersPage: { call: (ids, r) => fn("members", "loadMembersPage")(ids.evaluation, r), seenBy: "evaluator" },
  loadAuditPage: {
    call: (ids, r) => fn("audit", "loadAuditPage")(ids.evaluation, r, parseAuditFilters({})),
    seenBy: "lead",
  },
  loadImportsPage: {
    call: (ids, r) => fn("imports", "loadImportsPage")(ids.evaluation, r, { page: 1, batchId: null, errorsPage: 1 }),
    seenBy: "evaluator",
  },
  loadLearnings: { call: signedIn((ids) => fn("learnings", "loadLearnings")(ids.evaluation)), seenBy: "reviewer" },
  loadBriefRecords: {
    call: (ids, r) => fn("brief", "loadBriefRecords")(ids.evaluation, r, "approved"),
    seenBy: "reviewer",
  },
  loadBrief: {
    call: (ids, r) => fn("brief", "loadBrief")(ids.evaluation, r, { include: "approved", lang: "en" }),
    seenBy: "reviewer",
  },
  loadBriefPage: {
    call: signedIn((ids) => fn("briefPage", "loadBriefPage")(ids.evaluation, "validated", "en")),
    seenBy: "lead",
  },
  loadRespondentList: {
    call: (ids, r) => fn("respondents", "loadRespondentList")(ids.evaluation, r, state("code")),
    seenBy: "evaluator",
  },
  loadRespondentPage: {
    call: (ids, r) => fn("respondents", "loadRespondentPage")(ids.evaluation, ids.respondent, r),
    seenBy: "analyst",
  },
  loadNewRespondentForm: {
    call: (ids, r) => fn("respondents", "loadNewRespondentForm")(ids.evaluation, r),
    seenBy: "evaluator",
  },
  loadRespondentForm: {
    call: (ids, r) => fn("respondents", "loadRespondentForm")(ids.evaluation, ids.respondent, r),
    seenBy: "evaluator",
  },
  loadRespondentConsent: {
    call: (ids, r) => fn("respondents", "loadRespondentConsent")(ids.evaluation, ids.respondent, r),
    seenBy: "evaluator",
  },
  loadInterviewList: {
    call: (ids, r) => fn("interviews", "loadInterviewList")(ids.evaluation, r, state("date")),
    seenBy: "analyst",
  },
  loadInterviewPage: {
    call: (ids, r) => fn("interviews", "loadInterviewPage")(ids.evaluation, ids.interview, r),
    seenBy: "evaluator",
  },
  loadInterviewForm: {
    call: (ids, r) => fn("interviews", "loadInterviewForm")(ids.evaluation, ids.interview, r),
    seenBy: "evaluator",
  },
  loadNewInterviewForm: {
    call: (ids, r) => fn("interviews", "loadNewInterviewForm")(ids.evaluation, r),
    seenBy: "evaluator",
  },
  loadFocusGroupList: {
    call: (ids, r) => fn("focusGroups", "loadFocusGroupList")(ids.evaluation, r, state("date")),
    seenBy: "evaluator",
  },
  loadFocusGroupPage: {
    call: (ids, r) => fn("focusGroups", "loadFocusGroupPage")(ids.evaluation, ids.focusGroup, r),
    seenBy: "analyst",
  },
  loadFocusGroupForm: {
    call: (ids, r) => fn("focusGroups", "loadFocusGroupForm")(ids.evaluation, ids.focusGroup, r),
    seenBy: "evaluator",
  },
  loadNewFocusGroupForm: {
    call: (ids, r) => fn("focusGroups", "loadNewFocusGroupForm")(ids.evaluation, r),
    seenBy: "evaluator",
  },
  loadListFrame: {
    call: (ids, r) => fn("listFrame", "loadListFrame")(ids.evaluation, r, "interview.view", "interview.edit"),
    seenBy: "analyst",
  },
  loadRefiQdaRecords: { call: (ids, r) => fn("qdpx", "loadRefiQdaRecords")(ids.evaluation, r), seenBy: "analyst" },
  loadStoryList: {
    call: (ids, r) => fn("stories", "loadStoryList")(ids.evaluation, r, state("code")),
    seenBy: "panelist",
  },
  loadNewStory: { call: (ids, r) => fn("stories", "loadNewStory")(ids.evaluation, r), seenBy: "evaluator" },
  loadStoryPage: {
    call: (ids, r) => fn("stories", "loadStoryPage")(ids.evaluation, ids.story, r),
    seenBy: "evaluator",
  },
  loadStoryEdit: {
    call: (ids, r) => fn("stories", "loadStoryEdit")(ids.evaluation, ids.story, r),
    seenBy: "evaluator",
  },
  loadStoryTimeline: {
    call: (ids, r) => fn("stories", "loadStoryTimeline")(ids.evaluation, ids.story, r),
    seenBy: "lead",
  },
  loadStoryRevisions: {
    call: (ids, r) => fn("stories", "loadStoryRevisions")(ids.evaluation, ids.story, r, null, null),
    seenBy: "lead",
  },
  loadStoryTriangulation: {
    call: (ids, r) => fn("triangulation", "loadStoryTriangulation")(ids.evaluation, ids.story, r),
    seenBy: "analyst",
  },
  loadStoryQuotations: {
    call: (ids, r) => fn("quotations", "loadStoryQuotations")(ids.evaluation, ids.story, r),
    seenBy: "analyst",
  },
  loadContribution: {
    call: (ids, r) => fn("triangulation", "loadContribution")(ids.evaluation, ids.story, r),
    seenBy: "analyst",
  },
  loadTriangulationMatrix: {
    call: (ids, r) => fn("triangulation", "loadTriangulationMatrix")(ids.evaluation, r, ids.domain, 1),
    seenBy: "analyst",
  },
  loadReviewQueue: { call: (ids, r) => fn("reviews", "loadReviewQueue")(ids.evaluation, r, 1), seenBy: "reviewer" },
  loadDecidedOutcomes: {
    call: (ids, r) => fn("reviews", "loadDecidedOutcomes")(ids.evaluation, r, 1),
    seenBy: "reviewer",
  },
  loadSearchPage: {
    call: (ids, r) => fn("search", "loadSearchPage")(ids.evaluation, r, { q: "trabajo", page: 1 }),
    seenBy: "evaluator",
  },
  loadSelectionPage: { call: (ids, r) => fn("selection", "loadSelectionPage")(ids.evaluation, r), seenBy: "panelist" },
  loadRoundPage: { call: (ids, r) => fn("selection", "loadRoundPage")(ids.evaluation, ids.round, r), seenBy: "lead" },
  loadValidationRounds: {
    call: (ids, r) => fn("validation", "loadValidationRounds")(ids.evaluation, 1, r),
    seenBy: "evaluator",
  },
  loadNewValidationRound: {
    call: (ids, r) => fn("validation", "loadNewValidationRound")(ids.evaluation, r),
    seenBy: "lead",
  },
};

/** Loaders this matrix does not call, each with where its callers are proven instead. */
const ELSEWHERE: Record<string, string> = {
  loadEvaluationList: "lists only the reader's own evaluations: evaluation-access.test.ts",
  loadLanding: "reads only the reader's own evaluations and their own waiting work: landing.test.ts",
  loadAuditChainCheck: "installation scope, administrators only: loaders-evaluation.test.ts",
  loadUserList: "installation scope, administrators only: loaders-evaluation.test.ts",
  loadAccountSetup: "the link's token is the credential: loaders-evaluation.test.ts, users-admin.test.ts",
  loadInvitation: "the link's token is the credential: invitations-flow.test.ts",
  loadRecordPage: "the shared step of loadInterviewPage and loadFocusGroupPage, called above",
  loadRecordForm: "the shared step of loadInterviewForm and loadFocusGroupForm, called above",
  loadNewRecordForm: "the shared step of loadNewInterviewForm and loadNewFocusGroupForm, called above",
  loadReviewStory: "needs a story in review, which the demo has not: loaders-reviews.test.ts",
  loadEvidenceEdit: "needs a story in triangulation with evidence: loaders-triangulation.test.ts",
  loadValidationRoundForm: "needs an open validation round, which the demo has not: loaders-validation.test.ts",
  loadValidationRound: "needs a validation round, which the demo has not: loaders-validation.test.ts",
  loadValidationResponse: "needs a validation response, which the demo has not: loaders-validation.test.ts",
  loadValidationSheet: "needs a validation sample, which the demo has not: loaders-validation.test.ts",
};

const MODULES: Record<string, string> = {
  evaluations: "@/lib/evaluations/loaders",
  setup: "@/lib/evaluations/setup-loaders",
  dashboard: "@/lib/dashboard/loaders",
  dashboardMeta: "@/lib/dashboard/meta-loaders",
  members: "@/lib/members/loaders",
  audit: "@/lib/audit-trail/loaders",
  imports: "@/lib/imports/loaders",
  learnings: "@/lib/learnings/loaders",
  brief: "@/lib/brief/loaders",
  briefPage: "@/lib/brief/page-loader",
  respondents: "@/lib/respondents/loaders",
  interviews: "@/lib/interviews/loaders",
  focusGroups: "@/lib/focus-groups/loaders",
  listFrame: "@/lib/fieldwork/list-loaders",
  qdpx: "@/lib/exports/refi-qda/loaders",
  stories: "@/lib/stories/loaders",
  triangulation: "@/lib/triangulation/loaders",
  quotations: "@/lib/quotations/loaders",
  reviews: "@/lib/reviews/loaders",
  search: "@/lib/search/loaders",
  selection: "@/lib/selection/loaders",
  validation: "@/lib/validation/loaders",
};

function dashboardFilters() {
  const parsed = parseDashboardFilters({});
  if (!parsed.ok) throw new Error("empty dashboard filters refused");
  return parsed.filters;
}

/** Every `load…` export of every loader file under lib. */
function declaredLoaders(): string[] {
  const root = path.resolve(__dirname, "../../lib");
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) =>
    /(^|[/-])loaders?\.ts$/.test(file),
  );
  return files.flatMap((file) =>
    [
      ...readFileSync(path.join(root, file), "utf8").matchAll(
        /export (?:const|async function|function) (load[A-Z]\w*)/g,
      ),
    ].map((match) => match[1] ?? ""),
  );
}

let database: TestDatabase;
let ids: Ids;
const members = {} as Record<Role, CurrentUser>;
let refused: Array<[string, Reader | null]>;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  await seedDemo(prisma, { withDemoPasswords: false });
  const elsewhere = await createEvaluationWithTeam(prisma, { roles: ["LEAD"] });
  const evaluation = await prisma.evaluation.findFirstOrThrow({
    where: { name: DEMO_EVALUATION_NAME },
    select: { id: true },
  });
  const where = { evaluationId: evaluation.id };
  const [story, respondent, interview, focusGroup, round, domain] = await Promise.all([
    prisma.changeStory.findFirstOrThrow({
      where: { ...where, stage: "DRAFT" },
      orderBy: { codeNumber: "asc" },
      select: { id: true },
    }),
    prisma.respondent.findFirstOrThrow({ where, orderBy: { codeNumber: "asc" }, select: { id: true } }),
    prisma.interview.findFirstOrThrow({ where, select: { id: true } }),
    prisma.focusGroup.findFirstOrThrow({ where, select: { id: true } }),
    prisma.selectionRound.findFirstOrThrow({ where, select: { id: true } }),
    prisma.domain.findFirstOrThrow({ where, orderBy: { position: "asc" }, select: { id: true } }),
  ]);
  ids = {
    evaluation: evaluation.id,
    story: story.id,
    respondent: respondent.id,
    interview: interview.id,
    focusGroup: focusGroup.id,
    round: round.id,
    domain: domain.id,
  };
  for (const role of ["lead", "evaluator", "panelist", "analyst", "reviewer"] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@demo.example` } });
    members[role] = actingUser(user);
  }
  refused = [
    ["a lead of another evaluation", actingUser(elsewhere.members.lead)],
    ["a visitor who is not signed in", null],
    ["the lead, before setting up two-factor sign-in", { ...members.lead, needsTwoFactorEnrolment: true }],
  ];
  lib = Object.fromEntries(
    await Promise.all(Object.entries(MODULES).map(async ([key, module]) => [key, await import(module)])),
  );
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the loader matrix", () => {
  it("names every loader once: called here, or proven elsewhere with a reason", () => {
    const declared = [...new Set(declaredLoaders())].sort();
    const named = [...Object.keys(EVALUATION_LOADERS), ...Object.keys(ELSEWHERE)].sort();
    expect(named).toEqual(declared);
  });

  for (const [name, { call, seenBy }] of Object.entries(EVALUATION_LOADERS)) {
    it(`${name}: null for everyone outside, a view for the ${seenBy}`, async () => {
      for (const [who, reader] of refused) {
        expect(await call(ids, reader), `${name} for ${who}`).toBeNull();
      }
      expect(await call(ids, members[seenBy]), `${name} for the ${seenBy}`).not.toBeNull();
    });
  }
});
