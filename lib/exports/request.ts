/** What a download request says besides its path: its query and the reader's language. */
import { defaultLocale, isAppLocale, LOCALE_COOKIE, matchAcceptLanguage, type AppLocale } from "@/lib/i18n/config";
import type { SearchParams } from "@/lib/tables/url-state";

/** The query as the list pages receive it: a repeated key becomes a list (which the lists refuse or use). */
export function searchParamsOf(request: Request): SearchParams {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/** The same choice as the pages (lib/i18n/request.ts): the cookie, then the browser, then Spanish. */
export function localeOfRequest(request: Request): AppLocale {
  const cookie = request.headers.get("cookie") ?? "";
  const chosen = cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isAppLocale(chosen)) return chosen;
  return matchAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale;
}
