-- AlterTable
ALTER TABLE "selection_round" ADD COLUMN     "last_reminder_at" TIMESTAMP(3);
