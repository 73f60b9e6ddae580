/** What the learnings page hands its client components: plain data, no Prisma types. */
import type { LearningFormOptions, LearningRow } from "@/lib/learnings/data";
import type { LearningKind } from "@/lib/learnings/types";

export type { LearningFormOptions, LearningKind, LearningRow };
export type Language = "ES" | "EN";
