-- DropIndex
DROP INDEX "change_story_evaluation_id_stage_updated_at_idx";

-- DropIndex
DROP INDEX "change_story_evaluation_id_change_type_idx";

-- DropIndex
DROP INDEX "change_story_evaluation_id_updated_at_idx";

-- DropIndex
DROP INDEX "change_story_evaluation_id_period_from_idx";

-- DropIndex
DROP INDEX "story_place_evaluation_id_place_id_idx";

-- DropIndex
DROP INDEX "domain_assignment_evaluation_id_domain_id_kind_ended_at_idx";

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_stage_updated_at_id_idx" ON "change_story"("evaluation_id", "stage", "updated_at", "id");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_change_type_id_idx" ON "change_story"("evaluation_id", "change_type", "id");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_updated_at_id_idx" ON "change_story"("evaluation_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_period_from_id_idx" ON "change_story"("evaluation_id", "period_from", "id");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_title_id_idx" ON "change_story"("evaluation_id", "title", "id");

-- CreateIndex
CREATE INDEX "story_place_evaluation_id_place_id_story_id_idx" ON "story_place"("evaluation_id", "place_id", "story_id");

-- CreateIndex
CREATE INDEX "domain_assignment_evaluation_id_domain_id_kind_ended_at_sto_idx" ON "domain_assignment"("evaluation_id", "domain_id", "kind", "ended_at", "story_id");
