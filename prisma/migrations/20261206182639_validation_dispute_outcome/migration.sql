-- CreateEnum
CREATE TYPE "dispute_outcome" AS ENUM ('CORRECT', 'ACCEPT', 'DROP');

-- AlterEnum
ALTER TYPE "story_stage" ADD VALUE 'NOT_VALIDATED';

-- AlterTable
ALTER TABLE "validation_response" ADD COLUMN     "dispute_outcome" "dispute_outcome";

-- AlterTable
ALTER TABLE "validation_response_revision" ADD COLUMN     "dispute_outcome" "dispute_outcome";

-- An outcome belongs to a resolved dispute.
ALTER TABLE validation_response ADD CONSTRAINT validation_response_outcome_check CHECK (dispute_outcome IS NULL OR (resolved_at IS NOT NULL AND verdict = 'DISPUTES'));
