/** Every exportable table, by the name in its download address. One door serves them all. */
import type { ExportTableName } from "../levels";
import { auditExport } from "./audit";
import { ballotsExport } from "./ballots";
import type { ExportTable } from "./columns";
import { evidenceExport, validationResponsesExport } from "./outcomes";
import { focusGroupsExport, interviewsExport, respondentsExport } from "./fieldwork";
import { storiesExport } from "./stories";

// The row and state types differ per table; the door only passes each table's own values back to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EXPORT_TABLE_DEFINITIONS: Record<ExportTableName, ExportTable<any, any>> = {
  respondents: respondentsExport,
  interviews: interviewsExport,
  "focus-groups": focusGroupsExport,
  stories: storiesExport,
  evidence: evidenceExport,
  "validation-responses": validationResponsesExport,
  ballots: ballotsExport,
  audit: auditExport,
};
