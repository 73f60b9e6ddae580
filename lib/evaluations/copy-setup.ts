/**
 * Starting from another evaluation: its domains, projects, places, sectors, priorities and at-risk
 * groups are copied into this one, never its data (no respondents, fieldwork, stories, rounds or texts). What
 * this evaluation already has (the same name or acronym, accents and case aside; the same place)
 * is left as it is, so copying twice adds nothing. One transaction, with one audit event naming
 * the source and what was copied. Whether the person may read the source is the action's check.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { nameKey } from "@/lib/name-key";
import { refusals, type Refused } from "@/lib/core/refusal";

/** Why a set-up is not copied: an evaluation cannot be its own source. */
export const COPY_SETUP_REFUSALS = ["SAME_EVALUATION"] as const;
export type CopySetupRefusal = (typeof COPY_SETUP_REFUSALS)[number];
const { refuse, asResults } = refusals<CopySetupRefusal>();

export type CopiedSetup = {
  domains: number;
  projects: number;
  places: number;
  sectors: number;
  priorities: number;
  atRiskGroups: number;
};

export async function copySetup(input: {
  actorId: string;
  evaluationId: string;
  sourceEvaluationId: string;
  ipAddress?: string | null;
}): Promise<({ ok: true } & CopiedSetup) | Refused<CopySetupRefusal>> {
  const { evaluationId, sourceEvaluationId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      if (sourceEvaluationId === evaluationId) throw refuse("SAME_EVALUATION", "sourceEvaluationId");
      const [target, source] = await Promise.all([
        tx.evaluation.findUnique({ where: { id: evaluationId }, select: { id: true } }),
        tx.evaluation.findUnique({ where: { id: sourceEvaluationId }, select: { name: true } }),
      ]);
      if (!target || !source) throw new AppError("NOT_FOUND");
      // The same locks as adding one domain or one place: nothing interleaves with the copy.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`domains:${evaluationId}`}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`places:${evaluationId}`}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`list:AT_RISK_GROUP:${evaluationId}`}, 0))`;

      const from = { evaluationId: sourceEvaluationId };
      const here = { evaluationId };
      const [
        domains,
        ownDomains,
        projects,
        ownProjects,
        places,
        ownPlaces,
        sectors,
        ownSectors,
        priorities,
        ownPriorities,
        groups,
        ownGroups,
      ] = await Promise.all([
        tx.domain.findMany({ where: { ...from, retiredAt: null }, orderBy: { position: "asc" } }),
        tx.domain.findMany({
          where: here,
          select: { nameKeyEs: true, nameKeyEn: true, isOther: true, position: true },
        }),
        tx.project.findMany({ where: { ...from, retiredAt: null }, orderBy: { acronym: "asc" } }),
        tx.project.findMany({ where: here, select: { acronymKey: true, nameKey: true } }),
        tx.place.findMany({ where: from, orderBy: { key: "asc" } }),
        tx.place.findMany({ where: here, select: { key: true } }),
        tx.sector.findMany({ where: from, orderBy: { nameEn: "asc" } }),
        tx.sector.findMany({ where: here, select: { nameEn: true, nameEs: true } }),
        tx.priorityTag.findMany({ where: from, orderBy: { position: "asc" } }),
        tx.priorityTag.findMany({ where: here, select: { nameEn: true, position: true } }),
        tx.atRiskGroup.findMany({ where: from, orderBy: { position: "asc" } }),
        tx.atRiskGroup.findMany({ where: here, select: { nameEn: true, nameEs: true, code: true, position: true } }),
      ]);

      const takenDomain = new Set(ownDomains.flatMap((row) => [`es:${row.nameKeyEs}`, `en:${row.nameKeyEn}`]));
      const hasOther = ownDomains.some((row) => row.isOther);
      let position = Math.max(0, ...ownDomains.map((row) => row.position));
      const newDomains = domains
        .filter((row) => !takenDomain.has(`es:${row.nameKeyEs}`) && !takenDomain.has(`en:${row.nameKeyEn}`))
        .map((row) => ({
          evaluationId,
          position: ++position,
          nameEs: row.nameEs,
          nameEn: row.nameEn,
          nameKeyEs: row.nameKeyEs,
          nameKeyEn: row.nameKeyEn,
          definitionEs: row.definitionEs,
          definitionEn: row.definitionEn,
          isOther: row.isOther && !hasOther,
        }));

      const takenProject = new Set(ownProjects.flatMap((row) => [`a:${row.acronymKey}`, `n:${row.nameKey}`]));
      const newProjects = projects
        .filter((row) => !takenProject.has(`a:${row.acronymKey}`) && !takenProject.has(`n:${row.nameKey}`))
        .map(
          ({ acronym, name, managingOffice, fundingStreams, startDate, endDate, notes, acronymKey, nameKey: key }) => ({
            evaluationId,
            acronym,
            name,
            managingOffice,
            fundingStreams,
            startDate,
            endDate,
            notes,
            acronymKey,
            nameKey: key,
          }),
        );

      const takenPlace = new Set(ownPlaces.map((row) => row.key));
      const newPlaces = places
        .filter((row) => !takenPlace.has(row.key))
        .map(({ countryCode, state, regionCode, municipality, community, key }) => ({
          evaluationId,
          countryCode,
          state,
          regionCode,
          municipality,
          community,
          key,
        }));
      // The other countries come before their places (a place names its country by code).
      const [countries, ownCountries] = await Promise.all([
        tx.placeCountry.findMany({ where: from, orderBy: { code: "asc" } }),
        tx.placeCountry.findMany({ where: here, select: { code: true } }),
      ]);
      const takenCountry = new Set(ownCountries.map((row) => row.code));
      const newCountries = countries
        .filter((row) => !takenCountry.has(row.code))
        .map(({ code, nameEs, nameEn }) => ({ evaluationId, code, nameEs, nameEn }));

      const takenSector = new Set(ownSectors.flatMap((row) => [nameKey(row.nameEn), nameKey(row.nameEs)]));
      const newSectors = sectors
        .filter((row) => !takenSector.has(nameKey(row.nameEn)) && !takenSector.has(nameKey(row.nameEs)))
        .map(({ nameEn, nameEs }) => ({ evaluationId, nameEn, nameEs }));

      const takenPriority = new Set(ownPriorities.map((row) => nameKey(row.nameEn)));
      let priorityPosition = Math.max(0, ...ownPriorities.map((row) => row.position));
      const newPriorities = priorities
        .filter((row) => !takenPriority.has(nameKey(row.nameEn)))
        .map(({ nameEn, nameEs }) => ({ evaluationId, nameEn, nameEs, position: ++priorityPosition }));

      // A group is already here under either name or its choice code; the code comes along, so
      // imports of the same collection form match the copies.
      const takenGroup = new Set(
        ownGroups.flatMap((row) => [
          `n:${nameKey(row.nameEn)}`,
          `n:${nameKey(row.nameEs)}`,
          ...(row.code ? [`c:${row.code}`] : []),
        ]),
      );
      let groupPosition = Math.max(0, ...ownGroups.map((row) => row.position));
      const newGroups = groups
        .filter(
          (row) =>
            !takenGroup.has(`n:${nameKey(row.nameEn)}`) &&
            !takenGroup.has(`n:${nameKey(row.nameEs)}`) &&
            !(row.code && takenGroup.has(`c:${row.code}`)),
        )
        .map(({ nameEn, nameEs, code }) => ({ evaluationId, nameEn, nameEs, code, position: ++groupPosition }));

      await tx.domain.createMany({ data: newDomains });
      await tx.project.createMany({ data: newProjects });
      await tx.placeCountry.createMany({ data: newCountries });
      await tx.place.createMany({ data: newPlaces });
      await tx.sector.createMany({ data: newSectors });
      await tx.priorityTag.createMany({ data: newPriorities });
      await tx.atRiskGroup.createMany({ data: newGroups });

      const copied = {
        domains: newDomains.length,
        projects: newProjects.length,
        places: newPlaces.length,
        countries: newCountries.length,
        sectors: newSectors.length,
        priorities: newPriorities.length,
        atRiskGroups: newGroups.length,
      };
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        action: "evaluation.setup.copy",
        recordType: "Evaluation",
        recordId: evaluationId,
        after: {
          sourceEvaluationId,
          sourceName: source.name,
          ...copied,
          domainNames: newDomains.map((row) => row.nameEs),
          projectAcronyms: newProjects.map((row) => row.acronym),
        },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, ...copied };
    }),
  );
}
