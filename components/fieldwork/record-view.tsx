import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import type { ExcerptView } from "@/lib/excerpts/data";
import { fieldworkPath, type FieldworkKind } from "@/lib/fieldwork/kinds";
import { ProjectsFact, TranscriptFacts, type TranscriptRecord } from "./fieldwork-facts";
import { RecordTranscripts, type RecordTranscriptTexts } from "./record-transcripts";
import styles from "./fieldwork.module.css";
import { Section } from "@/components/ui/section";

type Props = {
  kind: FieldworkKind;
  evaluationId: string;
  recordId: string;
  record: RecordTranscriptTexts &
    TranscriptRecord & { notes: string | null; projects: Array<{ id: string; acronym: string; name: string }> };
  title: string;
  description: string;
  excerpts: ExcerptView[];
  canEdit: boolean;
  viewerName: string;
  /**
   * The facts of the kind's own, in its order (see fieldwork-facts.tsx for the shared ones); the
   * projects discussed and the transcript's facts follow them, alike for both kinds.
   */
  children: ReactNode;
};

/** A fieldwork record's page, laid out alike for both kinds: header, facts, notes, transcripts. */
export async function RecordView({
  kind,
  evaluationId,
  recordId,
  record,
  title,
  description,
  excerpts,
  canEdit,
  viewerName,
  children,
}: Props) {
  const t = await getTranslations("fieldwork");
  const section = (name: string) => `${kind.idPrefix}-${name}-title`;
  return (
    <>
      <PageHeader
        before={<Link href={fieldworkPath(kind, evaluationId)}>{t(`${kind.messages}.backToList`)}</Link>}
        title={title}
        description={description}
      >
        {canEdit ? (
          <p className="actions">
            <Link className="button button--secondary" href={`${fieldworkPath(kind, evaluationId, recordId)}/edit`}>
              {t(`${kind.messages}.edit`)}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <Section id={section("facts")} title={t(`${kind.messages}.factsTitle`)}>
        <dl className="facts">
          {children}
          <ProjectsFact projects={record.projects} />
          <TranscriptFacts record={record} />
        </dl>
      </Section>

      <Section id={section("notes")} title={t("fields.notes")}>
        {record.notes ? <p className={styles.notes}>{record.notes}</p> : <p className="muted">{t("detail.noNotes")}</p>}
      </Section>

      <RecordTranscripts
        evaluationId={evaluationId}
        source={kind.excerptSource}
        sourceId={recordId}
        record={record}
        excerpts={excerpts}
        canEdit={canEdit}
        viewerName={viewerName}
      />
    </>
  );
}
