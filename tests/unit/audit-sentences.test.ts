/**
 * Every action the code writes to the audit trail reads as a sentence in Spanish and in English:
 * the actions are found in lib/ (every literal dotted `action: "..."`: mutations and the export
 * tables that hand their action to the export door, plus the few built from a template, listed
 * here), so a new action without its wording fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/audit.json";
import es from "@/lib/i18n/messages/es/audit.json";
import { RECORD_NOUNS, recordNounKey, sentenceKey } from "@/lib/audit-trail/sentences";

/** Actions whose name is built at run time: the lists of setup, the fieldwork kinds (and their transcript reads), the round steps. */
const TEMPLATED = [
  ...["sector", "priority", "atRiskGroup"].flatMap((list) =>
    ["create", "update", "delete"].map((verb) => `${list}.${verb}`),
  ),
  ...["interview", "focus_group"].flatMap((kind) =>
    ["create", "update", "transcript.read"].map((verb) => `${kind}.${verb}`),
  ),
  "validation.round.open",
  "validation.round.close",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function writtenActions(): string[] {
  const found = new Set(TEMPLATED);
  for (const file of sourceFiles(path.resolve("lib"))) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/action: "([a-z][A-Za-z_]*(?:\.[a-z_]+)+)"/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

describe("audit sentences", () => {
  const actions = writtenActions();

  it("find the actions the code writes", () => {
    expect(actions.length).toBeGreaterThan(80);
    expect(actions).toEqual(
      expect.arrayContaining(["respondent.identity.read", "story.stage", "validation.round.open", "sector.create"]),
    );
  });

  it("give every action a sentence in both languages, with the person and (where it names one) the record", () => {
    for (const [name, messages] of [
      ["en", en],
      ["es", es],
    ] as const) {
      const sentences = messages.audit.sentences as Record<string, string>;
      const missing = actions.filter((action) => !sentences[sentenceKey(action)]);
      expect(missing, `${name}: actions without a sentence`).toEqual([]);
      for (const [key, sentence] of Object.entries(sentences)) {
        if (key !== "auth_sign_in_failed") expect(sentence, `${name}.${key}`).toContain("{actor}");
      }
    }
  });

  it("say the same things in both languages", () => {
    expect(Object.keys(es.audit.sentences).sort()).toEqual(Object.keys(en.audit.sentences).sort());
    expect(Object.keys(es.audit.records).sort()).toEqual(Object.keys(en.audit.records).sort());
    for (const key of Object.keys(en.audit.sentences) as Array<keyof typeof en.audit.sentences>) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(es.audit.sentences[key]), key).toEqual(placeholders(en.audit.sentences[key]));
    }
  });

  it("name a record without a label by its kind, and any other kind as a record", () => {
    for (const noun of RECORD_NOUNS) expect(en.audit.records[noun], noun).toBeTruthy();
    expect(recordNounKey("ChangeStory")).toBe("ChangeStory");
    expect(recordNounKey("SomethingNew")).toBe("other");
    expect(sentenceKey("story.stage.change")).toBe("story_stage_change");
  });
});
