/**
 * The map meets the place catalogue on every state, its classes cover every count once, and its
 * rounded outlines keep every point of the package's within a twentieth of a unit.
 */
import geometry from "@svg-maps/mexico";
import { describe, expect, it } from "vitest";
import { classOf, mapClasses, MAP_SHAPES, outlinePoints, roundedOutline } from "@/lib/dashboard/map";
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

  it("reads an outline's moves, lines and closes as the points they draw", () => {
    expect(outlinePoints("m 10,20 5,0 0,5 z m 1,1 2,2 M 100,100 l -1.5,.5 L 3e1,4")).toEqual([
      {
        points: [
          [10, 20],
          [15, 20],
          [15, 25],
        ],
        closed: true,
      },
      {
        points: [
          [11, 21],
          [13, 23],
        ],
        closed: false,
      },
      {
        points: [
          [100, 100],
          [98.5, 100.5],
          [30, 4],
        ],
        closed: false,
      },
    ]);
    expect(() => outlinePoints("m 0,0 c 1,1 2,2 3,3")).toThrow(/"c" command/);
  });

  it("rounds every point of every state to a tenth without the error adding up, and sends less", () => {
    const original = new Map(
      (geometry as unknown as { locations: Array<{ id: string; path: string }> }).locations.map((location) => [
        `MX-${location.id.toUpperCase()}`,
        location.path,
      ]),
    );
    const tenth = (value: number) => Math.round(value * 10) / 10;
    for (const [iso, path] of original) {
      // What rounding each absolute point gives, with a point that rounds onto the one before left out.
      const expected = outlinePoints(path).map(({ points, closed }) => ({
        closed,
        points: points
          .map(([x, y]) => [tenth(x), tenth(y)])
          .filter(([x, y], index, all) => index === 0 || x !== all[index - 1]![0] || y !== all[index - 1]![1]),
      }));
      const rounded = outlinePoints(MAP_SHAPES.get(iso)!);
      expect(
        rounded.map(({ closed }) => closed),
        iso,
      ).toEqual(expected.map(({ closed }) => closed));
      rounded.forEach(({ points }, subpath) => {
        const want = expected[subpath]!.points;
        expect(points.length, `${iso} subpath ${subpath}`).toBe(want.length);
        points.forEach(([x, y], index) => {
          expect(Math.abs(x - want[index]![0]!), `${iso} ${subpath}/${index}`).toBeLessThan(1e-6);
          expect(Math.abs(y - want[index]![1]!), `${iso} ${subpath}/${index}`).toBeLessThan(1e-6);
        });
      });
    }
    const size = (paths: Iterable<string>) => [...paths].join("").length;
    expect(size(MAP_SHAPES.values())).toBeLessThan(size(original.values()) * 0.75);
    expect(roundedOutline("m 0.01,0 0.02,0 10,0 z m 1.26,-1 0,-1")).toBe("m0,0 10,0z m1.3,-1 0,-1");
  });
});
