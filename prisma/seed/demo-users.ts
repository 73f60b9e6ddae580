/**
 * The demo sign-ins. Passwords are set only on the embedded demo (`withDemoPasswords`), never on a
 * real install: DEMO_PASSWORD is public (README) and must never guard real data.
 */
import type { EvaluationRole, Locale } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "msc-demo-2026";

export type DemoUser = {
  email: string;
  name: string;
  /** "ADMIN" is the installation-wide admin, who is not a member of the demo evaluation. */
  role: "ADMIN" | EvaluationRole;
  locale: Locale;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@demo.example", name: "Tomás Aguilar Ledesma", role: "ADMIN", locale: "ES" },
  { email: "lead@demo.example", name: "Mariana Quiroga Salas", role: "LEAD", locale: "ES" },
  { email: "evaluator@demo.example", name: "Daniel Esquivel Mora", role: "EVALUATOR", locale: "ES" },
  { email: "panelist@demo.example", name: "Lucía Barragán Ortiz", role: "PANELIST", locale: "ES" },
  // A second panelist: the browser tests lock the first one out (auth.spec.ts), and panels vote together.
  { email: "panelist2@demo.example", name: "Joaquín Treviño Alcalá", role: "PANELIST", locale: "ES" },
  { email: "analyst@demo.example", name: "Ernesto Villaseñor Paz", role: "ANALYST", locale: "ES" },
  { email: "reviewer@demo.example", name: "Rachel Whitfield", role: "REVIEWER", locale: "EN" },
];
