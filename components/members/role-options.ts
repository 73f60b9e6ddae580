"use client";

import { useTranslations } from "next-intl";
import { EVALUATION_ROLES } from "@/lib/members/types";

/** The five evaluation roles as checkbox options, labelled in the user's language. */
export function useRoleOptions() {
  const t = useTranslations("roles");
  return EVALUATION_ROLES.map((role) => ({ value: role, label: t(role) }));
}
