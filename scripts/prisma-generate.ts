/**
 * `prisma generate` without the engine download. The Prisma CLI fetches its native schema engine
 * before every command, even `generate`, which needs no engine at all (Prisma 7's client uses a
 * WebAssembly query compiler). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the
 * download; the file is never run by `generate`.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
