/** What the invitation pages read. The invitee's page is public: the token is the credential. */
import { findInvitationByToken } from "./data";

/** The invitation a link carries, or null for an unknown, expired, used or revoked one (all answered alike). */
export function loadInvitation(token: string) {
  return findInvitationByToken(token);
}
