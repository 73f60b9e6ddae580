/**
 * The client's network address, as far as the app can trust it (decision 0005, "Client address").
 * Every proxy appends the address it received the request from to X-Forwarded-For, so only the
 * right-most `TRUSTED_PROXY_HOPS` entries were written by proxies the operator runs; anything to
 * their left is whatever the client sent. `next start` adds the socket's address only when the
 * request carries no X-Forwarded-For, so with no trusted proxy the header proves nothing: then the
 * client is the socket's peer, which `npm start`'s workers put in a header of their own
 * (lib/launch/socket-address.cjs, docs/decisions/0030).
 */
import { isIP } from "node:net";
import { serverEnv } from "@/lib/env";

/** Stored in place of an address the app cannot trust; never counted as one client's address. */
export const UNKNOWN_ADDRESS = "unknown";

/** An IPv4-mapped IPv6 address (how Node reports IPv4 clients on a dual-stack socket). */
const MAPPED_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/** One X-Forwarded-For entry as a canonical address, or null when it is not one. */
export function normalizeAddress(entry: string): string | null {
  let address = entry.trim().toLowerCase();
  // Some proxies append the port: "[2001:db8::1]:443", "198.51.100.1:443".
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.indexOf(":"));

  const mappedDotted = MAPPED_DOTTED.exec(address);
  if (mappedDotted) address = mappedDotted[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  // One spelling per IPv6 address ("2001:DB8:0::1" and "2001:db8::1" are the same client).
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null; // e.g. a zone index ("fe80::1%eth0"), which no proxy in front of the app writes
  }
  const mappedHex = MAPPED_HEX.exec(canonical);
  if (!mappedHex) return canonical;
  const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * The entry `trustedProxyHops` places from the right end of X-Forwarded-For: the address the
 * outermost trusted proxy saw. With 0 hops the header is ignored and the address is unknown.
 * With fewer entries than hops, the left-most one (still written by a trusted proxy: the request
 * skipped an outer one). UNKNOWN_ADDRESS when there is no header or the entry is not an address.
 */
export function clientAddress(
  forwardedFor: string | readonly string[] | null | undefined,
  trustedProxyHops: number,
): string {
  if (trustedProxyHops < 1 || forwardedFor === null || forwardedFor === undefined) return UNKNOWN_ADDRESS;
  const joined = typeof forwardedFor === "string" ? forwardedFor : forwardedFor.join(",");
  // Empty entries can only sit in the part the client wrote, so dropping them moves nothing we trust.
  const entries = joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_ADDRESS;
  const chosen = entries[Math.max(0, entries.length - trustedProxyHops)]!;
  return normalizeAddress(chosen) ?? UNKNOWN_ADDRESS;
}

/**
 * The header holding the socket's address, when this process runs the preload that writes it
 * (and drops any copy the client sent); null otherwise, e.g. under a bare `next start`, where a
 * header of that name would be the client's own word.
 */
export function socketAddressHeader(): string | null {
  const name = (globalThis as { __mscSocketAddressHeader?: unknown }).__mscSocketAddressHeader;
  return typeof name === "string" ? name : null;
}

/** With no trusted proxy, the socket's peer is the client; UNKNOWN_ADDRESS when it was not recorded. */
export function socketClientAddress(socketAddress: string | readonly string[] | null | undefined): string {
  const value = typeof socketAddress === "string" ? socketAddress : socketAddress?.[0];
  return value ? (normalizeAddress(value) ?? UNKNOWN_ADDRESS) : UNKNOWN_ADDRESS;
}

type HeaderLookup = (name: string) => string | readonly string[] | null | undefined;

/** The client's address for a request whose headers `get` reads, with the installation's TRUSTED_PROXY_HOPS. */
export function requestClientAddress(get: HeaderLookup): string {
  const hops = serverEnv().TRUSTED_PROXY_HOPS;
  if (hops > 0) return clientAddress(get("x-forwarded-for"), hops);
  const header = socketAddressHeader();
  return header ? socketClientAddress(get(header)) : UNKNOWN_ADDRESS;
}
