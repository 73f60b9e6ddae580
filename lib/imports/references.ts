/**
 * Records a file names by their natural keys — places by name or code (place-matching.ts), sectors by name
 * in either language, at-risk groups by choice code or name in either language, projects by
 * acronym or name, team members by e-mail, respondents by code — resolved to ids of THIS
 * evaluation only. The evaluation's small lists are loaded once per run;
 * respondents, who can be many, are loaded per chunk of rows for the codes that chunk names.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { hearingConsentsSelect, hearingEligibility, type HearingEligibility } from "@/lib/fieldwork/policy";
import { normalizeName } from "./mapping";
import { indexPlaces, type PlaceRef, type RegionRef } from "./place-matching";
import { ProjectKeys } from "./project-rows";

type Client = Prisma.TransactionClient | import("@/lib/generated/prisma/client").PrismaClient;

export type { PlaceRef, RegionRef };
export type RespondentRef = { id: string; code: string; hearing: HearingEligibility };
export type AtRiskGroupRef = { id: string; position: number };
export type DomainRef = { id: string; retired: boolean };
export type SourceRef = { kind: "INTERVIEW" | "FOCUS_GROUP" | "EXCERPT"; id: string };

export type References = {
  /** A state or region wins over a municipality of the same name (lib/imports/place-matching.ts). */
  places(name: string): PlaceRef[];
  /** The first-level regions a respondent's state cell may mean (Mexican states, regions abroad). */
  regions(name: string): RegionRef[];
  sector(name: string): string | null;
  /** "women_workers", "WOMEN_WORKERS", "Mujeres trabajadoras" and "mujeres_trabajadoras" name the same group. */
  atRiskGroup(name: string): AtRiskGroupRef | null;
  /** A USMCA priority by its name in either language or its number in the list. */
  priorityTag(name: string): string | null;
  project(name: string): string | null;
  /** The acronyms and names a project list may not repeat (one per run: it remembers the file's rows). */
  projectKeys: ProjectKeys;
  member(email: string): string | null;
  respondent(code: string): RespondentRef | null;
  /** A domain of change by its number in the list or its name in either language. */
  domain(value: string): DomainRef | null;
  /** An interview by the submission key it was imported with, or an interview, focus group or excerpt by its id. */
  source(token: string): SourceRef | null;
  /** Loads the sources these tokens name (call once per chunk before `source`). */
  loadSources(tokens: Iterable<string>): Promise<void>;
  /** Loads the respondents these codes name (call once per chunk before `respondent`). */
  loadRespondents(codes: Iterable<string>): Promise<void>;
};

/** "r-42", "R-0042" and "R0042" are the same code. */
export function respondentCodeKey(value: string): string {
  const match = /^r-?0*(\d{1,9})$/i.exec(value.trim());
  return match ? `R-${match[1]!.padStart(4, "0")}` : value.trim();
}

export async function loadReferences(client: Client, evaluationId: string): Promise<References> {
  const [places, sectors, groups, projects, members, domains, priorities] = await Promise.all([
    client.place.findMany({
      where: { evaluationId },
      select: {
        id: true,
        countryCode: true,
        state: true,
        regionCode: true,
        municipality: true,
        community: true,
        key: true,
      },
    }),
    client.sector.findMany({ where: { evaluationId }, select: { id: true, nameEn: true, nameEs: true } }),
    client.atRiskGroup.findMany({
      where: { evaluationId },
      select: { id: true, position: true, code: true, nameEn: true, nameEs: true },
    }),
    client.project.findMany({
      where: { evaluationId },
      select: { id: true, acronym: true, name: true, acronymKey: true, nameKey: true },
    }),
    client.evaluationMember.findMany({
      where: { evaluationId },
      select: { userId: true, user: { select: { email: true } } },
    }),
    client.domain.findMany({
      where: { evaluationId },
      select: { id: true, position: true, nameEn: true, nameEs: true, retiredAt: true },
    }),
    client.priorityTag.findMany({
      where: { evaluationId },
      select: { id: true, position: true, nameEn: true, nameEs: true },
    }),
  ]);
  const priorityIndex = new Map<string, string>();
  for (const tag of priorities) {
    priorityIndex.set(normalizeName(tag.nameEn), tag.id);
    priorityIndex.set(normalizeName(tag.nameEs), tag.id);
  }
  for (const tag of priorities) priorityIndex.set(String(tag.position), tag.id);
  const domainIndex = new Map<string, DomainRef>();
  for (const domain of domains) {
    const ref = { id: domain.id, retired: domain.retiredAt !== null };
    domainIndex.set(normalizeName(domain.nameEn), ref);
    domainIndex.set(normalizeName(domain.nameEs), ref);
  }
  // A number wins over a name ("1" is the first domain of the list).
  for (const domain of domains)
    domainIndex.set(String(domain.position), { id: domain.id, retired: domain.retiredAt !== null });
  const sources = new Map<string, SourceRef>();
  const placeIndex = indexPlaces(places);
  const sectorIndex = new Map<string, string>();
  for (const sector of sectors) {
    sectorIndex.set(normalizeName(sector.nameEn), sector.id);
    sectorIndex.set(normalizeName(sector.nameEs), sector.id);
  }
  const groupIndex = new Map<string, AtRiskGroupRef>();
  for (const group of groups) {
    const ref = { id: group.id, position: group.position };
    groupIndex.set(normalizeName(group.nameEn), ref);
    groupIndex.set(normalizeName(group.nameEs), ref);
  }
  // A choice code wins over a name, as an acronym does for projects.
  for (const group of groups)
    if (group.code) groupIndex.set(normalizeName(group.code), { id: group.id, position: group.position });
  const projectIndex = new Map<string, string>();
  for (const project of projects) {
    projectIndex.set(normalizeName(project.name), project.id);
    projectIndex.set(normalizeName(project.acronym), project.id); // an acronym wins over a name
  }
  const memberIndex = new Map(members.map((member) => [member.user.email.toLowerCase(), member.userId]));
  const respondents = new Map<string, RespondentRef>();

  return {
    places: (name) => placeIndex.places(name),
    regions: (name) => placeIndex.regions(name),
    sector: (name) => sectorIndex.get(normalizeName(name)) ?? null,
    atRiskGroup: (name) => groupIndex.get(normalizeName(name)) ?? null,
    project: (name) => projectIndex.get(normalizeName(name)) ?? null,
    priorityTag: (name) =>
      priorityIndex.get(/^\s*\d+\s*$/.test(name) ? String(Number(name)) : normalizeName(name)) ?? null,
    projectKeys: new ProjectKeys({
      acronym: new Set(projects.map((project) => project.acronymKey)),
      name: new Set(projects.map((project) => project.nameKey)),
    }),
    member: (email) => memberIndex.get(email.trim().toLowerCase()) ?? null,
    respondent: (code) => respondents.get(respondentCodeKey(code)) ?? null,
    domain: (value) =>
      domainIndex.get(/^\s*\d+\s*$/.test(value) ? String(Number(value)) : normalizeName(value)) ?? null,
    source: (token) => sources.get(token.trim()) ?? null,
    async loadSources(tokens) {
      const wanted = [...new Set([...tokens].map((token) => token.trim()))].filter(
        (token) => token && token.length <= 200 && !sources.has(token),
      );
      if (wanted.length === 0) return;
      const where = { evaluationId, id: { in: wanted } };
      // One after another: inside the commit's transaction they share one connection.
      const imported = await client.importedRow.findMany({
        where: { evaluationId, recordType: "Interview", externalKey: { in: wanted } },
        select: { externalKey: true, recordId: true },
      });
      const interviews = await client.interview.findMany({ where, select: { id: true } });
      const focusGroups = await client.focusGroup.findMany({ where, select: { id: true } });
      const excerpts = await client.transcriptExcerpt.findMany({ where, select: { id: true } });
      for (const row of excerpts) sources.set(row.id, { kind: "EXCERPT", id: row.id });
      for (const row of focusGroups) sources.set(row.id, { kind: "FOCUS_GROUP", id: row.id });
      for (const row of interviews) sources.set(row.id, { kind: "INTERVIEW", id: row.id });
      // The key a Kobo submission was imported with names its interview, whatever its id.
      for (const row of imported) sources.set(row.externalKey, { kind: "INTERVIEW", id: row.recordId });
    },
    async loadRespondents(codes) {
      const wanted = [...new Set([...codes].map(respondentCodeKey))].filter((code) => !respondents.has(code));
      if (wanted.length === 0) return;
      const rows = await client.respondent.findMany({
        where: { evaluationId, code: { in: wanted } },
        select: {
          id: true,
          code: true,
          excludedAt: true,
          consents: hearingConsentsSelect(evaluationId),
        },
      });
      for (const row of rows)
        respondents.set(row.code, { id: row.id, code: row.code, hearing: hearingEligibility(row) });
    },
  };
}
