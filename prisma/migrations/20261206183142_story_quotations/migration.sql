-- CreateTable
CREATE TABLE "story_quotation" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "excerpt_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "translation" TEXT,
    "translation_language" TEXT,
    "translated_by_id" TEXT,
    "translated_at" TIMESTAMP(3),
    "chosen_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_quotation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "story_quotation_evaluation_id_story_id_created_at_idx" ON "story_quotation"("evaluation_id", "story_id", "created_at");

-- CreateIndex
CREATE INDEX "story_quotation_evaluation_id_excerpt_id_idx" ON "story_quotation"("evaluation_id", "excerpt_id");

-- CreateIndex
CREATE INDEX "story_quotation_translated_by_id_idx" ON "story_quotation"("translated_by_id");

-- CreateIndex
CREATE INDEX "story_quotation_chosen_by_id_idx" ON "story_quotation"("chosen_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_quotation_evaluation_id_id_key" ON "story_quotation"("evaluation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "story_quotation_story_id_excerpt_id_key" ON "story_quotation"("story_id", "excerpt_id");

-- AddForeignKey
ALTER TABLE "story_quotation" ADD CONSTRAINT "story_quotation_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_quotation" ADD CONSTRAINT "story_quotation_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_quotation" ADD CONSTRAINT "story_quotation_evaluation_id_excerpt_id_fkey" FOREIGN KEY ("evaluation_id", "excerpt_id") REFERENCES "transcript_excerpt"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_quotation" ADD CONSTRAINT "story_quotation_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_quotation" ADD CONSTRAINT "story_quotation_chosen_by_id_fkey" FOREIGN KEY ("chosen_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
