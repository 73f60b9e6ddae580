/**
 * What every dashboard figure's table is made of: its columns, its cells ("< 5" kept as text) and
 * the views it is built from. Pure.
 */
import type { Cell, SheetColumn } from "@/lib/exports/writers";
import type { DashboardView } from "./loaders";
import type { DashboardMetaView } from "./meta-loaders";
import { UNDER_5, type Figure } from "./policy";

export type FigureTable = { title: string; columns: SheetColumn[]; rows: Cell[][] };
export type Translate = (key: string, values?: Record<string, string | number>) => string;
/** Both views, as a builder gets them once figureTable has checked the one it reads. */
export type Views = { dashboard: DashboardView; meta: DashboardMetaView; locale: "es" | "en"; t: Translate };

export const text = (header: string): SheetColumn => ({ header, kind: "text" });
export const number = (header: string): SheetColumn => ({ header, kind: "number" });
/** "< 5" stays text in the file, as on the page; every other count stays a number. */
export const figure = (value: Figure | null): Cell => (value === UNDER_5 ? "< 5" : value);
export const domainName = (domain: { nameEn: string; nameEs: string } | null, locale: "es" | "en", none: string) =>
  domain ? (locale === "es" ? domain.nameEs : domain.nameEn) : none;
