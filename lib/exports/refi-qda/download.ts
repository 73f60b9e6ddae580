/**
 * `GET /api/evaluations/{id}/exports/project.qdpx`: the evaluation's transcripts, passages,
 * code book and stories as a REFI-QDA project (decision 0026). The same door as the table
 * exports: 404 for anyone who may not read transcripts, no identity ever, one audit event per
 * download with what the file holds and what consent left out.
 */
import { createHash } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/core/calendar-day";
import type { AppLocale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { loadRefiQdaRecords } from "./loaders";
import { buildProject, type ProjectLabels } from "./model";
import { recordProjectExport } from "./mutations";
import { projectXml } from "./project-xml";
import { qdpxArchive } from "./zip";
import { runtimeKeys } from "@/lib/i18n/labels";

export type ProjectExportRequest = {
  evaluationId: string;
  user: CurrentUser | null;
  locale: AppLocale;
  ipAddress?: string | null;
};

const NO_STORE = { "Cache-Control": "private, no-store" } as const;

function labelsFor(locale: AppLocale): ProjectLabels {
  const translator = translatorFor(locale);
  return {
    locale: locale === "es" ? "es" : "en",
    t: (key, values) => {
      const [group] = key.split(".");
      // Choice names are the tables' own; the rest is the project's.
      const full =
        group === "changeType" || group === "respondentType" || group === "gender"
          ? `tables.${key}`
          : `exports.refiQda.${key}`;
      return runtimeKeys(translator)(full, values);
    },
  };
}

/** The file and its counts, or null for 404; the route wraps it (tests call this as the route does). */
export async function buildProjectFile(evaluationId: string, user: CurrentUser | null, locale: AppLocale) {
  const records = await loadRefiQdaRecords(evaluationId, user);
  if (!records || !user) return null;
  const labels = labelsFor(locale);
  const project = buildProject(records, labels);
  const { leftOut } = project.counts;
  const description = labels.t("description", {
    cases: project.counts.cases,
    sources: project.counts.sources,
    selections: project.counts.selections,
    respondents: leftOut.respondents,
    interviews: leftOut.interviews,
    focusGroups: leftOut.focusGroups,
    selections_left: leftOut.selections,
    stories: leftOut.stories,
    drifted: leftOut.drifted,
  });
  const body = await qdpxArchive(projectXml(project, description), project.sources);
  return { body, project };
}

export async function exportProject(request: ProjectExportRequest): Promise<Response> {
  const { evaluationId, user, locale } = request;
  const file = await buildProjectFile(evaluationId, user, locale);
  if (!file || !user) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: NO_STORE });
  const sha256 = createHash("sha256").update(file.body).digest("hex");
  // No file without its trace: if the event cannot be written, the download fails.
  await recordProjectExport({
    evaluationId,
    actorId: user.id,
    ipAddress: request.ipAddress ?? null,
    locale,
    sha256,
    counts: file.project.counts,
  });
  const day = isoDay(new Date());
  return new Response(new Uint8Array(file.body), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="project-${day}.qdpx"`,
      "Content-Length": String(file.body.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
