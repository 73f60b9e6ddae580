-- DropIndex
DROP INDEX "audit_event_evaluation_id_created_at_idx";

-- CreateIndex
CREATE INDEX "audit_event_evaluation_id_created_at_sequence_idx" ON "audit_event"("evaluation_id", "created_at", "sequence");

-- Hand-written: the audit page's action filter is a prefix ("story." matches every story action).
-- A plain index serves LIKE 'prefix%' only in the C collation; text_pattern_ops serves it in any,
-- so a prefix no event has is answered from the index instead of by walking the whole chain.
CREATE INDEX "audit_event_evaluation_action_prefix" ON "audit_event"("evaluation_id", "action" text_pattern_ops);
