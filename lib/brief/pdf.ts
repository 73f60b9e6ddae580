/**
 * The brief as a tagged PDF (PDF/UA): a structure tree with headings, lists (Lbl and LBody) and
 * tables (TH and TD), the document's language and title, bookmarks for every heading, and Noto
 * Sans embedded (lib/pdf/fonts.ts, shared with the validation sheets). Page furniture (the draft notice,
 * page numbers) is marked as an artifact. Dated by the brief, so two runs give the same bytes.
 */
import PDFDocument from "pdfkit";
import { utcMidnight } from "@/lib/core/calendar-day";
import { PDF_LANGUAGE, useNotoSans } from "@/lib/pdf/fonts";
import type { BriefContent, BriefText } from "./content";
import type { SentencePart } from "./outcome-sentence";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 72;

const SIZES = { H1: 16, H2: 13, H3: 11.5 } as const;

class BriefPdf {
  readonly doc: Doc;
  private readonly root: Struct;
  private readonly bookmarks: Partial<Record<1 | 2, PDFKit.PDFOutline>> = {};

  constructor(private readonly content: BriefContent) {
    const title = `${content.title.kind}: ${content.title.name}`;
    const issued = utcMidnight(content.title.issuedOn);
    this.doc = new PDFDocument({
      size: "LETTER",
      margin: MARGIN,
      tagged: true,
      subset: "PDF/UA",
      pdfVersion: "1.7",
      lang: PDF_LANGUAGE[content.lang],
      displayTitle: true,
      bufferPages: true,
      info: { Title: title, Author: content.title.organisation, CreationDate: issued, ModDate: issued },
    } as unknown as PDFKit.PDFDocumentOptions);
    useNotoSans(this.doc, 10.5);
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  heading(level: 1 | 2 | 3, text: string, parts?: SentencePart[]) {
    const { doc } = this;
    const tag = `H${level}` as const;
    // A heading never stands alone at the foot of a page.
    if (doc.y > doc.page.maxY() - (level === 3 ? 60 : 110)) doc.addPage();
    doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.root.add(doc.struct(tag, {}, () => this.runs(parts ?? [{ text }], { font: "bold", size: SIZES[tag] })));
    const parent = level === 1 ? doc.outline : (this.bookmarks[(level - 1) as 1 | 2] ?? doc.outline);
    const bookmark = parent.addItem(text);
    if (level === 1 || level === 2) this.bookmarks[level] = bookmark;
    if (level === 1) delete this.bookmarks[2];
    doc.moveDown(0.3);
  }

  paragraph(value: BriefText | string, lead?: string) {
    const text = typeof value === "string" ? { text: value, untranslated: false } : value;
    this.root.add(
      this.doc.struct("P", {}, () =>
        this.runs([
          ...(lead ? [{ text: lead, bold: true }] : []),
          { text: text.text, untranslated: text.untranslated || undefined },
        ]),
      ),
    );
    this.doc.moveDown(0.4);
  }

  /** A list whose labels are given ("•", or numbers that run on from an earlier list). */
  list(items: Array<{ label: string; parts: Array<SentencePart> }>) {
    const { doc } = this;
    const list = doc.struct("L");
    this.root.add(list);
    for (const item of items) {
      if (doc.y > doc.page.maxY() - 30) doc.addPage();
      const y = doc.y;
      const entry = doc.struct("LI");
      list.add(entry);
      entry.add(doc.struct("Lbl", {}, () => doc.font("body").text(item.label, MARGIN, y, { width: 22 })));
      entry.add(doc.struct("LBody", {}, () => this.runs(item.parts, { x: MARGIN + 24, y })));
      entry.end();
      doc.x = MARGIN;
      doc.moveDown(0.3);
    }
    list.end();
  }

  table(headers: string[], rows: string[][], widths: number[]) {
    const { doc } = this;
    doc.x = MARGIN;
    const options = {
      structParent: this.root,
      columnStyles: widths,
      defaultStyle: { padding: 4, border: 0.5 },
      data: [
        headers.map((text) => ({ text, type: "TH", font: { src: "bold" } })),
        ...rows.map((row) => row.map((text) => ({ text, type: "TD" }))),
      ],
    };
    doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
    doc.font("body").fontSize(10.5);
    doc.x = MARGIN;
    doc.moveDown(0.6);
  }

  /** Text runs in one marked content; untranslated parts in italics, as on the page and in Word. */
  private runs(
    parts: Array<{ text: string; untranslated?: true | boolean; bold?: boolean }>,
    options: { font?: "bold"; size?: number; x?: number; y?: number } = {},
  ) {
    const { doc } = this;
    doc.fontSize(options.size ?? 10.5);
    const width = doc.page.width - MARGIN - (options.x ?? MARGIN);
    parts.forEach((part, index) => {
      doc.font(part.untranslated ? "italic" : part.bold || options.font === "bold" ? "bold" : "body");
      const continued = index < parts.length - 1;
      if (index === 0 && options.x !== undefined) doc.text(part.text, options.x, options.y, { width, continued });
      else doc.text(part.text, { width, continued });
    });
    doc.font("body").fontSize(10.5);
  }

  /** The draft notice and page numbers on every page, outside the structure tree. */
  furniture() {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      doc.switchToPage(index);
      doc.markContent("Artifact", { type: "Pagination" });
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      doc.font("body").fontSize(9);
      if (this.content.draft)
        doc
          .font("bold")
          .text(this.content.words.draft, MARGIN, 36, { width: doc.page.width - 2 * MARGIN, lineBreak: false });
      doc.font("body").text(`${index + 1} / ${count}`, MARGIN, doc.page.height - 48, {
        width: doc.page.width - 2 * MARGIN,
        align: "right",
        lineBreak: false,
      });
      doc.page.margins = margins;
      doc.endMarkedContent();
    }
  }

  finish(): Promise<Buffer> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);
      this.furniture();
      this.root.end();
      doc.end();
    });
  }
}

export async function briefPdf(content: BriefContent): Promise<Buffer> {
  const pdf = new BriefPdf(content);
  const { words } = content;
  const numbered = (items: Array<{ number: number; text: BriefText }>) =>
    items.map((item) => ({
      label: `${item.number}.`,
      parts: [{ text: item.text.text, ...(item.text.untranslated ? { untranslated: true as const } : {}) }],
    }));

  if (content.draft) pdf.paragraph({ text: words.draft, untranslated: false });
  pdf.paragraph(content.title.kind);
  pdf.heading(1, content.title.name);
  pdf.paragraph(`${content.title.preparedFor} ${content.title.preparedBy}`);
  pdf.paragraph(content.title.date);

  pdf.heading(1, words.keyResults);
  if (content.introduction) pdf.paragraph(content.introduction);
  if (content.noChangeNote) pdf.paragraph(content.noChangeNote);
  if (content.overview) {
    pdf.heading(2, words.programmeOverview);
    pdf.paragraph(content.overview);
  }
  pdf.heading(2, words.byDomain);
  for (const domain of content.domains) {
    pdf.heading(3, domain.heading);
    // A note's number follows its outcome, as a footnote mark would; the notes close the brief.
    const mark = (note: number | null) => (note === null ? [] : [{ text: ` [${note}]` }]);
    if (domain.outcomes.length)
      pdf.list(
        domain.outcomes.map((outcome) => ({
          label: "•",
          // Quotations continue the item, so a screen reader reads each right after its outcome.
          parts: [
            ...outcome.sentence.parts,
            ...mark(outcome.note),
            ...outcome.quotations.flatMap((quotation) => [
              { text: " " },
              { text: quotation.text, ...(quotation.untranslated ? { untranslated: true as const } : {}) },
            ]),
          ],
        })),
      );
    else pdf.paragraph(words.noOutcomes);
  }

  pdf.heading(1, words.keyLearnings);
  for (const learning of content.keyLearnings) {
    pdf.heading(2, learning.theme.text, [
      { text: learning.theme.text, ...(learning.theme.untranslated ? { untranslated: true as const } : {}) },
    ]);
    pdf.paragraph(learning.narrative);
    if (learning.sustainability) pdf.paragraph(learning.sustainability, `${words.sustainability}: `);
  }

  pdf.heading(1, words.atRisk);
  for (const impact of content.atRisk) {
    pdf.heading(2, impact.group);
    pdf.paragraph(impact.text);
  }

  pdf.heading(1, words.lessons);
  pdf.list(numbered(content.lessons));

  pdf.heading(1, words.recommendations);
  for (const group of content.recommendations) {
    pdf.heading(2, group.audience);
    pdf.list(numbered(group.items));
  }

  pdf.heading(1, words.method);
  pdf.table(
    [words.figure, words.count],
    content.method.map((row) => [row.label, String(row.value)]),
    [320, 120],
  );

  pdf.heading(1, words.notes);
  pdf.heading(2, words.portfolio);
  for (const note of content.notes) {
    pdf.heading(3, note.office);
    pdf.table(
      [words.acronym, words.project],
      note.projects.map((project) => [project.acronym, project.name]),
      [100, 368],
    );
  }
  if (content.sources.length) {
    pdf.heading(2, words.sourcesHeading);
    pdf.list(content.sources.map((note) => ({ label: `${note.number}.`, parts: [{ text: note.text }] })));
  }
  return pdf.finish();
}
