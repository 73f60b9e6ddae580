/** The facts on a fieldwork record's page; those every record has are shown alike for both kinds. */
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { languageLabel } from "./choices";
import styles from "./fieldwork.module.css";

/** One row of a record's facts (a definition list item). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

async function labels() {
  const t = await getTranslations("fieldwork");
  return { t, tr: t as unknown as (key: string) => string, none: t("detail.none") };
}

/** Where it took place and the language spoken. */
export async function PlaceFacts({ record }: { record: { place: string | null; language: string } }) {
  const { t, tr, none } = await labels();
  return (
    <>
      <Fact label={t("fields.place")}>{record.place ?? none}</Fact>
      <Fact label={t("fields.language")}>{languageLabel(tr, record.language)}</Fact>
    </>
  );
}

/** Respondents by pseudonymous code only, never their identity. */
export function RespondentCodes({ respondents }: { respondents: Array<{ id: string; code: string }> }) {
  return (
    <ul className={styles.peopleList}>
      {respondents.map((respondent) => (
        <li key={respondent.id} className="code">
          {respondent.code}
        </li>
      ))}
    </ul>
  );
}

export async function ProjectsFact({ projects }: { projects: Array<{ id: string; acronym: string; name: string }> }) {
  const { t, none } = await labels();
  return (
    <Fact label={t("fields.projects")}>
      {projects.length > 0 ? (
        <ul className={styles.peopleList}>
          {projects.map((project) => (
            <li key={project.id}>
              <abbr title={project.name}>{project.acronym}</abbr> — {project.name}
            </li>
          ))}
        </ul>
      ) : (
        none
      )}
    </Fact>
  );
}

export type TranscriptRecord = {
  transcriptLanguage: string | null;
  translationLanguage: string | null;
  translatedBy: string | null;
  version: number;
  updatedAt: Date;
};

/** The transcript's languages, who translated it, and when the record was last saved. */
export async function TranscriptFacts({ record }: { record: TranscriptRecord }) {
  const [{ t, tr, none }, format] = await Promise.all([labels(), getFormatter()]);
  return (
    <>
      <Fact label={t("fields.transcriptLanguage")}>
        {record.transcriptLanguage ? languageLabel(tr, record.transcriptLanguage) : none}
      </Fact>
      <Fact label={t("fields.translationLanguage")}>
        {record.translationLanguage ? languageLabel(tr, record.translationLanguage) : none}
      </Fact>
      <Fact label={t("fields.translatedBy")}>{record.translatedBy ?? none}</Fact>
      <Fact label={t("detail.lastSaved")}>
        {t("detail.versionLine", {
          version: record.version,
          date: format.dateTime(record.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
        })}
      </Fact>
    </>
  );
}
