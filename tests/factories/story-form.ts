/**
 * A figure as the story form holds it (text fields, as typed), for tests that save stories or
 * merge two editors' versions. Pure data: unit tests import it without a database.
 */
import type { FigureValues } from "@/lib/stories/form-values";

/** "1" of something, exactly, not yet stored (no id); `key` is the label unless given. */
export function figureValues(label: string, overrides: Partial<FigureValues> = {}): FigureValues {
  return {
    key: label,
    id: "",
    label,
    labelTranslation: "",
    qualifier: "EXACT",
    value: "1",
    valueMax: "",
    unit: "",
    ...overrides,
  };
}
