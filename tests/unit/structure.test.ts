/**
 * A feature folder in lib/ speaks one vocabulary (CONVENTIONS.md): schema, data, loaders,
 * mutations, actions, policy and types, alone (`data.ts`) or after a topic (`round-mutations.ts`).
 * A file under any other name needs a reason below; so does a folder that is not a feature
 * (decision 0032). The reasons are grouped by the part each file plays; a new file either takes a
 * vocabulary name or joins a group that truly describes it, or gets a reason of its own.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(__dirname, "../../lib");
const VOCABULARY = ["schema", "data", "loaders", "mutations", "actions", "policy", "types"];
const SPEAKS_VOCABULARY = new RegExp(`^([a-z0-9]+-)*(${VOCABULARY.join("|")})\\.ts$`);

/** Folders of shared machinery rather than features: they keep names of their own. */
const NOT_FEATURES: Record<string, string> = {
  generated: "the Prisma client, generated",
  backup: "backup and restore of the database, run by scripts",
  concurrency: "one helper for taking turns, used by several features",
  db: "the database client's companions: migrations, the embedded server, roles, health",
  launch: "the launcher's parts (workers, data folder, checks), run before the app",
  mail: "the mail transport and messages every feature sends through",
  security: "request headers and origin checks for the proxy and the actions",
  tables: "the one data table's paging, columns and URL state, shared by every list",
  uploads: "the file checks every upload goes through",
  i18n: "the interface languages: configuration, message loading and the locale switch",
  exports: "the download machinery every feature's tables go through: levels, writers, formats",
  "audit-anchor": "the launcher's signed checkpoints of the audit chains, outside the database",
  core: "what every feature shares: ids, the transaction's options, refusals, audit diffs (decision 0033)",
  pdf: "the embedded font and tagging the brief's and the validation sheet's PDFs share",
  translations:
    "pure rules of translated texts (source digests, staleness, what is shown) shared by stories, evidence, reviews and the brief",
};

// The parts a file plays, each a reason for a name outside the vocabulary.
const PURE = "pure rules or computation for this feature (no database), named for what it computes";
const FORMAT = "writes or reads one file format (PDF, Word, SVG, CSV, XLSX), named for the format";
const DOOR = "the body of a download route: checks the reader, streams the file, records the audit event";
const SQL = "SQL fragments that the feature's data files share";
const LIST = "a list page's query: a data file by another name (tests/unit/read-boundary.test.ts)";
const ACCESS = "who may open the feature's pages: the read check its loaders and routes share";
const DELIVERY = "sends e-mail after the transaction has committed";
const IN_TRANSACTION = "a part of the feature's mutations, run inside their transaction";
const IMPORT_STEP = "one step of the import pipeline (read, map, convert, check, write), named for the step";
const AUTH = "the sign-in library's wiring and the session it keeps";

const REASONS: Record<string, string> = {
  "audit-trail/access.ts": ACCESS,
  "audit-trail/sentences.ts": PURE,
  "auth/account-action.ts": "server actions on one's own account, which need no evaluation membership",
  "auth/current-user.ts": AUTH,
  "auth/next-auth.d.ts": "type declarations for the sign-in library",
  "auth/options.ts": AUTH,
  "auth/password.ts": PURE,
  "auth/redirect.ts": PURE,
  "auth/session.ts": AUTH,
  "auth/totp.ts": PURE,
  "auth/two-factor-view.ts":
    "what the two-factor page shows of one's own account: a loader for the user, not an evaluation",
  "brief/content.ts": PURE,
  "brief/docx.ts": FORMAT,
  "brief/download.ts": DOOR,
  "brief/outcome-sentence.ts": PURE,
  "brief/page-loader.ts": "the preview page's read: a loader by another name",
  "brief/pdf.ts": FORMAT,
  "dashboard/bar-chart.ts": FORMAT,
  "dashboard/coverage-plan.ts": PURE,
  "dashboard/download.ts": DOOR,
  "dashboard/figure-cells.ts": PURE,
  "dashboard/figures.ts": PURE,
  "dashboard/kept.ts": "the loaders' counts kept between changes of the evaluation (decision 0050)",
  "dashboard/filter-sql.ts": SQL,
  "dashboard/count-sql.ts": SQL,
  "dashboard/funnel-chart.ts": FORMAT,
  "dashboard/map-svg.ts": FORMAT,
  "dashboard/map.ts": PURE,
  "dashboard/meta-figures.ts": PURE,
  "dashboard/plan-chart.ts": FORMAT,
  "dashboard/png.ts": FORMAT,
  "dashboard/rate-chart.ts": FORMAT,
  "dashboard/strata-on-page.ts": PURE,
  "dashboard/waiting.ts": PURE,
  "evaluations/time-zone.ts": PURE,
  "evaluations/access.ts": ACCESS,
  "evaluations/copy-setup.ts": "a mutation by another name: one transaction copies a whole setup",
  "evaluations/format.ts": PURE,
  "evaluations/paths.ts":
    "the one rule for an evaluation's page and download addresses, pure so every layer imports it",
  "excerpts/anchor.ts": PURE,
  "excerpts/fingerprint.ts": PURE,
  "excerpts/transcript.ts": PURE,
  "fieldwork/access.ts": ACCESS,
  "fieldwork/kinds.ts": PURE,
  "fieldwork/links.ts": IN_TRANSACTION,
  "fieldwork/references.ts": IN_TRANSACTION,
  "fieldwork/rows.ts": IN_TRANSACTION,
  "focus-groups/list.ts": LIST,
  "imports/access.ts": ACCESS,
  "imports/bulk-insert.ts": IMPORT_STEP,
  "imports/cell-dates.ts": IMPORT_STEP,
  "imports/consent-rows.ts": IMPORT_STEP,
  "imports/fields.ts": IMPORT_STEP,
  "imports/limits.ts": IMPORT_STEP,
  "imports/mapping.ts": IMPORT_STEP,
  "imports/period-cells.ts": IMPORT_STEP,
  "imports/place-matching.ts": IMPORT_STEP,
  "imports/project-rows.ts": IMPORT_STEP,
  "imports/reader.ts": IMPORT_STEP,
  "imports/record-ids.ts": IMPORT_STEP,
  "imports/references.ts": IMPORT_STEP,
  "imports/rows.ts": IMPORT_STEP,
  "imports/story-rows.ts": IMPORT_STEP,
  "imports/story-children.ts": IMPORT_STEP,
  "imports/row-context.ts": IMPORT_STEP,
  "imports/repeat-groups.ts": IMPORT_STEP,
  "imports/scan.ts": IMPORT_STEP,
  "imports/vocabulary.ts": IMPORT_STEP,
  "imports/writers.ts": IMPORT_STEP,
  "imports/xlsx-sheet.ts": IMPORT_STEP,
  "interviews/list.ts": LIST,
  "invitations/delivery.ts": DELIVERY,
  "invitations/token.ts": PURE,
  "learnings/order.ts": PURE,
  "learnings/rules.ts": IN_TRANSACTION,
  "places/catalogue.ts": "the built-in list of Mexico's states, as data in code",
  "places/countries.ts": "the list of other countries and their codes, as data in code",
  "places/region-sql.ts": SQL,
  "places/regions.ts": PURE,
  "respondents/access.ts": ACCESS,
  "respondents/constants.ts": "closed lists shared by forms, actions, imports and tests",
  "respondents/destruction.ts": IN_TRANSACTION,
  "respondents/identity-export.ts": "opens identities for an identified export, batch by batch, audited by the door",
  "respondents/key-rotation.ts": "re-seals every identity under a new key: a maintenance job a script runs",
  "respondents/list.ts": LIST,
  "respondents/sealing.ts": PURE,
  "respondents/transaction.ts": IN_TRANSACTION,
  "reviews/facts.ts": IN_TRANSACTION,
  "reviews/stage.ts": IN_TRANSACTION,
  "search/highlight.ts": PURE,
  "search/sql.ts": SQL,
  "selection/candidacies.ts": IN_TRANSACTION,
  "selection/reminder-delivery.ts": DELIVERY,
  "selection/tally.ts": PURE,
  "stories/diff.ts": PURE,
  "stories/figure-numbers.ts": PURE,
  "stories/form-values.ts": PURE,
  "stories/list.ts": LIST,
  "stories/page-steps.ts": PURE,
  "stories/period.ts": PURE,
  "stories/read-scope.ts": PURE,
  "stories/scope-sql.ts": SQL,
  "stories/snapshot.ts": PURE,
  "stories/stage-machine.ts": "the story's whole path as one table of transitions (CONVENTIONS.md's own example)",
  "users/delivery.ts": DELIVERY,
  "users/public-action.ts": "the few server actions that run without a session",
  "users/setup-token.ts": PURE,
  "validation/access.ts": ACCESS,
  "validation/facts.ts": IN_TRANSACTION,
  "validation/response-revisions.ts": IN_TRANSACTION,
  "validation/round-columns.ts": PURE,
  "validation/sampling.ts": PURE,
  "validation/sheet.ts": FORMAT,
  "validation/stage.ts": IN_TRANSACTION,
};

const folders = readdirSync(LIB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const features = folders.filter((folder) => !(folder in NOT_FEATURES));
/** Every file and folder directly in a feature folder, as "feature/name" (folders end in "/"). */
const entries = features.flatMap((feature) =>
  readdirSync(path.join(LIB, feature), { withFileTypes: true }).map(
    (entry) => `${feature}/${entry.name}${entry.isDirectory() ? "/" : ""}`,
  ),
);

describe("the feature folders' vocabulary", () => {
  it("finds the features it guards", () => {
    expect(features).toEqual(expect.arrayContaining(["stories", "selection", "respondents", "validation"]));
  });

  it("names every file with a vocabulary word, or gives a reason", () => {
    const unnamed = entries.filter((entry) => !SPEAKS_VOCABULARY.test(path.basename(entry)) && !(entry in REASONS));
    expect(unnamed).toEqual([]);
  });

  it("keeps no reason for a file that is gone or has since taken a vocabulary name", () => {
    const stale = Object.keys(REASONS).filter(
      (entry) => !entries.includes(entry) || SPEAKS_VOCABULARY.test(path.basename(entry)),
    );
    expect(stale).toEqual([]);
  });

  it("keeps no reason for a folder that is gone", () => {
    expect(Object.keys(NOT_FEATURES).filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it("tells a vocabulary name from another", () => {
    for (const name of ["data.ts", "round-mutations.ts", "two-factor-actions.ts", "types.ts"])
      expect(SPEAKS_VOCABULARY.test(name), name).toBe(true);
    for (const name of ["helpers.ts", "data.tsx", "mutations-old.ts", "utils.ts"])
      expect(SPEAKS_VOCABULARY.test(name), name).toBe(false);
  });
});
