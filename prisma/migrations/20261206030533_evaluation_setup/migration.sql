-- Evaluation setup: version-checked edits, retiring domains and projects, and names that cannot
-- repeat within an evaluation whatever their accents or case.

-- AlterTable
ALTER TABLE "evaluation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable: the keys are added empty, filled from the names, then required.
ALTER TABLE "domain" ADD COLUMN     "name_key_en" TEXT,
ADD COLUMN     "name_key_es" TEXT,
ADD COLUMN     "retired_at" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "project" ADD COLUMN     "acronym_key" TEXT,
ADD COLUMN     "end_date" DATE,
ADD COLUMN     "name_key" TEXT,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "retired_at" TIMESTAMP(3),
ADD COLUMN     "start_date" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- The same key the app computes (lib/setup/name-key.ts) for the letters Spanish and English use;
-- collapsing inner spaces as the app does.
CREATE FUNCTION pg_temp.name_key(value TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
  SELECT regexp_replace(translate(lower(btrim(value)), 'áàâäãåéèêëíìîïóòôöõúùûüñç', 'aaaaaaeeeeiiiiooooouuuunc'), '\s+', ' ', 'g')
$$;
UPDATE "domain" SET "name_key_en" = pg_temp.name_key("name_en"), "name_key_es" = pg_temp.name_key("name_es");
UPDATE "project" SET "acronym_key" = pg_temp.name_key("acronym"), "name_key" = pg_temp.name_key("name");
ALTER TABLE "domain" ALTER COLUMN "name_key_en" SET NOT NULL, ALTER COLUMN "name_key_es" SET NOT NULL;
ALTER TABLE "project" ALTER COLUMN "acronym_key" SET NOT NULL, ALTER COLUMN "name_key" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "domain_evaluation_id_name_key_en_key" ON "domain"("evaluation_id", "name_key_en");

-- CreateIndex
CREATE UNIQUE INDEX "domain_evaluation_id_name_key_es_key" ON "domain"("evaluation_id", "name_key_es");

-- CreateIndex
CREATE UNIQUE INDEX "project_evaluation_id_acronym_key_key" ON "project"("evaluation_id", "acronym_key");

-- CreateIndex
CREATE UNIQUE INDEX "project_evaluation_id_name_key_key" ON "project"("evaluation_id", "name_key");

ALTER TABLE "project" ADD CONSTRAINT "project_dates_check" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date");
