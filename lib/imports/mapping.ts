/**
 * Column mapping: which file column fills which field. Kobo/ODK headers carry their group path
 * ("grp_person/gender", "group-name/question"), and a select-multiple question comes either as one
 * column of space-separated choices or as one 0/1 column per choice ("grp/at_risk/women_workers").
 * A mapping target is a field name, or "field#choice" for one such 0/1 column. Pure.
 */
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { fieldOf, fieldsOf, KEY_CANDIDATES } from "./fields";

export type ColumnMapping = Record<string, string>;
export type MappingTarget = { field: string; choice: string | null };

/** "Género del/la Entrevistado(a)" → "genero_del_la_entrevistado_a". */
export function normalizeName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** The header's path segments, as Kobo ("/") and older ODK exports ("-" between group and question, ":") write them. */
export function headerPath(header: string): string[] {
  const parts = header
    .split(/[/:]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : [header];
}

export function parseTarget(target: string): MappingTarget {
  const at = target.indexOf("#");
  return at < 0 ? { field: target, choice: null } : { field: target.slice(0, at), choice: target.slice(at + 1) };
}

function matchField(kind: ImportKind, segment: string): string | null {
  const name = normalizeName(segment);
  if (!name) return null;
  for (const field of fieldsOf(kind)) {
    if (field.name.toLowerCase() === name.replace(/_/g, "") || field.synonyms.includes(name)) return field.name;
  }
  return null;
}

/** The field a question name stands for: the question itself, then without an ODK "group-" prefix. */
function fieldForQuestion(kind: ImportKind, question: string): string | null {
  const direct = matchField(kind, question);
  if (direct) return direct;
  const dash = question.indexOf("-");
  return dash > 0 ? matchField(kind, question.slice(dash + 1)) : null;
}

/** A group's own name without the "grp_"/"group_" that form authors put in front of it. */
function groupName(segment: string): string {
  return normalizeName(segment).replace(/^(?:grp|group|grupo|g)_(?=.)/, "");
}

/**
 * The field a header's path stands for: the question read with its group's name in front first
 * ("consentimiento/fecha" is the consent's date, "consent/language" the consent's language, not
 * the respondent's), then the question alone.
 */
function fieldForPath(kind: ImportKind, path: readonly string[]): string | null {
  const question = path[path.length - 1]!;
  const group = path.length >= 2 ? groupName(path[path.length - 2]!) : "";
  return (group ? matchField(kind, `${group}_${question}`) : null) ?? fieldForQuestion(kind, question);
}

/** A submission id column first; else, for a kind whose rows carry their own key (a project's acronym), that field's column. */
export function suggestKeyColumn(
  headers: readonly string[],
  kind?: ImportKind,
  mapping: ColumnMapping = {},
): string | null {
  for (const candidate of KEY_CANDIDATES) {
    const found = headers.find((header) => header.toLowerCase() === candidate);
    if (found) return found;
  }
  const keyField = kind ? fieldsOf(kind).find((field) => field.rowKey)?.name : undefined;
  return (keyField && headers.find((header) => mapping[header] === keyField)) || null;
}

/**
 * A mapping suggested from the header names alone. Each field gets at most one column, except
 * the 0/1 columns of a select-multiple question, which are suggested only when the file has no
 * space-separated column for that question (Kobo exports both; taking both would count twice).
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  const perChoice: Array<{ header: string; field: string; choice: string }> = [];
  for (const header of headers) {
    if (!header || header.startsWith("_")) continue;
    const path = headerPath(header);
    const field = fieldForPath(kind, path);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
      continue;
    }
    if (path.length >= 2) {
      const parent = fieldForPath(kind, path.slice(0, -1));
      if (parent && fieldOf(kind, parent)?.shape === "multi")
        perChoice.push({ header, field: parent, choice: path[path.length - 1]! });
    }
  }
  for (const column of perChoice) {
    if (Object.values(mapping).includes(column.field)) continue; // the space-separated column wins
    mapping[column.header] = `${column.field}#${column.choice}`;
  }
  for (const column of perChoice) {
    if (!mapping[column.header] && Object.values(mapping).some((target) => target.startsWith(`${column.field}#`))) {
      mapping[column.header] = `${column.field}#${column.choice}`;
    }
  }
  return mapping;
}

/** A saved mapping applied to a new file: only the columns the file has. */
export function applySavedMapping(saved: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const present = new Set(headers);
  return Object.fromEntries(Object.entries(saved).filter(([column]) => present.has(column)));
}

/**
 * A saved mapping on a new file: the saved matches for the columns the file still has, and for
 * every other column the match a first import would suggest, unless the saved mapping already
 * gives that field a column. `suggested` names the columns matched anew (the wizard says so).
 */
export function savedMappingWithSuggestions(
  kind: ImportKind,
  saved: ColumnMapping,
  headers: readonly string[],
): { mapping: ColumnMapping; suggested: string[] } {
  const kept = applySavedMapping(saved, headers);
  const taken = new Set(Object.values(kept));
  const takenFields = new Set(Object.values(kept).map((target) => parseTarget(target).field));
  const fresh = suggestMapping(
    kind,
    headers.filter((header) => !(header in kept)),
  );
  const suggested = Object.entries(fresh).filter(([, target]) => {
    const { field, choice } = parseTarget(target);
    // A field has one column, except the 0/1 columns of a select-multiple question, one per choice.
    return !taken.has(target) && (choice !== null ? !Object.values(kept).includes(field) : !takenFields.has(field));
  });
  return { mapping: { ...kept, ...Object.fromEntries(suggested) }, suggested: suggested.map(([column]) => column) };
}

/** The file's columns that a mapping leaves out (not matched to a field and not the rows' key), in the file's order. */
export function leftOutColumns(headers: readonly string[], mapping: ColumnMapping, keyColumn: string | null): string[] {
  return headers.filter((header) => header !== "" && !mapping[header] && header !== keyColumn);
}

/** "union_member yes" → ["union_member", "yes"]; Kobo separates choices with spaces, some tools with commas. */
export function splitChoices(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Whether a 0/1 column says its choice was selected ("1", "true", "yes", "sí", "x"). */
export function isChecked(value: string): boolean {
  return ["1", "true", "yes", "y", "si", "x", "verdadero"].includes(normalizeName(value));
}

/** Every mapped target must be a field of the kind (or one of its multi fields' choices). */
export function unknownTargets(kind: ImportKind, mapping: ColumnMapping): string[] {
  return Object.values(mapping).filter((target) => {
    const { field, choice } = parseTarget(target);
    const known = fieldOf(kind, field);
    return !known || (choice !== null && (known.shape !== "multi" || choice.length === 0));
  });
}

/** Required fields with no column mapped to them. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.values(mapping).map((target) => parseTarget(target).field));
  return fieldsOf(kind)
    .filter((field) => field.required && !mapped.has(field.name))
    .map((field) => field.name);
}

/** Fields of a group with some of its fields mapped, left without a column (e.g. a consent's method). */
export function incompleteGroups(kind: ImportKind, mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.values(mapping).map((target) => parseTarget(target).field));
  const started = new Set(
    fieldsOf(kind)
      .filter((field) => field.group && mapped.has(field.name))
      .map((field) => field.group),
  );
  return fieldsOf(kind)
    .filter((field) => field.group && started.has(field.group) && !mapped.has(field.name))
    .map((field) => field.name);
}
