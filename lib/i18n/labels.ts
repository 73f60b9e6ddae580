/**
 * Labels of values that arrive as plain strings (a database column, a query, a translator's key
 * built at run time). next-intl checks message keys at compile time; these two helpers keep that
 * check where a value can be narrowed, and name the one place where it cannot.
 */

/** Whether a string is one of a closed list, so that `t(\`stages.${value}\`)` is a checked key. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A translator that takes any key as a string, with values. */
export type RuntimeTranslate = (key: string, values?: Record<string, string | number>) => string;

/**
 * For code that names messages by keys built at run time (export columns, dashboard strata): one
 * declared widening of next-intl's typed translator instead of a cast at each call. Those keys are
 * checked by the message tests (tests/unit/i18n-*.test.ts), not by the compiler.
 */
export function runtimeKeys(translate: (key: never, values?: never) => string): RuntimeTranslate {
  return translate as unknown as RuntimeTranslate;
}

/**
 * Whether a key built at run time names a message (a blocker's code, a schema's error code): the
 * `has` beside `runtimeKeys`, so a caller that falls back to another message needs no cast.
 */
export function hasRuntimeKey(translate: { has: (key: never) => boolean }, key: string): boolean {
  return (translate as unknown as { has: (key: string) => boolean }).has(key);
}
