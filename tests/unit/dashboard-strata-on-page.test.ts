import { describe, expect, it } from "vitest";
import { strataOnPage } from "@/lib/dashboard/strata-on-page";

const row = (name: string, unreached: number | null) => ({ name, unreached });

describe("a validation round's strata on the dashboard", () => {
  it("are all shown, in their order, while they fit", () => {
    const strata = [row("a", 0), row("b", 3), row("c", 1)];
    expect(strataOnPage(strata, 3)).toEqual({ shown: strata, byUnreached: false });
  });

  it("are those with the most people still to reach when they do not, ties in their order", () => {
    const strata = [row("a", 0), row("b", 2), row("c", 5), row("d", 2), row("e", 1)];
    const { shown, byUnreached } = strataOnPage(strata, 3);
    expect(shown.map((stratum) => stratum.name)).toEqual(["c", "b", "d"]);
    expect(byUnreached).toBe(true);
  });

  it("are the first ones, unranked, for readers without exact counts", () => {
    const strata = [row("a", null), row("b", null), row("c", null)];
    expect(strataOnPage(strata, 2)).toEqual({ shown: strata.slice(0, 2), byUnreached: false });
  });
});
