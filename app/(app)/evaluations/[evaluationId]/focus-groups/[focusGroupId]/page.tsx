import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Fact,
  PlaceFacts,
  ProjectsFact,
  RespondentCodes,
  TranscriptFacts,
} from "@/components/fieldwork/fieldwork-facts";
import { RecordView } from "@/components/fieldwork/record-view";
import styles from "@/components/fieldwork/fieldwork.module.css";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { fieldworkPath, FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadFocusGroupPage } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, focusGroupId } = await params;
  const [t, format, view] = await Promise.all([
    getTranslations(),
    getFormatter(),
    loadFocusGroupPage(evaluationId, focusGroupId, await getAuthorizedUser()),
  ]);
  if (!view) return { title: t("notFound.metaTitle") };
  return {
    title: t("fieldwork.focusGroups.detailTitle", { date: format.dateTime(view.record.date, { dateStyle: "long" }) }),
  };
}

export default async function FocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const user = await requireUser(fieldworkPath(FOCUS_GROUP, evaluationId, focusGroupId));
  const view = await loadFocusGroupPage(evaluationId, focusGroupId, user);
  if (!view) notFound();
  const { record: focusGroup, excerpts } = view;
  const [t, format] = await Promise.all([getTranslations("fieldwork"), getFormatter()]);
  const none = t("detail.none");
  const date = format.dateTime(focusGroup.date, { dateStyle: "long" });

  return (
    <RecordView
      kind={FOCUS_GROUP}
      evaluationId={evaluationId}
      recordId={focusGroupId}
      record={focusGroup}
      title={focusGroup.topic}
      description={t("focusGroups.detailTitle", { date })}
      excerpts={excerpts}
      canEdit={view.canEdit}
      viewerName={user.name}
    >
      <Fact label={t("fields.topic")}>{focusGroup.topic}</Fact>
      <Fact label={t("fields.date")}>{date}</Fact>
      <PlaceFacts record={focusGroup} />
      <Fact label={t("fields.facilitators")}>
        {format.list(focusGroup.facilitators.map((person) => person.name)) || none}
      </Fact>
      <Fact label={t("fields.participants")}>
        <p className={styles.notes}>
          {t("detail.participantsLine", {
            registered: focusGroup.participants.length,
            anonymous: focusGroup.anonymousParticipantCount,
          })}
        </p>
        {focusGroup.participants.length > 0 ? <RespondentCodes respondents={focusGroup.participants} /> : null}
      </Fact>
      <ProjectsFact projects={focusGroup.projects} />
      <TranscriptFacts record={focusGroup} />
    </RecordView>
  );
}
