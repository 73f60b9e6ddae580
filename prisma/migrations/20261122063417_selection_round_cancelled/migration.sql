-- AlterEnum
ALTER TYPE "selection_round_status" ADD VALUE 'CANCELLED';
