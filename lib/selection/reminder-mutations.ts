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
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { refusals } from "@/lib/core/refusal";
import { listReminderRecipients, type ReminderRecipient } from "./data";
import { BALLOT_ROUND_REFUSALS, REMINDER_INTERVAL_MS, reminderRefusal } from "./policy";

/** How the reminder travels: e-mailed by the app, or copied by the lead into their own e-mail. */
export type ReminderChannel = "EMAIL" | "COPIED_BY_LEAD";

/** Why a reminder is refused: the round no longer takes ballots, one went out lately, or nobody is left to remind. */
export const REMINDER_REFUSALS = [...BALLOT_ROUND_REFUSALS, "REMINDED_RECENTLY", "EVERYONE_VOTED"] as const;
export type ReminderRefusal = (typeof REMINDER_REFUSALS)[number];
const { refuse, asResults } = refusals<ReminderRefusal>();

type Actor = { actorId: string; evaluationId: string; ipAddress?: string | null };

export async function recordReminder(
  input: Actor & { roundId: string; text: string; channel: ReminderChannel; now?: Date },
) {
  const { evaluationId, roundId } = input;
  const now = input.now ?? new Date();
  return asResults(() =>
    db().$transaction(async (tx) => {
      const round = await tx.selectionRound.findFirst({
        where: { evaluationId, id: roundId },
        select: { status: true, panelId: true, name: true, deadline: true },
      });
      if (!round) throw new AppError("NOT_FOUND");
      const refusal = reminderRefusal(round, now);
      if (refusal) throw refuse(refusal);
      const claimed = await tx.selectionRound.updateMany({
        where: {
          evaluationId,
          id: roundId,
          status: "OPEN",
          OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: new Date(now.getTime() - REMINDER_INTERVAL_MS) } }],
        },
        data: { lastReminderAt: now },
      });
      if (claimed.count !== 1) {
        // Read again (a fresh snapshot): another lead's reminder, or a close, committed meanwhile.
        const current = await tx.selectionRound.findFirst({
          where: { evaluationId, id: roundId },
          select: { status: true },
        });
        throw refuse(current?.status === "OPEN" ? "REMINDED_RECENTLY" : "ROUND_NOT_OPEN");
      }
      const recipients: ReminderRecipient[] = await listReminderRecipients(tx, evaluationId, {
        id: roundId,
        panelId: round.panelId,
      });
      if (recipients.length === 0) throw refuse("EVERYONE_VOTED");
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
    }, TRANSACTION_OPTIONS),
  );
}
