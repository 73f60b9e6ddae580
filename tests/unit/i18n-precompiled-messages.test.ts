/**
 * The app formats messages compiled once per process with next-intl's format-only formatter
 * (lib/i18n/catalogue.ts, next.config.js); tests and scripts format the catalogue's strings with
 * the full one. Every message of both languages, with values that reach each of its branches
 * (plural categories, select options, numbers), must read the same both ways.
 */
import { describe, expect, it } from "vitest";
import compile from "icu-minify/compile";
import formatMessage from "use-intl/format-message";
import formatOnly from "use-intl/format-message/format-only";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { en, es } from "@/lib/i18n/messages";
import { compileMessages, interfaceMessages, precompiledMessages } from "@/lib/i18n/catalogue";

type Messages = { [key: string]: string | Messages };
type Compiled = string | number | Compiled[] | { [key: string]: Compiled };
type Values = Record<string, string | number>;

function flatten(messages: Messages, prefix = ""): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

const NUMBERS = [0, 1, 2, 3, 5, 11, 21, 1234.5, 600000];

/**
 * For each argument of a compiled message, the values worth trying. A message (or a branch) is a
 * string or a list of parts; a part is text, 0 (the plural's `#`) or an argument:
 * `[name]`, `[name, type, options?]`, or a tag `[name, ...parts]`.
 */
function argumentValues(message: Compiled, found: Map<string, Array<string | number>>): void {
  if (!Array.isArray(message)) return;
  for (const part of message) {
    if (!Array.isArray(part)) continue;
    const [name, type, options] = part as [string, Compiled?, Record<string, Compiled>?];
    if (type === undefined) found.set(name, found.get(name) ?? ["«valor»", "Ana María"]);
    else if (typeof type !== "number") argumentValues(part.slice(1), found);
    else {
      found.set(name, type === 1 ? [...Object.keys(options ?? {}).filter((key) => key !== "other"), "otra"] : NUMBERS);
      for (const branch of Object.values(options ?? {})) argumentValues(branch, found);
    }
  }
}

/** Value sets that cycle every argument through its values together (as many sets as the longest list). */
function valueSets(compiled: Compiled): Values[] {
  const found = new Map<string, Array<string | number>>();
  argumentValues(compiled, found);
  if (found.size === 0) return [];
  const longest = Math.max(...[...found.values()].map((values) => values.length));
  return Array.from({ length: longest }, (_, index) =>
    Object.fromEntries([...found].map(([name, values]) => [name, values[index % values.length]!])),
  );
}

describe("precompiled messages", () => {
  it("are not in use outside the app's bundle, where the full formatter takes the strings", () => {
    expect(precompiledMessages).toBe(false);
    expect(interfaceMessages("en")).toBe(en);
  });

  it("are plain JSON, which React passes to client components", () => {
    const compiled = compileMessages(en as unknown as Messages);
    const plain = (value: unknown): boolean =>
      typeof value !== "object" ||
      value === null ||
      (Array.isArray(value)
        ? value.every(plain)
        : Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plain));
    expect(plain(compiled)).toBe(true);
    expect(compiled).toEqual(JSON.parse(JSON.stringify(compiled)));
  });

  it.each([
    ["en", en],
    ["es", es],
  ] as const)("read the same as the full formatter's in %s", (language, catalogue) => {
    const locale = INTL_LOCALE[language];
    const options = () => {
      const cache = _createCache();
      return { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "UTC" as const };
    };
    const shared = options();
    let compared = 0;
    for (const [key, source] of flatten(catalogue as unknown as Messages)) {
      const compiled = compile(source) as Compiled;
      const sets = valueSets(compiled);
      for (const values of sets.length ? sets : [undefined]) {
        const full = formatMessage(key, source, values, { ...shared, formats: undefined, globalFormats: undefined });
        const only = formatOnly(key, compiled as never, values, {
          ...shared,
          formats: undefined,
          globalFormats: undefined,
        });
        expect(only, `${language} ${key} ${JSON.stringify(values)}`).toBe(full);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
