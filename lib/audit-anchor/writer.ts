/**
 * The launcher's checkpoint writer: one checkpoint at start, one a minute while events arrive, one
 * at shutdown. A failure is reported in one line and the app keeps serving: the anchor is a
 * witness, and a witness that cannot write must not take the evaluations down with it.
 */
import type { KeyRing } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHECKPOINT_INTERVAL_MS, writeCheckpoint } from "./anchor";

/** `prisma`: a client of the launcher's own (one connection is plenty); `stop` disconnects it. */
export function startCheckpointWriter(
  prisma: PrismaClient,
  file: string,
  ring: KeyRing,
  intervalMs = CHECKPOINT_INTERVAL_MS,
) {
  let running: Promise<void> = Promise.resolve();
  const write = () => {
    running = running.then(() =>
      writeCheckpoint(prisma, file, ring).then(
        () => undefined,
        (error: unknown) => console.error(`Could not write the audit checkpoint: ${(error as Error).message}`),
      ),
    );
    return running;
  };
  void write();
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await write();
      await prisma.$disconnect();
    },
  };
}
