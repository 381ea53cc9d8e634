// Sends her answer to "Did this help?" to Havre (same origin, no cookie). Nothing is shown whatever the
// answer: she has already been thanked, and a refusal (asked already, a conversation nobody answered) says
// nothing she needs to know.
import type { SurveyAnswer } from '../../src/protocol/schemas.ts';

export async function sendSurvey(token: string, answer: SurveyAnswer, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetcher('/api/survey', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, answer }),
      credentials: 'omit',
      cache: 'no-store',
    });
    return response.ok;
  } catch {
    return false;
  }
}
