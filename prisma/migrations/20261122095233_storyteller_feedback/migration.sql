-- CreateTable
CREATE TABLE "storyteller_feedback" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "storyteller_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "storyteller_feedback_evaluation_id_decision_id_idx" ON "storyteller_feedback"("evaluation_id", "decision_id");

-- CreateIndex
CREATE INDEX "storyteller_feedback_evaluation_id_story_id_idx" ON "storyteller_feedback"("evaluation_id", "story_id");

-- CreateIndex
CREATE UNIQUE INDEX "storyteller_feedback_decision_id_story_id_key" ON "storyteller_feedback"("decision_id", "story_id");

-- AddForeignKey
ALTER TABLE "storyteller_feedback" ADD CONSTRAINT "storyteller_feedback_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "storyteller_feedback" ADD CONSTRAINT "storyteller_feedback_evaluation_id_decision_id_fkey" FOREIGN KEY ("evaluation_id", "decision_id") REFERENCES "selection_decision"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "storyteller_feedback" ADD CONSTRAINT "storyteller_feedback_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a decision recorded before feedback was per story keeps its one text, now given
-- to the storytellers of every candidate of its round, before the columns go.
INSERT INTO "storyteller_feedback" ("id", "evaluation_id", "decision_id", "story_id", "language", "text", "updated_at")
SELECT 'fb' || md5(d."id" || c."story_id"), d."evaluation_id", d."id", c."story_id",
       coalesce(d."feedback_language", 'es'), d."feedback_to_storytellers", CURRENT_TIMESTAMP
  FROM "selection_decision" d
  JOIN "round_candidate" c ON c."round_id" = d."round_id" AND c."evaluation_id" = d."evaluation_id"
 WHERE d."feedback_to_storytellers" IS NOT NULL;

ALTER TABLE "selection_decision" DROP COLUMN "feedback_language",
DROP COLUMN "feedback_to_storytellers";
