/**
 * The printable validation sheet of one sampled respondent, as a tagged PDF (PDF/UA: headings,
 * paragraphs and a list of verdicts in a structure tree; the boxes to tick are artifacts) in the
 * brief's embedded font (lib/pdf/fonts.ts). It names the respondent by code only and shows each
 * story exactly as the round's version (the stored snapshot), with verdict boxes and room for
 * comments. Left uncompressed: sheets are a few pages.
 */
import PDFDocument from "pdfkit";
import { isoDay } from "@/lib/core/calendar-day";
import { PDF_LANGUAGE, useNotoSans, type PdfFont } from "@/lib/pdf/fonts";
import { figureValue } from "@/lib/brief/outcome-sentence";
import { messages } from "@/lib/i18n/messages";
import type { StorySnapshot } from "@/lib/stories/snapshot";

export type SheetStory = { code: string; version: number; snapshot: StorySnapshot };
export type SheetInput = {
  respondentCode: string;
  /** The respondent's language ("es", "en", "nah"...): English gets English, everything else Spanish. */
  language: string;
  round: { name: string; startsOn: Date; endsOn: Date; method: string };
  stories: SheetStory[];
};

export function sheetLocale(language: string): "es" | "en" {
  return language.trim().toLowerCase().startsWith("en") ? "en" : "es";
}

type Labels = (typeof messages)["en"]["respondentValidation"]["sheet"];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

function period(snapshot: StorySnapshot): string {
  const from = snapshot.periodFrom ?? "";
  const to = snapshot.periodTo ?? "";
  const year = (iso: string) => iso.slice(0, 4);
  const ends = snapshot.periodPrecision === "YEAR" ? [year(from), year(to)] : [from, to];
  // A period within one year (or day) is that year once, as the brief writes it, not "2023 – 2023".
  return [...new Set(ends.filter(Boolean))].join(" – ");
}

/** The story's own words; an English sheet shows the English translation where there is one. */
function storyText(snapshot: StorySnapshot, locale: "es" | "en") {
  const translated = locale === "en" && snapshot.translationLanguage === "en";
  return {
    title: (translated && snapshot.titleTranslation) || snapshot.title,
    whatChanged: (translated && snapshot.whatChangedTranslation) || snapshot.whatChanged,
    whySignificant: (translated && snapshot.whySignificantTranslation) || snapshot.whySignificant,
  };
}

export function buildValidationSheet(input: SheetInput): Promise<Buffer> {
  const locale = sheetLocale(input.language);
  const t: Labels = messages[locale].respondentValidation.sheet;
  const title = fill(t.title, { code: input.respondentCode });
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 54,
    compress: false,
    tagged: true,
    subset: "PDF/UA",
    pdfVersion: "1.7",
    lang: PDF_LANGUAGE[locale],
    displayTitle: true,
    info: { Title: title, Author: "" },
  } as unknown as PDFKit.PDFDocumentOptions);
  useNotoSans(doc, 10);
  const root = doc.struct("Document");
  doc.addStructure(root);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  /** One tagged block of text: a screen reader reads the sheet in this order, with these roles. */
  const block = (
    tag: "H1" | "H2" | "H3" | "P",
    text: string,
    font: PdfFont,
    size: number,
    options: PDFKit.Mixins.TextOptions = {},
  ) => root.add(doc.struct(tag, {}, () => doc.font(font).fontSize(size).text(text, options)));
  /** Boxes to tick or write in are drawn, not read: artifacts outside the structure tree. */
  const box = (x: number, y: number, width: number, height: number) => {
    doc.markContent("Artifact");
    doc.rect(x, y, width, height).stroke();
    doc.endMarkedContent();
  };

  block("H1", title, "bold", 16);
  doc.moveDown(0.3);
  block(
    "P",
    fill(t.round, { name: input.round.name, from: isoDay(input.round.startsOn), to: isoDay(input.round.endsOn) }),
    "body",
    10,
  );
  doc.moveDown(0.5);
  block("P", t.instructions, "body", 10);

  input.stories.forEach((story, index) => {
    const text = storyText(story.snapshot, locale);
    if (index > 0) doc.addPage();
    else doc.moveDown();
    block("H2", `${story.code} · ${text.title}`, "bold", 13);
    doc.fillColor("#444444");
    block("P", fill(t.revision, { version: story.version }), "body", 8);
    doc.fillColor("black");
    const section = (label: string, body: string) => {
      if (!body) return;
      doc.moveDown(0.4);
      block("H3", label, "bold", 10);
      block("P", body, "body", 10);
    };
    section(t.whatChanged, text.whatChanged);
    section(t.whySignificant, text.whySignificant);
    section(t.period, period(story.snapshot));
    section(
      t.places,
      story.snapshot.places
        .map((place) => [place.community, place.municipality, place.state].filter(Boolean).join(", "))
        .join("; "),
    );
    section(
      t.figures,
      story.snapshot.figures
        // The brief's own wording: "Contracts: over 600,000", never a bare "600000".
        .map(
          (figure) => `${(locale === "en" && figure.labelTranslation) || figure.label}: ${figureValue(figure, locale)}`,
        )
        .join("\n"),
    );
    doc.moveDown(0.8);
    block("H3", t.verdict, "bold", 10);
    const verdicts = doc.struct("L");
    root.add(verdicts);
    for (const verdict of [t.confirms, t.confirmsWithChanges, t.disputes, t.noOpinion]) {
      const y = doc.y;
      box(doc.page.margins.left, y + 1, 9, 9);
      const item = doc.struct("LI");
      verdicts.add(item);
      item.add(
        doc.struct("LBody", {}, () =>
          doc
            .font("body")
            .fontSize(10)
            .text(verdict, doc.page.margins.left + 16, y),
        ),
      );
      item.end();
      doc.x = doc.page.margins.left;
    }
    verdicts.end();
    for (const label of [t.comments, t.proposedChanges]) {
      doc.moveDown(0.6);
      block("H3", label, "bold", 10);
      const top = doc.y + 2;
      box(doc.page.margins.left, top, doc.page.width - doc.page.margins.left - doc.page.margins.right, 70);
      doc.y = top + 74;
    }
  });
  if (input.stories.length === 0) {
    doc.moveDown();
    block("P", t.noStories, "body", 10);
  }
  root.end();
  doc.end();
  return done;
}
