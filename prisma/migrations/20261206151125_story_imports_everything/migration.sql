-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "figure_qualifier" ADD VALUE 'AT_LEAST';
ALTER TYPE "figure_qualifier" ADD VALUE 'UP_TO';

-- AlterTable
ALTER TABLE "import_batch" ADD COLUMN     "number_locale" TEXT;

-- AlterTable
ALTER TABLE "import_row_error" ADD COLUMN     "sheet" TEXT;
