/**
 * An export file is produced only as fast as it is read: with a reader who stops after the first
 * bytes, the stories' cursor stops a few batches in, whatever the table's size, and the rest
 * follows when reading resumes. Real database, real cursor, the stories table's own feed and the
 * real writers; only the reader is slow. A writer that enqueued everything (no wait for the
 * reader's pull) would run to the last row while nobody reads, and hold the whole file in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnContext, ExportColumn } from "@/lib/exports/tables/columns";
import type { Cell, RowFeed } from "@/lib/exports/writers";
import { createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const STORIES = 40_000;
/** How long the producer must make no progress, with nobody reading, to count as held back. */
const HELD_MS = 1000;

let database: TestDatabase;
let world: EvaluationWithTeam;
let modules: {
  stories: typeof import("@/lib/exports/tables/stories");
  writers: typeof import("@/lib/exports/writers");
  workbooks: typeof import("@/lib/exports/workbook-writers");
  data: typeof import("@/lib/exports/data");
};

const context: ColumnContext = { labelled: false, t: (key) => key, level: "limited", locale: "es" };
const cells = (columns: ExportColumn<unknown>[], rows: unknown[]): Cell[][] =>
  rows.map((row) => columns.map((column) => column.value(row, context)));

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  world = await createEvaluationWithTeam(prisma, { roles: ["LEAD"] });
  // Written by the database itself: the test is about reading them. Titles that do not compress, so
  // that a zip of them is larger than what the streams between the writer and the reader buffer.
  await prisma.$executeRaw`
    INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language,
                              change_type, period_from, period_to, period_precision, stage, author_id, updated_at)
    SELECT 'slow-' || n, ${world.evaluation.id}, 'CS-' || lpad(n::text, 6, '0'), n,
           'Historia ' || n || ' ' || md5(n::text) || md5((n + 1)::text) || md5((n + 2)::text),
           'Qué cambió.', 'Por qué importa.', 'es', 'POSITIVE'::change_type,
           make_date(2022, 1, 1), make_date(2024, 12, 31), 'YEAR', 'DRAFT', ${world.members.lead.id}, now()
      FROM generate_series(1, ${STORIES}) AS n`;
  // As autovacuum would: without statistics the workbook's other sheets plan their join on the
  // matching stories badly enough to take minutes at this size.
  await prisma.$executeRaw`ANALYZE change_story`;
  modules = {
    stories: await import("@/lib/exports/tables/stories"),
    writers: await import("@/lib/exports/writers"),
    workbooks: await import("@/lib/exports/workbook-writers"),
    data: await import("@/lib/exports/data"),
  };
}, 120_000);

afterAll(async () => {
  await database?.close();
});

/** Counts the rows handed to the writer and notes when the producer last moved. */
function producerWatch() {
  const watch = {
    produced: 0,
    movedAt: Date.now(),
    finished: false,
    async write(rows: number, write: () => Promise<void>) {
      watch.produced += rows;
      watch.movedAt = Date.now();
      await write();
      watch.movedAt = Date.now();
    },
  };
  return watch;
}

type Watch = ReturnType<typeof producerWatch>;

/**
 * Reads the first chunk, then stops reading until the producer has either not moved for HELD_MS
 * (it waits for the reader) or finished (it does not); returns the rows produced then, and the
 * whole file once reading resumed.
 */
async function readSlowly(stream: ReadableStream<Uint8Array>, watch: Watch) {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  const first = await reader.read();
  expect(first.done).toBe(false);
  chunks.push(first.value!);
  for (;;) {
    if (watch.finished) break;
    // Only once rows flow: the first batch may take a while to come (cursor, first fetch).
    if (watch.produced > 0 && Date.now() - watch.movedAt >= HELD_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const producedWhileStopped = watch.produced;
  const finishedWhileStopped = watch.finished;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { producedWhileStopped, finishedWhileStopped, bytes: Buffer.concat(chunks) };
}

const reader = () => ({ user: { id: world.members.lead.id }, roles: ["LEAD"] as const });

describe("an export read slowly", () => {
  it("as CSV, reads no more than a few batches ahead of its reader, then writes every row", async () => {
    const { storiesExport } = modules.stories;
    const { EXPORT_BATCH_SIZE } = modules.data;
    const state = storiesExport.parse({ sort: "code" })!;
    const columns = storiesExport.columns(["LEAD"]) as ExportColumn<unknown>[];
    const watch = producerWatch();
    const feed: RowFeed = (sink) =>
      storiesExport.feed(world.evaluation.id, reader(), state, "limited", (rows) =>
        watch.write(rows.length, () => sink(cells(columns, rows))),
      );
    const stream = modules.writers.exportStream(
      "csv",
      "stories",
      columns.map((column) => ({ header: column.key, kind: column.kind })),
      feed,
      async () => {
        watch.finished = true;
      },
    );

    const { producedWhileStopped, finishedWhileStopped, bytes } = await readSlowly(stream, watch);

    expect(finishedWhileStopped).toBe(false);
    // The batch in the writer, the one the cursor fetched meanwhile, and what the stream buffers hold.
    expect(producedWhileStopped).toBeLessThanOrEqual(3 * EXPORT_BATCH_SIZE);
    const lines = bytes.toString("utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 2).toBe(STORIES);
    expect(lines[STORIES]).toMatch(/^CS-040000,/);
  });

  it("as a zip of the story workbook's CSV files, stops within the first sheet while nobody reads", async () => {
    const { storiesExport } = modules.stories;
    const workbook = storiesExport.workbook!;
    const state = storiesExport.parse({ sort: "code" })!;
    const watch = producerWatch();
    const sheets = workbook.sheets.map((part) => ({
      title: part.key,
      file: part.key,
      columns: part.columns.map((column) => ({ header: column.key, kind: column.kind })),
    }));
    const stream = modules.workbooks.workbookStream(
      "zip",
      sheets,
      (write) =>
        workbook.feed(world.evaluation.id, reader(), state, "limited", (index, rows) =>
          watch.write(rows.length, () => write(index, cells(workbook.sheets[index]!.columns, rows))),
        ),
      async () => {
        watch.finished = true;
      },
    );

    const { producedWhileStopped, finishedWhileStopped, bytes } = await readSlowly(stream, watch);

    expect(finishedWhileStopped).toBe(false);
    // Each stream of the zip (entry, deflate, archive, response) buffers up to its own limit, and
    // compressed rows are small, so more rows fit than as plain CSV (about 14,000 of these): still
    // a bound, well inside the first sheet, not the file.
    expect(producedWhileStopped).toBeLessThan(STORIES / 2);
    expect(watch.produced).toBe(STORIES);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  }, 120_000);
});
