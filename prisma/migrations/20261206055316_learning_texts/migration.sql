-- CreateEnum
CREATE TYPE "learning_kind" AS ENUM ('KEY_RESULTS_INTRODUCTION', 'PROGRAMME_OVERVIEW', 'KEY_LEARNING', 'AT_RISK_IMPACT', 'LESSON', 'RECOMMENDATION');

-- CreateEnum
CREATE TYPE "recommendation_audience" AS ENUM ('IMPLEMENTING_PARTNERS', 'FUNDER', 'OTHER');

-- DropForeignKey
ALTER TABLE "lesson" DROP CONSTRAINT "lesson_evaluation_id_fkey";

-- DropForeignKey
ALTER TABLE "lesson" DROP CONSTRAINT "lesson_evaluation_id_domain_id_fkey";

-- DropForeignKey
ALTER TABLE "recommendation" DROP CONSTRAINT "recommendation_evaluation_id_fkey";

-- DropTable
DROP TABLE "lesson";

-- DropTable
DROP TABLE "recommendation";

-- CreateTable
CREATE TABLE "learning" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "kind" "learning_kind" NOT NULL,
    "position" INTEGER NOT NULL,
    "audience" "recommendation_audience",
    "at_risk_group" "at_risk_group",
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "learning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning_text" (
    "learning_id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "locale" "locale" NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "sustainability" TEXT,
    "translated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "learning_text_pkey" PRIMARY KEY ("learning_id","locale")
);

-- CreateTable
CREATE TABLE "learning_story" (
    "evaluation_id" TEXT NOT NULL,
    "learning_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,

    CONSTRAINT "learning_story_pkey" PRIMARY KEY ("learning_id","story_id")
);

-- CreateTable
CREATE TABLE "learning_domain" (
    "evaluation_id" TEXT NOT NULL,
    "learning_id" TEXT NOT NULL,
    "domain_id" TEXT NOT NULL,

    CONSTRAINT "learning_domain_pkey" PRIMARY KEY ("learning_id","domain_id")
);

-- CreateTable
CREATE TABLE "learning_revision" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "learning_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "edited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learning_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "learning_created_by_id_idx" ON "learning"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "learning_evaluation_id_kind_position_key" ON "learning"("evaluation_id", "kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "learning_evaluation_id_id_key" ON "learning"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "learning_text_evaluation_id_idx" ON "learning_text"("evaluation_id");

-- CreateIndex
CREATE INDEX "learning_text_translated_by_id_idx" ON "learning_text"("translated_by_id");

-- CreateIndex
CREATE INDEX "learning_story_evaluation_id_story_id_idx" ON "learning_story"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "learning_domain_evaluation_id_domain_id_idx" ON "learning_domain"("evaluation_id", "domain_id");

-- CreateIndex
CREATE INDEX "learning_revision_evaluation_id_idx" ON "learning_revision"("evaluation_id");

-- CreateIndex
CREATE INDEX "learning_revision_edited_by_id_idx" ON "learning_revision"("edited_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "learning_revision_learning_id_version_key" ON "learning_revision"("learning_id", "version");

-- AddForeignKey
ALTER TABLE "learning" ADD CONSTRAINT "learning_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning" ADD CONSTRAINT "learning_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_text" ADD CONSTRAINT "learning_text_evaluation_id_learning_id_fkey" FOREIGN KEY ("evaluation_id", "learning_id") REFERENCES "learning"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_text" ADD CONSTRAINT "learning_text_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_story" ADD CONSTRAINT "learning_story_evaluation_id_learning_id_fkey" FOREIGN KEY ("evaluation_id", "learning_id") REFERENCES "learning"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_story" ADD CONSTRAINT "learning_story_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_domain" ADD CONSTRAINT "learning_domain_evaluation_id_learning_id_fkey" FOREIGN KEY ("evaluation_id", "learning_id") REFERENCES "learning"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_domain" ADD CONSTRAINT "learning_domain_evaluation_id_domain_id_fkey" FOREIGN KEY ("evaluation_id", "domain_id") REFERENCES "domain"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_revision" ADD CONSTRAINT "learning_revision_evaluation_id_learning_id_fkey" FOREIGN KEY ("evaluation_id", "learning_id") REFERENCES "learning"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_revision" ADD CONSTRAINT "learning_revision_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the shape each kind of entry must have.
ALTER TABLE "learning" ADD CONSTRAINT "learning_audience_check"
  CHECK (("audience" IS NOT NULL) = ("kind" = 'RECOMMENDATION'));
ALTER TABLE "learning" ADD CONSTRAINT "learning_at_risk_group_check"
  CHECK (("at_risk_group" IS NOT NULL) = ("kind" = 'AT_RISK_IMPACT'));
ALTER TABLE "learning" ADD CONSTRAINT "learning_single_check"
  CHECK ("kind" NOT IN ('KEY_RESULTS_INTRODUCTION', 'PROGRAMME_OVERVIEW') OR "position" = 1);
ALTER TABLE "learning" ADD CONSTRAINT "learning_position_check" CHECK ("position" <> 0);
CREATE UNIQUE INDEX "learning_at_risk_group_key" ON "learning"("evaluation_id", "at_risk_group")
  WHERE "kind" = 'AT_RISK_IMPACT';
ALTER TABLE "learning_text" ADD CONSTRAINT "learning_text_body_check" CHECK (length(btrim("body")) > 0);
