/** The brief's address parameters, shared by the preview page and the download. */
import { z } from "zod";
import { BRIEF_INCLUDES } from "./policy";

export const BRIEF_FORMATS = ["docx", "pdf"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** Language and copy of the preview; anything unreadable falls back to the default. */
export const briefViewSchema = z.object({
  lang: z.enum(["es", "en"]).optional().catch(undefined),
  include: z.enum(BRIEF_INCLUDES).catch("approved").default("approved"),
});

/** A download must name what it wants: a wrong format or language is refused, not guessed. */
export const briefDownloadSchema = z.object({
  format: z.enum(BRIEF_FORMATS),
  lang: z.enum(["es", "en"]),
  include: z.enum(BRIEF_INCLUDES).default("approved"),
});

export type BriefDownload = z.infer<typeof briefDownloadSchema>;
