/**
 * Which process holds the server end of a TCP connection, read from Linux's /proc: the row of
 * /proc/net/tcp or tcp6 whose local port is the server's and remote port the client's names the
 * socket's inode, and the process with a file descriptor on that inode holds it. This is how a
 * test sees which worker served a request without the app saying so itself.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

function serverSocketInode(serverPort: number, clientPort: number): string | null {
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const localPort = parseInt(fields[1]!.split(":")[1]!, 16);
      const remotePort = parseInt(fields[2]!.split(":")[1]!, 16);
      if (localPort === serverPort && remotePort === clientPort) return fields[9]!;
    }
  }
  return null;
}

/** The one of `candidates` that holds the server end of the connection, or null. */
export function socketOwner(serverPort: number, clientPort: number, candidates: number[]): number | null {
  const inode = serverSocketInode(serverPort, clientPort);
  if (!inode) return null;
  const target = `socket:[${inode}]`;
  for (const pid of candidates) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return pid;
      } catch {
        // closed while we looked
      }
    }
  }
  return null;
}

/** The parent of a process, from /proc/<pid>/stat (the field after the state). */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}
