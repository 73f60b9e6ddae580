/**
 * The printable validation sheet of one sampled respondent (PDF, pdfkit's standard fonts, which
 * cover Spanish). It names the respondent by code only and shows each story exactly as the
 * round's revision (the stored snapshot), with verdict boxes and room for comments. Text is left
 * uncompressed (`compress: false`): sheets are a few pages, and tests can find the words in the bytes.
 */
import PDFDocument from "pdfkit";
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
  return snapshot.periodPrecision === "YEAR" ? [year(from), year(to)].filter(Boolean).join(" – ") : [from, to].filter(Boolean).join(" – ");
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
  const doc = new PDFDocument({ size: "LETTER", margin: 54, compress: false, info: { Title: fill(t.title, { code: input.respondentCode }), Author: "" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const day = (date: Date) => date.toISOString().slice(0, 10);

  doc.font("Helvetica-Bold").fontSize(16).text(fill(t.title, { code: input.respondentCode }));
  doc.moveDown(0.3).font("Helvetica").fontSize(10);
  doc.text(fill(t.round, { name: input.round.name, from: day(input.round.startsOn), to: day(input.round.endsOn) }));
  doc.moveDown(0.5).text(t.instructions);

  input.stories.forEach((story, index) => {
    const text = storyText(story.snapshot, locale);
    if (index > 0) doc.addPage();
    else doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(13).text(`${story.code} · ${text.title}`);
    doc.font("Helvetica").fontSize(8).fillColor("#444444").text(fill(t.revision, { version: story.version })).fillColor("black");
    const section = (label: string, body: string) => {
      if (!body) return;
      doc.moveDown(0.4).font("Helvetica-Bold").fontSize(10).text(label);
      doc.font("Helvetica").fontSize(10).text(body);
    };
    section(t.whatChanged, text.whatChanged);
    section(t.whySignificant, text.whySignificant);
    section(t.period, period(story.snapshot));
    section(t.places, story.snapshot.places.map((place) => [place.community, place.municipality, place.state].filter(Boolean).join(", ")).join("; "));
    section(
      t.figures,
      story.snapshot.figures
        // The brief's own wording: "Contracts: over 600,000", never a bare "600000".
        .map((figure) => `${(locale === "en" && figure.labelTranslation) || figure.label}: ${figureValue(figure, locale)}`)
        .join("\n"),
    );
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(10).text(t.verdict);
    doc.font("Helvetica").fontSize(10);
    for (const verdict of [t.confirms, t.confirmsWithChanges, t.disputes, t.noOpinion]) {
      const y = doc.y;
      doc.rect(doc.page.margins.left, y + 1, 9, 9).stroke();
      doc.text(verdict, doc.page.margins.left + 16, y);
      doc.x = doc.page.margins.left;
    }
    for (const label of [t.comments, t.proposedChanges]) {
      doc.moveDown(0.6).font("Helvetica-Bold").text(label).font("Helvetica");
      const top = doc.y + 2;
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc.rect(doc.page.margins.left, top, width, 70).stroke();
      doc.y = top + 74;
    }
  });
  if (input.stories.length === 0) doc.moveDown().text(t.noStories);
  doc.end();
  return done;
}
