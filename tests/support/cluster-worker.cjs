// A stand-in for `next start` in tests of lib/launch/cluster.ts: answers with its process id on
// the port it is given, finishes its requests on SIGTERM (as Next does), or dies at once when
// told to, to play a worker that cannot start.
const http = require("node:http");

if (process.env.CLUSTER_WORKER_MODE === "die") process.exit(3);
const server = http.createServer((request, response) => {
  // A slow request shows that a stop waits for the requests in flight.
  const delay = request.url === "/slow" ? 500 : 0;
  setTimeout(() => response.end(String(process.pid)), delay);
});
server.listen(Number(process.argv[2]), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(143)));
