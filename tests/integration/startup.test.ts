/**
 * `npm start` on bad input: one clear line and a non-zero exit, never a stack trace.
 * (These cases stop before the build, so they run in seconds.)
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript, type ScriptRun } from "@/tests/support/run-script";

const key = Buffer.alloc(32, 1).toString("base64");
const secret = "x".repeat(40);

function start(env: Record<string, string>): Promise<ScriptRun> {
  return runScript("start", [], { DATABASE_URL: "", ...env });
}

function expectOneClearLine(output: string) {
  expect(output.split("\n")).toHaveLength(1);
  expect(output).not.toMatch(/\n\s+at |Error:/);
}

const occupied: net.Server[] = [];
afterAll(() => occupied.forEach((server) => server.close()));

function occupyPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "0.0.0.0", () => resolve((server.address() as net.AddressInfo).port));
    occupied.push(server);
  });
}

async function freePort(): Promise<number> {
  const port = await occupyPort();
  await new Promise((resolve) => occupied.pop()!.close(resolve));
  return port;
}

describe("npm start refuses bad input clearly", () => {
  it("names a malformed environment variable", async () => {
    const { code, output } = await start({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(output).toBe('Environment variable PORT must be a whole number from 1 to 65535; got "eighty".');
  });

  it("asks for the operator's secrets when a real database is configured", async () => {
    const { code, output } = await start({ DATABASE_URL: "postgresql://u@127.0.0.1:1/db" });
    expect(code).toBe(1);
    expect(output).toMatch(/^Environment variable AUTH_SECRET must be set when DATABASE_URL is set/);
    expectOneClearLine(output);
  });

  it("says when the database cannot be reached", async () => {
    const closedPort = 1; // nothing listens there
    const { code, output } = await start({
      DATABASE_URL: `postgresql://msc:secret-password@127.0.0.1:${closedPort}/msc`,
      AUTH_SECRET: secret,
      IDENTITY_ENCRYPTION_KEY: key,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toBe(
      `Cannot reach the database at 127.0.0.1:${closedPort}/msc (ECONNREFUSED). Check DATABASE_URL and that PostgreSQL is running.`,
    );
    expect(output).not.toContain("secret-password");
  });

  it("says when the port is already in use", async () => {
    const port = await occupyPort();
    const { code, output } = await start({ PORT: String(port), DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "msc-")) });
    expect(code).toBe(1);
    expect(output).toBe(
      `Port ${port} is already in use (is the app already running?). Stop it, or set PORT to another port.`,
    );
  });

  it("says when another running copy holds the data folder", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "msc-"));
    writeFileSync(path.join(dataDir, "app.lock"), String(process.pid)); // this live process holds it
    const { code, output } = await start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toBe(
      `The data folder ${dataDir} is in use by another running copy (process ${process.pid}). Stop it first, or set DATA_DIR to another folder.`,
    );
  });
});
