/** One call that gives a test an evaluation with a member per role, and an outsider. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { buildDomain, buildEvaluation, buildMembership, buildProject, buildStandardAtRiskGroups } from "./evaluations";
import type { WithId } from "./ids";
import { buildUser } from "./users";

const ROLE_KEYS = {
  LEAD: "lead",
  EVALUATOR: "evaluator",
  PANELIST: "panelist",
  ANALYST: "analyst",
  REVIEWER: "reviewer",
} as const satisfies Record<EvaluationRole, string>;

type RoleKey = (typeof ROLE_KEYS)[EvaluationRole];
type BuiltUser = WithId<Prisma.UserCreateManyInput>;

export type EvaluationWithTeam = {
  evaluation: WithId<Prisma.EvaluationCreateManyInput>;
  /** One user per role asked for, each a member with that single role. */
  members: Partial<Record<RoleKey, BuiltUser>> & Record<"lead", BuiltUser>;
  /** A user with no membership in this evaluation (for "outsider gets 404" tests). */
  outsider: BuiltUser;
  domains: WithId<Prisma.DomainCreateManyInput>[];
  projects: WithId<Prisma.ProjectCreateManyInput>[];
  /** The standard five at-risk groups (STANDARD_AT_RISK_GROUPS), in order. */
  atRiskGroups: ReturnType<typeof buildStandardAtRiskGroups>;
};

export async function createEvaluationWithTeam(
  prisma: PrismaClient,
  options: {
    evaluation?: Partial<Prisma.EvaluationCreateManyInput>;
    /** Roles to create a member for; LEAD is always included. Default: all five. */
    roles?: EvaluationRole[];
    domainCount?: number;
    projectCount?: number;
  } = {},
): Promise<EvaluationWithTeam> {
  const evaluation = buildEvaluation(options.evaluation);
  const roles = [
    ...new Set<EvaluationRole>(["LEAD", ...(options.roles ?? (Object.keys(ROLE_KEYS) as EvaluationRole[]))]),
  ];
  const members: Partial<Record<RoleKey, BuiltUser>> = {};
  for (const role of roles) members[ROLE_KEYS[role]] = buildUser({ name: `Test ${ROLE_KEYS[role]}` });
  const outsider = buildUser({ name: "Test outsider" });
  const domains = Array.from({ length: options.domainCount ?? 2 }, (_, index) =>
    buildDomain({ evaluationId: evaluation.id, position: index + 1 }),
  );
  const projects = Array.from({ length: options.projectCount ?? 1 }, () =>
    buildProject({ evaluationId: evaluation.id }),
  );
  const atRiskGroups = buildStandardAtRiskGroups(evaluation.id);

  await prisma.$transaction([
    prisma.evaluation.create({ data: evaluation }),
    prisma.user.createMany({ data: [...Object.values(members), outsider] }),
    prisma.evaluationMember.createMany({
      data: roles.map((role) =>
        buildMembership({ evaluationId: evaluation.id, userId: members[ROLE_KEYS[role]]!.id, roles: [role] }),
      ),
    }),
    prisma.domain.createMany({ data: domains }),
    prisma.project.createMany({ data: projects }),
    prisma.atRiskGroup.createMany({ data: atRiskGroups }),
  ]);
  return { evaluation, members: members as EvaluationWithTeam["members"], outsider, domains, projects, atRiskGroups };
}
