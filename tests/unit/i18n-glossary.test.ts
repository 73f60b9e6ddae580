import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { glossary, glossaryMarkdown, glossaryViolations, stageNames, type GlossaryLocale } from "@/lib/i18n/glossary";

type Messages = { [key: string]: string | Messages };

/** Every message of every file in the locale's folder, so a file added later is checked too. */
function catalogue(locale: GlossaryLocale): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (messages: Messages, prefix: string) => {
    for (const [key, value] of Object.entries(messages)) {
      const at = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "string") flat.set(at, value);
      else walk(value, at);
    }
  };
  const folder = path.join("lib/i18n/messages", locale);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".json"))) {
    walk(JSON.parse(readFileSync(path.join(folder, file), "utf8")) as Messages, "");
  }
  return flat;
}

describe("the glossary", () => {
  it.each(["es", "en"] as const)("no %s message uses a word the glossary forbids", (locale) => {
    const found = glossaryViolations(locale, catalogue(locale)).map(
      (v) => `${v.key}: «${v.word}» (${v.concept}) in "${v.message}"`,
    );
    expect(found).toEqual([]);
  });

  it("catches a forbidden word, in the user's register too (the check can fail)", () => {
    const sample = new Map([
      ["a", "Marcar como revisada"],
      ["b", "Revisión {version} (la que está leyendo)"],
      ["c", "Elige un archivo."],
      ["d", "No puedes votar por esta historia."],
      ["e", "Revisión del financiador"],
      ["f", "La historia vuelve al equipo."],
    ]);
    expect(glossaryViolations("es", sample).map((v) => v.key)).toEqual(["a", "b", "c", "d"]);
    expect(glossaryViolations("en", new Map([["x", "Returned for revision"]])).map((v) => v.concept)).toEqual([
      "version",
      "returnedForChanges",
    ]);
  });

  it.each(["es", "en"] as const)("every list and page names each stage as the glossary does (%s)", (locale) => {
    const messages = catalogue(locale);
    for (const [stage, names] of Object.entries(stageNames)) {
      expect(messages.get(`stories.stages.${stage}`), stage).toBe(names[locale]);
      expect(messages.get(`tables.stage.${stage}`), stage).toBe(names[locale]);
    }
  });

  it("gives each concept one distinct word per language", () => {
    for (const locale of ["es", "en"] as const) {
      const terms = glossary.map((concept) => concept.term[locale]);
      expect(new Set(terms).size, locale).toBe(terms.length);
    }
  });

  it("is what docs/glossary.md says (regenerate with `npx tsx scripts/write-glossary.ts`)", () => {
    expect(readFileSync("docs/glossary.md", "utf8")).toBe(glossaryMarkdown());
  });
});
