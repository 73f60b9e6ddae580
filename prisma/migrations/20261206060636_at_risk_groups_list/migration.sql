-- At-risk groups become each evaluation's own list. Every evaluation gets the five groups of the
-- old enum, with the labels the interface showed and the enum's value as its choice code, and
-- every respondent, story, learning and stored revision that named a group names its row.

-- The enum type and the new table share PostgreSQL's namespace: move the type aside until the end.
ALTER TYPE "at_risk_group" RENAME TO "at_risk_group_enum";

-- CreateTable
CREATE TABLE "at_risk_group" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT,
    "name_en" TEXT NOT NULL,
    "name_es" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "at_risk_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "respondent_at_risk_group" (
    "evaluation_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "respondent_at_risk_group_pkey" PRIMARY KEY ("respondent_id","group_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "at_risk_group_evaluation_id_position_key" ON "at_risk_group"("evaluation_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "at_risk_group_evaluation_id_code_key" ON "at_risk_group"("evaluation_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "at_risk_group_evaluation_id_id_key" ON "at_risk_group"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "respondent_at_risk_group_evaluation_id_group_id_idx" ON "respondent_at_risk_group"("evaluation_id", "group_id");

-- Each evaluation's five groups; the code is the enum value in lower case (the Kobo choice name).
INSERT INTO "at_risk_group" ("id", "evaluation_id", "position", "code", "name_en", "name_es", "updated_at")
SELECT 'c' || substr(md5(e."id" || ':at-risk:' || g."code"), 1, 24), e."id", g."position", g."code", g."name_en", g."name_es", CURRENT_TIMESTAMP
  FROM "evaluation" e
 CROSS JOIN (VALUES
   (1, 'women_workers', 'Women workers', 'Mujeres trabajadoras'),
   (2, 'child_workers_families', 'Families of child workers', 'Familias de niñas y niños trabajadores'),
   (3, 'domestic_migrant_or_indigenous_workers', 'Domestic migrant or Indigenous workers', 'Personas trabajadoras migrantes internas o indígenas'),
   (4, 'at_risk_unionized_workers', 'Unionized workers at risk', 'Personas sindicalizadas en riesgo'),
   (5, 'unaffiliated_or_informal_workers', 'Unaffiliated or informal workers', 'Personas trabajadoras no afiliadas o informales')
 ) AS g("position", "code", "name_en", "name_es");

-- Respondents: the enum array becomes rows.
INSERT INTO "respondent_at_risk_group" ("evaluation_id", "respondent_id", "group_id")
SELECT DISTINCT r."evaluation_id", r."id", g."id"
  FROM "respondent" r
 CROSS JOIN LATERAL unnest(r."at_risk_groups") AS value("group")
  JOIN "at_risk_group" g ON g."evaluation_id" = r."evaluation_id" AND g."code" = lower(value."group"::text);

ALTER TABLE "respondent" DROP COLUMN "at_risk_groups";

-- Stories: the enum column becomes a reference.
DROP INDEX "story_at_risk_group_evaluation_id_group_idx";
DROP INDEX "story_at_risk_group_story_id_group_key";
ALTER TABLE "story_at_risk_group" ADD COLUMN "group_id" TEXT;
UPDATE "story_at_risk_group" s SET "group_id" = g."id"
  FROM "at_risk_group" g
 WHERE g."evaluation_id" = s."evaluation_id" AND g."code" = lower(s."group"::text);
ALTER TABLE "story_at_risk_group" ALTER COLUMN "group_id" SET NOT NULL;
ALTER TABLE "story_at_risk_group" DROP COLUMN "group";

-- CreateIndex
CREATE INDEX "story_at_risk_group_evaluation_id_group_id_idx" ON "story_at_risk_group"("evaluation_id", "group_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_at_risk_group_story_id_group_id_key" ON "story_at_risk_group"("story_id", "group_id");

-- Learnings: the impact text's group becomes a reference; its check and partial unique index follow.
ALTER TABLE "learning" DROP CONSTRAINT "learning_at_risk_group_check";
DROP INDEX "learning_at_risk_group_key";
ALTER TABLE "learning" ADD COLUMN "at_risk_group_id" TEXT;
UPDATE "learning" l SET "at_risk_group_id" = g."id"
  FROM "at_risk_group" g
 WHERE g."evaluation_id" = l."evaluation_id" AND g."code" = lower(l."at_risk_group"::text);
ALTER TABLE "learning" DROP COLUMN "at_risk_group";

-- CreateIndex
CREATE INDEX "learning_evaluation_id_at_risk_group_id_idx" ON "learning"("evaluation_id", "at_risk_group_id");

-- Stored revisions name groups as the new rows do, so old revisions still show and compare.
-- A story revision's group becomes its id, position and both names (as its priorities are).
UPDATE "story_revision" r SET "snapshot" = jsonb_set(r."snapshot", '{atRiskGroups}', COALESCE((
  SELECT jsonb_agg(jsonb_build_object('id', g."id", 'position', g."position", 'nameEn', g."name_en", 'nameEs', g."name_es", 'note', item -> 'note') ORDER BY g."position")
    FROM jsonb_array_elements(r."snapshot" -> 'atRiskGroups') AS item
    JOIN "at_risk_group" g ON g."evaluation_id" = r."evaluation_id" AND g."code" = lower(item ->> 'group')
), '[]'::jsonb))
 WHERE jsonb_typeof(r."snapshot" -> 'atRiskGroups') = 'array';

-- A learning revision's group becomes its id.
UPDATE "learning_revision" r SET "snapshot" = (r."snapshot" - 'atRiskGroup') || jsonb_build_object('atRiskGroupId', (
  SELECT g."id" FROM "at_risk_group" g WHERE g."evaluation_id" = r."evaluation_id" AND g."code" = lower(r."snapshot" ->> 'atRiskGroup')
))
 WHERE r."snapshot" ? 'atRiskGroup';

DROP TYPE "at_risk_group_enum";

-- AddForeignKey
ALTER TABLE "at_risk_group" ADD CONSTRAINT "at_risk_group_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent_at_risk_group" ADD CONSTRAINT "respondent_at_risk_group_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent_at_risk_group" ADD CONSTRAINT "respondent_at_risk_group_evaluation_id_group_id_fkey" FOREIGN KEY ("evaluation_id", "group_id") REFERENCES "at_risk_group"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent_at_risk_group" ADD CONSTRAINT "respondent_at_risk_group_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_at_risk_group" ADD CONSTRAINT "story_at_risk_group_evaluation_id_group_id_fkey" FOREIGN KEY ("evaluation_id", "group_id") REFERENCES "at_risk_group"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning" ADD CONSTRAINT "learning_evaluation_id_at_risk_group_id_fkey" FOREIGN KEY ("evaluation_id", "at_risk_group_id") REFERENCES "at_risk_group"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: an impact text, and only it, names a group, and one per group.
ALTER TABLE "learning" ADD CONSTRAINT "learning_at_risk_group_id_check"
  CHECK (("at_risk_group_id" IS NOT NULL) = ("kind" = 'AT_RISK_IMPACT'));
CREATE UNIQUE INDEX "learning_at_risk_group_id_key" ON "learning"("evaluation_id", "at_risk_group_id")
  WHERE "kind" = 'AT_RISK_IMPACT';
