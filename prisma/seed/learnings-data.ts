/**
 * What the demo team learned: illustrative texts in Spanish (the original) with English
 * translations by the lead, written by the analyst through the app's own mutation, so the demo's
 * learnings page and brief hold only what the app would accept.
 */
import type { StandardAtRiskGroupCode } from "@/tests/factories/evaluations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createLearningInTransaction } from "@/lib/learnings/mutations";
import type { LearningKind, LearningText } from "@/lib/learnings/schema";

type Text = { title?: string; body: string; sustainability?: string };
type DemoLearning = {
  kind: LearningKind;
  es: Text;
  en: Text;
  audience?: "IMPLEMENTING_PARTNERS" | "FUNDER" | "OTHER";
  atRiskGroup?: StandardAtRiskGroupCode;
  domainPositions?: number[];
};

const DEMO_LEARNINGS: DemoLearning[] = [
  {
    kind: "KEY_RESULTS_INTRODUCTION",
    es: {
      body: "Los resultados clave se presentan por dominio de cambio. Cada uno fue seleccionado por un panel, triangulado con otras fuentes y validado con personas informantes.",
    },
    en: {
      body: "The key results are presented by domain of change. Each was selected by a panel, triangulated with other sources and validated with respondents.",
    },
  },
  {
    kind: "PROGRAMME_OVERVIEW",
    es: {
      body: "La cartera de proyectos de asistencia técnica apoya la implementación de la reforma laboral en México: libertad sindical, negociación colectiva auténtica y justicia laboral.",
    },
    en: {
      body: "The portfolio of technical assistance projects supports the implementation of Mexico's labour reform: freedom of association, genuine collective bargaining and labour justice.",
    },
  },
  {
    kind: "KEY_LEARNING",
    domainPositions: [1],
    es: {
      title: "La organización local sostiene el cambio",
      body: "Donde las personas trabajadoras se organizaron con apoyo local, los cambios documentados se mantuvieron después del acompañamiento de los proyectos.",
      sustainability: "Sostenible mientras las organizaciones locales conserven recursos propios.",
    },
    en: {
      title: "Local organising sustains change",
      body: "Where workers organised with local support, the documented changes held after the projects' accompaniment ended.",
      sustainability: "Sustainable while local organisations keep resources of their own.",
    },
  },
  {
    kind: "AT_RISK_IMPACT",
    atRiskGroup: "women_workers",
    es: {
      body: "Las trabajadoras relataron cambios en el acceso a información sobre sus derechos, con menos cambios en la representación sindical.",
    },
    en: {
      body: "Women workers told of changes in access to information on their rights, with fewer changes in union representation.",
    },
  },
  {
    kind: "LESSON",
    es: { body: "Las historias de cambio son más ricas cuando se recogen en el idioma de quien las cuenta." },
    en: { body: "Change stories are richer when collected in the storyteller's own language." },
  },
  {
    kind: "LESSON",
    es: { body: "Los paneles deliberan mejor con criterios de selección escritos de antemano." },
    en: { body: "Panels deliberate better with selection criteria written beforehand." },
  },
  {
    kind: "RECOMMENDATION",
    audience: "IMPLEMENTING_PARTNERS",
    es: { body: "Documentar desde el inicio las cifras de referencia de cada cambio esperado." },
    en: { body: "Record baseline figures for each expected change from the start." },
  },
  {
    kind: "RECOMMENDATION",
    audience: "FUNDER",
    es: { body: "Financiar el seguimiento de los cambios después del cierre de los proyectos." },
    en: { body: "Fund the follow-up of changes after the projects close." },
  },
];

const text = (fields: Text, translatedById: string | null): LearningText => ({
  title: fields.title ?? null,
  body: fields.body,
  sustainability: fields.sustainability ?? null,
  translatedById,
});

export async function writeDemoLearnings(
  tx: Prisma.TransactionClient,
  input: {
    evaluationId: string;
    analystId: string;
    leadId: string;
    domainIdsByPosition: Map<number, string>;
    atRiskGroupIdsByCode: Map<string, string>;
  },
) {
  const { evaluationId, analystId, leadId } = input;
  for (const learning of DEMO_LEARNINGS) {
    await createLearningInTransaction(tx, {
      evaluationId,
      actorId: analystId,
      kind: learning.kind,
      texts: { ES: text(learning.es, null), EN: text(learning.en, leadId) },
      audience: learning.audience ?? null,
      atRiskGroupId: learning.atRiskGroup ? input.atRiskGroupIdsByCode.get(learning.atRiskGroup)! : null,
      storyIds: [],
      domainIds: (learning.domainPositions ?? []).map((position) => input.domainIdsByPosition.get(position)!),
    });
  }
}
