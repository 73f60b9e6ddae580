-- CreateEnum
CREATE TYPE "validation_response_change" AS ENUM ('RECORDED', 'CORRECTED', 'DISPUTE_RESOLVED');

-- CreateTable
CREATE TABLE "validation_response_revision" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "change" "validation_response_change" NOT NULL,
    "verdict" "validation_verdict" NOT NULL,
    "comments" TEXT,
    "proposed_changes" TEXT,
    "dispute_resolution" TEXT,
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "saved_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "validation_response_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "validation_response_revision_evaluation_id_response_id_idx" ON "validation_response_revision"("evaluation_id", "response_id");

-- CreateIndex
CREATE INDEX "validation_response_revision_saved_by_id_idx" ON "validation_response_revision"("saved_by_id");

-- CreateIndex
CREATE INDEX "validation_response_revision_resolved_by_id_idx" ON "validation_response_revision"("resolved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "validation_response_revision_response_id_version_key" ON "validation_response_revision"("response_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "validation_response_evaluation_id_id_key" ON "validation_response"("evaluation_id", "id");

-- AddForeignKey
ALTER TABLE "validation_response_revision" ADD CONSTRAINT "validation_response_revision_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response_revision" ADD CONSTRAINT "validation_response_revision_evaluation_id_response_id_fkey" FOREIGN KEY ("evaluation_id", "response_id") REFERENCES "validation_response"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response_revision" ADD CONSTRAINT "validation_response_revision_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response_revision" ADD CONSTRAINT "validation_response_revision_saved_by_id_fkey" FOREIGN KEY ("saved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
