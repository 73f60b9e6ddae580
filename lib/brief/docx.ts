/**
 * The brief as a Word file. US Letter, as a US funder expects; heading styles named "heading 1-3"
 * with outline levels, so Word's navigation pane and converters see real headings; lessons and
 * recommendations as real numbered lists (recommendations one list, numbered straight through
 * the audiences, which a screen reader reads in order, unlike the two-column table of the real
 * brief); tables whose header row repeats on each page; the document's language on every run;
 * each outcome's supporting sources as a real footnote.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { BriefContent, BriefText } from "./content";
import type { SentencePart } from "./outcome-sentence";

const LETTER = { width: 12240, height: 15840 };
const INCH = 1440;
const LANGUAGE = { es: "es-MX", en: "en-US" } as const;
const FONT = "Calibri";

function heading(level: 1 | 2 | 3, text: string) {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: levels[level], children: [new TextRun(text)] });
}

const run = (part: { text: string; untranslated?: boolean }) =>
  new TextRun({ text: part.text, italics: part.untranslated || undefined });
const paragraph = (
  text: BriefText,
  options: { numbering?: { reference: string; level: number }; bullet?: boolean } = {},
) =>
  new Paragraph({
    children: [run(text)],
    numbering: options.numbering,
    bullet: options.bullet ? { level: 0 } : undefined,
  });
/** An outcome as a bullet, with the footnote that cites its sources when it has one. */
const sentence = (parts: SentencePart[], note: number | null) =>
  new Paragraph({
    bullet: { level: 0 },
    children: [...parts.map(run), ...(note === null ? [] : [new FootnoteReferenceRun(note)])],
  });

function table(headers: string[], rows: string[][]) {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) })),
    ],
  });
}

function headingStyle(level: 1 | 2 | 3, size: number) {
  return {
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size, bold: true, color: "1F3864", font: FONT },
    paragraph: { outlineLevel: level - 1, keepNext: true, spacing: { before: 240, after: 120 } },
  };
}

const numbered = (reference: string) => ({
  reference,
  levels: [
    {
      level: 0,
      format: LevelFormat.DECIMAL,
      text: "%1.",
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720, hanging: 360 } } },
    },
  ],
});

function body(content: BriefContent): Array<Paragraph | Table> {
  const { words } = content;
  const out: Array<Paragraph | Table> = [];
  if (content.draft) out.push(new Paragraph({ children: [new TextRun({ text: words.draft, bold: true })] }));
  out.push(new Paragraph({ children: [new TextRun({ text: content.title.kind, bold: true, allCaps: true })] }));
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title.name)] }));
  out.push(
    new Paragraph(`${content.title.preparedFor} ${content.title.preparedBy}`),
    new Paragraph(content.title.date),
  );

  out.push(heading(1, words.keyResults));
  if (content.introduction) out.push(paragraph(content.introduction));
  if (content.noChangeNote) out.push(new Paragraph(content.noChangeNote));
  if (content.overview) out.push(heading(2, words.programmeOverview), paragraph(content.overview));
  out.push(heading(2, words.byDomain));
  for (const domain of content.domains) {
    out.push(heading(3, domain.heading));
    if (!domain.outcomes.length) out.push(new Paragraph(words.noOutcomes));
    for (const outcome of domain.outcomes) {
      out.push(sentence(outcome.sentence.parts, outcome.note));
      // A storyteller's words, indented under their outcome.
      for (const quotation of outcome.quotations)
        out.push(new Paragraph({ indent: { left: 720 }, children: [run(quotation)] }));
    }
  }

  out.push(heading(1, words.keyLearnings));
  for (const learning of content.keyLearnings) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(learning.theme)] }),
      paragraph(learning.narrative),
    );
    if (learning.sustainability)
      out.push(
        new Paragraph({
          children: [new TextRun({ text: `${words.sustainability}: `, bold: true }), run(learning.sustainability)],
        }),
      );
  }

  out.push(heading(1, words.atRisk));
  for (const impact of content.atRisk) out.push(heading(2, impact.group), paragraph(impact.text));

  out.push(heading(1, words.lessons));
  for (const lesson of content.lessons)
    out.push(paragraph(lesson.text, { numbering: { reference: "lessons", level: 0 } }));

  out.push(heading(1, words.recommendations));
  for (const group of content.recommendations) {
    out.push(heading(2, group.audience));
    for (const item of group.items)
      out.push(paragraph(item.text, { numbering: { reference: "recommendations", level: 0 } }));
  }

  out.push(heading(1, words.method));
  out.push(
    table(
      [words.figure, words.count],
      content.method.map((row) => [row.label, String(row.value)]),
    ),
  );

  out.push(heading(1, words.notes), heading(2, words.portfolio));
  for (const note of content.notes) {
    out.push(
      heading(3, note.office),
      table(
        [words.acronym, words.project],
        note.projects.map((project) => [project.acronym, project.name]),
      ),
    );
  }
  return out;
}

export function briefDocument(content: BriefContent): Document {
  const language = { value: LANGUAGE[content.lang] };
  return new Document({
    title: `${content.title.kind}: ${content.title.name}`,
    creator: content.title.organisation,
    styles: {
      default: { document: { run: { font: FONT, size: 22, language } } },
      paragraphStyles: [headingStyle(1, 32), headingStyle(2, 26), headingStyle(3, 23)],
    },
    numbering: { config: [numbered("lessons"), numbered("recommendations")] },
    footnotes: Object.fromEntries(
      content.sources.map((note) => [note.number, { children: [new Paragraph(note.text)] }]),
    ),
    sections: [
      {
        properties: { page: { size: LETTER, margin: { top: INCH, bottom: INCH, left: INCH, right: INCH } } },
        // The draft notice stands on every page, so no page of a draft passes for the approved copy.
        headers: content.draft
          ? {
              default: new Header({
                children: [new Paragraph({ children: [new TextRun({ text: content.words.draft, bold: true })] })],
              }),
            }
          : undefined,
        children: body(content),
      },
    ],
  });
}

export async function briefDocx(content: BriefContent): Promise<Buffer> {
  return Packer.toBuffer(briefDocument(content));
}
