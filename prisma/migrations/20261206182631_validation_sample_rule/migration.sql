-- CreateEnum
CREATE TYPE "validation_sample_rule" AS ENUM ('SHARED_STATE_OR_TYPE', 'SHARED_STATE', 'SHARED_TYPE', 'WHOLE_EVALUATION');

-- AlterTable
ALTER TABLE "validation_round" ADD COLUMN     "sample_rule" "validation_sample_rule" NOT NULL DEFAULT 'SHARED_STATE_OR_TYPE',
ADD COLUMN     "sample_strata" JSONB;

-- AlterTable
ALTER TABLE "validation_sample_member" ADD COLUMN     "beyond_rule" BOOLEAN NOT NULL DEFAULT false;

-- Samples drawn before the rule existed came from the whole evaluation: say so on those rounds.
UPDATE "validation_round" r SET "sample_rule" = 'WHOLE_EVALUATION'
WHERE EXISTS (
  SELECT 1 FROM "validation_sample_member" m
  WHERE m."validation_round_id" = r."id" AND m."evaluation_id" = r."evaluation_id" AND NOT m."added_manually"
);
