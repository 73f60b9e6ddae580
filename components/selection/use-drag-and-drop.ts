"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";

export type DragAndDrop = typeof import("./sortable-ballot-list");

type Focus = { id: string; start: number | null; end: number | null };

/**
 * The ballot's drag-and-drop code (dnd-kit, about 18 kB gzipped), fetched on first use: `load` is
 * called when a pointer first comes over the ranking list, so keyboard and screen-reader users,
 * who rank with the move buttons, never download it, and the round page's first load stays within
 * its budget. Until it arrives the list is a plain one with the same handles and buttons.
 *
 * Swapping in the sortable list mounts the list's items anew. What the panelist typed lives in the
 * form's state and survives; the focus and the caret do not, so they are put back by the element's
 * id (a reason being typed while the mouse passes over the list keeps its place).
 */
export function useDragAndDrop(): { dragAndDrop: DragAndDrop | null; load: () => void } {
  const [dragAndDrop, setDragAndDrop] = useState<DragAndDrop | null>(null);
  const requested = useRef(false);
  const focus = useRef<Focus | null>(null);

  const load = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    import("./sortable-ballot-list").then(
      (loaded) => {
        focus.current = focusedElement();
        setDragAndDrop(loaded);
      },
      // A failed download (a dropped connection) leaves the buttons working; the next pointer tries again.
      () => {
        requested.current = false;
      },
    );
  }, []);

  useLayoutEffect(() => {
    const saved = focus.current;
    focus.current = null;
    if (!dragAndDrop || !saved) return;
    const element = document.getElementById(saved.id);
    if (!element || element === document.activeElement) return;
    element.focus();
    if ((element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) && saved.start !== null)
      element.setSelectionRange(saved.start, saved.end);
  }, [dragAndDrop]);

  return { dragAndDrop, load };
}

function focusedElement(): Focus | null {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || !element.id) return null;
  // `selectionStart` is null on inputs without a caret (a checkbox): such a field keeps no position.
  const text = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement;
  return { id: element.id, start: text ? element.selectionStart : null, end: text ? element.selectionEnd : null };
}
