/**
 * The glossary: one word per concept in each language, and the words that must not stand for it.
 *
 * Spanish "revisión" once meant four things (screening, a saved version of a story, the funder's
 * review, "returned for revision"); people could not tell which step a story was at. Each concept
 * now has one word, every message uses it, and tests/unit/i18n-glossary.test.ts fails when a
 * message uses a forbidden word. docs/glossary.md is generated from this file
 * (`npx tsx scripts/write-glossary.ts`) and the same test checks it is up to date.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";

export type GlossaryLocale = "es" | "en";

export type GlossaryConcept = {
  id: string;
  /** What the concept is, so a translator knows which word to reach for. */
  meaning: Record<GlossaryLocale, string>;
  /** The one word (or short phrase) for the concept. */
  term: Record<GlossaryLocale, string>;
  /** Words that readers took for this concept but mean something else here, or the wrong register. */
  forbidden: Record<GlossaryLocale, { pattern: RegExp; word: string }[]>;
};

/**
 * A word bounded by anything that is not a letter (JavaScript's \b ignores accented letters); a
 * dot before it means a name such as "ATLAS.ti", not a word.
 */
function word(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}.])(?:${text})(?!\\p{L})`, "iu");
}

/** Only at the start of a sentence, a quotation or a list item, where it is an imperative. */
function imperative(text: string): RegExp {
  return new RegExp(`(?:^|[.:;!?¿¡«\\n]\\s*)(?:${text})(?!\\p{L})`, "iu");
}

const forbid = (pattern: RegExp, shown: string) => ({ pattern, word: shown });

export const glossary: GlossaryConcept[] = [
  {
    id: "screening",
    meaning: {
      es: "El primer paso tras enviar una historia: se confirma que está completa y en el dominio correcto.",
      en: "The first step after a story is submitted: someone confirms it is complete and in the right domain.",
    },
    term: { es: "admisión (admitir, Admitida)", en: "screening (screen, Screened)" },
    forbidden: {
      es: [forbid(word("revisad[ao]s?"), "revisada"), forbid(word("clasificad[ao]s?"), "clasificada")],
      en: [forbid(word("classified"), "classified")],
    },
  },
  {
    id: "version",
    meaning: {
      es: "Cada guardado de una historia o de un texto del informe: se conserva y se puede comparar.",
      en: "Each save of a story or of a text of the brief: kept, and comparable with any other.",
    },
    term: { es: "versión", en: "version" },
    forbidden: {
      // "Revisión" alone belongs to the funder's review.
      es: [forbid(word("revisi[oó]n(?! del financiador)|revisiones"), "revisión (sin «del financiador»)")],
      en: [forbid(word("revisions?"), "revision")],
    },
  },
  {
    id: "funderReview",
    meaning: {
      es: "El paso en que una persona revisora del financiador aprueba o devuelve una historia validada.",
      en: "The step where a reviewer from the funder approves or returns a validated story.",
    },
    term: { es: "revisión del financiador (persona revisora)", en: "funder’s review (reviewer)" },
    forbidden: { es: [], en: [] },
  },
  {
    id: "returnedForChanges",
    meaning: {
      es: "Una historia que vuelve al equipo: por una disputa en la validación o por la persona revisora.",
      en: "A story sent back to the team: by a dispute during validation or by the reviewer.",
    },
    term: { es: "devuelta para corregir", en: "returned for changes" },
    forbidden: {
      es: [forbid(word("(?:devuelta|devolver|devolverla|reabierta) para revisi[oó]n"), "devuelta para revisión")],
      en: [forbid(word("(?:returned|return|reopened|return it) for revision"), "returned for revision")],
    },
  },
  {
    id: "respondent",
    meaning: {
      es: "Una persona que contó su experiencia en una entrevista o un grupo focal; se la nombra por su código.",
      en: "A person who told their experience in an interview or focus group; named by their code.",
    },
    term: { es: "persona entrevistada", en: "respondent" },
    forbidden: {
      es: [forbid(word("respondentes?"), "respondente")],
      en: [forbid(word("interviewees?"), "interviewee")],
    },
  },
  {
    id: "excerpt",
    meaning: {
      es: "Un pasaje marcado en una transcripción, que puede sostener una historia.",
      en: "A passage marked in a transcript, which a story may rest on.",
    },
    term: { es: "fragmento", en: "excerpt" },
    forbidden: {
      es: [forbid(word("extractos?"), "extracto")],
      en: [forbid(word("extracts?"), "extract")],
    },
  },
  {
    id: "lead",
    meaning: {
      es: "La persona que dirige la evaluación: abre rondas, registra decisiones, envía historias al financiador.",
      en: "The person who runs the evaluation: opens rounds, records decisions, sends stories to the funder.",
    },
    term: { es: "persona líder", en: "lead" },
    forbidden: {
      es: [forbid(word("coordinaci[oó]n|coordinador(?:a|es|as)?"), "coordinación")],
      en: [forbid(word("coordinators?"), "coordinator")],
    },
  },
  {
    id: "address",
    meaning: {
      es: "Cómo se habla a quien usa la aplicación: de usted, en cada pantalla, correo y recordatorio.",
      en: "How the app addresses its user (Spanish: usted, never tú).",
    },
    term: { es: "usted", en: "you" },
    forbidden: {
      es: [
        forbid(word("tú|tu|tus|ti|te|contigo"), "tú, tu, te"),
        forbid(
          word(
            "puedes|tienes|quieres|debes|estás|eres|votas|votaste|escribiste|editaste|recopilaste|condujiste|" +
              "seleccionarías|marques|elegiste|enviaste|mantén|cópialo|inténtalo|suéltala|divídelo|revisarlo|revísalas|" +
              "revísalo|cámbiale|haz|pon",
          ),
          "puedes, votaste, mantén…",
        ),
        // Any other preterite in -aste/-iste ("revisaste"), leaving nouns and third persons alone.
        forbid(
          new RegExp(
            "(?<![\\p{L}.])(?!(?:contr|desg|tr|g|b|p)aste(?!\\p{L})|(?:ex|ins|cons|res|as|des|tr|ch|v|pers)iste(?!\\p{L}))" +
              "\\p{L}+(?:aste|iste)(?!\\p{L})",
            "iu",
          ),
          "revisaste, emitiste…",
        ),
        forbid(
          imperative(
            "Elige|Revisa|Corrige|Empieza|Selecciona|Marca|Ordena|Escribe|Usa|Da|Trae|Vuelve|Explica|Registra|" +
              "Guarda|Sube|Abre|Descarga|Intenta|Pulsa|Lee|Emite|Copia",
          ),
          "imperativo de tú (Elige, Revisa…)",
        ),
      ],
      en: [],
    },
  },
];

/** Stage names, shown as badges (components/stories/stage-badge.tsx) and in every list. */
export const stageNames: Record<StoryStage, Record<GlossaryLocale, string>> = {
  DRAFT: { es: "Borrador", en: "Draft" },
  SUBMITTED: { es: "Enviada", en: "Submitted" },
  SCREENED: { es: "Admitida", en: "Screened" },
  IN_SELECTION: { es: "En selección", en: "In selection" },
  SELECTED: { es: "Seleccionada", en: "Selected" },
  NOT_SELECTED: { es: "No seleccionada", en: "Not selected" },
  IN_TRIANGULATION: { es: "En triangulación", en: "In triangulation" },
  TRIANGULATED: { es: "Triangulada", en: "Triangulated" },
  IN_VALIDATION: { es: "En validación", en: "In validation" },
  VALIDATED: { es: "Validada", en: "Validated" },
  IN_REVIEW: { es: "En revisión del financiador", en: "In the funder’s review" },
  APPROVED: { es: "Aprobada", en: "Approved" },
  RETURNED: { es: "Devuelta para corregir", en: "Returned for changes" },
  NOT_VALIDATED: { es: "Descartada tras la validación", en: "Dropped after validation" },
};

export type GlossaryViolation = { key: string; word: string; concept: string; message: string };

/** Every message (flattened key → text) that uses a word the glossary forbids. */
export function glossaryViolations(locale: GlossaryLocale, messages: Map<string, string>): GlossaryViolation[] {
  const violations: GlossaryViolation[] = [];
  for (const [key, text] of messages) {
    // A placeholder's name ("{revision}") is code, not a word the reader sees.
    const message = text.replace(/\{\s*[A-Za-z_]\w*\s*\}/g, "{}");
    for (const concept of glossary) {
      for (const { pattern, word: shown } of concept.forbidden[locale]) {
        if (pattern.test(message)) violations.push({ key, word: shown, concept: concept.id, message: text });
      }
    }
  }
  return violations;
}

/** docs/glossary.md, written from the data above so the two cannot disagree. */
export function glossaryMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const lines = [
    "# Glossary / Glosario",
    "",
    "<!-- Generated from lib/i18n/glossary.ts by `npx tsx scripts/write-glossary.ts`; edit that file. -->",
    "",
    "One word per concept in each language; every interface message uses it, and",
    "tests/unit/i18n-glossary.test.ts fails when a message uses a forbidden word. Spanish addresses the",
    "user as *usted* throughout.",
    "",
    "| Concept | Español | English | Not in Spanish | Not in English |",
    "| --- | --- | --- | --- | --- |",
    ...glossary.map(
      (concept) =>
        `| ${concept.id}: ${cell(concept.meaning.en)} | ${cell(concept.term.es)} | ${cell(concept.term.en)} | ` +
        `${cell(concept.forbidden.es.map((f) => f.word).join("; ") || "—")} | ` +
        `${cell(concept.forbidden.en.map((f) => f.word).join("; ") || "—")} |`,
    ),
    "",
    "## Stage names / Nombres de las etapas",
    "",
    "Shown as a badge with its colour and its name (never colour alone).",
    "",
    "| Stage | Español | English |",
    "| --- | --- | --- |",
    ...Object.entries(stageNames).map(([stage, names]) => `| ${stage} | ${names.es} | ${names.en} |`),
    "",
  ];
  return lines.join("\n");
}
