/** The map meets the place catalogue on every state, and its classes cover every count once. */
import { describe, expect, it } from "vitest";
import { classOf, mapClasses, MAP_SHAPES } from "@/lib/dashboard/map";
import { MEXICO_STATES } from "@/lib/places/catalogue";

describe("dashboard map", () => {
  it("has one shape for each of the catalogue's 32 states and no other", () => {
    expect(MAP_SHAPES.size).toBe(32);
    expect([...MAP_SHAPES.keys()].sort()).toEqual(MEXICO_STATES.map((state) => state.iso).sort());
  });

  it("puts every count from 1 to the largest in exactly one class, and zero in none", () => {
    for (const max of [1, 3, 4, 5, 17, 100]) {
      const classes = mapClasses(max);
      expect(classes.length).toBeLessThanOrEqual(4);
      expect(classes[0]!.from).toBe(1);
      expect(classes.at(-1)!.to).toBe(max);
      for (let count = 1; count <= max; count += 1)
        expect(classes.filter((range) => classOf(count, [range])).length, `${count} of ${max}`).toBe(1);
      expect(classOf(0, classes)).toBeNull();
    }
    expect(mapClasses(0)).toEqual([]);
  });
});
