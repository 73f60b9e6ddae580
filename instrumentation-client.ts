// Zod 4 probes `new Function("")` when it first parses an object schema in the browser; under our
// Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation. `jitless` turns
// it off. Zod keeps its settings on `globalThis.__zod_globalConfig` and adopts an object already
// there when it loads, so the option is set here without importing zod: this file runs on every
// page, and zod (30 kB) now loads only on pages whose forms check input in the browser (decision
// 0024; tests/unit/zod-jitless.test.ts proves the option takes effect).
type ZodSettings = { jitless?: boolean };
const zodSettings = ((globalThis as { __zod_globalConfig?: ZodSettings }).__zod_globalConfig ??= {});
zodSettings.jitless = true;

export {};
