/**
 * `node --import ./scripts/server-side.mjs`: this process is the server, so `server-only` resolves
 * as it does in the app's server bundle, to the package's own `react-server` entry (an empty
 * module). Only that one package gets the condition: React and the rest keep their Node builds.
 * Next.js maps `server-only` itself, to nothing on the server and to a build error in client code.
 */
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
