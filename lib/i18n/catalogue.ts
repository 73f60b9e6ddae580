/**
 * The interface messages in the form the message formatter in use takes.
 *
 * In the app's bundle `use-intl/format-message` is next-intl's format-only formatter
 * (next.config.js): it takes messages compiled ahead of time (icu-minify) and never parses an ICU
 * message. The full formatter parsed each message with values again on every request (its cache
 * lives for one request) and built a cache key of all its formats on every call, a few percent of a
 * list page's CPU. The catalogue is compiled here once per process and language, on first use
 * (about 50 ms for one language). Outside the bundle (tests, scripts) the full formatter is in
 * use and gets the catalogue's strings as they are. Code that reads messages as plain text (the
 * brief, the validation sheet, the import vocabulary) imports the catalogue files, not this.
 */
import compile from "icu-minify/compile";
import formatMessage from "use-intl/format-message";
import type { AppLocale } from "./config";
import { messages } from "./messages";

type Catalogue = (typeof messages)[AppLocale];
type MessageTree = { [key: string]: string | MessageTree };

/** format-only marks itself with `raw = false` (it cannot return a message's source). */
export const precompiledMessages = (formatMessage as { raw?: boolean }).raw === false;

const compiled = new Map<AppLocale, Catalogue>();

function compileTree(tree: MessageTree): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree))
    result[key] = typeof value === "string" ? compile(value) : compileTree(value);
  return result;
}

/**
 * Every message of `tree` compiled, as plain JSON: icu-minify gives a plural's or a select's
 * branches as objects without a prototype, which React refuses to pass to a client component
 * (the messages sent with <ClientMessages>). next-intl's own build-time loader emits JSON too.
 */
export function compileMessages(tree: MessageTree): Record<string, unknown> {
  return JSON.parse(JSON.stringify(compileTree(tree))) as Record<string, unknown>;
}

/** The messages of `locale` for next-intl: compiled where the formatter takes them compiled. */
export function interfaceMessages(locale: AppLocale): Catalogue {
  if (!precompiledMessages) return messages[locale];
  let catalogue = compiled.get(locale);
  if (!catalogue) {
    // Typed as the catalogue: next-intl checks keys against it; the compiled values are opaque to it.
    catalogue = compileMessages(messages[locale] as unknown as MessageTree) as unknown as Catalogue;
    compiled.set(locale, catalogue);
  }
  return catalogue;
}
