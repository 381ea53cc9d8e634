// Stable error codes shared by the server, the web apps and the CLI.
// HTTP statuses live here too, so that a code maps to the same status everywhere.

export const errorStatus = {
  INVALID_PAYLOAD: 400,
  MESSAGE_TOO_LONG: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  /** A write sent by a page of another origin (same-site request forgery). */
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  NOT_ASSIGNED: 403,
  CONVERSATION_CLOSED: 409,
  CONVERSATION_NOT_STARTED: 409,
  ALREADY_IN_CONVERSATION: 409,
  CONTENT_DELETED: 410,
  QUEUE_CLOSED: 409,
  INTAKE_PAUSED: 409,
  QUEUE_FULL: 409,
  QUEUE_EMPTY: 409,
  AT_CAPACITY: 409,
  NOT_AVAILABLE: 409,
  USERNAME_TAKEN: 409,
  SETUP_DONE: 409,
  LAST_ADMIN: 409,
  INVALID_SETUP_TOKEN: 403,
  INTERNAL: 500,
  /** The database cannot be reached or cannot serve now: try again after `retryAfterSeconds`. */
  UNAVAILABLE: 503,
  // Staff account security (passwords, login throttling, two-factor authentication).
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_CONTAINS_USERNAME: 400,
  WRONG_CURRENT_PASSWORD: 403,
  LOGIN_THROTTLED: 429,
  LOGIN_STEP_EXPIRED: 401,
  INVALID_TOTP_CODE: 401,
  TOTP_ALREADY_ENABLED: 409,
  TOTP_NOT_ENABLED: 409,
  TOTP_REQUIRED: 409,
  TOTP_NOT_STARTED: 409,
  // conversation tools
  CONVERSATION_NOT_ENDED: 409,
  CLOSING_FORM_NOT_DUE: 409,
  // The visitor's one question at the end: asked once, of a conversation someone answered.
  SURVEY_NOT_ASKED: 409,
  TRANSFER_TARGET_UNAVAILABLE: 409,
  TRANSFER_TARGET_AT_CAPACITY: 409,
  // Canned answers (comfort).
  SHORTCUT_TAKEN: 409,
  // Raid resistance: admission work (proof of work) and limits at every door.
  WORK_REQUIRED: 400,
  WORK_INVALID: 400,
  WORK_EXPIRED: 400,
  WORK_REPLAYED: 400,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A failure a person can act on; its code is part of the public contract. */
export class HavreError extends Error {
  readonly code: ErrorCode;
  /** For refusals that pass (RATE_LIMITED): when trying again can succeed, in whole seconds. */
  readonly retryAfterSeconds: number | undefined;
  constructor(code: ErrorCode, message: string = code, options: { retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'HavreError';
    this.code = code;
    this.retryAfterSeconds =
      options.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterMs / 1000));
  }
}

export interface ErrorBody {
  ok: false;
  error: { code: ErrorCode; message: string; retryAfterSeconds?: number };
}
