/**
 * `npm run import` against PostgreSQL, run as a data manager would run it: --dry-run checks and
 * saves nothing, every row error printed with its file, line and column in the member's language
 * and a non-zero exit, a run without it saving the brief's outcomes as the named member (the batch
 * and the audit events are theirs) or, without --as, as the evaluation's only lead, a replay
 * adding nothing, and a refusal for someone who is not a member.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeImportFile } from "@/lib/imports/mutations";
import { pointAppAt } from "@/tests/support/app-env";
import { createBriefEvaluation, expectEveryStory, type BriefEvaluation } from "@/tests/support/brief-import";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const run = promisify(execFile);
/** Each run starts a Node process that compiles the script: seconds each on a busy machine. */
const RUNS = 180_000;
const FIXTURES = "tests/fixtures/imports";

let database: TestDatabase;
let evaluation: BriefEvaluation;
let email: string;

async function importCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // The server's own environment (pointAppAt), as a data manager runs it beside the app's .env.
  const env = { ...process.env, DATABASE_URL: database.url };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-side.mjs", "scripts/import.ts", ...args],
      {
        env,
        cwd: process.cwd(),
        timeout: 120_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The command on this file's evaluation, as `as`, with each of `files` and the options after them. */
function importAs(as: string, files: string[], options: string[] = []) {
  const fileArgs = files.flatMap((file) => ["--file", file]);
  return importCommand(["--evaluation", evaluation.evaluationId, "--as", as, ...fileArgs, ...options]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  evaluation = await createBriefEvaluation(database.prisma);
  email = (await database.prisma.user.findUniqueOrThrow({ where: { id: evaluation.actor.actorId } })).email;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("npm run import", () => {
  it(
    "checks without saving with --dry-run, and says which sheets it leaves out",
    async () => {
      const stories = `${FIXTURES}/historias.csv`;
      const dry = await importAs(
        email,
        [stories, `${FIXTURES}/figuras.csv`],
        ["--number-language", "es", "--language", "en", "--dry-run"],
      );
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain("9 rows: 9 new, 0 imported before, 0 with errors");
      expect(dry.stdout).toContain("Dry run: nothing was saved.");
      // The same figures as Spain writes them: "10.000" is ten or ten thousand, so it is asked, not guessed.
      const spain = path.join(await mkdtemp(path.join(tmpdir(), "import-spain-")), "figuras.csv");
      const figures = await readFile(`${FIXTURES}/figuras.csv`, "utf8");
      expect(figures).toContain('"10,000"');
      await writeFile(spain, figures.replace('"10,000"', "10.000"));
      const ambiguous = await importAs(email, [stories, spain], ["--number-language", "es", "--language", "en"]);
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.stdout).toContain('figuras, line 6, column "value": This number can be read two ways');
      expect(await database.prisma.changeStory.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(0);

      const other = await importAs(
        email,
        [stories, `${FIXTURES}/brief-stories.xlsx`],
        ["--language", "es", "--dry-run"],
      );
      expect(other.code).toBe(0);
      expect(other.stdout).toContain("brief-stories: no es un grupo que se repite de una historia; no se importa");
    },
    RUNS,
  );

  it(
    "prints each bad repetition with its file and line in the member's language, and saves nothing",
    async () => {
      const bad = path.join(await mkdtemp(path.join(tmpdir(), "import-")), "figuras.csv");
      await writeFile(bad, "_submission__uuid,label,value\r\nuuid-brief-01,communities,=1+1\r\nnobody,x,1\r\n");
      const result = await importAs(email, [`${FIXTURES}/historias.csv`, bad], ["--language", "es"]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('figuras, línea 2, columna "value": Escriba un número');
      expect(result.stdout).toContain(
        'figuras, línea 3, columna "_submission__uuid": Esta fila no pertenece a ninguna fila de la hoja principal',
      );
      expect(await database.prisma.changeStory.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(0);
    },
    RUNS,
  );

  it(
    "reads the columns as --mapping M.json matches them, a header it would not recognise included",
    async () => {
      // The brief's stories with the title under a header no synonym knows: only the mapping file names it.
      const original = await readFile(`${FIXTURES}/historias.csv`, "utf8");
      const renamed = original.replace(/^_uuid,_index,title,/, "_uuid,_index,encabezado_libre,");
      expect(renamed).not.toBe(original);
      const folder = await mkdtemp(path.join(tmpdir(), "import-mapping-"));
      const stories = path.join(folder, "historias.csv");
      await writeFile(stories, renamed);
      const analysis = await analyzeImportFile({
        evaluationId: evaluation.evaluationId,
        kind: "STORIES",
        file: new File([original], "historias.csv"),
        delimiter: "auto",
      });
      if ("rejected" in analysis) throw new Error(analysis.rejected);
      const { title, ...others } = analysis.mapping;
      expect(title).toBe("title");
      const mapping = path.join(folder, "mapping.json");
      await writeFile(
        mapping,
        JSON.stringify({ columns: { ...others, encabezado_libre: title }, keyColumn: analysis.keyColumn }),
      );

      const suggested = await importAs(email, [stories], ["--number-language", "es", "--language", "en"]);
      expect(suggested.code).toBe(1);
      // Worded as the wizard words it: the field by its label, not the form field that carried it.
      expect(suggested.stderr).toContain("Match a column to the required field “Title”.");
      const mapped = await importAs(
        email,
        [stories],
        ["--mapping", mapping, "--number-language", "es", "--language", "en", "--dry-run"],
      );
      expect(mapped.code, mapped.stderr).toBe(0);
      expect(mapped.stdout).toContain("9 rows: 9 new, 0 imported before, 0 with errors");
      expect(await database.prisma.changeStory.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(0);
    },
    RUNS,
  );

  it(
    "saves as the named member, adds nothing on a replay as the only lead, and refuses someone who is not a member",
    async () => {
      const outsider = await importAs("nobody@test.example", [`${FIXTURES}/historias.csv`]);
      expect(outsider.code).toBe(2);
      expect(outsider.stderr).toContain("is not an enabled member");

      const files = ["historias.csv", "figuras.csv", "contribuciones.csv"].map((name) => `${FIXTURES}/${name}`);
      const saved = await importAs(email.toUpperCase(), files, ["--number-language", "es"]);
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stdout).toContain("Saved: 9 created, 0 imported before.");
      await expectEveryStory(database.prisma, evaluation);
      const batch = await database.prisma.importBatch.findFirstOrThrow({
        where: { evaluationId: evaluation.evaluationId, status: "COMMITTED" },
      });
      expect(batch.createdById).toBe(evaluation.actor.actorId);
      const events = await database.prisma.auditEvent.findMany({
        where: { evaluationId: evaluation.evaluationId, action: { in: ["story.create", "import.commit"] } },
      });
      expect(events).toHaveLength(10);
      expect(new Set(events.map((event) => event.actorId))).toEqual(new Set([evaluation.actor.actorId]));

      // The issue's own form of the command: no --as (the evaluation's one lead acts), no --commit.
      const fileArgs = files.flatMap((file) => ["--file", file]);
      const replay = await importCommand([
        "--evaluation",
        evaluation.evaluationId,
        "--kind",
        "stories",
        ...fileArgs,
        "--number-language",
        "es",
      ]);
      expect(replay.code, replay.stderr).toBe(0);
      expect(replay.stdout).toContain("Saved: 0 created, 9 imported before.");
      expect(await database.prisma.changeStory.count({ where: { evaluationId: evaluation.evaluationId } })).toBe(9);
      const lead = await database.prisma.evaluationMember.findFirstOrThrow({
        where: { evaluationId: evaluation.evaluationId, roles: { has: "LEAD" } },
      });
      const batches = await database.prisma.importBatch.findMany({
        where: { evaluationId: evaluation.evaluationId, status: "COMMITTED" },
        orderBy: { committedAt: "asc" },
      });
      expect(batches.map((batch) => batch.createdById)).toEqual([evaluation.actor.actorId, lead.userId]);
    },
    RUNS,
  );
});
