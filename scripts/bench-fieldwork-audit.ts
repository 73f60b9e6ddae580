/**
 * The audit part of the fieldwork benchmark: the evaluation's chain of 1,000,000 events (a valid
 * hash chain, scripts/bench-audit-events.ts) and the audit page's loader, called as the page calls
 * it: the reader check, the evaluation's overview, then the page of events and the actors' names.
 */
import type pg from "pg";
import type { CurrentUser } from "../lib/auth/current-user";
import type { AuditFilters } from "../lib/audit-trail/schema";
import { generateAuditChain } from "./bench-audit-events";
import { BENCH } from "./bench-fieldwork-data";

/** The events span the evaluation's fieldwork, 2024-03-01 to 2025-05-24. */
const FROM = new Date("2024-03-01T00:00:00Z");
const SPAN_MS = 450 * 86_400_000;

/** Writes the chain unless this (kept) database already has one; returns the seconds it took, or null. */
export async function ensureAuditChain(client: pg.Client): Promise<number | null> {
  const existing = await client.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE evaluation_id = $1", [
    BENCH.evaluationId,
  ]);
  if (Number(existing.rows[0]!.n) > 0) return null;
  const { seconds } = await generateAuditChain(client, {
    evaluationId: BENCH.evaluationId,
    actors: Array.from({ length: BENCH.users }, (_, i) => `u${i + 1}`),
    events: BENCH.auditEvents,
    from: FROM,
    spacingMs: Math.floor(SPAN_MS / BENCH.auditEvents),
  });
  return seconds;
}

/**
 * Checks the whole chain as `npm run audit:verify` does (BENCH_VERIFY_AUDIT=1): proves the
 * generated chain valid, and prints what checking a million events costs.
 */
export async function verifyBenchChain(): Promise<string> {
  const { verifyAuditChain } = await import("../lib/audit");
  const { db } = await import("../lib/db");
  const started = performance.now();
  const verdict = await verifyAuditChain(db(), BENCH.evaluationId);
  const seconds = (performance.now() - started) / 1000;
  return `${verdict.ok ? "valid" : `BROKEN at ${verdict.firstBrokenSequence} (${verdict.reason})`}, ${verdict.events.toLocaleString("en")} events checked in ${seconds.toFixed(1)} s`;
}

/** The lead, as the session would resolve them. */
const lead: CurrentUser = {
  id: "u1",
  email: "u1@bench.example",
  name: "Persona 1",
  isAdmin: false,
  locale: "ES",
  sessionId: "bench",
  needsTwoFactorEnrolment: false,
};

export async function auditCases(): Promise<Array<{ label: string; call: (i: number) => Promise<unknown> }>> {
  const { auditReader } = await import("../lib/audit-trail/access");
  const { listAuditActors, listAuditEvents } = await import("../lib/audit-trail/data");
  const { getEvaluationOverview } = await import("../lib/evaluations/data");
  const e = BENCH.evaluationId;
  const deep = String(Math.floor(BENCH.auditEvents * 0.3));
  // What app/(app)/evaluations/[evaluationId]/audit/page.tsx awaits before it renders.
  const page = async (filters: AuditFilters) => {
    const user = await auditReader(e, "audit.view", lead);
    if (!user || !(await getEvaluationOverview(e, user))) throw new Error("the lead cannot open the audit page");
    const [events] = await Promise.all([listAuditEvents(e, filters), listAuditActors(e)]);
    return events;
  };
  return [
    { label: "audit page: newest 50 events", call: () => page({}) },
    { label: "audit page: deep page (before 30% of the chain)", call: () => page({ before: deep }) },
    { label: "audit page: one person", call: (i) => page({ actor: `u${2 + (i % 11)}` }) },
    {
      label: "audit page: one person + action prefix, deep page",
      call: () => page({ actor: "u7", action: "respondent.", before: deep }),
    },
    {
      label: "audit page: one record's history",
      call: (i) => page({ recordType: "ChangeStory", recordId: `st${1 + i}` }),
    },
    { label: "audit page: one month", call: () => page({ from: "2024-09-01", to: "2024-09-30" }) },
    { label: "audit page: action prefix no event has (walks the chain)", call: () => page({ action: "learning." }) },
  ];
}
