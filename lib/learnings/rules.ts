/**
 * What a learning must hold to be saved, checked inside the saving transaction: the texts each
 * language needs, the translator, the shape of its kind, and what it links to. Every failure is
 * a Refusal naming the field, so the form shows it there and nothing is written.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { refusals } from "@/lib/core/refusal";
import type { LearningRefusal } from "./mutations";
import { LEARNING_LOCALES, SINGLE_KINDS, type LearningFields, type LearningKind } from "./schema";

const { refuse } = refusals<LearningRefusal>();

type Tx = Prisma.TransactionClient;

export type StoredText = {
  locale: Locale;
  title: string | null;
  body: string;
  sustainability: string | null;
  translatedById: string | null;
};
export type LearningShape = {
  audience: LearningFields["audience"];
  atRiskGroupId: LearningFields["atRiskGroupId"];
  storyIds: string[];
  domainIds: string[];
};

export async function evaluationLanguages(tx: Tx, evaluationId: string): Promise<Locale[]> {
  const evaluation = await tx.evaluation.findUnique({ where: { id: evaluationId }, select: { languages: true } });
  if (!evaluation) throw new AppError("NOT_FOUND");
  return evaluation.languages;
}

/**
 * The texts to store, one per language written. The evaluation's first language is the
 * original and must be written; the others are translations, kept with who translated them
 * (the person saving, unless they name another member).
 */
export function textsToStore(
  kind: LearningKind,
  fields: LearningFields,
  languages: readonly Locale[],
  actorId: string,
): StoredText[] {
  const texts: StoredText[] = [];
  for (const locale of LEARNING_LOCALES) {
    const text = fields.texts[locale];
    const written = Boolean(text && (text.title || text.body || text.sustainability));
    const path = `texts.${locale}`;
    if (!languages.includes(locale)) {
      if (written) throw refuse("LANGUAGE_NOT_USED", `${path}.body`);
      continue;
    }
    const original = locale === languages[0];
    if (!text || !written) {
      if (original)
        throw refuse(
          kind === "KEY_LEARNING" ? "TITLE_REQUIRED" : "TEXT_REQUIRED",
          `${path}.${kind === "KEY_LEARNING" ? "title" : "body"}`,
        );
      continue;
    }
    const keyLearning = kind === "KEY_LEARNING";
    if (keyLearning && !text.title) throw refuse("TITLE_REQUIRED", `${path}.title`);
    if (!text.body) throw refuse("TEXT_REQUIRED", `${path}.body`);
    texts.push({
      locale,
      title: keyLearning ? text.title : null,
      body: text.body,
      sustainability: keyLearning ? text.sustainability : null,
      translatedById: original ? null : (text.translatedById ?? actorId),
    });
  }
  return texts;
}

/** A translator other than the person saving must be a member of the evaluation. */
export async function checkTranslators(tx: Tx, evaluationId: string, texts: StoredText[], actorId: string) {
  for (const text of texts) {
    if (!text.translatedById || text.translatedById === actorId) continue;
    const member = await tx.evaluationMember.findUnique({
      where: { evaluationId_userId: { evaluationId, userId: text.translatedById } },
      select: { id: true },
    });
    if (!member) throw refuse("TRANSLATOR_NOT_MEMBER", `texts.${text.locale}.translatedById`);
  }
}

/** What the kind takes beyond its texts: an audience, a group, or the stories and domains it draws on. */
export function shapeOf(kind: LearningKind, fields: LearningFields): LearningShape {
  if (kind === "RECOMMENDATION" && !fields.audience) throw refuse("AUDIENCE_REQUIRED", "audience");
  if (kind === "AT_RISK_IMPACT" && !fields.atRiskGroupId) throw refuse("GROUP_REQUIRED", "atRiskGroupId");
  const keyLearning = kind === "KEY_LEARNING";
  return {
    audience: kind === "RECOMMENDATION" ? fields.audience : null,
    atRiskGroupId: kind === "AT_RISK_IMPACT" ? fields.atRiskGroupId : null,
    storyIds: keyLearning ? fields.storyIds : [],
    domainIds: keyLearning ? fields.domainIds : [],
  };
}

/**
 * Links must name this evaluation's stories, domains and at-risk group; a retired domain may
 * stay linked but not be newly linked.
 */
export async function checkLinks(
  tx: Tx,
  evaluationId: string,
  shape: LearningShape,
  linkedDomainIds: readonly string[] = [],
) {
  if (shape.atRiskGroupId && (await tx.atRiskGroup.count({ where: { evaluationId, id: shape.atRiskGroupId } })) === 0) {
    throw refuse("GROUP_NOT_FOUND", "atRiskGroupId");
  }
  if (shape.storyIds.length > 0) {
    const found = await tx.changeStory.count({ where: { evaluationId, id: { in: shape.storyIds } } });
    if (found !== shape.storyIds.length) throw refuse("STORY_NOT_FOUND", "storyIds");
  }
  if (shape.domainIds.length > 0) {
    const domains = await tx.domain.findMany({
      where: { evaluationId, id: { in: shape.domainIds } },
      select: { id: true, retiredAt: true },
    });
    if (domains.length !== shape.domainIds.length) throw refuse("DOMAIN_NOT_FOUND", "domainIds");
    if (domains.some((domain) => domain.retiredAt && !linkedDomainIds.includes(domain.id)))
      throw refuse("DOMAIN_RETIRED", "domainIds");
  }
}

/** One introduction and one overview per evaluation; one impact text per at-risk group. */
export async function checkUnique(
  tx: Tx,
  evaluationId: string,
  kind: LearningKind,
  shape: LearningShape,
  exceptId?: string,
) {
  const except = exceptId ? { not: exceptId } : undefined;
  if (SINGLE_KINDS.has(kind) && (await tx.learning.count({ where: { evaluationId, kind, id: except } })) > 0)
    throw refuse("ALREADY_WRITTEN");
  if (
    kind === "AT_RISK_IMPACT" &&
    (await tx.learning.count({ where: { evaluationId, kind, atRiskGroupId: shape.atRiskGroupId, id: except } })) > 0
  ) {
    throw refuse("GROUP_TAKEN", "atRiskGroupId");
  }
}

/** The whole saved state, as kept in a revision and compared to tell whether an edit changed anything. */
export function snapshotOf(shape: LearningShape, texts: StoredText[]) {
  const byLocale = Object.fromEntries(texts.map(({ locale, ...text }) => [locale, text]));
  return {
    audience: shape.audience,
    atRiskGroupId: shape.atRiskGroupId,
    storyIds: [...shape.storyIds].sort(),
    domainIds: [...shape.domainIds].sort(),
    texts: byLocale,
  };
}
