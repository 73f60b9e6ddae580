import Link from "next/link";
import { StageBadge } from "@/components/stories/stage-badge";
import { HighlightedText } from "./highlighted-text";
import styles from "./data-table.module.css";
import type { CellValue } from "./types";

/** One cell's content. `none` is read out where the visible cell shows a dash. */
export function Cell({ value, none }: { value: CellValue; none: string }) {
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{none}</span>
      </>
    );
  }
  switch (value.kind) {
    case "text":
      return <span lang={value.lang}>{value.text}</span>;
    case "link":
      return (
        <>
          <Link href={value.href} lang={value.lang}>
            {value.text}
          </Link>
          {value.marker ? <span className={styles.marker}>{value.marker}</span> : null}
        </>
      );
    case "time":
      return <time dateTime={value.dateTime}>{value.text}</time>;
    case "list":
      return value.items.length === 0 ? <Cell value={null} none={none} /> : <>{value.items.join(", ")}</>;
    case "highlight":
      return <HighlightedText parts={value.parts} lang={value.lang} className={styles.excerpt} />;
    case "stage":
      return <StageBadge stage={value.stage} name={value.text} />;
  }
}
