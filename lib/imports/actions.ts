"use server";
/**
 * Server actions of the import wizard. Each one is authenticated, validated and authorised by
 * lib/actions.ts (`import.run`: leads and evaluators); a respondents file may carry identities and
 * consent, so it also needs `respondent.identity.edit` and `consent.edit`, as those forms do.
 */
import { evaluationAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { can, type Role } from "@/lib/permissions";
import * as mutations from "./mutations";
import { analyzeImportInput, commitImportInput, dryRunImportInput } from "./schema";
import { findBatchKind } from "./data";

function fileNameOf(file: Blob): string {
  return file instanceof File ? file.name : "import";
}

function checkRespondentPermissions(roles: Role[], kind: string) {
  if (kind === "RESPONDENTS" && !(can(roles, "respondent.identity.edit") && can(roles, "consent.edit"))) throw new AppError("FORBIDDEN");
}

export const analyzeImportFile = evaluationAction("analyzeImportFile", {
  permission: "import.run",
  input: analyzeImportInput,
  handler: async ({ input, roles }) => {
    checkRespondentPermissions(roles, input.kind);
    return mutations.analyzeImportFile(input);
  },
});

export const dryRunImport = evaluationAction("dryRunImport", {
  permission: "import.run",
  input: dryRunImportInput,
  handler: async ({ actor, input, roles, ipAddress }) => {
    checkRespondentPermissions(roles, input.kind);
    return mutations.dryRunImport({ actorId: actor.id, ipAddress }, { ...input, fileName: fileNameOf(input.file) });
  },
});

export const commitImport = evaluationAction("commitImport", {
  permission: "import.run",
  input: commitImportInput,
  handler: async ({ actor, input, roles, ipAddress }) => {
    const kind = await findBatchKind(input.evaluationId, input.batchId);
    if (!kind) throw new AppError("NOT_FOUND");
    checkRespondentPermissions(roles, kind);
    return mutations.commitImport({ actorId: actor.id, ipAddress }, input);
  },
});
