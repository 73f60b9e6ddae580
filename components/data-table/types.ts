/**
 * What a page hands to the table: plain, serializable values, already translated and formatted on
 * the server. The table renders them; it never formats, fetches or decides access.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import type { HighlightPart } from "@/lib/search/highlight";

export type CellValue =
  | null
  | { kind: "text"; text: string; lang?: string }
  | { kind: "link"; href: string; text: string; lang?: string; marker?: string }
  | { kind: "time"; dateTime: string; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "highlight"; parts: HighlightPart[]; lang?: string }
  | { kind: "stage"; stage: StoryStage; text: string };

export type DataTableColumn = {
  id: string;
  header: string;
  sortable: boolean;
  /** False for the column that links to the record. */
  hideable: boolean;
  /** Dates and counts: the first click sorts newest or largest first. */
  descFirst?: boolean;
};

export type DataTableRow = { id: string; cells: Record<string, CellValue> };

export type DataTableSort = { id: string; desc: boolean };
