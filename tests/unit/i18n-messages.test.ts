import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { en, es } from "@/lib/i18n/messages";

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") {
      for (const [nested, nestedValue] of flatten(value, path)) entries.set(nested, nestedValue);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

const catalogues = { en: flatten(en as Messages), es: flatten(es as Messages) };

/** The ICU placeholders of a message: "{name}", "{count, plural, …}" → name, count. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((match) => match[1]!).sort();
}

describe("interface messages", () => {
  it("have exactly the same keys in English and Spanish", () => {
    expect([...catalogues.es.keys()].sort()).toEqual([...catalogues.en.keys()].sort());
  });

  it.each(Object.entries(catalogues))("has no empty or non-string value in %s", (_locale, messages) => {
    for (const [key, value] of messages) {
      expect(typeof value, key).toBe("string");
      expect((value as string).trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, value] of catalogues.en) {
      expect(placeholders(String(catalogues.es.get(key))), key).toEqual(placeholders(String(value)));
    }
  });

  it.each(["en", "es"])("keep each namespace in one file only (%s)", (locale) => {
    const folder = path.join("lib/i18n/messages", locale);
    const owners = new Map<string, string>();
    for (const file of readdirSync(folder)) {
      for (const namespace of Object.keys(JSON.parse(readFileSync(path.join(folder, file), "utf8")))) {
        expect(owners.get(namespace), `${namespace} is in ${owners.get(namespace)} and ${file}`).toBeUndefined();
        owners.set(namespace, file);
      }
    }
  });

  it("are really translated (Spanish differs from English for most messages)", () => {
    const same = [...catalogues.en].filter(([key, value]) => catalogues.es.get(key) === value).map(([key]) => key);
    // Language names written in their own language are the same on purpose, and so is a pattern
    // made only of placeholders (a region abroad followed by its country).
    expect(same.sort()).toEqual(["localeSwitch.en", "localeSwitch.es", "setup.plan.abroad"]);
  });

  it("never put a full stop right after a Spanish time, which ends with its own (“5:00 p.m.”)", () => {
    // The messages that are given a date with its time of day, and the placeholder that holds it.
    const timed: Array<[string, string[]]> = [
      ["selection.reminder.template", ["deadline"]],
      ["selection.reminder.lastSent", ["at", "next"]],
      ["selection.decision.recorded", ["date"]],
      ["invitations.validUntil", ["date"]],
    ];
    const time = new Intl.DateTimeFormat("es-MX", { dateStyle: "medium", timeStyle: "short" }).format(
      new Date("2027-02-05T19:33:00Z"),
    );
    expect(time).toMatch(/[ap]\.\s?m\.$/);
    for (const [key, names] of timed) {
      const message = String(catalogues.es.get(key));
      for (const name of names) {
        expect(message, key).toContain(`{${name}}`);
        expect(message, key).not.toContain(`{${name}}.`);
      }
    }
  });
});
