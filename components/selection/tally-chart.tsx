/**
 * The tally as horizontal bars, drawn on the server as SVG: no chart library reaches the browser.
 * The table under it carries the same figures for screen readers, keyboards and print, so the
 * drawing is hidden from assistive technology. Lengths are SVG attributes in percent of each row,
 * never `style` attributes, which the CSP refuses in server HTML (decision 0004).
 */
import styles from "./selection.module.css";

type Row = { code: string; value: number };

/** Round steps (1, 2, 2.5 or 5 × 10ⁿ) from 0 to at least `max`, about five of them. */
export function axisTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const count = Math.ceil(max / step - 1e-9);
  // toPrecision: 0.1 * 3 is 0.30000000000000004, a label nobody wants.
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

const percent = (value: number, top: number) => `${((Math.max(0, value) / top) * 100).toFixed(2)}%`;

export function TallyChart({ rows, valueLabel, title }: { rows: Row[]; valueLabel: string; title: string }) {
  const ticks = axisTicks(Math.max(0, ...rows.map((row) => row.value)));
  const top = ticks.at(-1)!;
  const gridLines = ticks.map((tick) => (
    <line key={tick} className={styles.chartGrid} x1={percent(tick, top)} x2={percent(tick, top)} y1="0" y2="100%" />
  ));
  return (
    // The table under the chart carries the same figures for screen readers and keyboards.
    <figure className={styles.chart} aria-hidden="true" title={title}>
      {rows.map((row) => (
        <div key={row.code} className={styles.chartRow}>
          <span className={styles.chartLabel}>{row.code}</span>
          <svg className={styles.chartBar} width="100%" height="28" focusable="false">
            {gridLines}
            <rect className={styles.chartValue} x="0" y="4" width={percent(row.value, top)} height="20" />
          </svg>
        </div>
      ))}
      <div className={styles.chartRow}>
        <span className={styles.chartLabel} />
        <svg className={styles.chartAxis} width="100%" height="20" focusable="false">
          {ticks.map((tick, index) => (
            <text
              key={tick}
              x={percent(tick, top)}
              y="14"
              textAnchor={index === 0 ? "start" : index === ticks.length - 1 ? "end" : "middle"}
            >
              {tick}
            </text>
          ))}
        </svg>
      </div>
      <figcaption className={styles.chartCaption}>{valueLabel}</figcaption>
    </figure>
  );
}
