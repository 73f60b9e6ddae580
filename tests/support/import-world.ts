/**
 * What the import tests share: an evaluation with its team in a database of the file's own, the
 * evaluator importing from a documentation address; files written as a spreadsheet program
 * writes CSV; the wizard's analyse-and-dry-run; a batch's row errors in line order; and the race of
 * commits every import must survive.
 */
import { analyzeImportFile, commitImport, dryRunImport } from "@/lib/imports/mutations";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "./app-env";
import { openTestDatabase, type TestDatabase } from "./test-database";

export type ImportWorld = {
  database: TestDatabase;
  team: EvaluationWithTeam;
  evaluationId: string;
  actor: { actorId: string; ipAddress: string };
};

/** In beforeAll: the database, the app pointed at it, and the evaluation the evaluator imports into. */
export async function openImportWorld(
  teamOptions?: Parameters<typeof createEvaluationWithTeam>[1],
): Promise<ImportWorld> {
  const database = await openTestDatabase();
  pointAppAt(database.url);
  const team = await createEvaluationWithTeam(database.prisma, teamOptions);
  return {
    database,
    team,
    evaluationId: team.evaluation.id,
    actor: { actorId: team.members.evaluator!.id, ipAddress: "203.0.113.9" },
  };
}

/** CRLF lines, a cell quoted only where it holds a comma, a quote or a line break. */
export function csvFile(lines: string[][], name: string): File {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return new File([`${lines.map((cells) => cells.map(quote).join(",")).join("\r\n")}\r\n`], name);
}

/** Who imports into which evaluation. */
type Importer = { evaluationId: string; actor: Parameters<typeof dryRunImport>[0] };

/** What the test chooses over the wizard's suggestions, and the stories' repeat groups and number language. */
export type WizardChoices = Partial<
  Pick<Parameters<typeof dryRunImport>[1], "mapping" | "keyColumn" | "related" | "numberLocale">
>;

/**
 * Analyse and dry-run as the wizard does: the mapping and key column it suggests (no key when it
 * suggests none) unless `choices` names others. A refusal of either step is the answer.
 */
export async function wizardDryRun(
  { evaluationId, actor }: Importer,
  kind: ImportKind,
  file: File,
  idempotencyKey: string,
  choices: WizardChoices = {},
) {
  const analysis = await analyzeImportFile({ evaluationId, kind, file, delimiter: "auto" });
  if ("rejected" in analysis) return { analysis, dry: analysis };
  const dry = await dryRunImport(actor, {
    evaluationId,
    kind,
    file,
    fileName: file.name,
    delimiter: "auto",
    mapping: analysis.mapping,
    keyColumn: analysis.keyColumn ?? "",
    idempotencyKey,
    ...choices,
  });
  return { analysis, dry };
}

/** wizardDryRun where a refusal of either step fails the test. */
export async function wizardDryRunOk(
  world: Importer,
  kind: ImportKind,
  file: File,
  idempotencyKey: string,
  choices: WizardChoices = {},
) {
  const { analysis, dry } = await wizardDryRun(world, kind, file, idempotencyKey, choices);
  if ("rejected" in analysis) throw new Error(analysis.rejected);
  if ("rejected" in dry) throw new Error(dry.rejected);
  return { analysis, dry };
}

/** The wizard's dry run with its suggested mapping and the `_uuid` key; a refusal fails the test. */
export async function dryRunSuggested(world: Importer, kind: ImportKind, file: File, idempotencyKey: string) {
  return (await wizardDryRunOk(world, kind, file, idempotencyKey, { keyColumn: "_uuid" })).dry;
}

/** A batch's row errors as [line, column, code], in line order. */
export async function rowErrorsOf(world: ImportWorld, batchId: string) {
  const errors = await world.database.prisma.importRowError.findMany({
    where: { evaluationId: world.evaluationId, batchId },
    orderBy: [{ rowNumber: "asc" }, { column: "asc" }, { code: "asc" }],
  });
  return errors.map((error) => [error.rowNumber, error.column, error.code]);
}

/**
 * Two dry runs of one file, then three commits at once: both batches, and the first batch twice (a
 * double click). Returns how many records the commits that did the work created; a commit answered
 * as already committed counts none, so a file of n new rows must come to n.
 */
export async function commitTwoDryRunsAtOnce(
  { evaluationId, actor }: Pick<ImportWorld, "evaluationId" | "actor">,
  file: File,
  dryRun: (file: File) => Promise<{ batchId: string }>,
): Promise<number> {
  const first = await dryRun(file);
  const second = await dryRun(file);
  const results = await Promise.all([
    commitImport(actor, { evaluationId, batchId: first.batchId, file }),
    commitImport(actor, { evaluationId, batchId: second.batchId, file }),
    commitImport(actor, { evaluationId, batchId: first.batchId, file }),
  ]);
  return results
    .map((result) => ("created" in result && !result.alreadyCommitted ? result.created : 0))
    .reduce((a, b) => a + b, 0);
}
