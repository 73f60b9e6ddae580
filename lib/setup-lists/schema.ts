/**
 * The evaluation's labelled lists: sectors, USMCA labour-chapter priorities and at-risk groups,
 * each item named in Spanish and English. Messages are keys under `setup.errors`.
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { requiredText } from "@/lib/text-schema";
import { LIST_KINDS, LABEL_MAX } from "./types";
export { LIST_KINDS, LABEL_MAX } from "./types";
export type { ListKind } from "./types";

const names = { nameEs: requiredText(LABEL_MAX), nameEn: requiredText(LABEL_MAX) };
const kind = z.enum(LIST_KINDS, { error: "invalid" });

export const addListItemInput = z.object({ evaluationId: idSchema, kind, ...names });
/** `seen` are the names the person was looking at: a rename made meanwhile refuses this one. */
export const renameListItemInput = z.object({
  evaluationId: idSchema,
  kind,
  itemId: idSchema,
  seen: z.object(names),
  ...names,
});
export const removeListItemInput = z.object({ evaluationId: idSchema, kind, itemId: idSchema });

export type AddListItemInput = z.output<typeof addListItemInput>;
export type RenameListItemInput = z.output<typeof renameListItemInput>;
export type RemoveListItemInput = z.output<typeof removeListItemInput>;
