/**
 * Ranking by dragging: the order a drop produces, and the drag handle's markup (named in the
 * reader's language, out of the Tab order, with the instructions dnd-kit points it to).
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { moveStory } from "@/components/selection/ranking-order";
import { DragHandle } from "@/components/selection/drag-handle";
import { SortableBallotItem, SortableBallotList } from "@/components/selection/sortable-ballot-list";
import en from "@/lib/i18n/messages/en/selection.json";
import es from "@/lib/i18n/messages/es/selection.json";

const order = ["a", "b", "c", "d"];

describe("moveStory", () => {
  it("moves a story down, shifting the ones it passes up", () => {
    expect(moveStory(order, "a", 2)).toEqual({ order: ["b", "c", "a", "d"], from: 0, to: 2 });
  });

  it("moves a story up, shifting the ones it passes down", () => {
    expect(moveStory(order, "d", 0)).toEqual({ order: ["d", "a", "b", "c"], from: 3, to: 0 });
  });

  it("reports a drop where the story already was as no move", () => {
    const moved = moveStory(order, "b", 1)!;
    expect(moved.from).toBe(moved.to);
    expect(moved.order).toEqual(order);
  });

  it("keeps a drop beyond either end inside the list", () => {
    expect(moveStory(order, "b", 99)).toEqual({ order: ["a", "c", "d", "b"], from: 1, to: 3 });
    expect(moveStory(order, "c", -5)).toEqual({ order: ["c", "a", "b", "d"], from: 2, to: 0 });
  });

  it("refuses a story that is not on the ballot and a position that is not a whole number", () => {
    expect(moveStory(order, "z", 0)).toBeNull();
    expect(moveStory(order, "a", Number.NaN)).toBeNull();
    expect(moveStory(order, "a", 1.5)).toBeNull();
  });

  it("leaves the order it was given untouched and never loses or repeats a story", () => {
    const given = [...order];
    for (const id of order) {
      for (let to = 0; to < order.length; to += 1) {
        const moved = moveStory(given, id, to)!;
        expect([...moved.order].sort()).toEqual([...order].sort());
        expect(moved.order[to]).toBe(id);
      }
    }
    expect(given).toEqual(order);
  });
});

function render(messages: typeof en) {
  const ballot = messages.selection.ballot;
  return renderToStaticMarkup(
    h(SortableBallotList, {
      ids: ["s1", "s2"],
      className: "list",
      instructions: ballot.dragInstructions,
      onDrop: () => undefined,
      children: ["s1", "s2"].map((id, index) =>
        h(SortableBallotItem, {
          key: id,
          id,
          className: "item",
          handleLabel: ballot.dragHandle.replace("{code}", `CS-000${index + 1}`),
          handleRole: ballot.dragRole,
          children: (handle) => h("div", null, handle, h("h3", null, id)),
        }),
      ),
    }),
  );
}

describe("SortableBallotItem", () => {
  it("renders each story as a list item with a named handle that is not a Tab stop", () => {
    const html = render(es);
    expect(html.startsWith('<ol class="list"><li class="item"')).toBe(true);
    const handles = html.match(/<button[^>]*>/g) ?? [];
    expect(handles).toHaveLength(2);
    for (const handle of handles) {
      expect(handle).toContain('type="button"');
      expect(handle).toContain('tabindex="-1"');
      expect(handle).toContain(`aria-roledescription="${es.selection.ballot.dragRole}"`);
      expect(handle).toMatch(/aria-describedby="ranking-instructions[^"]+"/);
    }
    expect(handles[0]).toContain('aria-label="Arrastrar CS-0001 a otro lugar"');
    expect(handles[1]).toContain('aria-label="Arrastrar CS-0002 a otro lugar"');
  });

  it("shows the same handle before the drag code has loaded: named, out of the Tab order, inert", () => {
    const ballot = es.selection.ballot;
    const label = ballot.dragHandle.replace("{code}", "CS-0001");
    const plain = renderToStaticMarkup(h(DragHandle, { storyId: "s1", label, roleDescription: ballot.dragRole }));
    const sortable = (render(es).match(/<button[^>]*>/g) ?? [])[0]!;
    for (const attribute of ['type="button"', 'tabindex="-1"', `aria-label="${label}"`, 'data-drag-handle="s1"'])
      expect([attribute, plain.includes(attribute), sortable.includes(attribute)]).toEqual([attribute, true, true]);
    expect(plain).toContain(`aria-roledescription="${ballot.dragRole}"`);
    // The instructions belong to dnd-kit's list, which is not there yet.
    expect(plain).not.toContain("aria-describedby");
  });

  it("names the handle in English for English readers", () => {
    const html = render(en);
    expect(html).toContain('aria-label="Drag CS-0001 to another place"');
    expect(html).toContain('aria-roledescription="drag handle"');
    expect(html).not.toContain("Arrastrar");
  });

  it("has its words in both languages, and mentions the buttons for keyboard users", () => {
    for (const messages of [en, es]) {
      const ballot = messages.selection.ballot;
      for (const text of [ballot.dragHandle, ballot.dragRole, ballot.dragInstructions, ballot.stayedAt])
        expect(text.trim()).not.toBe("");
      expect(ballot.dragHandle).toContain("{code}");
      expect(ballot.dragInstructions).toContain(ballot.up);
      expect(ballot.dragInstructions).toContain(ballot.down);
    }
    expect(es.selection.ballot.dragHandle).not.toBe(en.selection.ballot.dragHandle);
  });
});
