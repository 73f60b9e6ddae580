-- AlterTable
ALTER TABLE "evaluation" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'America/Mexico_City';

-- A zone name as the app writes it (lib/evaluations/time-zone.ts checks it against the platform's
-- list); the database keeps out what could never be one.
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_time_zone_check" CHECK ("time_zone" ~ '^[A-Za-z0-9_+/-]{1,64}$');
