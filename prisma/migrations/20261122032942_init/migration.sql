-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "locale" AS ENUM ('ES', 'EN');

-- CreateEnum
CREATE TYPE "evaluation_role" AS ENUM ('LEAD', 'EVALUATOR', 'PANELIST', 'ANALYST', 'REVIEWER');

-- CreateEnum
CREATE TYPE "at_risk_group" AS ENUM ('WOMEN_WORKERS', 'CHILD_WORKERS_FAMILIES', 'DOMESTIC_MIGRANT_OR_INDIGENOUS_WORKERS', 'AT_RISK_UNIONIZED_WORKERS', 'UNAFFILIATED_OR_INFORMAL_WORKERS');

-- CreateEnum
CREATE TYPE "respondent_type" AS ENUM ('UNION_MEMBER', 'UNAFFILIATED_WORKER', 'AGRICULTURAL_PRODUCER', 'LABOUR_AUTHORITY', 'CONCILIATION_OR_COURT_STAFF', 'COMPANY', 'ACADEMIA', 'CIVIL_SOCIETY', 'IMPLEMENTING_PARTNER', 'FUNDER');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('WOMAN', 'MAN', 'NON_BINARY', 'UNDISCLOSED');

-- CreateEnum
CREATE TYPE "consent_method" AS ENUM ('WRITTEN', 'ORAL_RECORDED_WITHOUT_NAME');

-- CreateEnum
CREATE TYPE "consent_scope_kind" AS ENUM ('INTERVIEW', 'AUDIO_RECORDING', 'ANONYMOUS_QUOTATION', 'SHARE_WITH_FUNDER', 'CONTACT_FOR_VALIDATION');

-- CreateEnum
CREATE TYPE "withdrawal_choice" AS ENUM ('STOP', 'EXCLUDE', 'DESTROY');

-- CreateEnum
CREATE TYPE "interview_mode" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "transcript_variant" AS ENUM ('ORIGINAL', 'TRANSLATION');

-- CreateEnum
CREATE TYPE "change_type" AS ENUM ('POSITIVE', 'NEGATIVE', 'NO_CHANGE');

-- CreateEnum
CREATE TYPE "story_stage" AS ENUM ('DRAFT', 'SUBMITTED', 'SCREENED', 'IN_SELECTION', 'SELECTED', 'NOT_SELECTED', 'IN_TRIANGULATION', 'TRIANGULATED', 'IN_VALIDATION', 'VALIDATED', 'IN_REVIEW', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "date_precision" AS ENUM ('YEAR', 'MONTH', 'DAY');

-- CreateEnum
CREATE TYPE "contribution_rating" AS ENUM ('NONE', 'LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "figure_qualifier" AS ENUM ('EXACT', 'APPROXIMATELY', 'MORE_THAN', 'LESS_THAN', 'RANGE');

-- CreateEnum
CREATE TYPE "domain_assignment_kind" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "panel_level" AS ENUM ('DOMAIN', 'PORTFOLIO');

-- CreateEnum
CREATE TYPE "voting_method" AS ENUM ('RANKING', 'SCORING', 'APPROVAL');

-- CreateEnum
CREATE TYPE "selection_round_status" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'DECIDED');

-- CreateEnum
CREATE TYPE "evidence_source_type" AS ENUM ('QUANTITATIVE_DATASET', 'ADMINISTRATIVE_RECORD', 'DOCUMENT', 'MEDIA', 'OTHER_INTERVIEW', 'SITE_OBSERVATION', 'OTHER');

-- CreateEnum
CREATE TYPE "evidence_stance" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'MIXED');

-- CreateEnum
CREATE TYPE "evidence_strength" AS ENUM ('WEAK', 'MODERATE', 'STRONG');

-- CreateEnum
CREATE TYPE "validation_method" AS ENUM ('WORKSHOP', 'INTERVIEW', 'PHONE');

-- CreateEnum
CREATE TYPE "validation_round_status" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "validation_verdict" AS ENUM ('CONFIRMS', 'CONFIRMS_WITH_CHANGES', 'DISPUTES', 'NO_OPINION');

-- CreateEnum
CREATE TYPE "review_decision" AS ENUM ('APPROVE', 'RETURN');

-- CreateEnum
CREATE TYPE "import_kind" AS ENUM ('RESPONDENTS', 'INTERVIEWS', 'STORIES');

-- CreateEnum
CREATE TYPE "import_batch_status" AS ENUM ('DRY_RUN', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "locale" "locale" NOT NULL DEFAULT 'ES',
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "disabled_at" TIMESTAMP(3),
    "totp_secret" TEXT,
    "totp_enabled_at" TIMESTAMP(3),
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "evaluator_organisation" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "languages" "locale"[],
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_member" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "roles" "evaluation_role"[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evaluation_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "roles" "evaluation_role"[],
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domain" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_es" TEXT NOT NULL,
    "definition_en" TEXT,
    "definition_es" TEXT,
    "is_other" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "managing_office" TEXT NOT NULL,
    "funding_streams" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "municipality" TEXT,
    "community" TEXT,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sector" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_es" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_tag" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_es" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "priority_tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "respondent" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "code_number" INTEGER NOT NULL,
    "type" "respondent_type" NOT NULL,
    "gender" "gender" NOT NULL,
    "state" TEXT NOT NULL,
    "place_id" TEXT,
    "sector_id" TEXT,
    "language" TEXT NOT NULL,
    "at_risk_groups" "at_risk_group"[],
    "excluded_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "respondent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "respondent_identity" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "name_ciphertext" BYTEA,
    "contact_ciphertext" BYTEA,
    "community_ciphertext" BYTEA,
    "key_id" TEXT NOT NULL,
    "destroyed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "respondent_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "given_on" DATE NOT NULL,
    "method" "consent_method" NOT NULL,
    "form_version" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "recorded_by_id" TEXT NOT NULL,
    "withdrawn_on" DATE,
    "withdrawal_choice" "withdrawal_choice",
    "withdrawal_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_scope" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "consent_id" TEXT NOT NULL,
    "scope" "consent_scope_kind" NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consent_scope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "mode" "interview_mode" NOT NULL,
    "place_id" TEXT,
    "language" TEXT NOT NULL,
    "duration_minutes" INTEGER,
    "notes" TEXT,
    "transcript_original" TEXT,
    "transcript_language" TEXT,
    "transcript_translation" TEXT,
    "translation_language" TEXT,
    "translated_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "search_vector" tsvector,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_interviewer" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "interview_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interview_interviewer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_respondent" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "interview_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interview_respondent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_project" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "interview_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interview_project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_group" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "place_id" TEXT,
    "topic" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "anonymous_participant_count" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT,
    "transcript_original" TEXT,
    "transcript_language" TEXT,
    "transcript_translation" TEXT,
    "translation_language" TEXT,
    "translated_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "search_vector" tsvector,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "focus_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_group_facilitator" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "focus_group_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "focus_group_facilitator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_group_participant" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "focus_group_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "focus_group_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_group_project" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "focus_group_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "focus_group_project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcript_excerpt" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "interview_id" TEXT,
    "focus_group_id" TEXT,
    "variant" "transcript_variant" NOT NULL DEFAULT 'ORIGINAL',
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "quoted_text" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "transcript_excerpt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_story" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "code_number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "title_translation" TEXT,
    "what_changed" TEXT NOT NULL,
    "what_changed_translation" TEXT,
    "why_significant" TEXT NOT NULL,
    "why_significant_translation" TEXT,
    "original_language" TEXT NOT NULL,
    "translation_language" TEXT,
    "translated_by_id" TEXT,
    "translated_at" TIMESTAMP(3),
    "change_type" "change_type" NOT NULL,
    "period_from" DATE,
    "period_to" DATE,
    "period_precision" "date_precision" NOT NULL DEFAULT 'YEAR',
    "contribution_narrative" TEXT,
    "contribution_rating" "contribution_rating",
    "contribution_rating_reason" TEXT,
    "sustainability_assessment" TEXT,
    "sustainability_conditions" TEXT,
    "sustainability_risks" TEXT,
    "stage" "story_stage" NOT NULL DEFAULT 'DRAFT',
    "stage_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author_id" TEXT NOT NULL,
    "collected_by_id" TEXT,
    "flagged_source_destroyed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "search_vector" tsvector,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "change_story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_place" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "place_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_sector" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "sector_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_priority_tag" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "priority_tag_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_priority_tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_at_risk_group" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "group" "at_risk_group" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_at_risk_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_figure" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "label_translation" TEXT,
    "qualifier" "figure_qualifier" NOT NULL DEFAULT 'EXACT',
    "value" DECIMAL(20,4) NOT NULL,
    "value_max" DECIMAL(20,4),
    "unit" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_contribution" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "how_contributed" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_teller" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_teller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_source" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "interview_id" TEXT,
    "focus_group_id" TEXT,
    "excerpt_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_revision" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "edited_by_id" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "story_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domain_assignment" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "domain_id" TEXT NOT NULL,
    "kind" "domain_assignment_kind" NOT NULL,
    "rationale" TEXT NOT NULL,
    "assigned_by_id" TEXT NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),
    "ended_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "domain_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection_panel" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "panel_level" NOT NULL,
    "domain_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "selection_panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_member" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "panel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "panel_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection_round" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "panel_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain_id" TEXT,
    "method" "voting_method" NOT NULL,
    "score_scale_max" INTEGER,
    "select_count" INTEGER,
    "opens_at" TIMESTAMP(3),
    "deadline" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),
    "results_hidden_until_closed" BOOLEAN NOT NULL DEFAULT true,
    "status" "selection_round_status" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "selection_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round_candidate" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "round_candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballot" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "panelist_id" TEXT NOT NULL,
    "rank" INTEGER,
    "score" INTEGER,
    "approved" BOOLEAN,
    "reason" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballot_revision" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "ballot_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rank" INTEGER,
    "score" INTEGER,
    "approved" BOOLEAN,
    "reason" TEXT NOT NULL,
    "cast_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ballot_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selection_decision" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dissent" TEXT,
    "feedback_to_storytellers" TEXT,
    "feedback_language" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "selection_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selected_story" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "selected_story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_item" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "source_type" "evidence_source_type" NOT NULL,
    "citation" TEXT NOT NULL,
    "what_it_shows" TEXT NOT NULL,
    "stance" "evidence_stance" NOT NULL,
    "strength" "evidence_strength" NOT NULL,
    "figure_id" TEXT,
    "response" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size_bytes" INTEGER,
    "content_sha256" TEXT,
    "content" BYTEA,
    "added_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "evidence_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triangulation_sign_off" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "analyst_id" TEXT NOT NULL,
    "story_version" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "signed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "triangulation_sign_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validation_round" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "method" "validation_method" NOT NULL,
    "target_size" INTEGER,
    "status" "validation_round_status" NOT NULL DEFAULT 'PLANNED',
    "closed_at" TIMESTAMP(3),
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "validation_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validation_round_story" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "validation_round_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "story_revision_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "validation_round_story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validation_sample_member" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "validation_round_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "stratum" TEXT,
    "added_manually" BOOLEAN NOT NULL DEFAULT false,
    "contacted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "validation_sample_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validation_response" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "validation_round_id" TEXT NOT NULL,
    "respondent_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "story_revision_id" TEXT NOT NULL,
    "verdict" "validation_verdict" NOT NULL,
    "comments" TEXT,
    "proposed_changes" TEXT,
    "dispute_resolution" TEXT,
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "recorded_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "validation_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "story_id" TEXT NOT NULL,
    "story_revision_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "decision" "review_decision" NOT NULL,
    "comment" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lesson" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "domain_id" TEXT,
    "position" INTEGER NOT NULL,
    "text_en" TEXT,
    "text_es" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "text_en" TEXT,
    "text_es" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip_address" TEXT,
    "sequence" BIGINT NOT NULL,
    "previous_hash" TEXT,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_mapping" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "kind" "import_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "key_column" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batch" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "kind" "import_kind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "key_column" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "status" "import_batch_status" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "committed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row_error" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "batch_id" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "column" TEXT,
    "code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_row_error_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imported_row" (
    "id" TEXT NOT NULL,
    "evaluation_id" TEXT NOT NULL,
    "batch_id" TEXT NOT NULL,
    "external_key" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "imported_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

-- CreateIndex
CREATE INDEX "user_session_expires_at_idx" ON "user_session"("expires_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_email_created_at_idx" ON "sign_in_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_address_created_at_idx" ON "sign_in_attempt"("ip_address", "created_at");

-- CreateIndex
CREATE INDEX "evaluation_created_at_idx" ON "evaluation"("created_at");

-- CreateIndex
CREATE INDEX "evaluation_member_user_id_idx" ON "evaluation_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_member_evaluation_id_user_id_key" ON "evaluation_member"("evaluation_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE INDEX "invitation_evaluation_id_email_idx" ON "invitation"("evaluation_id", "email");

-- CreateIndex
CREATE INDEX "invitation_evaluation_id_created_at_idx" ON "invitation"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "invitation_invited_by_id_idx" ON "invitation"("invited_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "domain_evaluation_id_position_key" ON "domain"("evaluation_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "domain_evaluation_id_id_key" ON "domain"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "project_evaluation_id_managing_office_idx" ON "project"("evaluation_id", "managing_office");

-- CreateIndex
CREATE UNIQUE INDEX "project_evaluation_id_acronym_key" ON "project"("evaluation_id", "acronym");

-- CreateIndex
CREATE UNIQUE INDEX "project_evaluation_id_id_key" ON "project"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "place_evaluation_id_state_idx" ON "place"("evaluation_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "place_evaluation_id_key_key" ON "place"("evaluation_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "place_evaluation_id_id_key" ON "place"("evaluation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "sector_evaluation_id_name_en_key" ON "sector"("evaluation_id", "name_en");

-- CreateIndex
CREATE UNIQUE INDEX "sector_evaluation_id_id_key" ON "sector"("evaluation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "priority_tag_evaluation_id_position_key" ON "priority_tag"("evaluation_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "priority_tag_evaluation_id_id_key" ON "priority_tag"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_type_idx" ON "respondent"("evaluation_id", "type");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_gender_idx" ON "respondent"("evaluation_id", "gender");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_state_idx" ON "respondent"("evaluation_id", "state");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_created_at_idx" ON "respondent"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_updated_at_idx" ON "respondent"("evaluation_id", "updated_at");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_place_id_idx" ON "respondent"("evaluation_id", "place_id");

-- CreateIndex
CREATE INDEX "respondent_evaluation_id_sector_id_idx" ON "respondent"("evaluation_id", "sector_id");

-- CreateIndex
CREATE UNIQUE INDEX "respondent_evaluation_id_code_key" ON "respondent"("evaluation_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "respondent_evaluation_id_code_number_key" ON "respondent"("evaluation_id", "code_number");

-- CreateIndex
CREATE UNIQUE INDEX "respondent_evaluation_id_id_key" ON "respondent"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "respondent_identity_key_id_idx" ON "respondent_identity"("key_id");

-- CreateIndex
CREATE UNIQUE INDEX "respondent_identity_evaluation_id_respondent_id_key" ON "respondent_identity"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE INDEX "consent_evaluation_id_respondent_id_given_on_idx" ON "consent"("evaluation_id", "respondent_id", "given_on");

-- CreateIndex
CREATE INDEX "consent_evaluation_id_withdrawn_on_idx" ON "consent"("evaluation_id", "withdrawn_on");

-- CreateIndex
CREATE INDEX "consent_recorded_by_id_idx" ON "consent"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "consent_evaluation_id_id_key" ON "consent"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "consent_scope_evaluation_id_consent_id_idx" ON "consent_scope"("evaluation_id", "consent_id");

-- CreateIndex
CREATE UNIQUE INDEX "consent_scope_consent_id_scope_key" ON "consent_scope"("consent_id", "scope");

-- CreateIndex
CREATE INDEX "interview_evaluation_id_date_idx" ON "interview"("evaluation_id", "date");

-- CreateIndex
CREATE INDEX "interview_evaluation_id_mode_idx" ON "interview"("evaluation_id", "mode");

-- CreateIndex
CREATE INDEX "interview_evaluation_id_place_id_idx" ON "interview"("evaluation_id", "place_id");

-- CreateIndex
CREATE INDEX "interview_evaluation_id_created_at_idx" ON "interview"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "interview_evaluation_id_updated_at_idx" ON "interview"("evaluation_id", "updated_at");

-- CreateIndex
CREATE INDEX "interview_translated_by_id_idx" ON "interview"("translated_by_id");

-- CreateIndex
CREATE INDEX "interview_search_vector_idx" ON "interview" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "interview_evaluation_id_id_key" ON "interview"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "interview_interviewer_evaluation_id_interview_id_idx" ON "interview_interviewer"("evaluation_id", "interview_id");

-- CreateIndex
CREATE INDEX "interview_interviewer_user_id_idx" ON "interview_interviewer"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "interview_interviewer_interview_id_user_id_key" ON "interview_interviewer"("interview_id", "user_id");

-- CreateIndex
CREATE INDEX "interview_respondent_evaluation_id_interview_id_idx" ON "interview_respondent"("evaluation_id", "interview_id");

-- CreateIndex
CREATE INDEX "interview_respondent_evaluation_id_respondent_id_idx" ON "interview_respondent"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE UNIQUE INDEX "interview_respondent_interview_id_respondent_id_key" ON "interview_respondent"("interview_id", "respondent_id");

-- CreateIndex
CREATE INDEX "interview_project_evaluation_id_interview_id_idx" ON "interview_project"("evaluation_id", "interview_id");

-- CreateIndex
CREATE INDEX "interview_project_evaluation_id_project_id_idx" ON "interview_project"("evaluation_id", "project_id");

-- CreateIndex
CREATE UNIQUE INDEX "interview_project_interview_id_project_id_key" ON "interview_project"("interview_id", "project_id");

-- CreateIndex
CREATE INDEX "focus_group_evaluation_id_date_idx" ON "focus_group"("evaluation_id", "date");

-- CreateIndex
CREATE INDEX "focus_group_evaluation_id_place_id_idx" ON "focus_group"("evaluation_id", "place_id");

-- CreateIndex
CREATE INDEX "focus_group_evaluation_id_created_at_idx" ON "focus_group"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "focus_group_evaluation_id_updated_at_idx" ON "focus_group"("evaluation_id", "updated_at");

-- CreateIndex
CREATE INDEX "focus_group_translated_by_id_idx" ON "focus_group"("translated_by_id");

-- CreateIndex
CREATE INDEX "focus_group_search_vector_idx" ON "focus_group" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "focus_group_evaluation_id_id_key" ON "focus_group"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "focus_group_facilitator_evaluation_id_focus_group_id_idx" ON "focus_group_facilitator"("evaluation_id", "focus_group_id");

-- CreateIndex
CREATE INDEX "focus_group_facilitator_user_id_idx" ON "focus_group_facilitator"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "focus_group_facilitator_focus_group_id_user_id_key" ON "focus_group_facilitator"("focus_group_id", "user_id");

-- CreateIndex
CREATE INDEX "focus_group_participant_evaluation_id_focus_group_id_idx" ON "focus_group_participant"("evaluation_id", "focus_group_id");

-- CreateIndex
CREATE INDEX "focus_group_participant_evaluation_id_respondent_id_idx" ON "focus_group_participant"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE UNIQUE INDEX "focus_group_participant_focus_group_id_respondent_id_key" ON "focus_group_participant"("focus_group_id", "respondent_id");

-- CreateIndex
CREATE INDEX "focus_group_project_evaluation_id_focus_group_id_idx" ON "focus_group_project"("evaluation_id", "focus_group_id");

-- CreateIndex
CREATE INDEX "focus_group_project_evaluation_id_project_id_idx" ON "focus_group_project"("evaluation_id", "project_id");

-- CreateIndex
CREATE UNIQUE INDEX "focus_group_project_focus_group_id_project_id_key" ON "focus_group_project"("focus_group_id", "project_id");

-- CreateIndex
CREATE INDEX "transcript_excerpt_evaluation_id_interview_id_idx" ON "transcript_excerpt"("evaluation_id", "interview_id");

-- CreateIndex
CREATE INDEX "transcript_excerpt_evaluation_id_focus_group_id_idx" ON "transcript_excerpt"("evaluation_id", "focus_group_id");

-- CreateIndex
CREATE INDEX "transcript_excerpt_created_by_id_idx" ON "transcript_excerpt"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "transcript_excerpt_evaluation_id_id_key" ON "transcript_excerpt"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_stage_updated_at_idx" ON "change_story"("evaluation_id", "stage", "updated_at");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_change_type_idx" ON "change_story"("evaluation_id", "change_type");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_created_at_idx" ON "change_story"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_updated_at_idx" ON "change_story"("evaluation_id", "updated_at");

-- CreateIndex
CREATE INDEX "change_story_evaluation_id_period_from_idx" ON "change_story"("evaluation_id", "period_from");

-- CreateIndex
CREATE INDEX "change_story_author_id_idx" ON "change_story"("author_id");

-- CreateIndex
CREATE INDEX "change_story_collected_by_id_idx" ON "change_story"("collected_by_id");

-- CreateIndex
CREATE INDEX "change_story_translated_by_id_idx" ON "change_story"("translated_by_id");

-- CreateIndex
CREATE INDEX "change_story_search_vector_idx" ON "change_story" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "change_story_evaluation_id_code_key" ON "change_story"("evaluation_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "change_story_evaluation_id_code_number_key" ON "change_story"("evaluation_id", "code_number");

-- CreateIndex
CREATE UNIQUE INDEX "change_story_evaluation_id_id_key" ON "change_story"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "story_place_evaluation_id_story_id_idx" ON "story_place"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_place_evaluation_id_place_id_idx" ON "story_place"("evaluation_id", "place_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_place_story_id_place_id_key" ON "story_place"("story_id", "place_id");

-- CreateIndex
CREATE INDEX "story_sector_evaluation_id_story_id_idx" ON "story_sector"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_sector_evaluation_id_sector_id_idx" ON "story_sector"("evaluation_id", "sector_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_sector_story_id_sector_id_key" ON "story_sector"("story_id", "sector_id");

-- CreateIndex
CREATE INDEX "story_priority_tag_evaluation_id_story_id_idx" ON "story_priority_tag"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_priority_tag_evaluation_id_priority_tag_id_idx" ON "story_priority_tag"("evaluation_id", "priority_tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_priority_tag_story_id_priority_tag_id_key" ON "story_priority_tag"("story_id", "priority_tag_id");

-- CreateIndex
CREATE INDEX "story_at_risk_group_evaluation_id_story_id_idx" ON "story_at_risk_group"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_at_risk_group_evaluation_id_group_idx" ON "story_at_risk_group"("evaluation_id", "group");

-- CreateIndex
CREATE UNIQUE INDEX "story_at_risk_group_story_id_group_key" ON "story_at_risk_group"("story_id", "group");

-- CreateIndex
CREATE INDEX "story_figure_evaluation_id_story_id_idx" ON "story_figure"("evaluation_id", "story_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_figure_story_id_position_key" ON "story_figure"("story_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "story_figure_story_id_id_key" ON "story_figure"("story_id", "id");

-- CreateIndex
CREATE INDEX "story_contribution_evaluation_id_story_id_idx" ON "story_contribution"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_contribution_evaluation_id_project_id_idx" ON "story_contribution"("evaluation_id", "project_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_contribution_story_id_project_id_key" ON "story_contribution"("story_id", "project_id");

-- CreateIndex
CREATE INDEX "story_teller_evaluation_id_story_id_idx" ON "story_teller"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_teller_evaluation_id_respondent_id_idx" ON "story_teller"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_teller_story_id_respondent_id_key" ON "story_teller"("story_id", "respondent_id");

-- CreateIndex
CREATE INDEX "story_source_evaluation_id_story_id_idx" ON "story_source"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_source_evaluation_id_interview_id_idx" ON "story_source"("evaluation_id", "interview_id");

-- CreateIndex
CREATE INDEX "story_source_evaluation_id_focus_group_id_idx" ON "story_source"("evaluation_id", "focus_group_id");

-- CreateIndex
CREATE INDEX "story_source_evaluation_id_excerpt_id_idx" ON "story_source"("evaluation_id", "excerpt_id");

-- CreateIndex
CREATE INDEX "story_revision_evaluation_id_story_id_idx" ON "story_revision"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "story_revision_edited_by_id_idx" ON "story_revision"("edited_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_revision_story_id_version_key" ON "story_revision"("story_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "story_revision_story_id_id_key" ON "story_revision"("story_id", "id");

-- CreateIndex
CREATE INDEX "domain_assignment_evaluation_id_story_id_ended_at_idx" ON "domain_assignment"("evaluation_id", "story_id", "ended_at");

-- CreateIndex
CREATE INDEX "domain_assignment_evaluation_id_domain_id_kind_ended_at_idx" ON "domain_assignment"("evaluation_id", "domain_id", "kind", "ended_at");

-- CreateIndex
CREATE INDEX "domain_assignment_assigned_by_id_idx" ON "domain_assignment"("assigned_by_id");

-- CreateIndex
CREATE INDEX "domain_assignment_ended_by_id_idx" ON "domain_assignment"("ended_by_id");

-- CreateIndex
CREATE INDEX "selection_panel_evaluation_id_domain_id_idx" ON "selection_panel"("evaluation_id", "domain_id");

-- CreateIndex
CREATE INDEX "selection_panel_evaluation_id_level_idx" ON "selection_panel"("evaluation_id", "level");

-- CreateIndex
CREATE UNIQUE INDEX "selection_panel_evaluation_id_id_key" ON "selection_panel"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "panel_member_evaluation_id_panel_id_idx" ON "panel_member"("evaluation_id", "panel_id");

-- CreateIndex
CREATE INDEX "panel_member_user_id_idx" ON "panel_member"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "panel_member_panel_id_user_id_key" ON "panel_member"("panel_id", "user_id");

-- CreateIndex
CREATE INDEX "selection_round_evaluation_id_panel_id_idx" ON "selection_round"("evaluation_id", "panel_id");

-- CreateIndex
CREATE INDEX "selection_round_evaluation_id_domain_id_idx" ON "selection_round"("evaluation_id", "domain_id");

-- CreateIndex
CREATE INDEX "selection_round_evaluation_id_status_deadline_idx" ON "selection_round"("evaluation_id", "status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "selection_round_evaluation_id_id_key" ON "selection_round"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "round_candidate_evaluation_id_round_id_idx" ON "round_candidate"("evaluation_id", "round_id");

-- CreateIndex
CREATE INDEX "round_candidate_evaluation_id_story_id_idx" ON "round_candidate"("evaluation_id", "story_id");

-- CreateIndex
CREATE UNIQUE INDEX "round_candidate_round_id_story_id_key" ON "round_candidate"("round_id", "story_id");

-- CreateIndex
CREATE INDEX "ballot_evaluation_id_round_id_idx" ON "ballot"("evaluation_id", "round_id");

-- CreateIndex
CREATE INDEX "ballot_evaluation_id_story_id_idx" ON "ballot"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "ballot_panelist_id_idx" ON "ballot"("panelist_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_round_id_story_id_panelist_id_key" ON "ballot"("round_id", "story_id", "panelist_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_evaluation_id_id_key" ON "ballot"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "ballot_revision_evaluation_id_ballot_id_idx" ON "ballot_revision"("evaluation_id", "ballot_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_revision_ballot_id_version_key" ON "ballot_revision"("ballot_id", "version");

-- CreateIndex
CREATE INDEX "selection_decision_decided_by_id_idx" ON "selection_decision"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "selection_decision_evaluation_id_round_id_key" ON "selection_decision"("evaluation_id", "round_id");

-- CreateIndex
CREATE UNIQUE INDEX "selection_decision_evaluation_id_id_key" ON "selection_decision"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "selected_story_evaluation_id_decision_id_idx" ON "selected_story"("evaluation_id", "decision_id");

-- CreateIndex
CREATE INDEX "selected_story_evaluation_id_story_id_idx" ON "selected_story"("evaluation_id", "story_id");

-- CreateIndex
CREATE UNIQUE INDEX "selected_story_decision_id_story_id_key" ON "selected_story"("decision_id", "story_id");

-- CreateIndex
CREATE INDEX "evidence_item_evaluation_id_story_id_source_type_idx" ON "evidence_item"("evaluation_id", "story_id", "source_type");

-- CreateIndex
CREATE INDEX "evidence_item_evaluation_id_stance_idx" ON "evidence_item"("evaluation_id", "stance");

-- CreateIndex
CREATE INDEX "evidence_item_story_id_figure_id_idx" ON "evidence_item"("story_id", "figure_id");

-- CreateIndex
CREATE INDEX "evidence_item_added_by_id_idx" ON "evidence_item"("added_by_id");

-- CreateIndex
CREATE INDEX "triangulation_sign_off_evaluation_id_story_id_signed_at_idx" ON "triangulation_sign_off"("evaluation_id", "story_id", "signed_at");

-- CreateIndex
CREATE INDEX "triangulation_sign_off_story_id_story_version_idx" ON "triangulation_sign_off"("story_id", "story_version");

-- CreateIndex
CREATE INDEX "triangulation_sign_off_analyst_id_idx" ON "triangulation_sign_off"("analyst_id");

-- CreateIndex
CREATE INDEX "validation_round_evaluation_id_status_starts_on_idx" ON "validation_round"("evaluation_id", "status", "starts_on");

-- CreateIndex
CREATE UNIQUE INDEX "validation_round_evaluation_id_id_key" ON "validation_round"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "validation_round_story_evaluation_id_validation_round_id_idx" ON "validation_round_story"("evaluation_id", "validation_round_id");

-- CreateIndex
CREATE INDEX "validation_round_story_evaluation_id_story_id_idx" ON "validation_round_story"("evaluation_id", "story_id");

-- CreateIndex
CREATE INDEX "validation_round_story_story_id_story_revision_id_idx" ON "validation_round_story"("story_id", "story_revision_id");

-- CreateIndex
CREATE UNIQUE INDEX "validation_round_story_validation_round_id_story_id_key" ON "validation_round_story"("validation_round_id", "story_id");

-- CreateIndex
CREATE INDEX "validation_sample_member_evaluation_id_validation_round_id_idx" ON "validation_sample_member"("evaluation_id", "validation_round_id");

-- CreateIndex
CREATE INDEX "validation_sample_member_evaluation_id_respondent_id_idx" ON "validation_sample_member"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE UNIQUE INDEX "validation_sample_member_validation_round_id_respondent_id_key" ON "validation_sample_member"("validation_round_id", "respondent_id");

-- CreateIndex
CREATE INDEX "validation_response_evaluation_id_validation_round_id_verdi_idx" ON "validation_response"("evaluation_id", "validation_round_id", "verdict");

-- CreateIndex
CREATE INDEX "validation_response_evaluation_id_respondent_id_idx" ON "validation_response"("evaluation_id", "respondent_id");

-- CreateIndex
CREATE INDEX "validation_response_evaluation_id_story_id_verdict_idx" ON "validation_response"("evaluation_id", "story_id", "verdict");

-- CreateIndex
CREATE INDEX "validation_response_validation_round_id_story_id_idx" ON "validation_response"("validation_round_id", "story_id");

-- CreateIndex
CREATE INDEX "validation_response_story_id_story_revision_id_idx" ON "validation_response"("story_id", "story_revision_id");

-- CreateIndex
CREATE INDEX "validation_response_resolved_by_id_idx" ON "validation_response"("resolved_by_id");

-- CreateIndex
CREATE INDEX "validation_response_recorded_by_id_idx" ON "validation_response"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "validation_response_validation_round_id_respondent_id_story_key" ON "validation_response"("validation_round_id", "respondent_id", "story_id");

-- CreateIndex
CREATE INDEX "review_evaluation_id_story_id_created_at_idx" ON "review"("evaluation_id", "story_id", "created_at");

-- CreateIndex
CREATE INDEX "review_evaluation_id_decision_created_at_idx" ON "review"("evaluation_id", "decision", "created_at");

-- CreateIndex
CREATE INDEX "review_story_id_story_revision_id_idx" ON "review"("story_id", "story_revision_id");

-- CreateIndex
CREATE INDEX "review_reviewer_id_idx" ON "review"("reviewer_id");

-- CreateIndex
CREATE INDEX "lesson_evaluation_id_position_idx" ON "lesson"("evaluation_id", "position");

-- CreateIndex
CREATE INDEX "lesson_evaluation_id_domain_id_idx" ON "lesson"("evaluation_id", "domain_id");

-- CreateIndex
CREATE INDEX "recommendation_evaluation_id_position_idx" ON "recommendation"("evaluation_id", "position");

-- CreateIndex
CREATE INDEX "recommendation_evaluation_id_audience_idx" ON "recommendation"("evaluation_id", "audience");

-- CreateIndex
CREATE INDEX "audit_event_evaluation_id_created_at_idx" ON "audit_event"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_evaluation_id_actor_id_created_at_idx" ON "audit_event"("evaluation_id", "actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_record_type_record_id_idx" ON "audit_event"("record_type", "record_id");

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_evaluation_id_sequence_key" ON "audit_event"("evaluation_id", "sequence");

-- CreateIndex
CREATE INDEX "import_mapping_created_by_id_idx" ON "import_mapping"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_mapping_evaluation_id_kind_name_key" ON "import_mapping"("evaluation_id", "kind", "name");

-- CreateIndex
CREATE INDEX "import_batch_evaluation_id_created_at_idx" ON "import_batch"("evaluation_id", "created_at");

-- CreateIndex
CREATE INDEX "import_batch_evaluation_id_file_sha256_idx" ON "import_batch"("evaluation_id", "file_sha256");

-- CreateIndex
CREATE INDEX "import_batch_created_by_id_idx" ON "import_batch"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_batch_evaluation_id_idempotency_key_key" ON "import_batch"("evaluation_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "import_batch_evaluation_id_id_key" ON "import_batch"("evaluation_id", "id");

-- CreateIndex
CREATE INDEX "import_row_error_evaluation_id_batch_id_row_number_idx" ON "import_row_error"("evaluation_id", "batch_id", "row_number");

-- CreateIndex
CREATE INDEX "imported_row_evaluation_id_batch_id_idx" ON "imported_row"("evaluation_id", "batch_id");

-- CreateIndex
CREATE INDEX "imported_row_record_type_record_id_idx" ON "imported_row"("record_type", "record_id");

-- CreateIndex
CREATE UNIQUE INDEX "imported_row_evaluation_id_record_type_external_key_key" ON "imported_row"("evaluation_id", "record_type", "external_key");

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_member" ADD CONSTRAINT "evaluation_member_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_member" ADD CONSTRAINT "evaluation_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain" ADD CONSTRAINT "domain_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project" ADD CONSTRAINT "project_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sector" ADD CONSTRAINT "sector_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_tag" ADD CONSTRAINT "priority_tag_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_evaluation_id_place_id_fkey" FOREIGN KEY ("evaluation_id", "place_id") REFERENCES "place"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_evaluation_id_sector_id_fkey" FOREIGN KEY ("evaluation_id", "sector_id") REFERENCES "sector"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent_identity" ADD CONSTRAINT "respondent_identity_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "respondent_identity" ADD CONSTRAINT "respondent_identity_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_scope" ADD CONSTRAINT "consent_scope_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_scope" ADD CONSTRAINT "consent_scope_evaluation_id_consent_id_fkey" FOREIGN KEY ("evaluation_id", "consent_id") REFERENCES "consent"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview" ADD CONSTRAINT "interview_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview" ADD CONSTRAINT "interview_evaluation_id_place_id_fkey" FOREIGN KEY ("evaluation_id", "place_id") REFERENCES "place"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview" ADD CONSTRAINT "interview_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_interviewer" ADD CONSTRAINT "interview_interviewer_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_interviewer" ADD CONSTRAINT "interview_interviewer_evaluation_id_interview_id_fkey" FOREIGN KEY ("evaluation_id", "interview_id") REFERENCES "interview"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_interviewer" ADD CONSTRAINT "interview_interviewer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_respondent" ADD CONSTRAINT "interview_respondent_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_respondent" ADD CONSTRAINT "interview_respondent_evaluation_id_interview_id_fkey" FOREIGN KEY ("evaluation_id", "interview_id") REFERENCES "interview"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_respondent" ADD CONSTRAINT "interview_respondent_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_project" ADD CONSTRAINT "interview_project_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_project" ADD CONSTRAINT "interview_project_evaluation_id_interview_id_fkey" FOREIGN KEY ("evaluation_id", "interview_id") REFERENCES "interview"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_project" ADD CONSTRAINT "interview_project_evaluation_id_project_id_fkey" FOREIGN KEY ("evaluation_id", "project_id") REFERENCES "project"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group" ADD CONSTRAINT "focus_group_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group" ADD CONSTRAINT "focus_group_evaluation_id_place_id_fkey" FOREIGN KEY ("evaluation_id", "place_id") REFERENCES "place"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group" ADD CONSTRAINT "focus_group_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_facilitator" ADD CONSTRAINT "focus_group_facilitator_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_facilitator" ADD CONSTRAINT "focus_group_facilitator_evaluation_id_focus_group_id_fkey" FOREIGN KEY ("evaluation_id", "focus_group_id") REFERENCES "focus_group"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_facilitator" ADD CONSTRAINT "focus_group_facilitator_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_participant" ADD CONSTRAINT "focus_group_participant_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_participant" ADD CONSTRAINT "focus_group_participant_evaluation_id_focus_group_id_fkey" FOREIGN KEY ("evaluation_id", "focus_group_id") REFERENCES "focus_group"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_participant" ADD CONSTRAINT "focus_group_participant_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_project" ADD CONSTRAINT "focus_group_project_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_project" ADD CONSTRAINT "focus_group_project_evaluation_id_focus_group_id_fkey" FOREIGN KEY ("evaluation_id", "focus_group_id") REFERENCES "focus_group"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_group_project" ADD CONSTRAINT "focus_group_project_evaluation_id_project_id_fkey" FOREIGN KEY ("evaluation_id", "project_id") REFERENCES "project"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_excerpt" ADD CONSTRAINT "transcript_excerpt_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_excerpt" ADD CONSTRAINT "transcript_excerpt_evaluation_id_interview_id_fkey" FOREIGN KEY ("evaluation_id", "interview_id") REFERENCES "interview"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_excerpt" ADD CONSTRAINT "transcript_excerpt_evaluation_id_focus_group_id_fkey" FOREIGN KEY ("evaluation_id", "focus_group_id") REFERENCES "focus_group"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_excerpt" ADD CONSTRAINT "transcript_excerpt_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_story" ADD CONSTRAINT "change_story_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_story" ADD CONSTRAINT "change_story_translated_by_id_fkey" FOREIGN KEY ("translated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_story" ADD CONSTRAINT "change_story_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_story" ADD CONSTRAINT "change_story_collected_by_id_fkey" FOREIGN KEY ("collected_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_place" ADD CONSTRAINT "story_place_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_place" ADD CONSTRAINT "story_place_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_place" ADD CONSTRAINT "story_place_evaluation_id_place_id_fkey" FOREIGN KEY ("evaluation_id", "place_id") REFERENCES "place"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_sector" ADD CONSTRAINT "story_sector_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_sector" ADD CONSTRAINT "story_sector_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_sector" ADD CONSTRAINT "story_sector_evaluation_id_sector_id_fkey" FOREIGN KEY ("evaluation_id", "sector_id") REFERENCES "sector"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_priority_tag" ADD CONSTRAINT "story_priority_tag_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_priority_tag" ADD CONSTRAINT "story_priority_tag_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_priority_tag" ADD CONSTRAINT "story_priority_tag_evaluation_id_priority_tag_id_fkey" FOREIGN KEY ("evaluation_id", "priority_tag_id") REFERENCES "priority_tag"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_at_risk_group" ADD CONSTRAINT "story_at_risk_group_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_at_risk_group" ADD CONSTRAINT "story_at_risk_group_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_figure" ADD CONSTRAINT "story_figure_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_figure" ADD CONSTRAINT "story_figure_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_contribution" ADD CONSTRAINT "story_contribution_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_contribution" ADD CONSTRAINT "story_contribution_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_contribution" ADD CONSTRAINT "story_contribution_evaluation_id_project_id_fkey" FOREIGN KEY ("evaluation_id", "project_id") REFERENCES "project"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_teller" ADD CONSTRAINT "story_teller_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_teller" ADD CONSTRAINT "story_teller_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_teller" ADD CONSTRAINT "story_teller_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_source" ADD CONSTRAINT "story_source_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_source" ADD CONSTRAINT "story_source_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_source" ADD CONSTRAINT "story_source_evaluation_id_interview_id_fkey" FOREIGN KEY ("evaluation_id", "interview_id") REFERENCES "interview"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_source" ADD CONSTRAINT "story_source_evaluation_id_focus_group_id_fkey" FOREIGN KEY ("evaluation_id", "focus_group_id") REFERENCES "focus_group"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_source" ADD CONSTRAINT "story_source_evaluation_id_excerpt_id_fkey" FOREIGN KEY ("evaluation_id", "excerpt_id") REFERENCES "transcript_excerpt"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_revision" ADD CONSTRAINT "story_revision_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_revision" ADD CONSTRAINT "story_revision_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_revision" ADD CONSTRAINT "story_revision_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_assignment" ADD CONSTRAINT "domain_assignment_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_assignment" ADD CONSTRAINT "domain_assignment_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_assignment" ADD CONSTRAINT "domain_assignment_evaluation_id_domain_id_fkey" FOREIGN KEY ("evaluation_id", "domain_id") REFERENCES "domain"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_assignment" ADD CONSTRAINT "domain_assignment_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "domain_assignment" ADD CONSTRAINT "domain_assignment_ended_by_id_fkey" FOREIGN KEY ("ended_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_panel" ADD CONSTRAINT "selection_panel_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_panel" ADD CONSTRAINT "selection_panel_evaluation_id_domain_id_fkey" FOREIGN KEY ("evaluation_id", "domain_id") REFERENCES "domain"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_evaluation_id_panel_id_fkey" FOREIGN KEY ("evaluation_id", "panel_id") REFERENCES "selection_panel"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_round" ADD CONSTRAINT "selection_round_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_round" ADD CONSTRAINT "selection_round_evaluation_id_panel_id_fkey" FOREIGN KEY ("evaluation_id", "panel_id") REFERENCES "selection_panel"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_round" ADD CONSTRAINT "selection_round_evaluation_id_domain_id_fkey" FOREIGN KEY ("evaluation_id", "domain_id") REFERENCES "domain"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_candidate" ADD CONSTRAINT "round_candidate_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_candidate" ADD CONSTRAINT "round_candidate_evaluation_id_round_id_fkey" FOREIGN KEY ("evaluation_id", "round_id") REFERENCES "selection_round"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_candidate" ADD CONSTRAINT "round_candidate_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_evaluation_id_round_id_fkey" FOREIGN KEY ("evaluation_id", "round_id") REFERENCES "selection_round"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_round_id_story_id_fkey" FOREIGN KEY ("round_id", "story_id") REFERENCES "round_candidate"("round_id", "story_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_panelist_id_fkey" FOREIGN KEY ("panelist_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_revision" ADD CONSTRAINT "ballot_revision_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_revision" ADD CONSTRAINT "ballot_revision_evaluation_id_ballot_id_fkey" FOREIGN KEY ("evaluation_id", "ballot_id") REFERENCES "ballot"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_decision" ADD CONSTRAINT "selection_decision_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_decision" ADD CONSTRAINT "selection_decision_evaluation_id_round_id_fkey" FOREIGN KEY ("evaluation_id", "round_id") REFERENCES "selection_round"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_decision" ADD CONSTRAINT "selection_decision_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selected_story" ADD CONSTRAINT "selected_story_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selected_story" ADD CONSTRAINT "selected_story_evaluation_id_decision_id_fkey" FOREIGN KEY ("evaluation_id", "decision_id") REFERENCES "selection_decision"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selected_story" ADD CONSTRAINT "selected_story_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_story_id_figure_id_fkey" FOREIGN KEY ("story_id", "figure_id") REFERENCES "story_figure"("story_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_item" ADD CONSTRAINT "evidence_item_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triangulation_sign_off" ADD CONSTRAINT "triangulation_sign_off_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triangulation_sign_off" ADD CONSTRAINT "triangulation_sign_off_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triangulation_sign_off" ADD CONSTRAINT "triangulation_sign_off_analyst_id_fkey" FOREIGN KEY ("analyst_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triangulation_sign_off" ADD CONSTRAINT "triangulation_sign_off_story_id_story_version_fkey" FOREIGN KEY ("story_id", "story_version") REFERENCES "story_revision"("story_id", "version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_round" ADD CONSTRAINT "validation_round_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_round_story" ADD CONSTRAINT "validation_round_story_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_round_story" ADD CONSTRAINT "validation_round_story_evaluation_id_validation_round_id_fkey" FOREIGN KEY ("evaluation_id", "validation_round_id") REFERENCES "validation_round"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_round_story" ADD CONSTRAINT "validation_round_story_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_round_story" ADD CONSTRAINT "validation_round_story_story_id_story_revision_id_fkey" FOREIGN KEY ("story_id", "story_revision_id") REFERENCES "story_revision"("story_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_sample_member" ADD CONSTRAINT "validation_sample_member_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_sample_member" ADD CONSTRAINT "validation_sample_member_evaluation_id_validation_round_id_fkey" FOREIGN KEY ("evaluation_id", "validation_round_id") REFERENCES "validation_round"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_sample_member" ADD CONSTRAINT "validation_sample_member_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_evaluation_id_validation_round_id_fkey" FOREIGN KEY ("evaluation_id", "validation_round_id") REFERENCES "validation_round"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_evaluation_id_respondent_id_fkey" FOREIGN KEY ("evaluation_id", "respondent_id") REFERENCES "respondent"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_validation_round_id_respondent_id_fkey" FOREIGN KEY ("validation_round_id", "respondent_id") REFERENCES "validation_sample_member"("validation_round_id", "respondent_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_validation_round_id_story_id_fkey" FOREIGN KEY ("validation_round_id", "story_id") REFERENCES "validation_round_story"("validation_round_id", "story_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_story_id_story_revision_id_fkey" FOREIGN KEY ("story_id", "story_revision_id") REFERENCES "story_revision"("story_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_response" ADD CONSTRAINT "validation_response_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_evaluation_id_story_id_fkey" FOREIGN KEY ("evaluation_id", "story_id") REFERENCES "change_story"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_story_id_story_revision_id_fkey" FOREIGN KEY ("story_id", "story_revision_id") REFERENCES "story_revision"("story_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson" ADD CONSTRAINT "lesson_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson" ADD CONSTRAINT "lesson_evaluation_id_domain_id_fkey" FOREIGN KEY ("evaluation_id", "domain_id") REFERENCES "domain"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_error" ADD CONSTRAINT "import_row_error_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_error" ADD CONSTRAINT "import_row_error_evaluation_id_batch_id_fkey" FOREIGN KEY ("evaluation_id", "batch_id") REFERENCES "import_batch"("evaluation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_row" ADD CONSTRAINT "imported_row_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_row" ADD CONSTRAINT "imported_row_evaluation_id_batch_id_fkey" FOREIGN KEY ("evaluation_id", "batch_id") REFERENCES "import_batch"("evaluation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: what prisma/schema.prisma cannot express (docs/decisions/0002-offline-migrations.md).
-- The drift test allows exactly these objects, by name.
-- ─────────────────────────────────────────────────────────────────────────────────────────────

-- Full-text search, Spanish and English, accent-insensitive ("niños" finds "ninos" and back).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION msc_es (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION msc_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION msc_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION msc_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION msc_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION msc_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The configuration for a text in a language code (indigenous languages get no stemming).
CREATE FUNCTION msc_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(coalesce(language, ''))
    WHEN 'es' THEN 'msc_es'::regconfig
    WHEN 'en' THEN 'msc_en'::regconfig
    ELSE 'msc_simple'::regconfig
  END
$$;

-- A text's vector in its own language. Long transcripts are cut at 500,000 characters.
CREATE FUNCTION msc_text_vector(language text, body text, weight "char") RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(msc_search_config(language), left(coalesce(body, ''), 500000)), weight)
$$;

CREATE FUNCTION change_story_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    msc_text_vector(NEW.original_language, NEW.title, 'A')
    || msc_text_vector(NEW.original_language, NEW.what_changed, 'B')
    || msc_text_vector(NEW.original_language, NEW.why_significant, 'B')
    || msc_text_vector(NEW.translation_language, NEW.title_translation, 'A')
    || msc_text_vector(NEW.translation_language, NEW.what_changed_translation, 'B')
    || msc_text_vector(NEW.translation_language, NEW.why_significant_translation, 'B');
  RETURN NEW;
END
$$;
CREATE TRIGGER change_story_search_vector BEFORE INSERT OR UPDATE OF
  title, what_changed, why_significant, title_translation, what_changed_translation,
  why_significant_translation, original_language, translation_language
  ON change_story FOR EACH ROW EXECUTE FUNCTION change_story_search_vector_update();

CREATE FUNCTION interview_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    msc_text_vector(NEW.transcript_language, NEW.transcript_original, 'C')
    || msc_text_vector(NEW.translation_language, NEW.transcript_translation, 'C')
    || msc_text_vector(NEW.transcript_language, NEW.notes, 'D');
  RETURN NEW;
END
$$;
CREATE TRIGGER interview_search_vector BEFORE INSERT OR UPDATE OF
  transcript_original, transcript_translation, notes, transcript_language, translation_language
  ON interview FOR EACH ROW EXECUTE FUNCTION interview_search_vector_update();

CREATE FUNCTION focus_group_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    msc_text_vector(NEW.transcript_language, NEW.topic, 'B')
    || msc_text_vector(NEW.transcript_language, NEW.transcript_original, 'C')
    || msc_text_vector(NEW.translation_language, NEW.transcript_translation, 'C')
    || msc_text_vector(NEW.transcript_language, NEW.notes, 'D');
  RETURN NEW;
END
$$;
CREATE TRIGGER focus_group_search_vector BEFORE INSERT OR UPDATE OF
  topic, transcript_original, transcript_translation, notes, transcript_language, translation_language
  ON focus_group FOR EACH ROW EXECUTE FUNCTION focus_group_search_vector_update();

-- Rules the database enforces itself.
ALTER TABLE evaluation ADD CONSTRAINT evaluation_period_check CHECK (period_end >= period_start);
ALTER TABLE evaluation_member ADD CONSTRAINT evaluation_member_roles_check CHECK (cardinality(roles) > 0);
ALTER TABLE consent ADD CONSTRAINT consent_withdrawal_check CHECK ((withdrawn_on IS NULL) = (withdrawal_choice IS NULL));
ALTER TABLE interview ADD CONSTRAINT interview_duration_check CHECK (duration_minutes > 0);
ALTER TABLE focus_group ADD CONSTRAINT focus_group_anonymous_count_check CHECK (anonymous_participant_count >= 0);
ALTER TABLE transcript_excerpt ADD CONSTRAINT transcript_excerpt_source_check CHECK (num_nonnulls(interview_id, focus_group_id) = 1);
ALTER TABLE transcript_excerpt ADD CONSTRAINT transcript_excerpt_offsets_check CHECK (start_offset >= 0 AND end_offset > start_offset);
ALTER TABLE change_story ADD CONSTRAINT change_story_period_check CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from);
ALTER TABLE story_figure ADD CONSTRAINT story_figure_range_check CHECK ((qualifier = 'RANGE') = (value_max IS NOT NULL));
ALTER TABLE story_source ADD CONSTRAINT story_source_kind_check CHECK (num_nonnulls(interview_id, focus_group_id, excerpt_id) = 1);
ALTER TABLE domain_assignment ADD CONSTRAINT domain_assignment_ended_check CHECK ((ended_at IS NULL) = (ended_by_id IS NULL));
ALTER TABLE selection_panel ADD CONSTRAINT selection_panel_level_check CHECK ((level = 'DOMAIN') = (domain_id IS NOT NULL));
ALTER TABLE selection_round ADD CONSTRAINT selection_round_scale_check CHECK (score_scale_max IS NULL OR score_scale_max > 1);
ALTER TABLE ballot ADD CONSTRAINT ballot_one_vote_check CHECK (num_nonnulls(rank, score, approved) = 1);
ALTER TABLE validation_round ADD CONSTRAINT validation_round_dates_check CHECK (ends_on >= starts_on);
ALTER TABLE validation_response ADD CONSTRAINT validation_response_resolution_check CHECK ((resolved_at IS NULL) = (resolved_by_id IS NULL));
ALTER TABLE review ADD CONSTRAINT review_return_comment_check CHECK (decision = 'APPROVE' OR length(trim(comment)) > 0);
ALTER TABLE lesson ADD CONSTRAINT lesson_text_check CHECK (num_nonnulls(text_en, text_es) >= 1);
ALTER TABLE recommendation ADD CONSTRAINT recommendation_text_check CHECK (num_nonnulls(text_en, text_es) >= 1);

CREATE UNIQUE INDEX domain_one_other_per_evaluation ON domain (evaluation_id) WHERE is_other;
CREATE UNIQUE INDEX story_source_interview_once ON story_source (story_id, interview_id) WHERE interview_id IS NOT NULL;
CREATE UNIQUE INDEX story_source_focus_group_once ON story_source (story_id, focus_group_id) WHERE focus_group_id IS NOT NULL;
CREATE UNIQUE INDEX story_source_excerpt_once ON story_source (story_id, excerpt_id) WHERE excerpt_id IS NOT NULL;
CREATE UNIQUE INDEX domain_assignment_one_current_primary ON domain_assignment (story_id) WHERE kind = 'PRIMARY' AND ended_at IS NULL;
CREATE UNIQUE INDEX domain_assignment_one_current_per_domain ON domain_assignment (story_id, domain_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX audit_event_installation_sequence ON audit_event (sequence) WHERE evaluation_id IS NULL;

-- The audit trail is append-only for every role, the owner included.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
