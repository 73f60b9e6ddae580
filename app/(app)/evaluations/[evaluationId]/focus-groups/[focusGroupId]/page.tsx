import type { Metadata } from "next";
import { Fact, PlaceFacts, RespondentCodes } from "@/components/fieldwork/fieldwork-facts";
import { openRecordPage, recordPageMetadata } from "@/components/fieldwork/record-pages";
import { RecordView } from "@/components/fieldwork/record-view";
import styles from "@/components/fieldwork/fieldwork.module.css";
import { getAuthorizedUser } from "@/lib/auth/session";
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadFocusGroupPage } from "@/lib/focus-groups/loaders";

type Props = { params: Promise<{ evaluationId: string; focusGroupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, focusGroupId } = await params;
  return recordPageMetadata(
    FOCUS_GROUP,
    await loadFocusGroupPage(evaluationId, focusGroupId, await getAuthorizedUser()),
  );
}

export default async function FocusGroupPage({ params }: Props) {
  const { evaluationId, focusGroupId } = await params;
  const {
    record: focusGroup,
    t,
    format,
    none,
    date,
    viewProps,
  } = await openRecordPage(FOCUS_GROUP, evaluationId, focusGroupId, loadFocusGroupPage);

  return (
    <RecordView {...viewProps} title={focusGroup.topic} description={t("focusGroups.detailTitle", { date })}>
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
    </RecordView>
  );
}
