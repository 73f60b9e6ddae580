import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./data-table.module.css";

/** Pages around the current one, with the first and last always reachable: 1 … 4 5 [6] 7 8 … 40. */
export function pageWindow(page: number, pageCount: number, around = 2): Array<number | "gap"> {
  const pages = new Set([1, pageCount]);
  for (let n = page - around; n <= page + around; n += 1) if (n >= 1 && n <= pageCount) pages.add(n);
  const sorted = [...pages].sort((a, b) => a - b);
  const result: Array<number | "gap"> = [];
  sorted.forEach((n, index) => {
    if (index > 0 && n - sorted[index - 1]! > 1) result.push("gap");
    result.push(n);
  });
  return result;
}

/** Links, so paging works without JavaScript; the current page is marked for screen readers. */
export function Pagination({
  label,
  page,
  pageCount,
  hrefFor,
}: {
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("tables.pagination");
  if (pageCount <= 1) return null;
  const step = (target: number, text: string, rel?: string) =>
    target >= 1 && target <= pageCount && target !== page ? (
      <Link href={hrefFor(target)} rel={rel} scroll={false}>
        {text}
      </Link>
    ) : (
      <span className={styles.disabled}>{text}</span>
    );
  return (
    <nav className={styles.pagination} aria-label={label}>
      <ul>
        <li>{step(page - 1, t("previous"), "prev")}</li>
        {pageWindow(page, pageCount).map((entry, index) =>
          entry === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={entry}>
              {entry === page ? (
                <span aria-current="page" className={styles.current}>
                  <span className="visually-hidden">{t("page", { page: entry })}</span>
                  <span aria-hidden="true">{entry}</span>
                </span>
              ) : (
                <Link href={hrefFor(entry)} scroll={false} aria-label={t("page", { page: entry })}>
                  {entry}
                </Link>
              )}
            </li>
          ),
        )}
        <li>{step(page + 1, t("next"), "next")}</li>
      </ul>
    </nav>
  );
}
