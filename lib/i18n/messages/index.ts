/**
 * Interface messages, one file per area so that areas can be edited independently. Keys are
 * namespaced by their top-level object (e.g. `signIn.title`); two files never share a namespace
 * (tests/unit/i18n-messages.test.ts checks it).
 */
import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAudit from "./en/audit.json";
import enBrief from "./en/brief.json";
import enCore from "./en/core.json";
import enDashboard from "./en/dashboard.json";
import enDashboardMeta from "./en/dashboard-meta.json";
import enExports from "./en/exports.json";
import enFieldwork from "./en/fieldwork.json";
import enImports from "./en/imports.json";
import enLearnings from "./en/learnings.json";
import enMail from "./en/mail.json";
import enTimeline from "./en/timeline.json";
import enNavigation from "./en/navigation.json";
import enRespondents from "./en/respondents.json";
import enSelection from "./en/selection.json";
import enSetup from "./en/setup.json";
import enStories from "./en/stories.json";
import enTables from "./en/tables.json";
import enTriangulation from "./en/triangulation.json";
import enReviews from "./en/reviews.json";
import enValidation from "./en/validation.json";
import esAccount from "./es/account.json";
import esAdmin from "./es/admin.json";
import esAudit from "./es/audit.json";
import esBrief from "./es/brief.json";
import esCore from "./es/core.json";
import esDashboard from "./es/dashboard.json";
import esDashboardMeta from "./es/dashboard-meta.json";
import esExports from "./es/exports.json";
import esFieldwork from "./es/fieldwork.json";
import esImports from "./es/imports.json";
import esLearnings from "./es/learnings.json";
import esMail from "./es/mail.json";
import esTimeline from "./es/timeline.json";
import esNavigation from "./es/navigation.json";
import esRespondents from "./es/respondents.json";
import esSelection from "./es/selection.json";
import esSetup from "./es/setup.json";
import esStories from "./es/stories.json";
import esTables from "./es/tables.json";
import esTriangulation from "./es/triangulation.json";
import esReviews from "./es/reviews.json";
import esValidation from "./es/validation.json";

export const en = {
  ...enCore,
  ...enNavigation,
  ...enAccount,
  ...enAdmin,
  ...enAudit,
  ...enRespondents,
  ...enFieldwork,
  ...enStories,
  ...enTables,
  ...enImports,
  ...enSelection,
  ...enSetup,
  ...enLearnings,
  ...enMail,
  ...enTimeline,
  ...enTriangulation,
  ...enValidation,
  ...enReviews,
  ...enDashboard,
  ...enDashboardMeta,
  ...enExports,
  ...enBrief,
};

export const es: typeof en = {
  ...esCore,
  ...esNavigation,
  ...esAccount,
  ...esAdmin,
  ...esAudit,
  ...esRespondents,
  ...esFieldwork,
  ...esStories,
  ...esTables,
  ...esImports,
  ...esSelection,
  ...esSetup,
  ...esLearnings,
  ...esMail,
  ...esTimeline,
  ...esTriangulation,
  ...esValidation,
  ...esReviews,
  ...esDashboard,
  ...esDashboardMeta,
  ...esExports,
  ...esBrief,
};

export const messages = { en, es };
