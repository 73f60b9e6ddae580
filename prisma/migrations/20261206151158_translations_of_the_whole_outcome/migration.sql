-- AlterTable
ALTER TABLE "change_story" ADD COLUMN     "contribution_narrative_translation" TEXT,
ADD COLUMN     "sustainability_assessment_translation" TEXT,
ADD COLUMN     "sustainability_conditions_translation" TEXT,
ADD COLUMN     "sustainability_risks_translation" TEXT,
ADD COLUMN     "translation_sources" JSONB;

-- AlterTable
ALTER TABLE "story_figure" ADD COLUMN     "unit_translation" TEXT;

-- AlterTable
ALTER TABLE "story_contribution" ADD COLUMN     "how_contributed_translation" TEXT;

-- AlterTable
ALTER TABLE "selected_story" ADD COLUMN     "reason_translation" TEXT,
ADD COLUMN     "translated_at" TIMESTAMP(3),
ADD COLUMN     "translated_by_id" TEXT;

-- AlterTable
ALTER TABLE "evidence_item" ADD COLUMN     "translated_at" TIMESTAMP(3),
ADD COLUMN     "translated_by_id" TEXT,
ADD COLUMN     "translated_from" TEXT,
ADD COLUMN     "what_it_shows_translation" TEXT;

-- CreateIndex
CREATE INDEX "selected_story_translated_by_id_idx" ON "selected_story"("translated_by_id");

-- CreateIndex
CREATE INDEX "evidence_item_translated_by_id_idx" ON "evidence_item"("translated_by_id");

-- AddForeignKey
ALTER TABLE "selected_story" ADD CONSTRAINT "selected_story_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
