/**
 * The origins the embedded demo is reached at: `next start` listens on every address of the
 * machine, and people open the demo at localhost, at 127.0.0.1, or from a colleague's machine at
 * the address Next prints. The launcher passes these as DEMO_ORIGINS (lib/security/origin.ts);
 * production accepts APP_BASE_URL's origin alone. Listed once at start: an address the machine
 * gains later (a new network) needs a restart.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

export function listeningOrigins(
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      // Link-local IPv6 needs a zone index, which a browser's address bar does not carry.
      if (entry.family === "IPv6" && entry.address.toLowerCase().startsWith("fe80:")) continue;
      hosts.add(entry.family === "IPv6" ? `[${entry.address}]` : entry.address);
    }
  }
  return [...hosts].map((host) => new URL(`http://${host}:${port}`).origin);
}
