/**
 * The brief's content in one language, assembled from the records the loader read: one shape
 * for the preview page, the Word file and the PDF, so the three never say different things.
 * Pure: the same records give the same content, word for word.
 */
import { isoDay } from "@/lib/core/calendar-day";
import { INTL_LOCALE } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en/brief.json";
import es from "@/lib/i18n/messages/es/brief.json";
import type { RecommendationAudience } from "@/lib/generated/prisma/enums";
import { briefOrder } from "@/lib/learnings/order";
import type { LearningRow } from "@/lib/learnings/data";
import { quotationIn } from "@/lib/quotations/policy";
import { joinList, outcomeSentence, type BriefLanguage, type OutcomeSentence } from "./outcome-sentence";
import type { BriefOutcomeRow, MethodFigures } from "./data";

export type BriefText = { text: string; untranslated: boolean };

export type BriefContent = {
  lang: BriefLanguage;
  draft: boolean;
  words: (typeof en)["brief"]["document"];
  /** `issuedOn`: the ISO day the brief is dated, so a file made twice carries the same date. */
  title: {
    name: string;
    kind: string;
    organisation: string;
    preparedFor: string;
    preparedBy: string;
    date: string;
    issuedOn: string;
  };
  introduction: BriefText | null;
  overview: BriefText | null;
  noChangeNote: string | null;
  /** `note`: the number of the outcome's sources note, or null when no supporting evidence is recorded. */
  domains: Array<{
    heading: string;
    /** `quotations`: storytellers' words printed with their consent, never a name (decision 0044). */
    outcomes: Array<{ code: string; sentence: OutcomeSentence; note: number | null; quotations: BriefText[] }>;
  }>;
  /** Numbered in the order the outcomes appear; Word prints them as footnotes, PDF and page as notes. */
  sources: Array<{ number: number; text: string }>;
  keyLearnings: Array<{ theme: BriefText; narrative: BriefText; sustainability: BriefText | null }>;
  atRisk: Array<{ group: string; text: BriefText }>;
  lessons: Array<{ number: number; text: BriefText }>;
  recommendations: Array<{ audience: string; items: Array<{ number: number; text: BriefText }> }>;
  method: Array<{ key: keyof MethodFigures; label: string; value: number }>;
  notes: Array<{ office: string; projects: Array<{ acronym: string; name: string }> }>;
};

export type BriefRecords = {
  evaluation: { name: string; client: string; evaluatorOrganisation: string; periodEnd: Date };
  draft: boolean;
  outcomes: BriefOutcomeRow[];
  domains: Array<{ id: string; position: number; nameEn: string; nameEs: string; retiredAt: Date | null }>;
  learnings: LearningRow[];
  method: MethodFigures;
  projects: Array<{ acronym: string; name: string; managingOffice: string }>;
  /** Supporting evidence per outcome (story id), cited as the outcome's sources. */
  sources: Array<{ storyId: string; citation: string }>;
  /** Quotations whose every speaker consents to anonymous quotation now (lib/quotations/data.ts). */
  quotations: Array<{
    storyId: string;
    text: string;
    language: string;
    translation: string | null;
    translationLanguage: string | null;
  }>;
};

const WORDS = { en: en.brief.document, es: es.brief.document } as const;
const LOCALE_OF = { en: "EN", es: "ES" } as const;
const METHOD_ORDER: Array<keyof MethodFigures> = [
  "interviews",
  "focusGroupRespondents",
  "statesCovered",
  "significantChanges",
  "validationRespondents",
  "projects",
  "domains",
];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** A learning's text in the language, or the untranslated marker; never the other language. */
function learningText(
  row: LearningRow,
  lang: BriefLanguage,
  field: "title" | "body" | "sustainability",
): BriefText | null {
  const text = row.texts.find((entry) => entry.locale === LOCALE_OF[lang]);
  const value = text?.[field];
  if (value && value.trim()) return { text: value.trim(), untranslated: false };
  // A field the kind does not have in any language is absent, not untranslated.
  if (!row.texts.some((entry) => entry[field]?.trim())) return null;
  return { text: WORDS[lang].untranslated, untranslated: true };
}

const required = (text: BriefText | null, lang: BriefLanguage): BriefText =>
  text ?? { text: WORDS[lang].noneYet, untranslated: false };

export function briefContent(records: BriefRecords, lang: BriefLanguage): BriefContent {
  const words = WORDS[lang];
  const name = (domain: { nameEn: string; nameEs: string }) => (lang === "es" ? domain.nameEs : domain.nameEn);
  const ofKind = (kind: LearningRow["kind"]) =>
    briefOrder(
      kind,
      records.learnings.filter((row) => row.kind === kind),
    );

  const citations = new Map<string, string[]>();
  for (const { storyId, citation } of records.sources) {
    const list = citations.get(storyId) ?? [];
    // The note ends with its own full stop and separates citations with semicolons: a citation
    // written as a sentence ("…, 2023.") would otherwise print "2023.." or "2023.; …".
    const text = citation.trim().replace(/\.+$/, "").trim();
    if (text && !list.includes(text)) citations.set(storyId, [...list, text]);
  }
  const sources: BriefContent["sources"] = [];
  const noteFor = (row: BriefOutcomeRow) => {
    const cited = citations.get(row.id);
    if (!cited) return null;
    sources.push({
      number: sources.length + 1,
      text: fill(words.sourcesNote, { code: row.code, sources: cited.join("; ") }),
    });
    return sources.length;
  };
  const quotationsOf = (row: BriefOutcomeRow): BriefText[] =>
    records.quotations
      .filter((quotation) => quotation.storyId === row.id)
      .map((quotation) => {
        const text = quotationIn(lang, quotation);
        return text === null
          ? { text: words.untranslated, untranslated: true }
          : { text: fill(words.quotation, { text }), untranslated: false };
      });
  const sentences = (rows: BriefOutcomeRow[]) =>
    rows.map((row) => ({
      code: row.code,
      sentence: outcomeSentence(row, lang),
      note: noteFor(row),
      quotations: quotationsOf(row),
    }));
  const numbered = records.domains.map((domain, index) => ({
    domain,
    number: index + 1,
    outcomes: records.outcomes.filter((row) => row.domainId === domain.id),
  }));
  // A retired domain is shown only while an outcome of this copy still sits in it.
  const shown = numbered.filter(({ domain, outcomes }) => !domain.retiredAt || outcomes.length);
  const domains = shown.map(({ domain, number, outcomes }) => ({
    heading: fill(words.domainHeading, { number, name: name(domain) }),
    outcomes: sentences(outcomes),
  }));
  const known = new Set(records.domains.map((domain) => domain.id));
  const homeless = records.outcomes.filter((row) => !row.domainId || !known.has(row.domainId));
  if (homeless.length) domains.push({ heading: words.noDomain, outcomes: sentences(homeless) });
  const noChange = shown
    .filter(({ outcomes }) => outcomes.some((row) => row.changeType === "NO_CHANGE"))
    .map(({ domain }) => name(domain));

  let number = 0;
  const recommendationRows = ofKind("RECOMMENDATION");
  const audiences = [...new Set(recommendationRows.map((row) => row.audience ?? "OTHER"))] as RecommendationAudience[];

  const offices = [...new Set(records.projects.map((project) => project.managingOffice))];

  return {
    lang,
    draft: records.draft,
    words,
    title: {
      name: records.evaluation.name,
      kind: words.kind,
      organisation: records.evaluation.evaluatorOrganisation,
      preparedFor: fill(words.preparedFor, { client: records.evaluation.client }),
      preparedBy: fill(words.preparedBy, { organisation: records.evaluation.evaluatorOrganisation }),
      date: new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: "numeric", month: "long", timeZone: "UTC" }).format(
        records.evaluation.periodEnd,
      ),
      issuedOn: isoDay(records.evaluation.periodEnd),
    },
    introduction: ofKind("KEY_RESULTS_INTRODUCTION").map((row) => learningText(row, lang, "body"))[0] ?? null,
    overview: ofKind("PROGRAMME_OVERVIEW").map((row) => learningText(row, lang, "body"))[0] ?? null,
    noChangeNote: noChange.length ? fill(words.noChangeIn, { domains: joinList(noChange, lang) }) : null,
    domains,
    sources,
    keyLearnings: ofKind("KEY_LEARNING").map((row) => ({
      theme: required(learningText(row, lang, "title"), lang),
      narrative: required(learningText(row, lang, "body"), lang),
      sustainability: learningText(row, lang, "sustainability"),
    })),
    atRisk: ofKind("AT_RISK_IMPACT").map((row) => ({
      // Each evaluation names its own groups, in both languages (decision 0017).
      group: row.atRiskGroup ? name(row.atRiskGroup) : "",
      text: required(learningText(row, lang, "body"), lang),
    })),
    lessons: ofKind("LESSON").map((row, index) => ({
      number: index + 1,
      text: required(learningText(row, lang, "body"), lang),
    })),
    recommendations: audiences.map((audience) => ({
      audience: words.audiences[audience],
      items: recommendationRows
        .filter((row) => (row.audience ?? "OTHER") === audience)
        .map((row) => ({ number: ++number, text: required(learningText(row, lang, "body"), lang) })),
    })),
    method: METHOD_ORDER.map((key) => ({ key, label: words.methodFigures[key], value: records.method[key] })),
    notes: offices.map((office) => ({
      office,
      projects: records.projects
        .filter((project) => project.managingOffice === office)
        .map(({ acronym, name }) => ({ acronym, name })),
    })),
  };
}
