import net from "node:net";

/** A port nothing listens on right now, found by letting the system pick one and closing it again. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "0.0.0.0");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
