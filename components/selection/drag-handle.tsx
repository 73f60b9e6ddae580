import type { ButtonHTMLAttributes, Ref } from "react";
import styles from "./selection.module.css";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  storyId: string;
  /** The handle's accessible name, e.g. "Drag CS-0001 to another place". */
  label: string;
  /** The handle's role as read aloud, in the reader's language. */
  roleDescription: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * A ranking ballot's drag handle. The ballot shows it before the drag-and-drop code has loaded
 * (that code arrives when a pointer first comes over the list) and the sortable list shows it
 * after, so the handle looks and reads the same throughout. Out of the Tab order: the move buttons
 * are the keyboard's way to rank.
 */
export function DragHandle({ storyId, label, roleDescription, ref, ...rest }: Props) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-roledescription={roleDescription}
      {...rest}
      ref={ref}
      className={styles.dragHandle}
      aria-label={label}
      data-drag-handle={storyId}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}
