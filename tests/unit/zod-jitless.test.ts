/**
 * instrumentation-client.ts sets zod's `jitless` option without importing zod, through the object
 * zod adopts from `globalThis` when it loads. Each case runs in a fresh Node process, as a page
 * does: a zod already loaded in this test's process would hide whether the option is adopted.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Counts `new Function(...)` calls while zod builds and parses an object schema. */
function probe(loadInstrumentation: boolean): { jitless: unknown; functionCalls: number; parsed: unknown } {
  const script = `
    ${loadInstrumentation ? 'await import("./instrumentation-client.ts");' : ""}
    let functionCalls = 0;
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, { construct(target, args) { functionCalls++; return Reflect.construct(target, args); } });
    const { z } = await import("zod");
    const schema = z.object({ name: z.string(), votes: z.number() });
    const parsed = schema.parse({ name: "H-01", votes: 3 });
    globalThis.Function = RealFunction;
    console.log(JSON.stringify({ jitless: z.config().jitless ?? null, functionCalls, parsed }));
  `;
  const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

describe("zod in the browser", () => {
  it("is jitless once instrumentation-client.ts has run, though that file does not import zod", () => {
    expect(probe(true)).toEqual({ jitless: true, functionCalls: 0, parsed: { name: "H-01", votes: 3 } });
  });

  it("would probe new Function without it (so the case above can fail)", () => {
    expect(probe(false).functionCalls).toBeGreaterThan(0);
  });
});
