/** `npm run build`: the production build, stamped so that `npm start` knows it is current. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { recordBuildStamp, sourceStamp } from "../lib/launch/build-stamp";

const require = createRequire(import.meta.url);
const stamp = sourceStamp();
const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
// A file changed during the build would make the stamp a lie; leave it unstamped then.
if (build.status === 0 && stamp === sourceStamp()) recordBuildStamp();
process.exit(build.status ?? 1);
