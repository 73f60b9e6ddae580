import { getTranslations } from "next-intl/server";
import type { ExcerptView } from "@/lib/excerpts/data";
import type { ExcerptSourceKind } from "@/lib/excerpts/schema";
import { languageLabel } from "./choices";
import { TranscriptViewer, type ExcerptItem } from "./transcript-viewer";
import { Section } from "@/components/ui/section";

export type RecordTranscriptTexts = {
  transcriptOriginal: string | null;
  transcriptLanguage: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
};

type Props = {
  evaluationId: string;
  source: ExcerptSourceKind;
  sourceId: string;
  record: RecordTranscriptTexts;
  excerpts: ExcerptView[];
  canEdit: boolean;
  viewerName: string;
};

const toItem = (excerpt: ExcerptView): ExcerptItem => ({
  id: excerpt.id,
  startOffset: excerpt.startOffset,
  endOffset: excerpt.endOffset,
  quotedText: excerpt.quotedText,
  note: excerpt.note,
  createdBy: excerpt.createdBy,
  createdAt: excerpt.createdAt.toISOString(),
  storyCount: excerpt.storyCount,
  needsAttention: excerpt.needsAttention,
});

/** The original transcript and its translation, each in its own viewer with its own excerpts. */
export async function RecordTranscripts(props: Props) {
  const { transcriptOriginal, transcriptLanguage, transcriptTranslation, translationLanguage } = props.record;
  const t = await getTranslations("fieldwork");
  const tr = t as unknown as (key: string) => string;
  const viewer = (variant: "ORIGINAL" | "TRANSLATION", text: string, language: string | null) => (
    <TranscriptViewer
      evaluationId={props.evaluationId}
      source={props.source}
      sourceId={props.sourceId}
      variant={variant}
      text={text}
      lang={language}
      title={t(variant === "ORIGINAL" ? "excerpts.originalTitle" : "excerpts.translationTitle", {
        language: language ? languageLabel(tr, language) : "—",
      })}
      excerpts={props.excerpts.filter((excerpt) => excerpt.variant === variant).map(toItem)}
      canEdit={props.canEdit}
      viewerName={props.viewerName}
    />
  );
  // Excerpts of a transcript that has since been emptied are still listed, with their warning.
  const orphans = props.excerpts.filter((excerpt) =>
    excerpt.variant === "ORIGINAL" ? !transcriptOriginal : !transcriptTranslation,
  );
  return (
    <>
      {transcriptOriginal ? (
        viewer("ORIGINAL", transcriptOriginal, transcriptLanguage)
      ) : (
        <Section
          id="no-transcript-title"
          title={t("excerpts.noTranscriptTitle")}
          description={t("excerpts.noTranscript")}
        >
          {orphans.length > 0 ? (
            <p className="text-error">{t("excerpts.attentionSummary", { count: orphans.length })}</p>
          ) : null}
        </Section>
      )}
      {transcriptTranslation ? viewer("TRANSLATION", transcriptTranslation, translationLanguage) : null}
    </>
  );
}
