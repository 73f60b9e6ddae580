import { describe, expect, it } from "vitest";
import { briefOrder } from "@/lib/learnings/order";

const row = (id: string, position: number, audience: "IMPLEMENTING_PARTNERS" | "FUNDER" | "OTHER" | null = null) => ({
  id,
  position,
  audience,
});

describe("the brief's order of learnings", () => {
  it("numbers recommendations straight through by audience: partners, the funder, others", () => {
    const rows = [
      row("a", 1, "FUNDER"),
      row("b", 2, "OTHER"),
      row("c", 3, "IMPLEMENTING_PARTNERS"),
      row("d", 4, "FUNDER"),
      row("e", 5, "IMPLEMENTING_PARTNERS"),
    ];
    expect(briefOrder("RECOMMENDATION", rows).map((r) => r.id)).toEqual(["c", "e", "a", "d", "b"]);
  });

  it("keeps every other kind in its own order, whatever order the rows came in", () => {
    expect(briefOrder("LESSON", [row("x", 3), row("y", 1), row("z", 2)]).map((r) => r.id)).toEqual(["y", "z", "x"]);
  });
});
