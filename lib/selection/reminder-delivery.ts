/**
 * Sends a recorded reminder by e-mail, after its transaction has committed: one message per
 * panelist who has not voted (only that panelist is in its To, so nobody sees another's address),
 * in the panelist's own language, with the round, its deadline, the lead's text and a link to the
 * round. Each attempt is audited (lib/mail/delivery.ts); a refused address does not stop the others.
 */
import { serverEnv } from "@/lib/env";
import { evaluationPath } from "@/lib/evaluations/paths";
import { logger } from "@/lib/logger";
import { sendAuditedMail } from "@/lib/mail/delivery";
import { selectionReminderMail } from "@/lib/mail/messages";
import type { SendOutcome } from "@/lib/mail/transport";
import type { ReminderRecipient } from "./data";

/** What the lead is told: how many were e-mailed, and by name whom it failed for. */
export type ReminderDelivery = { kind: "EMAILED"; emailed: number; failed: string[] } | { kind: "NOT_CONFIGURED" };

/** A few at once: a large panel does not keep the lead waiting, and the mail server is not flooded. */
const PARALLEL_SENDS = 4;

/** Built from APP_BASE_URL, never from the request's Host header (which a client can forge). */
export function roundLink(evaluationId: string, roundId: string): string {
  return `${serverEnv().APP_BASE_URL.replace(/\/+$/, "")}${evaluationPath(evaluationId, "selection", "rounds", roundId)}`;
}

async function eachInTurn<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}

export async function deliverReminder(input: {
  lead: { id: string; name: string };
  evaluationId: string;
  roundId: string;
  round: { name: string; deadline: Date };
  recipients: readonly ReminderRecipient[];
  text: string;
  ipAddress?: string | null;
}): Promise<ReminderDelivery> {
  const link = roundLink(input.evaluationId, input.roundId);
  const outcomes = await eachInTurn(input.recipients, PARALLEL_SENDS, async (recipient): Promise<SendOutcome> => {
    const mail = selectionReminderMail({
      to: recipient.email,
      name: recipient.name,
      locale: recipient.locale,
      roundName: input.round.name,
      deadline: input.round.deadline,
      leadName: input.lead.name,
      text: input.text,
      link,
    });
    try {
      return await sendAuditedMail(mail, {
        purpose: "selection_reminder",
        actorId: input.lead.id,
        evaluationId: input.evaluationId,
        recordType: "SelectionRound",
        recordId: input.roundId,
        recipient: { userId: recipient.id },
        ipAddress: input.ipAddress,
      });
    } catch (error) {
      // The audit write failed (the mail may have gone): reported as not delivered, never thrown,
      // so the remaining panelists still get theirs.
      logger.error({ err: error, roundId: input.roundId }, "a reminder e-mail could not be recorded");
      return "FAILED";
    }
  });
  return {
    kind: "EMAILED",
    emailed: outcomes.filter((outcome) => outcome === "SENT").length,
    failed: input.recipients.filter((_, index) => outcomes[index] !== "SENT").map((recipient) => recipient.name),
  };
}
