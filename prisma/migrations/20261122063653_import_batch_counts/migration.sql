-- AlterTable
ALTER TABLE "import_batch" ADD COLUMN     "delimiter" TEXT,
ADD COLUMN     "error_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "new_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "skipped_count" INTEGER NOT NULL DEFAULT 0;
