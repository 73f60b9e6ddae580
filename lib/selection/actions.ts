"use server";

import { evaluationAction } from "@/lib/actions";
import { reject, rejectionOf } from "@/lib/core/refusal";
import { findEvaluationTimeZone } from "@/lib/evaluations/data";
import { DEFAULT_TIME_ZONE, zonedInstant } from "@/lib/evaluations/time-zone";
import { castBallots } from "./ballot-mutations";
import { mailConfigured } from "@/lib/mail/transport";
import { deliverReminder, type ReminderDelivery } from "./reminder-delivery";
import { recordReminder } from "./reminder-mutations";
import { cancelRound, closeRound, createPanel, createRound, openRound, recordDecision } from "./round-mutations";
import {
  castBallotsInput,
  createPanelInput,
  createRoundFormInput,
  recordDecisionInput,
  roundInput,
  sendReminderInput,
} from "./schema";

export const createSelectionPanel = evaluationAction("createSelectionPanel", {
  permission: "selection.manage",
  input: createPanelInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await createPanel({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { panelId: result.panelId } : rejectionOf(result);
  },
});

export const createSelectionRound = evaluationAction("createSelectionRound", {
  permission: "selection.manage",
  input: createRoundFormInput,
  handler: async ({ actor, input, ipAddress }) => {
    // The form's clock time is the evaluation's; the round keeps the instant (decision 0036).
    const given = input.deadline;
    const deadline =
      given.local !== undefined
        ? zonedInstant(given.local, (await findEvaluationTimeZone(input.evaluationId)) ?? DEFAULT_TIME_ZONE)
        : given.instant;
    if (!deadline) return reject("DEADLINE_NOT_IN_ZONE", "deadline");
    const result = await createRound({ ...input, deadline, actorId: actor.id, ipAddress });
    return result.ok ? { roundId: result.roundId } : rejectionOf(result);
  },
});

export const openSelectionRound = evaluationAction("openSelectionRound", {
  permission: "selection.manage",
  input: roundInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await openRound({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { status: "OPEN" as const } : rejectionOf(result);
  },
});

export const closeSelectionRound = evaluationAction("closeSelectionRound", {
  permission: "selection.manage",
  input: roundInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await closeRound({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { status: "CLOSED" as const, ballots: result.ballots } : rejectionOf(result);
  },
});

export const cancelSelectionRound = evaluationAction("cancelSelectionRound", {
  permission: "selection.manage",
  input: roundInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await cancelRound({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { status: "CANCELLED" as const } : rejectionOf(result);
  },
});

export const recordSelectionDecision = evaluationAction("recordSelectionDecision", {
  permission: "selection.manage",
  input: recordDecisionInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await recordDecision({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { decisionId: result.decisionId } : rejectionOf(result);
  },
});

/**
 * Reminds the panelists who have not voted. With a mail server each gets their own e-mail, sent
 * after the reminder is recorded; without one the lead copies the text into their own e-mail and
 * this records that they did. Either way at most one reminder per round per ten minutes.
 */
export const sendSelectionReminder = evaluationAction("sendSelectionReminder", {
  permission: "selection.manage",
  input: sendReminderInput,
  handler: async ({ actor, input, ipAddress }) => {
    const byMail = mailConfigured();
    const result = await recordReminder({
      ...input,
      actorId: actor.id,
      ipAddress,
      channel: byMail ? "EMAIL" : "COPIED_BY_LEAD",
    });
    if (!result.ok) return rejectionOf(result);
    const delivery: ReminderDelivery = byMail
      ? await deliverReminder({
          lead: actor,
          evaluationId: input.evaluationId,
          roundId: input.roundId,
          round: result.round,
          recipients: result.recipients,
          text: input.text,
          ipAddress,
        })
      : { kind: "NOT_CONFIGURED" };
    return { reminded: result.recipients.length, delivery };
  },
});

export const castSelectionBallots = evaluationAction("castSelectionBallots", {
  permission: "selection.vote",
  input: castBallotsInput,
  handler: async ({ actor, input }) => {
    const result = await castBallots({ ...input, actorId: actor.id });
    return result.ok ? { saved: result.saved, unchanged: result.unchanged } : rejectionOf(result);
  },
});
