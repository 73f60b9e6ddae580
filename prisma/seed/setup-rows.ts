/** The demo evaluation and its setup as rows, built with the test factories (nothing is written here). */
import {
  buildDomain,
  buildEvaluation,
  buildPlace,
  buildPriorityTag,
  buildProject,
  buildSector,
  buildStandardAtRiskGroups,
} from "@/tests/factories/evaluations";
import { fixture, monthEnd, monthStart } from "./fixture";
import { DOMAIN_DEFINITIONS, MUNICIPALITIES, PRIORITY_NAMES_ES, SECTOR_NAMES } from "./setup-data";

export const DEMO_EVALUATION_NAME = fixture.evaluation.name;

/** Throws when a key the demo data refers to is missing, naming what was looked for. */
export function lookup<K extends string | number, T>(map: ReadonlyMap<K, T>, key: K, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
  return value;
}

export function placeLabel(state: string, municipality?: string | null): string {
  return municipality ? `${state}|${municipality}` : state;
}

/** `name` differs from the demo's own only in copies written by browser tests. */
export function buildSetupRows(name: string = fixture.evaluation.name) {
  const languages = fixture.evaluation.languages.map((code) => {
    if (code !== "es" && code !== "en") throw new Error(`Demo data: unsupported language "${code}"`);
    return code === "es" ? ("ES" as const) : ("EN" as const);
  });
  const evaluation = buildEvaluation({
    name,
    client: fixture.evaluation.client,
    evaluatorOrganisation: fixture.evaluation.evaluator,
    periodStart: monthStart(fixture.evaluation.period.from),
    periodEnd: monthEnd(fixture.evaluation.period.to),
    languages,
    description:
      "Demostración con datos públicos de la evaluación 2024-2025 de la asistencia técnica de ILAB en México bajo el T-MEC. " +
      "Las personas entrevistadas, las entrevistas, los grupos focales y las historias son ficticios. / " +
      "Demo built on public facts of the 2024-2025 evaluation of ILAB's technical assistance in Mexico under the USMCA. " +
      "Respondents, interviews, focus groups and stories are fictional.",
  });
  const evaluationId = evaluation.id;

  const domains = fixture.domains.map((domain) => {
    const definition = DOMAIN_DEFINITIONS[domain.order];
    if (!definition) throw new Error(`Demo data: no definition for domain ${domain.order}`);
    return buildDomain({
      evaluationId,
      position: domain.order,
      nameEn: domain.name_en,
      nameEs: domain.name_es,
      definitionEn: definition.en,
      definitionEs: definition.es,
    });
  });

  const projects = fixture.projects.map((project) =>
    buildProject({
      evaluationId,
      acronym: project.acronym,
      name: project.name,
      managingOffice: project.office,
      fundingStreams: project.funding,
    }),
  );

  const priorityTags = fixture.usmca_priorities.map((nameEn, index) => {
    const nameEs = PRIORITY_NAMES_ES[nameEn];
    if (!nameEs) throw new Error(`Demo data: no Spanish name for priority "${nameEn}"`);
    return buildPriorityTag({ evaluationId, position: index + 1, nameEn, nameEs });
  });

  const sectorKeys = [...new Set(fixture.sample_outcomes.flatMap((outcome) => outcome.sectors))];
  const sectors = sectorKeys.map((key) => {
    const names = SECTOR_NAMES[key];
    if (!names) throw new Error(`Demo data: no names for sector "${key}"`);
    return { key, row: buildSector({ evaluationId, nameEn: names.en, nameEs: names.es }) };
  });

  // The five groups the USMCA labour evaluations report on, with their Kobo choice names.
  const atRiskGroups = buildStandardAtRiskGroups(evaluationId);

  const states = [...new Set(fixture.sample_outcomes.flatMap((outcome) => outcome.states))];
  const places = [
    ...states.map((state) => ({ label: placeLabel(state), row: buildPlace({ evaluationId, state }) })),
    ...MUNICIPALITIES.map(({ state, municipality }) => ({
      label: placeLabel(state, municipality),
      row: buildPlace({ evaluationId, state, municipality }),
    })),
  ];

  return {
    evaluation,
    domains,
    projects,
    priorityTags,
    sectors: sectors.map(({ row }) => row),
    atRiskGroups,
    places: places.map(({ row }) => row),
    refs: {
      domainByPosition: new Map(domains.map((row) => [row.position, row])),
      projectByAcronym: new Map(projects.map((row) => [row.acronym, row])),
      priorityByPosition: new Map(priorityTags.map((row) => [row.position, row])),
      sectorByKey: new Map(sectors.map(({ key, row }) => [key, row])),
      atRiskGroupByCode: new Map<string, (typeof atRiskGroups)[number]>(atRiskGroups.map((row) => [row.code, row])),
      placeByLabel: new Map(places.map(({ label, row }) => [label, row])),
    },
  };
}

export type SetupRows = ReturnType<typeof buildSetupRows>;
