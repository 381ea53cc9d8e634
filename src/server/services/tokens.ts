// Unguessable bearer tokens (visitor resume tokens, staff session ids, set-up links) and their stored form.
// Only a hash is ever stored, so a copy of the database does not let anyone resume a conversation.
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits as 43 url-safe base64 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
