/**
 * `npm run import -- --evaluation <id> --kind stories --file F [--file G …] [--mapping M.json]
 *   [--dry-run] [--as <member e-mail>] [--number-language es|en] [--language es|en]`
 *
 * The wizard's import for data managers and air-gapped servers, through the same code: the file
 * is analysed (the saved or suggested column matching, or the one in M.json), checked row by row
 * (the dry run), and, unless --dry-run, written in one transaction, or not at all (--commit, the
 * old way to ask for it, is still accepted). The import acts as the member named by --as, or as
 * the evaluation's lead when it has exactly one; that member must be enabled and allowed to import
 * this kind, and the batch and every record's audit event are theirs. The first file is the main table; more
 * CSV files are the stories' repeat groups (figures, contributions), named by their file names.
 * Every row error is printed in the member's language as the wizard shows it, with its file or
 * sheet, line and column. Uses DATABASE_URL, or the embedded database in DATA_DIR while the app
 * is stopped. Exit code 0 when the file is good (and, with --commit, saved), 1 when nothing was
 * saved because of the file, 2 when the command could not run.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Rejection } from "../lib/core/refusal";
import { EnvError, launchEnvSchema, parseEnv } from "../lib/env";
import type { ImportKind } from "../lib/generated/prisma/enums";
import { messages } from "../lib/i18n/messages";
import { allBatchErrors, findImportingMember, findLeadEmails } from "../lib/imports/data";
import { IMPORT_KINDS } from "../lib/imports/fields";
import { analyzeImportFile, commitImport, dryRunImport } from "../lib/imports/mutations";
import { mayImport } from "../lib/imports/policy";
import { DataFolderInUseError, scriptKeyRing } from "../lib/launch/data-folder";
import { loadDotEnv } from "../lib/launch/dotenv";
import { openScriptDatabase } from "../lib/launch/script-database";
import { NUMBER_LOCALES, type NumberLocale } from "../lib/written-number";

class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      evaluation: { type: "string" },
      as: { type: "string" },
      kind: { type: "string", default: "stories" },
      file: { type: "string", multiple: true },
      mapping: { type: "string" },
      "number-language": { type: "string" },
      language: { type: "string" },
      commit: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
    },
  });
  // --as is optional: without it the import acts as the evaluation's only lead (see run()).
  const kind = values.kind!.toUpperCase() as ImportKind;
  if (!values.evaluation || !values.file?.length)
    throw new UsageError(
      "Usage: npm run import -- --evaluation <id> --kind stories --file <file> [--file <repeat group file>…] [--mapping mapping.json] [--dry-run] [--as <member e-mail>] [--number-language es|en] [--language es|en]",
    );
  if (!IMPORT_KINDS.includes(kind as never))
    throw new UsageError(`--kind must be one of ${IMPORT_KINDS.map((name) => name.toLowerCase()).join(", ")}.`);
  if (values.commit && values["dry-run"]) throw new UsageError("--commit and --dry-run contradict each other.");
  const numberLocale = values["number-language"];
  if (numberLocale && !NUMBER_LOCALES.includes(numberLocale as never))
    throw new UsageError("--number-language must be es or en.");
  if (values.language && !["es", "en"].includes(values.language)) throw new UsageError("--language must be es or en.");
  return { ...values, kind, files: values.file, numberLocale: numberLocale as NumberLocale | undefined };
}

/** A message key of the wizard's (imports.rowErrors.placeUnknown, stories.errors.required), in `language`. */
function say(language: "es" | "en", key: string, values: Record<string, string> = {}): string {
  const found = key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      messages[language],
    );
  const text = typeof found === "string" ? found : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * A refusal's values as the wizard words them: the repeated or unknown column by its header, and
 * a field the mapping leaves out by its label ("Title"), not by the form field that carried it.
 */
function refusalValues(language: "es" | "en", kind: ImportKind, refusal: Rejection): Record<string, string> {
  const target = refusal.details?.target ?? "";
  const labels = [`imports.kindFields.${kind}.${target}`, `imports.fields.${target}`];
  // `say` gives the key back when a language has no such message.
  const label = target ? labels.map((key) => [key, say(language, key)]).find(([key, text]) => text !== key) : undefined;
  return { header: refusal.details?.header ?? "", field: label?.[1] ?? target };
}

async function fileAt(name: string): Promise<File> {
  return new File([await readFile(name)], path.basename(name));
}

async function mappingFrom(name: string): Promise<{ columns: Record<string, string>; keyColumn?: string }> {
  const parsed = JSON.parse(await readFile(name, "utf8")) as Record<string, unknown>;
  // Either {"columns": {...}, "keyColumn": "_uuid"} or the column map itself.
  const columns = (parsed.columns && typeof parsed.columns === "object" ? parsed.columns : parsed) as Record<
    string,
    string
  >;
  return { columns, keyColumn: typeof parsed.keyColumn === "string" ? parsed.keyColumn : undefined };
}

/** Whom the import acts for when --as is not given: the evaluation's lead, when it has exactly one. */
async function soleLead(evaluationId: string): Promise<string> {
  const leads = await findLeadEmails(evaluationId);
  if (leads.length === 1) return leads[0]!;
  throw new UsageError(
    leads.length === 0
      ? `Evaluation ${evaluationId} has no enabled lead to act for: name the member with --as <e-mail>.`
      : `Evaluation ${evaluationId} has several leads: name the one the import acts for with --as <e-mail> (${leads.join(", ")}).`,
  );
}

async function run(): Promise<number> {
  const args = options();
  loadDotEnv();
  const env = parseEnv(launchEnvSchema, process.env);
  const database = await openScriptDatabase(env);
  // The import's own code reads the server's environment: point it at this database. Nothing
  // here signs a session or a link, and only respondents are sealed (which need the real key,
  // checked below), so a secret this process lacks is filled with one of its own, used nowhere.
  const ring = scriptKeyRing(process.env);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    APP_BASE_URL: process.env.APP_BASE_URL || "http://localhost",
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    IDENTITY_ENCRYPTION_KEY: process.env.IDENTITY_ENCRYPTION_KEY || randomBytes(32).toString("base64"),
  });
  try {
    const evaluationId = args.evaluation!;
    const as = args.as ?? (await soleLead(evaluationId));
    const member = await findImportingMember(evaluationId, as);
    if (!member) throw new UsageError(`${as} is not an enabled member of evaluation ${evaluationId}.`);
    if (!mayImport(member.roles, args.kind))
      throw new UsageError(`${as} may not import ${args.kind.toLowerCase()} into this evaluation.`);
    if (args.kind === "RESPONDENTS" && !ring)
      throw new UsageError(
        "Respondents carry identities: set IDENTITY_ENCRYPTION_KEY (or run beside the data folder's secrets).",
      );
    const language = (args.language as "es" | "en" | undefined) ?? (member.locale === "EN" ? "en" : "es");
    const [main, ...others] = await Promise.all(args.files.map(fileAt));
    const related = others.map((file) => ({ name: file.name, file }));
    const actor = { actorId: member.userId, ipAddress: null };

    const analysis = await analyzeImportFile({ evaluationId, kind: args.kind, file: main!, delimiter: "auto" });
    if ("rejected" in analysis) {
      console.error(
        say(language, `imports.refusals.${analysis.rejected}`, refusalValues(language, args.kind, analysis)),
      );
      return 1;
    }
    const chosen = args.mapping
      ? await mappingFrom(args.mapping)
      : { columns: analysis.mapping, keyColumn: analysis.keyColumn ?? undefined };
    const keyColumn = chosen.keyColumn ?? analysis.keyColumn;
    if (!keyColumn) throw new UsageError(say(language, "imports.refusals.KEY_COLUMN_MISSING"));
    const dry = await dryRunImport(actor, {
      evaluationId,
      kind: args.kind,
      file: main!,
      fileName: main!.name,
      delimiter: "auto",
      mapping: chosen.columns,
      keyColumn,
      idempotencyKey: crypto.randomUUID(),
      related,
      numberLocale: args.numberLocale ?? (args.kind === "STORIES" ? language : undefined),
    });
    if ("rejected" in dry) {
      console.error(say(language, `imports.refusals.${dry.rejected}`, refusalValues(language, args.kind, dry)));
      return 1;
    }
    for (const error of await allBatchErrors(evaluationId, dry.batchId)) {
      const where = `${error.sheet ?? main!.name}, ${language === "es" ? "línea" : "line"} ${error.rowNumber}${error.column ? `, ${language === "es" ? "columna" : "column"} "${error.column}"` : ""}`;
      console.log(`${where}: ${say(language, error.code)}`);
    }
    for (const sheet of dry.ignoredSheets ?? [])
      console.log(
        `${sheet}: ${language === "es" ? "no es un grupo que se repite de una historia; no se importa" : "is no repeat group of a story; not imported"}`,
      );
    console.log(
      `${dry.rowCount} rows: ${dry.newCount} new, ${dry.skippedCount} imported before, ${dry.errorCount} with errors (batch ${dry.batchId}).`,
    );
    if (dry.errorCount > 0) return 1;
    if (args["dry-run"]) {
      console.log("Dry run: nothing was saved. Run again without --dry-run to save.");
      return 0;
    }
    const committed = ring
      ? await commitImport(actor, { evaluationId, batchId: dry.batchId, file: main!, related }, ring)
      : await commitImport(actor, { evaluationId, batchId: dry.batchId, file: main!, related });
    if ("rejected" in committed) {
      console.error(say(language, `imports.refusals.${committed.rejected}`));
      return 1;
    }
    console.log(`Saved: ${committed.created} created, ${committed.skipped} imported before.`);
    return 0;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof EnvError || error instanceof DataFolderInUseError;
    console.error(known ? (error as Error).message : `The import could not run: ${(error as Error).message}`);
    process.exit(2);
  },
);
