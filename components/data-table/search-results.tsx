/** One kind of search result (stories, interviews or focus groups) as a list of links with passages. */
import Link from "next/link";
import type { ReactNode } from "react";
import { splitHighlight } from "@/lib/search/highlight";
import { HighlightedText } from "./highlighted-text";
import styles from "./data-table.module.css";
import { Section } from "@/components/ui/section";

export type SearchResultItem = {
  id: string;
  href: string;
  title: string;
  titleLang?: string;
  details: string[];
  /** ts_headline output with sentinel marks; rendered as text and <mark> only. */
  headline: string | null;
  headlineLang?: string;
};

type SearchResultsProps = {
  id: string;
  heading: string;
  count: string;
  items: SearchResultItem[];
  empty: string;
  footer?: ReactNode;
};

export function SearchResults({ id, heading, count, items, empty, footer }: SearchResultsProps) {
  const headingId = `${id}-heading`;
  return (
    <Section id={headingId} title={heading} description={count}>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className={styles.results}>
          {items.map((item) => (
            <li key={item.id} className={styles.result}>
              <Link href={item.href} lang={item.titleLang} className={styles.resultTitle}>
                {item.title}
              </Link>
              {item.details.length > 0 ? <p className={styles.resultDetails}>{item.details.join(" · ")}</p> : null}
              {item.headline ? (
                <HighlightedText
                  parts={splitHighlight(item.headline)}
                  lang={item.headlineLang}
                  className={styles.excerpt}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {footer}
    </Section>
  );
}
