-- AlterTable
ALTER TABLE "place" ADD COLUMN     "country_code" TEXT,
ADD COLUMN     "region_code" TEXT;

-- AlterTable
ALTER TABLE "respondent" ADD COLUMN     "country_code" TEXT;

-- CreateTable
CREATE TABLE "place_country" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name_es" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "place_country_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "place_country_evaluation_id_code_key" ON "place_country"("evaluation_id", "code");

-- CreateIndex
CREATE INDEX "place_evaluation_id_country_code_idx" ON "place"("evaluation_id", "country_code");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_country_code_idx" ON "respondent"("evaluation_id", "country_code");

-- AddForeignKey
ALTER TABLE "place_country" ADD CONSTRAINT "place_country_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_evaluation_id_country_code_fkey" FOREIGN KEY ("evaluation_id", "country_code") REFERENCES "place_country"("evaluation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_evaluation_id_country_code_fkey" FOREIGN KEY ("evaluation_id", "country_code") REFERENCES "place_country"("evaluation_id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (listed in tests/integration/migrations.test.ts).
-- Every place so far is Mexican: its key gains the country part ("mx|state|municipality|community").
-- States, municipalities and communities keep their rows, ids and names, so every reference to them
-- (respondents, interviews, focus groups, stories) stays as it was; a respondent with no country is
-- in Mexico, whose 32 states stay built in (lib/places/catalogue.ts).
UPDATE "place" SET "key" = 'mx|' || "key" WHERE "country_code" IS NULL AND "key" NOT LIKE 'mx|%';

-- An ISO 3166-1 alpha-2 code; Mexico is built in and never a row.
ALTER TABLE "place_country" ADD CONSTRAINT "place_country_code_check" CHECK ("code" ~ '^[A-Z]{2}$' AND "code" <> 'MX');
-- A region's own code is only for regions the team names (Mexico's come from the catalogue).
ALTER TABLE "place" ADD CONSTRAINT "place_region_code_check" CHECK ("region_code" IS NULL OR ("country_code" IS NOT NULL AND "municipality" IS NULL AND "region_code" ~ '^[A-Za-z0-9-]{1,10}$'));
