/**
 * The workers' preload (lib/launch/socket-address.cjs) on a real HTTP server: every request
 * carries the socket's own address, and a copy the client wrote is dropped, from the parsed
 * headers and the raw list alike.
 */
import { createRequire } from "node:module";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HEADER = "x-msc-socket-address";
let server: http.Server;
let seen: { parsed: string | string[] | undefined; raw: string[] }[] = [];

beforeAll(async () => {
  createRequire(import.meta.url)("../../lib/launch/socket-address.cjs");
  server = http.createServer((request, response) => {
    seen.push({
      parsed: request.headers[HEADER],
      raw: request.rawHeaders.filter((_, i, all) => i % 2 === 1 && all[i - 1]!.toLowerCase() === HEADER),
    });
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function get(headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, { headers });
}

describe("the socket-address preload", () => {
  it("marks the process, so the app knows the header is its own", () => {
    expect((globalThis as { __mscSocketAddressHeader?: string }).__mscSocketAddressHeader).toBe(HEADER);
  });

  it("writes the socket's address and drops the client's own copy", async () => {
    seen = [];
    await get({});
    await get({ [HEADER]: "203.0.113.66", "X-MSC-Socket-Address": "198.51.100.1" });
    expect(seen.map((request) => request.parsed)).toEqual(["127.0.0.1", "127.0.0.1"]);
    expect(seen.map((request) => request.raw)).toEqual([["127.0.0.1"], ["127.0.0.1"]]);
  });
});
