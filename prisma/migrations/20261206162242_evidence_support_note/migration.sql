-- AlterTable
ALTER TABLE "evidence_item" ADD COLUMN     "support_note" TEXT;

-- Only mixed evidence carries a note on why it still supports the story.
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_support_note_check" CHECK ("support_note" IS NULL OR "stance" = 'MIXED');
