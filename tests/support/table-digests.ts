/** Every table's digest in the database at `url`, as the backup manifest records them (lib/backup/digests.ts). */
import pg from "pg";
import { tableDigests, type Digests } from "@/lib/backup/digests";

export async function digestsOf(url: string): Promise<Digests> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await tableDigests(client);
  } finally {
    await client.end();
  }
}
