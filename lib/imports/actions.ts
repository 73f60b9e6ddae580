"use server";
/**
 * Server actions of the import wizard. Each one is authenticated, validated and authorised by
 * lib/actions.ts (`import.run`: leads and evaluators); the kind of file may need more (a
 * respondents file the identity and consent permissions, a project list `evaluation.update`),
 * decided here on the server by lib/imports/policy.ts, never by what the wizard offered.
 */
import { evaluationAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/permissions";
import * as mutations from "./mutations";
import { analyzeImportInput, commitImportInput, dryRunImportInput } from "./schema";
import { findBatchKind } from "./data";
import { mayImport } from "./policy";

function fileNameOf(file: Blob): string {
  return file instanceof File ? file.name : "import";
}

/** The repeat groups' files under their file names (a sheet name says which group a file is). */
function relatedOf(files: Blob[]) {
  return files.map((file) => ({ name: fileNameOf(file), file }));
}

function checkKindPermissions(roles: Role[], kind: ImportKind) {
  if (!mayImport(roles, kind)) throw new AppError("FORBIDDEN");
}

export const analyzeImportFile = evaluationAction("analyzeImportFile", {
  permission: "import.run",
  input: analyzeImportInput,
  handler: async ({ input, roles }) => {
    checkKindPermissions(roles, input.kind);
    return mutations.analyzeImportFile(input);
  },
});

export const dryRunImport = evaluationAction("dryRunImport", {
  permission: "import.run",
  input: dryRunImportInput,
  handler: async ({ actor, input, roles, ipAddress }) => {
    checkKindPermissions(roles, input.kind);
    return mutations.dryRunImport(
      { actorId: actor.id, ipAddress },
      { ...input, fileName: fileNameOf(input.file), related: input.kind === "STORIES" ? relatedOf(input.related) : [] },
    );
  },
});

export const commitImport = evaluationAction("commitImport", {
  permission: "import.run",
  input: commitImportInput,
  handler: async ({ actor, input, roles, ipAddress }) => {
    const kind = await findBatchKind(input.evaluationId, input.batchId);
    if (!kind) throw new AppError("NOT_FOUND");
    checkKindPermissions(roles, kind);
    return mutations.commitImport(
      { actorId: actor.id, ipAddress },
      { ...input, related: kind === "STORIES" ? relatedOf(input.related) : [] },
    );
  },
});
