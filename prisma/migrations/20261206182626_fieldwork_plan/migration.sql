-- CreateTable
CREATE TABLE "fieldwork_plan_region" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "country_code" TEXT,
    "state" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "planned_interviews" INTEGER NOT NULL,
    "planned_focus_groups" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fieldwork_plan_region_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fieldwork_plan_region_evaluation_id_country_code_idx" ON "fieldwork_plan_region"("evaluation_id", "country_code");

-- CreateIndex
CREATE UNIQUE INDEX "fieldwork_plan_region_evaluation_id_region_key" ON "fieldwork_plan_region"("evaluation_id", "region");

-- AddForeignKey
ALTER TABLE "fieldwork_plan_region" ADD CONSTRAINT "fieldwork_plan_region_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fieldwork_plan_region" ADD CONSTRAINT "fieldwork_plan_region_evaluation_id_country_code_fkey" FOREIGN KEY ("evaluation_id", "country_code") REFERENCES "place_country"("evaluation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a plan counts from zero, and the region value is its country and name together.
ALTER TABLE "fieldwork_plan_region" ADD CONSTRAINT "fieldwork_plan_region_counts_check" CHECK ("planned_interviews" >= 0 AND "planned_focus_groups" >= 0);
ALTER TABLE "fieldwork_plan_region" ADD CONSTRAINT "fieldwork_plan_region_region_check" CHECK ("region" = coalesce("country_code" || ':', '') || "state");
