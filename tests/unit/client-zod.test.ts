/**
 * zod stays on the server: the browser would download all of it (about 30 kB gzipped) for a few
 * constants. Forms show the server's zod result next to their fields (components/ui/use-action-form.ts);
 * what client code needs from a schema (lengths, option lists) lives in a zod-free module beside
 * it, which the schema imports (decision 0034).
 */
import { describe, expect, it } from "vitest";
import { clientChainsTo } from "./support/client-messages-graph";

/** Client files that still reach zod, each for the reason given; the list only shrinks (it is empty). */
const STILL_REACHING: Record<string, string> = {};

describe("client code and zod", () => {
  const chains = clientChainsTo("zod");

  it("no client component reaches zod, directly or through what it imports", () => {
    expect(chains.filter((chain) => !STILL_REACHING[chain[0]!]).map((chain) => chain.join(" -> "))).toEqual([]);
  });

  it("gives no reason for a file that no longer reaches zod", () => {
    const reaching = new Set(chains.map((chain) => chain[0]));
    expect(Object.keys(STILL_REACHING).filter((file) => !reaching.has(file))).toEqual([]);
  });

  it("sees a package the client does reach (so the case above can fail)", () => {
    expect(clientChainsTo("next-intl").length).toBeGreaterThan(20);
  }, 30_000); // parses the whole tree once more: seconds on a loaded machine
});
