/**
 * The client address behind 0, 1 and 2 trusted proxies: only entries the proxies wrote count,
 * so a client's own X-Forwarded-For can neither choose its address nor rotate it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, normalizeAddress, UNKNOWN_ADDRESS } from "@/lib/security/client-address";

describe("with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  it.each([
    ["a forged single address", "203.0.113.9"],
    ["a forged list", "203.0.113.9, 198.51.100.7"],
    // What `next start` writes when the request has none: indistinguishable from a forged one.
    ["the socket address next start fills in", "::ffff:127.0.0.1"],
    ["an empty header", ""],
  ])("ignores %s", (_label, header) => {
    expect(clientAddress(header, 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("is unknown without the header", () => {
    expect(clientAddress(undefined, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(null, 3)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("behind trusted proxies", () => {
  it("takes the right-most entry behind one proxy, whatever the client put before it", () => {
    expect(clientAddress("198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9, 198.51.100.7", 1)).toBe("198.51.100.7");
    // An attacker rotating forged entries stays one address.
    const rotated = Array.from({ length: 20 }, (_, i) => clientAddress(`10.0.0.${i}, 192.0.2.${i}, 198.51.100.7`, 1));
    expect(new Set(rotated)).toEqual(new Set(["198.51.100.7"]));
  });

  it("takes the entry as many places from the right as there are proxies", () => {
    expect(clientAddress("203.0.113.66, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.66, 198.51.100.7, 10.0.0.2", 3)).toBe("203.0.113.66");
  });

  it("takes the left-most entry when the request skipped an outer proxy (fewer entries than hops)", () => {
    // Written by the inner proxy, so still not the client's choice.
    expect(clientAddress("198.51.100.7", 2)).toBe("198.51.100.7");
  });

  it("reads repeated headers as one list, and skips empty entries the client sent", () => {
    expect(clientAddress(["203.0.113.9", "198.51.100.7"], 1)).toBe("198.51.100.7");
    expect(clientAddress(" , ,198.51.100.7 , ", 1)).toBe("198.51.100.7");
    expect(clientAddress(" , , ", 1)).toBe(UNKNOWN_ADDRESS);
  });

  it.each([
    "<script>alert(1)</script>",
    "'; drop table sign_in_attempt; --",
    "unknown",
    "localhost",
    "999.1.1.1",
    "1.2.3.4.5",
    "01.2.3.4",
    "fe80::1%eth0",
    "1".repeat(10_000),
  ])("answers unknown, not the text, for an entry that is not an address: %s", (entry) => {
    expect(clientAddress(`198.51.100.7, ${entry}`, 1)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["  198.51.100.7  ", "198.51.100.7"],
    ["198.51.100.7:8443", "198.51.100.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::1", "::1"],
  ])("spells %s as %s", (entry, expected) => {
    expect(normalizeAddress(entry)).toBe(expected);
  });

  it.each(["", "[]", "[198.51.100.7", "198.51.100.7:", "2001:db8::1:99999", "http://198.51.100.7"])(
    "refuses %j",
    (entry) => {
      expect(normalizeAddress(entry)).toBeNull();
    },
  );
});

describe("requestClientAddress", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const stubEnv = (hops: string) => {
    const env = {
      DATABASE_URL: "postgresql://u@h/db",
      AUTH_SECRET: "a".repeat(40),
      IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
      APP_BASE_URL: "http://localhost:3000",
      TRUSTED_PROXY_HOPS: hops,
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  };
  // serverEnv() is parsed once per module: a fresh copy for each environment.
  const fresh = async () => {
    vi.resetModules();
    return (await import("@/lib/security/client-address")).requestClientAddress;
  };
  const headersOf = (values: Record<string, string>) => (name: string) => values[name];
  const marker = globalThis as { __mscSocketAddressHeader?: string };

  afterEach(() => {
    delete marker.__mscSocketAddressHeader;
  });

  it("uses the installation's TRUSTED_PROXY_HOPS", async () => {
    stubEnv("2");
    marker.__mscSocketAddressHeader = "x-msc-socket-address";
    const get = headersOf({
      "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.2",
      "x-msc-socket-address": "10.0.0.9",
    });
    expect((await fresh())(get)).toBe("198.51.100.7");
  });

  it("takes the socket's peer with no trusted proxy, when the worker recorded it, never X-Forwarded-For", async () => {
    stubEnv("0");
    marker.__mscSocketAddressHeader = "x-msc-socket-address";
    const requestClientAddress = await fresh();
    expect(
      requestClientAddress(
        headersOf({ "x-forwarded-for": "203.0.113.66", "x-msc-socket-address": "::ffff:198.51.100.9" }),
      ),
    ).toBe("198.51.100.9");
    expect(requestClientAddress(headersOf({ "x-forwarded-for": "203.0.113.66" }))).toBe(UNKNOWN_ADDRESS);
  });

  it("ignores a socket-address header in a process that did not write it (a bare next start)", async () => {
    stubEnv("0");
    expect((await fresh())(headersOf({ "x-msc-socket-address": "198.51.100.9" }))).toBe(UNKNOWN_ADDRESS);
  });
});
