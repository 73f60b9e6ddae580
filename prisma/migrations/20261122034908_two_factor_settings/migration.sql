-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "totp_last_used_step" INTEGER;

-- AlterTable
ALTER TABLE "user_session" ADD COLUMN     "two_factor_verified_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "installation_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "require_two_factor_for_identity_roles" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "installation_settings_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the settings table holds exactly one row.
ALTER TABLE installation_settings ADD CONSTRAINT installation_settings_single_row_check CHECK (id = 1);
