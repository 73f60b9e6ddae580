/**
 * The commit's inserts of respondents, their at-risk groups, their sealed identities, their consents and the imported-row keys, one
 * statement per chunk with one array parameter per column (INSERT … SELECT FROM unnest). Prisma's
 * createMany spends milliseconds per row in its query engine at this size (profiled: more than
 * half of a 2,000-row commit); these statements are written out column by column so the database
 * checks every value against the same columns, enums and foreign keys as any other write.
 * Timestamps are UTC, as Prisma writes them into `timestamp(3)` columns.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type RespondentRow = {
  id: string;
  code: string;
  codeNumber: number;
  type: string;
  gender: string;
  /** Null: Mexico. */
  countryCode: string | null;
  state: string;
  placeId: string | null;
  sectorId: string | null;
  language: string;
};

export async function insertRespondents(tx: Tx, evaluationId: string, rows: RespondentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof RespondentRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO respondent (id, evaluation_id, code, code_number, type, gender, country_code, state, place_id, sector_id, language, created_at, updated_at)
    SELECT r.id, ${evaluationId}, r.code, r.code_number, r.type::respondent_type, r.gender::gender, r.country_code, r.state, r.place_id, r.sector_id, r.language,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${column("id")}::text[], ${column("code")}::text[], ${column("codeNumber")}::int[], ${column("type")}::text[], ${column("gender")}::text[],
                ${column("countryCode")}::text[], ${column("state")}::text[], ${column("placeId")}::text[], ${column("sectorId")}::text[], ${column("language")}::text[])
      AS r(id, code, code_number, type, gender, country_code, state, place_id, sector_id, language)`;
}

export type RespondentGroupRow = { respondentId: string; groupId: string };

export async function insertRespondentGroups(tx: Tx, evaluationId: string, rows: RespondentGroupRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO respondent_at_risk_group (evaluation_id, respondent_id, group_id, created_at)
    SELECT ${evaluationId}, g.respondent_id, g.group_id, now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((row) => row.respondentId)}::text[], ${rows.map((row) => row.groupId)}::text[]) AS g(respondent_id, group_id)`;
}

/** Sealed parts as the text `seal` returns; stored as its UTF-8 bytes, as `sealIdentity` stores them. */
export type IdentityRow = {
  id: string;
  respondentId: string;
  name: string | null;
  contact: string | null;
  community: string | null;
  keyId: string;
};

export async function insertIdentities(tx: Tx, evaluationId: string, rows: IdentityRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof IdentityRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO respondent_identity (id, evaluation_id, respondent_id, name_ciphertext, contact_ciphertext, community_ciphertext, key_id, created_at, updated_at)
    SELECT i.id, ${evaluationId}, i.respondent_id, convert_to(i.name, 'UTF8'), convert_to(i.contact, 'UTF8'), convert_to(i.community, 'UTF8'), i.key_id,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${column("id")}::text[], ${column("respondentId")}::text[], ${column("name")}::text[], ${column("contact")}::text[], ${column("community")}::text[], ${column("keyId")}::text[])
      AS i(id, respondent_id, name, contact, community, key_id)`;
}

export type ImportedRowInput = { id: string; externalKey: string; recordId: string };

export async function insertImportedRows(
  tx: Tx,
  evaluationId: string,
  batchId: string,
  recordType: string,
  rows: ImportedRowInput[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO imported_row (id, evaluation_id, batch_id, external_key, record_type, record_id, created_at, updated_at)
    SELECT k.id, ${evaluationId}, ${batchId}, k.external_key, ${recordType}, k.record_id, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.externalKey)}::text[], ${rows.map((row) => row.recordId)}::text[])
      AS k(id, external_key, record_id)`;
}

/** A consent form as `recordConsent` writes it; `givenOn` is the day as YYYY-MM-DD. */
export type ConsentRow = {
  id: string;
  respondentId: string;
  givenOn: string;
  method: string;
  formVersion: string;
  language: string;
  recordedById: string;
};

export async function insertConsents(tx: Tx, evaluationId: string, rows: ConsentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ConsentRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO consent (id, evaluation_id, respondent_id, given_on, method, form_version, language, recorded_by_id, created_at, updated_at)
    SELECT c.id, ${evaluationId}, c.respondent_id, c.given_on::date, c.method::consent_method, c.form_version, c.language, c.recorded_by_id,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${column("id")}::text[], ${column("respondentId")}::text[], ${column("givenOn")}::text[], ${column("method")}::text[],
                ${column("formVersion")}::text[], ${column("language")}::text[], ${column("recordedById")}::text[])
      AS c(id, respondent_id, given_on, method, form_version, language, recorded_by_id)`;
}

export type ConsentScopeRow = { id: string; consentId: string; scope: string; granted: boolean };

export async function insertConsentScopes(tx: Tx, evaluationId: string, rows: ConsentScopeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ConsentScopeRow>(key: K) => rows.map((row) => row[key]);
  await tx.$executeRaw`
    INSERT INTO consent_scope (id, evaluation_id, consent_id, scope, granted, created_at, updated_at)
    SELECT s.id, ${evaluationId}, s.consent_id, s.scope::consent_scope_kind, s.granted, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${column("id")}::text[], ${column("consentId")}::text[], ${column("scope")}::text[], ${column("granted")}::boolean[])
      AS s(id, consent_id, scope, granted)`;
}
