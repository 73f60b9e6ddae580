/**
 * Prisma's schema engine, run as WebAssembly so that migrations need no download.
 *
 * The Prisma CLI fetches a native engine binary before any `migrate` command, which fails on
 * air-gapped installs. The same engine is published as WebAssembly; we load it by hand because
 * its entry module imports the .wasm file directly, which Node 20 cannot do.
 * See docs/decisions/0002-offline-migrations.md.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
let loaded: Promise<void> | undefined;
let lastPanic: string | undefined;

// The engine reports a Rust panic through this global before it throws; keep the message.
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  },
};

/** The engine's last panic message, for error reports. */
export function lastSchemaEnginePanic(): string | undefined {
  return lastPanic;
}

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // The package exports no path to its .wasm; it sits beside the bindings module.
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
    // The engine arms 10-second timers for its own time-outs; they must not keep a finished
    // command's process alive.
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      const original = imports[name] as (...args: unknown[]) => NodeJS.Timeout;
      imports[name] = (...args: unknown[]) => original(...args).unref();
    }
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

type ScriptAdapter = {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks function
 * bodies and comments and runs the statements one by one. The native engine sends the script
 * whole, which PostgreSQL runs as one implicit transaction: a failed migration leaves nothing.
 * We restore that behaviour.
 */
class WholeScriptPg extends PrismaPg {
  readonly opened: Array<{ dispose(): Promise<void> }> = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const target = adapter as unknown as ScriptAdapter;
    target.executeScript = async (script: string) => {
      try {
        await target.client.query(script);
      } catch (error) {
        target.onError(error);
      }
    };
    return adapter;
  }
}

export type EngineLog = (message: string) => void;

export type OpenEngine = {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (an open pool would keep the process alive). */
  close(): Promise<void>;
};

/** Opens the engine on a schema, connected to the database at `connectionString`. */
export async function openSchemaEngine(
  datamodel: string,
  connectionString?: string,
  log: EngineLog = () => {},
): Promise<OpenEngine> {
  await loadWasm();
  // The engine always wants an adapter; the pool connects lazily, so a diff between two
  // datamodels never opens a connection to this placeholder.
  const factory = new WholeScriptPg({ connectionString: connectionString ?? "postgresql://localhost/unused", max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = (await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (message: string) => log(message),
    adapter,
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(factory.opened.map((opened) => opened.dispose()));
    },
  };
}
