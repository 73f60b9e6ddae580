/** The setup page's lists, each item with whether records name it (then it cannot be removed). */
import "server-only";
import { db } from "@/lib/db";

export async function listSetupLists(evaluationId: string) {
  const [sectors, priorities, atRiskGroups] = await Promise.all([
    db().sector.findMany({
      where: { evaluationId },
      orderBy: { nameEs: "asc" },
      select: { id: true, nameEs: true, nameEn: true, _count: { select: { respondents: true, stories: true } } },
    }),
    db().priorityTag.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: { id: true, nameEs: true, nameEn: true, _count: { select: { stories: true } } },
    }),
    db().atRiskGroup.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        nameEs: true,
        nameEn: true,
        _count: { select: { respondents: true, stories: true, learnings: true } },
      },
    }),
  ]);
  const item = ({
    _count,
    ...row
  }: {
    id: string;
    nameEs: string;
    nameEn: string;
    _count: Record<string, number>;
  }) => ({ ...row, inUse: Object.values(_count).some((count) => count > 0) });
  return { SECTOR: sectors.map(item), PRIORITY: priorities.map(item), AT_RISK_GROUP: atRiskGroups.map(item) };
}

export type ListItem = Awaited<ReturnType<typeof listSetupLists>>["SECTOR"][number];
