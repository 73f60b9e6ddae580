"use client";

/**
 * Drag-and-drop for a ranking ballot, for mouse and touch users. The ballot loads this file (and
 * dnd-kit with it) only when a pointer first comes over its list (use-drag-and-drop.ts), so the
 * round page's first load does not carry it. Keyboard and screen-reader users
 * rank with the "up"/"down" buttons beside each story, so the drag handle stays out of the Tab
 * order and dnd-kit's keyboard sensor is not enabled. dnd-kit's own announcements are silenced:
 * the ballot's live region says where the story landed, in the reader's language.
 */
import {
  closestCenter,
  DndContext,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, type ReactNode } from "react";
import { DragHandle } from "./drag-handle";
import styles from "./selection.module.css";

const silent: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

type ListProps = {
  ids: string[];
  className?: string;
  /** What dnd-kit tells assistive technology about the handle (its `aria-describedby`). */
  instructions: string;
  /** A story was dropped at index `to` (0-based), or let go where it was (`to` null). */
  onDrop: (id: string, to: number | null) => void;
  children: ReactNode;
};

export function SortableBallotList({ ids, className, instructions, onDrop, children }: ListProps) {
  // The id of the hidden instructions the handles point to; from useId so the server-rendered
  // `aria-describedby` equals the browser's.
  const id = `ranking-instructions${useId()}`;
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // Browsers without pointer events; a short press, so a finger scrolling the page is not a drag.
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
  );
  function handleDragEnd({ active, over }: DragEndEvent) {
    onDrop(String(active.id), over ? ids.indexOf(String(over.id)) : null);
  }
  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{ announcements: silent, screenReaderInstructions: { draggable: instructions } }}
      onDragEnd={handleDragEnd}
      onDragCancel={({ active }) => onDrop(String(active.id), null)}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className={className}>{children}</ol>
      </SortableContext>
    </DndContext>
  );
}

type ItemProps = {
  id: string;
  className?: string;
  /** The handle's accessible name, e.g. "Drag CS-0001 to another place". */
  handleLabel: string;
  /** The handle's role as read aloud, in the reader's language. */
  handleRole: string;
  /** The item's content; `handle` is placed where the item wants it. */
  children: (handle: ReactNode) => ReactNode;
};

export function SortableBallotItem({ id, className, handleLabel, handleRole, children }: ItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    // Out of the Tab order: the move buttons are the keyboard's way to rank.
    attributes: { tabIndex: -1, roleDescription: handleRole },
  });
  const handle = (
    <DragHandle
      ref={setActivatorNodeRef}
      storyId={id}
      label={handleLabel}
      roleDescription={handleRole}
      {...attributes}
      {...listeners}
    />
  );
  return (
    <li
      ref={setNodeRef}
      className={[className, isDragging ? styles.dragging : null].filter(Boolean).join(" ")}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {children(handle)}
    </li>
  );
}
