"use client";

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";

export type DragAndDrop = typeof import("./sortable-ballot-list");

/** What the page holds in the DOM rather than in React's state, and a new list would lose. */
type Snapshot = {
  /** Each story's folded details, open or not, in the list's order (which the swap keeps). */
  open: boolean[];
  focus: { id: string; start: number | null; end: number | null } | null;
};

/**
 * The ballot's drag-and-drop code (dnd-kit, about 18 kB gzipped), fetched on first use, so the
 * round page's first load stays within its budget and keyboard and screen-reader users, who rank
 * with the move buttons, never download it. Until then the list is a plain one with the same
 * handles and buttons.
 *
 * Two moments: a pointer coming over the list starts the download (`prefetch`); a pointer coming
 * onto a drag handle (`handleEntered`) swaps in the sortable list, once the code is there. The
 * swap mounts the list's items anew, so it waits for the one moment a drag is about to start,
 * never while the panelist clicks or types elsewhere in the list. What was typed lives in the
 * form's state; the stories' opened details and the focus with its caret live in the DOM, and
 * are put back.
 */
export function useDragAndDrop(list: RefObject<HTMLElement | null>) {
  const [dragAndDrop, setDragAndDrop] = useState<DragAndDrop | null>(null);
  const loaded = useRef<DragAndDrop | null>(null);
  const requested = useRef(false);
  // A pointer is on a handle: swap as soon as the code is there.
  const wanted = useRef(false);
  const saved = useRef<Snapshot | null>(null);

  const swap = useCallback(() => {
    if (!loaded.current || !wanted.current) return;
    saved.current = snapshot(list.current);
    setDragAndDrop(loaded.current);
  }, [list]);

  const prefetch = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    import("./sortable-ballot-list").then(
      (module) => {
        loaded.current = module;
        swap();
      },
      // A failed download (a dropped connection) leaves the buttons working; the next pointer tries again.
      () => {
        requested.current = false;
      },
    );
  }, [swap]);

  const handleEntered = useCallback(() => {
    wanted.current = true;
    prefetch();
    swap();
  }, [prefetch, swap]);

  const handleLeft = useCallback(() => {
    wanted.current = false;
  }, []);

  useLayoutEffect(() => {
    const before = saved.current;
    saved.current = null;
    if (dragAndDrop && before) restore(list.current, before);
  }, [dragAndDrop, list]);

  return { dragAndDrop, prefetch, handleEntered, handleLeft };
}

function snapshot(list: HTMLElement | null): Snapshot {
  const open = list ? Array.from(list.querySelectorAll("details"), (details) => details.open) : [];
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || !element.id) return { open, focus: null };
  // `selectionStart` is null on inputs without a caret (a checkbox): such a field keeps no position.
  const text = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement;
  return {
    open,
    focus: { id: element.id, start: text ? element.selectionStart : null, end: text ? element.selectionEnd : null },
  };
}

function restore(list: HTMLElement | null, { open, focus }: Snapshot) {
  list?.querySelectorAll("details").forEach((details, index) => {
    if (open[index] !== undefined) details.open = open[index];
  });
  if (!focus) return;
  const element = document.getElementById(focus.id);
  if (!element || element === document.activeElement) return;
  element.focus();
  if ((element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) && focus.start !== null)
    element.setSelectionRange(focus.start, focus.end);
}
