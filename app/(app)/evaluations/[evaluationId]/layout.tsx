import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { EvaluationNav, type EvaluationNavItem } from "@/components/evaluations/evaluation-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getAuthorizedUser } from "@/lib/auth/session";
import { evaluationAccess } from "@/lib/evaluations/access";
import { evaluationPath } from "@/lib/evaluations/paths";
import { can, type Permission } from "@/lib/permissions";

const SECTIONS: Array<{ segment: string | null; key: string; permission: Permission | Permission[] }> = [
  { segment: null, key: "overview", permission: "evaluation.view" },
  { segment: "respondents", key: "respondents", permission: "respondent.view" },
  { segment: "interviews", key: "interviews", permission: "interview.view" },
  { segment: "focus-groups", key: "focusGroups", permission: "interview.view" },
  { segment: "stories", key: "stories", permission: "story.view" },
  { segment: "selection", key: "selection", permission: ["selection.manage", "selection.vote"] },
  { segment: "triangulation", key: "triangulation", permission: "triangulation.view" },
  { segment: "validation", key: "validation", permission: "validation.record" },
  { segment: "reviews", key: "reviews", permission: "review.view" },
  { segment: "learnings", key: "learnings", permission: "learning.view" },
  { segment: "brief", key: "brief", permission: "brief.view" },
  { segment: "imports", key: "imports", permission: "import.run" },
  { segment: "members", key: "members", permission: "member.view" },
  { segment: "audit", key: "audit", permission: "audit.view" },
  { segment: "settings", key: "setup", permission: "evaluation.update" },
];

/**
 * The sections a member may open. Showing a link is a courtesy, not a check: every page and
 * action checks its own permission (a layout does not guard the page under it).
 */
export default async function EvaluationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ evaluationId: string }>;
}) {
  const { evaluationId } = await params;
  const user = await getAuthorizedUser();
  const access = await evaluationAccess(evaluationId, user);
  // The lists and the dashboard read the table messages; each section's own layout sends its forms' messages.
  const withMessages = <ClientMessages namespaces={["tables"]}>{children}</ClientMessages>;
  if (!access) return withMessages;

  const t = await getTranslations("evaluationNav");
  const { roles } = access;
  const items: EvaluationNavItem[] = SECTIONS.filter((section) =>
    [section.permission].flat().some((permission) => can(roles, permission)),
  ).map((section) => ({
    segment: section.segment,
    href: section.segment ? evaluationPath(evaluationId, section.segment) : evaluationPath(evaluationId),
    label: t(section.key as "overview"),
  }));
  return (
    <>
      <EvaluationNav label={t("label")} items={items} />
      {withMessages}
    </>
  );
}
