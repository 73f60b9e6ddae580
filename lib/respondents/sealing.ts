/**
 * A respondent's identity as stored: each part sealed with lib/crypto (AES-256-GCM) under the
 * context "respondent:<id>:<part>", so a ciphertext copied to another respondent or another
 * column does not open. The bytea columns hold the sealed text ("v1.<key>.<payload>") as UTF-8;
 * `keyId` repeats the key's fingerprint so rotation can find old rows with an index.
 * Phone and e-mail travel together in the contact column.
 */
import { keyFingerprint, keyRingFromEnv, open, seal, type KeyRing } from "@/lib/crypto";
import type { IdentityField } from "./constants";

export type IdentityValues = {
  name: string | null;
  phone: string | null;
  email: string | null;
  community: string | null;
};

export type SealedIdentity = {
  nameCiphertext: Uint8Array<ArrayBuffer> | null;
  contactCiphertext: Uint8Array<ArrayBuffer> | null;
  communityCiphertext: Uint8Array<ArrayBuffer> | null;
  keyId: string;
};

export type StoredIdentity = {
  nameCiphertext: Uint8Array | null;
  contactCiphertext: Uint8Array | null;
  communityCiphertext: Uint8Array | null;
};

export const EMPTY_IDENTITY: IdentityValues = { name: null, phone: null, email: null, community: null };

export function identityContext(respondentId: string, field: IdentityField): string {
  return `respondent:${respondentId}:${field}`;
}

/** The stored form of each part: contact is the phone and e-mail together. */
export function identityParts(values: IdentityValues): Record<IdentityField, string | null> {
  const contact = values.phone || values.email ? JSON.stringify({ phone: values.phone, email: values.email }) : null;
  return { name: values.name, contact, community: values.community };
}

function toBytes(sealed: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(sealed, "utf8"));
}

export function fromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("utf8");
}

export function sealIdentity(
  respondentId: string,
  values: IdentityValues,
  ring: KeyRing = keyRingFromEnv(),
): SealedIdentity {
  const parts = identityParts(values);
  const sealPart = (field: IdentityField) => {
    const value = parts[field];
    return value === null ? null : toBytes(seal(value, identityContext(respondentId, field), ring));
  };
  return {
    nameCiphertext: sealPart("name"),
    contactCiphertext: sealPart("contact"),
    communityCiphertext: sealPart("community"),
    keyId: keyFingerprint(ring.current),
  };
}

export function openIdentity(
  respondentId: string,
  stored: StoredIdentity,
  ring: KeyRing = keyRingFromEnv(),
): IdentityValues {
  const openPart = (bytes: Uint8Array | null, field: IdentityField) =>
    bytes === null ? null : open(fromBytes(bytes), identityContext(respondentId, field), ring);
  const contactText = openPart(stored.contactCiphertext, "contact");
  const contact = contactText ? (JSON.parse(contactText) as { phone?: string | null; email?: string | null }) : {};
  return {
    name: openPart(stored.nameCiphertext, "name"),
    phone: contact.phone ?? null,
    email: contact.email ?? null,
    community: openPart(stored.communityCiphertext, "community"),
  };
}

/** Re-seals one stored part with the ring's current key (for key rotation). */
export function resealBytes(bytes: Uint8Array | null, context: string, ring: KeyRing): Uint8Array<ArrayBuffer> | null {
  return bytes === null ? null : toBytes(seal(open(fromBytes(bytes), context, ring), context, ring));
}
