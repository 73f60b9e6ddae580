/**
 * The browser gets only the message groups that <ClientMessages> in the layouts list. These tests
 * keep those lists true: every group the client code under a layout names is sent there, and
 * every group sent there is named by some client code under it. A client component reading a
 * group its page does not send would show raw keys; a group nobody reads is bytes on every page.
 */
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages";
import { analyse, covers, isMessagePath, relative, type RouteNeed } from "./support/client-messages-graph";

const { providers, needs, routeFiles } = analyse(en as never);

function describeNeed(need: RouteNeed): string {
  return `${need.messagePath} (read by ${relative(need.clientFile)}, on ${relative(need.routeFile)})`;
}

describe("messages sent to the browser", () => {
  it("finds the route files, the layouts that send messages and the client code that reads them", () => {
    // A broken reader would find nothing and pass everything below: make sure it reads.
    expect(routeFiles.length).toBeGreaterThan(50);
    expect(providers.map((provider) => relative(provider.layout))).toContain("app/layout.tsx");
    const signIn = [...needs.values()]
      .flat()
      .filter((need) => relative(need.routeFile) === "app/(auth)/sign-in/page.tsx");
    expect(signIn.map((need) => need.messagePath)).toContain("signIn");
    const listPage = [...needs.values()]
      .flat()
      .filter((need) => relative(need.routeFile) === "app/(app)/evaluations/[evaluationId]/respondents/page.tsx");
    expect(listPage.map((need) => need.messagePath)).toContain("tables");
  });

  it("lists only groups that exist", () => {
    for (const provider of providers) {
      for (const group of provider.namespaces)
        expect(isMessagePath(en as never, group), `${group} in ${relative(provider.layout)}`).toBe(true);
    }
  });

  it("renders no client code that reads messages outside a <ClientMessages>", () => {
    expect((needs.get(null) ?? []).map(describeNeed)).toEqual([]);
  });

  it.each(providers.map((provider) => [relative(provider.layout), provider] as const))(
    "%s sends every group the client code under it reads",
    (_layout, provider) => {
      const missing = (needs.get(provider) ?? []).filter(
        (need) => !provider.namespaces.some((group) => covers(group, need.messagePath)),
      );
      expect(missing.map(describeNeed)).toEqual([]);
    },
  );

  it.each(providers.map((provider) => [relative(provider.layout), provider] as const))(
    "%s sends no group that nothing under it reads",
    (_layout, provider) => {
      const read = (needs.get(provider) ?? []).map((need) => need.messagePath);
      const unused = provider.namespaces.filter((group) => !read.some((path) => covers(group, path)));
      expect(unused).toEqual([]);
    },
  );
});
