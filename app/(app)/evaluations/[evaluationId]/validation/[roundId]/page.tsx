import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { CoverageTables } from "@/components/validation/coverage-tables";
import { DisputeCard } from "@/components/validation/dispute-card";
import { DrawSampleForm } from "@/components/validation/draw-sample-form";
import { SampleRuleCoverage } from "@/components/validation/sample-rule";
import {
  AddMemberForm,
  RemoveMemberButton,
  ResponseForm,
  RoundStepButton,
} from "@/components/validation/round-controls";
import styles from "@/components/validation/validation.module.css";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadValidationRound } from "@/lib/validation/loaders";
import { pageNumber } from "@/lib/validation/schema";
import { ExportControl } from "@/components/data-table/export-control";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string; roundId: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ evaluationId, roundId }, { page }] = await Promise.all([params, searchParams]);
  const [t, view] = await Promise.all([
    getTranslations(),
    loadValidationRound(evaluationId, roundId, pageNumber(page), await getAuthorizedUser()),
  ]);
  return { title: view ? t("respondentValidation.meta.round", { name: view.round.name }) : t("notFound.metaTitle") };
}

export default async function ValidationRoundPage({ params, searchParams }: Props) {
  const { evaluationId, roundId } = await params;
  const base = evaluationPath(evaluationId, "validation");
  const href = evaluationPath(evaluationId, "validation", roundId);
  const user = await requireUser(href);
  const view = await loadValidationRound(evaluationId, roundId, pageNumber((await searchParams).page), user);
  if (!view) notFound();
  const { round, sample, responses, coverage, disputes, sampleRule, can } = view;
  const openByStory = new Map<string, number>();
  for (const row of disputes.rows)
    if (!row.resolvedAt) openByStory.set(row.storyId, (openByStory.get(row.storyId) ?? 0) + 1);
  const [t, tr, format] = await Promise.all([
    getTranslations("respondentValidation"),
    getTranslations("respondents"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const manage = can.manage;

  return (
    <>
      <PageHeader
        before={<Link href={base}>{t("nav.backToList")}</Link>}
        title={round.name}
        description={`${t(`status.${round.status}`)} · ${t("round.details", { method: t(`method.${round.method}`), from: day(round.startsOn), to: day(round.endsOn), target: round.targetSize ?? "—" })}`}
      >
        {manage ? (
          <p>
            <Link href={`${href}/edit`}>{t("form.edit")}</Link>
          </p>
        ) : null}
      </PageHeader>
      {can.step ? (
        // One control through open and close, so its message stays after the page reloads.
        <RoundStepButton
          evaluationId={evaluationId}
          roundId={roundId}
          step={can.open ? "open" : can.close ? "close" : null}
          version={round.version}
        />
      ) : null}

      <Section id="round-stories" title={t("round.stories")} className={styles.section}>
        <ul>
          {round.stories.map((row) => (
            <li key={row.storyId}>
              {row.story.code} · {row.story.title} ({t("round.revision", { version: row.storyRevision.version })}
              {row.story.version !== row.storyRevision.version
                ? `; ${t("round.outdated", { version: row.story.version })}`
                : ""}
              )
            </li>
          ))}
        </ul>
      </Section>

      <Section id="round-sample" title={t("round.sample")} className={styles.section}>
        {can.drawSample ? (
          <DrawSampleForm
            evaluationId={evaluationId}
            roundId={roundId}
            rule={sampleRule?.rule ?? "SHARED_STATE_OR_TYPE"}
          />
        ) : null}
        {manage ? <AddMemberForm evaluationId={evaluationId} roundId={roundId} /> : null}
        <StaticTable
          empty={sample.rows.length === 0 ? t("round.noSample") : null}
          captionId="sample-caption"
          caption={t("round.sampleCaption", { total: sample.total })}
          compact
          columns={[
            ...(["code", "type", "state", "gender", "language", "how", "sheet"] as const).map((column) =>
              t(`round.columns.${column}`),
            ),
            manage ? t("round.columns.actions") : null,
          ]}
        >
          {sample.rows.map((member) => (
            <tr key={member.respondentId}>
              <td className="code">{member.respondent.code}</td>
              <td>{tr(`types.${member.respondent.type}`)}</td>
              <td>{member.respondent.state}</td>
              <td>{tr(`genders.${member.respondent.gender}`)}</td>
              <td>{member.respondent.language}</td>
              <td>{member.addedManually ? t("round.manual") : t("round.stratumDrawn")}</td>
              <td>
                <a href={evaluationPath(evaluationId, "validation", roundId, "sheets", member.respondentId)} download>
                  {t("round.sheet", { code: member.respondent.code })}
                </a>
              </td>
              {manage ? (
                <td>
                  {member._count.responses === 0 ? (
                    <RemoveMemberButton
                      evaluationId={evaluationId}
                      roundId={roundId}
                      respondentId={member.respondentId}
                      code={member.respondent.code}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </StaticTable>
        <h3>{t("round.coverage")}</h3>
        {sampleRule ? <SampleRuleCoverage view={sampleRule} /> : null}
        <CoverageTables coverage={coverage} />
      </Section>

      <Section id="round-disputes" title={t("disputes.title")} className={styles.section} anchor="disputes">
        {disputes.rows.length === 0 ? (
          <p className="muted">{t("disputes.none")}</p>
        ) : (
          <>
            <p>{t("disputes.intro")}</p>
            <p className={disputes.open > 0 ? "notice" : undefined}>
              {t("disputes.openCount", { count: disputes.open })}
            </p>
            {disputes.rows.map((row) => (
              <DisputeCard
                key={row.id}
                evaluationId={evaluationId}
                canResolve={manage}
                dispute={{
                  id: row.id,
                  respondent: row.respondent.code,
                  story: row.story,
                  shownVersion: row.storyRevision.version,
                  comments: row.comments,
                  proposedChanges: row.proposedChanges,
                  resolved: row.resolvedAt !== null,
                  outcome: row.disputeOutcome,
                  resolution: row.disputeResolution,
                  openForStory: openByStory.get(row.storyId) ?? 0,
                }}
              />
            ))}
          </>
        )}
      </Section>

      <Section id="round-responses" title={t("round.responses")} className={styles.section}>
        {can.recordResponses ? (
          <>
            <h3>{t("round.record")}</h3>
            <ResponseForm
              evaluationId={evaluationId}
              roundId={roundId}
              respondents={sample.rows.map((member) => ({ id: member.respondentId, label: member.respondent.code }))}
              stories={round.stories.map((row) => ({
                id: row.storyId,
                label: `${row.story.code} · ${row.story.title}`,
                revisionId: row.storyRevisionId,
              }))}
            />
          </>
        ) : null}
        <StaticTable
          empty={responses.rows.length === 0 ? t("round.noResponses") : null}
          captionId="responses-caption"
          caption={t("round.responsesCaption", { total: responses.total })}
          compact
          columns={(
            ["story", "respondent", "verdict", "comments", "proposedChanges", "dispute", "correction"] as const
          ).map((column) => t(`round.responseColumns.${column}`))}
        >
          {responses.rows.map((response) => (
            <tr key={response.id}>
              <td className="code">
                {response.story.code} ({t("round.revision", { version: response.storyRevision.version })})
              </td>
              <td className="code">{response.respondent.code}</td>
              <td>{t(`verdict.${response.verdict}`)}</td>
              <td>{response.comments}</td>
              <td>{response.proposedChanges}</td>
              <td>
                {response.verdict !== "DISPUTES" ? null : response.resolvedAt ? (
                  t("round.resolvedBy", { resolution: response.disputeResolution ?? "" })
                ) : manage ? (
                  <a href="#disputes">{t("disputes.goToDisputes")}</a>
                ) : (
                  t("round.disputeOpen")
                )}
              </td>
              <td>
                <Link href={evaluationPath(evaluationId, "validation", roundId, "responses", response.id)}>
                  {t(round.status === "CLOSED" ? "round.responseHistory" : "round.correct", {
                    respondent: response.respondent.code,
                    story: response.story.code,
                  })}
                </Link>
              </td>
            </tr>
          ))}
        </StaticTable>
      </Section>
      <ExportControl
        evaluationId={evaluationId}
        table="validation-responses"
        query={{ round: roundId }}
        offerIdentified={view.canExportIdentified}
      />
    </>
  );
}
