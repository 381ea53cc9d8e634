// Canned answers over HTTP, and one shared copy of the list per signed-in staff member, so that the composer's
// `/` list and the management dialog show the same answers and a change made in one shows in the other.
import { useEffect, useState } from 'preact/hooks';
import type { CannedAnswerInput, CannedAnswerView } from '../../src/protocol/canned-answers.ts';
import { callApi } from './api.ts';

export const listCannedAnswers = () => callApi<{ answers: CannedAnswerView[] }>('GET', '/api/canned-answers');

export const createCannedAnswer = (input: CannedAnswerInput) =>
  callApi<{ answer: CannedAnswerView }>('POST', '/api/canned-answers', input);

export const updateCannedAnswer = (id: string, input: CannedAnswerInput) =>
  callApi<{ answer: CannedAnswerView }>('PUT', `/api/canned-answers/${encodeURIComponent(id)}`, input);

export const deleteCannedAnswer = (id: string) =>
  callApi<object>('DELETE', `/api/canned-answers/${encodeURIComponent(id)}`);

let shared: { staffId: string; answers: CannedAnswerView[] } | null = null;
const listeners = new Set<() => void>();

const notify = () => {
  for (const listener of listeners) listener();
};

/** Loads the list again (after a change) and tells every screen that shows it. */
export async function reloadCannedAnswers(staffId: string): Promise<void> {
  const answer = await listCannedAnswers();
  // She signed out (or someone else signed in) meanwhile: this list is not theirs.
  if (!answer.ok || shared?.staffId !== staffId) return;
  shared = { staffId, answers: answer.answers };
  notify();
}

function useSharedAnswers(): CannedAnswerView[] {
  const [answers, setAnswers] = useState<CannedAnswerView[]>(() => shared?.answers ?? []);
  useEffect(() => {
    const update = () => setAnswers(shared?.answers ?? []);
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return answers;
}

/**
 * Mounted once by the signed-in workspace (its top bar): loads the answers of this staff member, dropping any
 * list of someone who signed in before on this page.
 */
export function useCannedAnswersOf(staffId: string): CannedAnswerView[] {
  useEffect(() => {
    if (shared?.staffId !== staffId) {
      shared = { staffId, answers: [] };
      notify();
    }
    void reloadCannedAnswers(staffId);
  }, [staffId]);
  return useSharedAnswers();
}

/** The answers of whoever is signed in, for the composer's `/` list. */
export const useCannedAnswers = useSharedAnswers;
