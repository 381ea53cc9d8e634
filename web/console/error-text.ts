// Turns an error code from an answer or an acknowledgement into a sentence she can act on.
import type { ApiError } from './api.ts';
import { type ConsoleTranslate, isMessageKey } from './messages.ts';

export function errorText(t: ConsoleTranslate, error: ApiError): string {
  const key = `error.${error.code}`;
  if (isMessageKey(key)) return t(key, { detail: error.message });
  return t('error.unknown', { detail: error.message || error.code });
}
