/**
 * Runs the embedded database in a process of its own, as the app's launcher does, and prints its
 * URL on the first line of standard output. It stops when its standard input closes.
 *   tsx tests/support/embedded-database-process.ts <data folder>
 */
import { startEmbeddedDatabase } from "../../lib/db/embedded";

const database = await startEmbeddedDatabase({ dataDir: process.argv[2] });
process.stdout.write(`${database.url}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void database.stop().then(() => process.exit(0));
});
