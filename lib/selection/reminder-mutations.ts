/**
 * The reminder to the panelists who have not voted yet: recorded (to whom, the lead's text, how it
 * travels) in one transaction with its audit event. The e-mails, when a mail server is set up, go
 * out after that transaction commits (reminder-delivery.ts), so a slow mail server holds no lock.
 *
 * At most one reminder per round per REMINDER_INTERVAL_MS (policy.ts), however many leads click at
 * once: the reminder claims the round with a conditional update (`last_reminder_at` unset or older
 * than the interval). A second transaction waits on the row lock, re-checks the condition against
 * the committed row, finds it no longer holds and is refused; nothing it did is kept. The claim
 * does not change the round's version, so a reminder never makes a lead's close or cancel stale.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { STORY_TRANSACTION_OPTIONS } from "@/lib/stories/mutations";
import { Refusal, refusalsAsResults } from "@/lib/stories/refusal";
import { listReminderRecipients, type ReminderRecipient } from "./data";
import { REMINDER_INTERVAL_MS, reminderRefusal } from "./policy";

/** How the reminder travels: e-mailed by the app, or copied by the lead into their own e-mail. */
export type ReminderChannel = "EMAIL" | "COPIED_BY_LEAD";

type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };

export async function recordReminder(input: Actor & { roundId: string; text: string; channel: ReminderChannel; now?: Date }) {
  const { evaluationId, roundId } = input;
  const now = input.now ?? new Date();
  return refusalsAsResults(() =>
    db().$transaction(async (tx) => {
      const round = await tx.selectionRound.findFirst({ where: { evaluationId, id: roundId }, select: { status: true, panelId: true, name: true, deadline: true } });
      if (!round) throw new AppError("NOT_FOUND");
      const refusal = reminderRefusal(round, now);
      if (refusal) throw new Refusal(refusal);
      const claimed = await tx.selectionRound.updateMany({
        where: { evaluationId, id: roundId, status: "OPEN", OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: new Date(now.getTime() - REMINDER_INTERVAL_MS) } }] },
        data: { lastReminderAt: now },
      });
      if (claimed.count !== 1) {
        // Read again (a fresh snapshot): another lead's reminder, or a close, committed meanwhile.
        const current = await tx.selectionRound.findFirst({ where: { evaluationId, id: roundId }, select: { status: true } });
        throw new Refusal(current?.status === "OPEN" ? "REMINDED_RECENTLY" : "ROUND_NOT_OPEN");
      }
      const recipients: ReminderRecipient[] = await listReminderRecipients(tx, evaluationId, { id: roundId, panelId: round.panelId });
      if (recipients.length === 0) throw new Refusal("EVERYONE_VOTED");
      await recordAudit(tx, {
        evaluationId,
        actorId: input.actorId,
        action: "selection.round.remind",
        recordType: "SelectionRound",
        recordId: roundId,
        after: { panelistIds: recipients.map((recipient) => recipient.id), text: input.text, channel: input.channel },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, recipients, round: { name: round.name, deadline: round.deadline } };
    }, STORY_TRANSACTION_OPTIONS),
  );
}
