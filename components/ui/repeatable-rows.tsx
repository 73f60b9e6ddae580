"use client";

/**
 * A list of rows the user adds, removes and (optionally) reorders, each row a fieldset with its
 * own legend: the story's figures and contributing projects. One component so both behave alike
 * for keyboard and screen-reader users: after adding, focus goes to the new row's first field;
 * after removing, to the row above (or the add button); after moving, to the moved row's button.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";
import styles from "./repeatable-rows.module.css";

/** Moves focus to an element once the next render has put it on the page. */
export function useFocusAfterRender() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id: string) => {
    pending.current = id;
  };
}

export type RepeatableRowsLabels = {
  empty: string;
  add: string;
  legend: (number: number) => string;
  remove: (number: number) => string;
  moveUp?: (number: number) => string;
  moveDown?: (number: number) => string;
};

export function RepeatableRows<Row>(props: {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** A stable key per row (a stored id or a key made when the row was added). */
  rowKey: (row: Row, index: number) => string;
  newRow: () => Row;
  max: number;
  /** The DOM id of a control in a row: `controlId(2, "label")`; also names the move buttons ("up", "down"). */
  controlId: (index: number, name: string) => string;
  /** The name of each row's first field, focused after adding or removing. */
  firstField: string;
  addId: string;
  labels: RepeatableRowsLabels;
  reorderable?: boolean;
  children: (row: Row, index: number, set: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const { rows, onChange, labels, controlId, firstField } = props;
  const focusLater = useFocusAfterRender();
  const set = (index: number) => (patch: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
    const target = index + by;
    // Keep focus on the moved row's button in the same direction, or the other one at either end.
    const direction = target === 0 ? "down" : target === rows.length - 1 ? "up" : by < 0 ? "up" : "down";
    focusLater(controlId(target, direction));
  };
  return (
    <>
      {rows.length === 0 ? <p className="muted">{labels.empty}</p> : null}
      <ol className={styles.rows}>
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={props.rowKey(row, index)}>
              <fieldset className={styles.row}>
                <legend>{labels.legend(number)}</legend>
                {props.children(row, index, set(index))}
                <div className={styles.actions}>
                  {props.reorderable && labels.moveUp && index > 0 ? (
                    <Button variant="secondary" id={controlId(index, "up")} onClick={() => move(index, -1)}>
                      {labels.moveUp(number)}
                    </Button>
                  ) : null}
                  {props.reorderable && labels.moveDown && index < rows.length - 1 ? (
                    <Button variant="secondary" id={controlId(index, "down")} onClick={() => move(index, 1)}>
                      {labels.moveDown(number)}
                    </Button>
                  ) : null}
                  <Button
                    variant="secondary"
                    onClick={() => {
                      onChange(rows.filter((_, i) => i !== index));
                      focusLater(rows.length > 1 ? controlId(Math.max(0, index - 1), firstField) : props.addId);
                    }}
                  >
                    {labels.remove(number)}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          variant="secondary"
          id={props.addId}
          disabled={rows.length >= props.max}
          onClick={() => {
            onChange([...rows, props.newRow()]);
            focusLater(controlId(rows.length, firstField));
          }}
        >
          {labels.add}
        </Button>
      </div>
    </>
  );
}
