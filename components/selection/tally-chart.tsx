"use client";

/**
 * The tally as a bar chart; the page shows the same figures in a table for screen readers and print.
 * Drawn only after hydration: recharts writes style attributes, which the CSP refuses in server HTML
 * (decision 0004), while styles set from the browser are allowed.
 */
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import styles from "./selection.module.css";

export function TallyChart({ rows, valueLabel, title }: { rows: Array<{ code: string; value: number }>; valueLabel: string; title: string }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <div className={styles.chart} aria-hidden="true" />;
  return (
    // The table under the chart carries the same figures for screen readers and keyboards.
    <figure className={styles.chart} aria-hidden="true" title={title}>
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals />
          <YAxis type="category" dataKey="code" width={72} />
          <Bar dataKey="value" name={valueLabel} fill="#1b4f8a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
