/**
 * A story's figures and contributions arrive as repeat groups: KoboToolbox and ODK export each
 * repeat group as a sheet of its own (XLSX) or a file of its own (CSV), one row per repetition,
 * joined to its submission by `_submission__uuid` (= the main sheet's `_uuid`), `_parent_index`
 * (= `_index`) or ODK Central's `PARENT_KEY` (= `KEY`); a table typed by hand may instead repeat
 * the main sheet's key column. The groups are read whole before the main sheet (at most the row
 * limit each) and handed to each story row; a repetition that no story row claims is an error on
 * its own sheet and line, so nothing a file says is dropped without a word.
 */
import { normalizeName } from "./mapping";
import type { RepeatTable } from "./reader";
import type { RowError } from "./rows";

export type RepeatKind = "figures" | "contributions";

/** Sheet or file names (as form authors name repeat groups) that hold each kind, after any group prefix. */
const KIND_NAMES: Record<RepeatKind, string[]> = {
  figures: [
    "figures",
    "figure",
    "figuras",
    "figura",
    "cifras",
    "cifra",
    "magnitudes",
    "magnitud",
    "numbers",
    "numeros",
  ],
  contributions: [
    "contributions",
    "contribution",
    "contribuciones",
    "contribucion",
    "aportes",
    "aporte",
    "projects",
    "proyectos",
    "contributing_projects",
    "proyectos_contribuyentes",
  ],
};

const FIELDS: Record<RepeatKind, Record<string, string[]>> = {
  figures: {
    label: [
      "label",
      "figure_label",
      "etiqueta",
      "descripcion",
      "description",
      "indicador",
      "indicator",
      "que_se_conto",
      "what",
    ],
    labelTranslation: [
      "label_translation",
      "translated_label",
      "label_en",
      "etiqueta_traduccion",
      "etiqueta_traducida",
      "traduccion",
    ],
    value: ["value", "figure_value", "valor", "cantidad", "number", "numero", "amount"],
    valueMax: ["value_max", "max", "maximum_value", "valor_maximo", "hasta_valor", "value_to"],
    unit: ["unit", "unidad", "units", "unidades"],
    unitTranslation: ["unit_translation", "translated_unit", "unit_en", "unidad_traduccion", "unidad_traducida"],
    qualifier: ["qualifier", "calificador", "modifier", "modificador", "precision"],
  },
  contributions: {
    project: ["project", "acronym", "project_acronym", "proyecto", "acronimo", "siglas"],
    howContributed: [
      "how_contributed",
      "how",
      "contribution",
      "como_contribuyo",
      "como",
      "contribucion",
      "aporte",
      "description",
      "descripcion",
    ],
    howContributedTranslation: [
      "how_contributed_translation",
      "how_contributed_en",
      "how_translation",
      "como_contribuyo_traduccion",
      "contribucion_traducida",
      "aporte_traducido",
    ],
  },
};

/** Child column → main column, in order of preference; `null` stands for the main sheet's key column. */
const JOINS: Array<[string, string | null]> = [
  ["_submission__uuid", "_uuid"],
  ["_parent_index", "_index"],
  ["parent_key", "key"],
  ["story_key", null],
  ["clave_historia", null],
  ["story", null],
  ["historia", null],
];

export type RepeatRow = {
  sheet: string;
  rowNumber: number;
  values: Record<string, string>;
  /** Fields whose XLSX cell held a number (a value, not text written in a convention). */
  numeric: Set<string>;
  /** Field → the sheet's column for it, so an error names the column the person sees. */
  columns: Record<string, string>;
};

type Group = {
  kind: RepeatKind;
  sheet: string;
  childColumn: string;
  mainIndex: number;
  byParent: Map<string, RepeatRow[]>;
  claimed: Set<string>;
};

function lastSegment(name: string): string {
  const parts = name.split(/[/:]/).filter(Boolean);
  return normalizeName(parts[parts.length - 1] ?? name).replace(/^(?:grp|group|grupo|g|rg|repeat|rep)_(?=.)/, "");
}

export function repeatKindOf(sheetName: string): RepeatKind | null {
  const name = lastSegment(sheetName);
  for (const kind of Object.keys(KIND_NAMES) as RepeatKind[]) if (KIND_NAMES[kind].includes(name)) return kind;
  return null;
}

function fieldColumns(kind: RepeatKind, headers: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  headers.forEach((header, index) => {
    if (!header || header.startsWith("_")) return;
    const name = lastSegment(header);
    for (const [field, synonyms] of Object.entries(FIELDS[kind])) {
      if (!(field in found) && (synonyms.includes(name) || normalizeName(field) === name.replace(/_/g, ""))) {
        found[field] = index;
        return;
      }
    }
  });
  return found;
}

function joinOf(headers: string[], mainHeaders: string[], keyColumn: string): { child: number; main: number } | null {
  const lower = headers.map((header) => header.trim().toLowerCase());
  const mainLower = mainHeaders.map((header) => header.toLowerCase());
  for (const [childName, mainName] of JOINS) {
    const child = lower.indexOf(childName);
    const main = mainName === null ? mainHeaders.indexOf(keyColumn) : mainLower.indexOf(mainName);
    if (child >= 0 && main >= 0) return { child, main };
  }
  // A table typed by hand may repeat the main sheet's key column under its own name.
  const same = headers.indexOf(keyColumn);
  return same >= 0 ? { child: same, main: mainHeaders.indexOf(keyColumn) } : null;
}

export class RepeatGroups {
  private constructor(
    private readonly groups: Group[],
    readonly errors: RowError[],
    /** Sheets that are no repeat group this import knows (left out, and said so). */
    readonly ignored: string[],
  ) {}

  static readonly none = new RepeatGroups([], [], []);

  static async load(tables: RepeatTable[], mainHeaders: string[], keyColumn: string): Promise<RepeatGroups> {
    const groups: Group[] = [];
    const errors: RowError[] = [];
    const ignored: string[] = [];
    for (const { name, table } of tables) {
      const kind = repeatKindOf(name);
      if (!kind) {
        ignored.push(name);
        await table.rows.return(undefined);
        continue;
      }
      const join = joinOf(table.headers, mainHeaders, keyColumn);
      if (!join) {
        errors.push({ sheet: name, rowNumber: 1, column: null, code: "imports.rowErrors.repeatParentColumnMissing" });
        await table.rows.return(undefined);
        continue;
      }
      const columns = fieldColumns(kind, table.headers);
      const byParent = new Map<string, RepeatRow[]>();
      for await (const row of table.rows) {
        const values: Record<string, string> = {};
        const numeric = new Set<string>();
        const named: Record<string, string> = {};
        for (const [field, index] of Object.entries(columns)) {
          values[field] = (row.cells[index] ?? "").trim();
          named[field] = table.headers[index]!;
          if (row.numeric?.[index]) numeric.add(field);
        }
        const parent = (row.cells[join.child] ?? "").trim();
        const list = byParent.get(parent) ?? [];
        list.push({ sheet: name, rowNumber: row.rowNumber, values, numeric, columns: named });
        byParent.set(parent, list);
      }
      groups.push({
        kind,
        sheet: name,
        childColumn: table.headers[join.child]!,
        mainIndex: join.main,
        byParent,
        claimed: new Set(),
      });
    }
    return new RepeatGroups(groups, errors, ignored);
  }

  /** The repetitions of each kind that belong to this main row, in file order (sheet by sheet). */
  take(cells: string[]): Record<RepeatKind, RepeatRow[]> {
    const taken: Record<RepeatKind, RepeatRow[]> = { figures: [], contributions: [] };
    for (const group of this.groups) {
      const parent = (cells[group.mainIndex] ?? "").trim();
      if (!parent) continue;
      group.claimed.add(parent);
      taken[group.kind].push(...(group.byParent.get(parent) ?? []));
    }
    return taken;
  }

  /** Whether any repeat group came with the file (the main rows then look up their repetitions). */
  get present(): boolean {
    return this.groups.length > 0;
  }

  /** Every repetition whose parent no main row had: one error each, on its own sheet and line. */
  orphans(): RowError[] {
    const errors: RowError[] = [];
    for (const group of this.groups) {
      for (const [parent, rows] of group.byParent) {
        if (group.claimed.has(parent)) continue;
        for (const row of rows)
          errors.push({
            sheet: group.sheet,
            rowNumber: row.rowNumber,
            column: group.childColumn,
            code: "imports.rowErrors.repeatParentMissing",
          });
      }
    }
    return errors.sort((a, b) =>
      a.sheet === b.sheet ? a.rowNumber - b.rowNumber : (a.sheet ?? "") < (b.sheet ?? "") ? -1 : 1,
    );
  }
}
