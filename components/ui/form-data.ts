/**
 * What an uncontrolled form sent, read the same way in every form's `handleSubmit`: the action's
 * schema gets what the person typed or chose, and a choice not made stays missing, so the schema
 * says "required" by its field instead of refusing an empty string as invalid.
 */

/** A text box, text area or select: "" when the form has no such field. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** A group of round buttons: undefined while none is chosen. */
export function formChoice(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
}

/** The values of every box named `name` that is checked. */
export function formChoices(data: FormData, name: string): string[] {
  return data.getAll(name).filter((value): value is string => typeof value === "string");
}
