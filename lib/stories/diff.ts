/**
 * Differences between two story revisions, field by field: long texts word by word (Myers' O(ND)
 * algorithm on word and space tokens), single values as before/after, and lists (places, figures,
 * storytellers...) as items added, removed or changed. Pure: the revisions page renders the result.
 */
import type { StorySnapshot } from "./snapshot";
import { STORY_TEXTS } from "./types";

export type DiffSegment = { type: "equal" | "insert" | "delete"; text: string };

/** Words (letters, digits, marks, inner apostrophes and hyphens), runs of spaces, or single other characters. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_]+(?:['’-][\p{L}\p{N}\p{M}_]+)*|[^\s]/gu) ?? [];
}

/** Beyond this many edits the texts are too different to be worth aligning: shown as replaced. */
const MAX_EDIT_DISTANCE = 2_000;

type Op = { type: DiffSegment["type"]; token: string };

function myers(a: string[], b: string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  v[offset + 1] = 0;
  for (let d = 0; d <= max; d += 1) {
    // Only diagonals -d-1..d+1 can be read in step d: keep that window.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], last: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d -= 1) {
    const window = trace[d]!;
    const at = (k: number) => window[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ type: "equal", token: a[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (x === previousX) ops.push({ type: "insert", token: b[y - 1]! });
      else ops.push({ type: "delete", token: a[x - 1]! });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

/** Adjacent tokens of one kind joined; a change is never split by a lone space between two changes. */
function segmentsOf(ops: Op[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const op of ops) {
    const last = segments[segments.length - 1];
    if (last && last.type === op.type) last.text += op.token;
    else segments.push({ type: op.type, text: op.token });
  }
  return segments;
}

/** Word-level differences from `before` to `after`; joining the equal+delete texts gives `before`, equal+insert gives `after`. */
export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ type: "equal", text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB) ?? [
    ...middleA.map((token) => ({ type: "delete" as const, token })),
    ...middleB.map((token) => ({ type: "insert" as const, token })),
  ];
  const ops: Op[] = [
    ...a.slice(0, start).map((token) => ({ type: "equal" as const, token })),
    ...middle,
    ...a.slice(endA).map((token) => ({ type: "equal" as const, token })),
  ];
  return segmentsOf(ops);
}

// ───────────── Revisions, field by field ─────────────

/** The texts and their translations, compared word by word. */
export const TEXT_FIELDS = STORY_TEXTS.flat();
export type TextField = (typeof TEXT_FIELDS)[number];

export type PeriodValue = Pick<StorySnapshot, "periodPrecision" | "periodFrom" | "periodTo">;
type Values = {
  changeType: StorySnapshot["changeType"];
  period: PeriodValue;
  originalLanguage: string;
  translationLanguage: string | null;
  translatedBy: StorySnapshot["translatedBy"];
  collectedBy: StorySnapshot["collectedBy"];
};
export type ValueField = keyof Values;
export const VALUE_FIELDS = [
  "changeType",
  "period",
  "originalLanguage",
  "translationLanguage",
  "translatedBy",
  "collectedBy",
] as const satisfies readonly ValueField[];

export const LIST_FIELDS = [
  "places",
  "sectors",
  "priorityTags",
  "atRiskGroups",
  "figures",
  "contributions",
  "storytellers",
  "sources",
] as const;
export type ListField = (typeof LIST_FIELDS)[number];
type ItemOf<F extends ListField> = StorySnapshot[F][number];

export type ListChange<T> = { added: T[]; removed: T[]; changed: Array<{ before: T; after: T }> };

export type FieldChange =
  | { kind: "text"; field: TextField; before: string | null; after: string | null; segments: DiffSegment[] }
  | { [F in ValueField]: { kind: "value"; field: F; before: Values[F]; after: Values[F] } }[ValueField]
  | { [F in ListField]: { kind: "list"; field: F } & ListChange<ItemOf<F>> }[ListField];

const LIST_KEYS: { [F in ListField]: (item: ItemOf<F>) => string } = {
  places: (item) => item.id,
  sectors: (item) => item.id,
  priorityTags: (item) => item.id,
  atRiskGroups: (item) => item.id,
  figures: (item) => item.id,
  contributions: (item) => item.projectId,
  storytellers: (item) => item.respondentId,
  sources: (item) => `${item.kind}:${item.id}`,
};

/** Stable JSON (keys sorted) to compare two items or values. */
function same(a: unknown, b: unknown): boolean {
  const stable = (value: unknown): unknown =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([x], [y]) => (x < y ? -1 : 1))
            .map(([k, v]) => [k, stable(v)]),
        )
      : Array.isArray(value)
        ? value.map(stable)
        : value;
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

export function diffList<T>(before: T[], after: T[], key: (item: T) => string): ListChange<T> {
  const beforeByKey = new Map(before.map((item) => [key(item), item]));
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  return {
    added: after.filter((item) => !beforeByKey.has(key(item))),
    removed: before.filter((item) => !afterByKey.has(key(item))),
    changed: after.flatMap((item) => {
      const old = beforeByKey.get(key(item));
      return old !== undefined && !same(old, item) ? [{ before: old, after: item }] : [];
    }),
  };
}

function valuesOf(snapshot: StorySnapshot): Values {
  return {
    changeType: snapshot.changeType,
    period: { periodPrecision: snapshot.periodPrecision, periodFrom: snapshot.periodFrom, periodTo: snapshot.periodTo },
    originalLanguage: snapshot.originalLanguage,
    translationLanguage: snapshot.translationLanguage,
    translatedBy: snapshot.translatedBy,
    collectedBy: snapshot.collectedBy,
  };
}

/** Every field that differs from `before` to `after`, in the order of the form. */
export function diffSnapshots(before: StorySnapshot, after: StorySnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TEXT_FIELDS) {
    const a = before[field];
    const b = after[field];
    if (a !== b) changes.push({ kind: "text", field, before: a, after: b, segments: diffWords(a ?? "", b ?? "") });
  }
  const beforeValues = valuesOf(before);
  const afterValues = valuesOf(after);
  for (const field of VALUE_FIELDS) {
    if (!same(beforeValues[field], afterValues[field])) {
      changes.push({ kind: "value", field, before: beforeValues[field], after: afterValues[field] } as FieldChange);
    }
  }
  for (const field of LIST_FIELDS) {
    const change = diffList<ItemOf<typeof field>>(
      before[field],
      after[field],
      LIST_KEYS[field] as (item: ItemOf<typeof field>) => string,
    );
    if (change.added.length || change.removed.length || change.changed.length)
      changes.push({ kind: "list", field, ...change } as FieldChange);
  }
  return changes;
}
