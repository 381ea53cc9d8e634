// Same-origin JSON calls to the HTTP API. Every answer is `{ ok: true, ... }` or `{ ok: false, error }`;
// a network failure becomes the error code NETWORK, so callers handle one shape only.
import type { Ack } from '../../src/protocol/views.ts';

export interface ApiError {
  code: string;
  message: string;
  /** With LOGIN_THROTTLED: how long to wait. */
  retryAfterSeconds?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function callApi<T>(method: Method, path: string, body?: unknown): Promise<Ack<T>> {
  // Bodyless POSTs still send `{}`: a JSON content type with an empty body is refused by Fastify.
  const sendsBody = method !== 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: sendsBody ? { 'content-type': 'application/json' } : {},
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: 'network error' } };
  }
  try {
    const answer = (await response.json()) as Ack<T>;
    if (typeof answer === 'object' && answer !== null && 'ok' in answer) return answer;
  } catch {
    // fall through: an answer that is not our JSON shape (a proxy error page, for instance)
  }
  return {
    ok: false,
    error: { code: response.ok ? 'INTERNAL' : `HTTP_${response.status}`, message: `HTTP ${response.status}` },
  };
}
