// What the public GET /api/status says that matters at the desk: the intake questions with their labels, and
// whether new conversations are paused. Read when the console connects and whenever the server sends a fresh
// staff state (after a reconnect or a settings change). Until it arrives, or if the call fails, answers show
// as their ids and no pause is announced.
import { useEffect, useState } from 'preact/hooks';
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';
import type { ScheduleStatusView } from '../../src/protocol/views.ts';
import { callApi } from './api.ts';

export interface PublicStatus {
  questions: readonly IntakeQuestion[];
  admissionPaused: boolean;
}

const unknown: PublicStatus = { questions: [], admissionPaused: false };

export function usePublicStatus(refresh: number): PublicStatus {
  const [status, setStatus] = useState<PublicStatus>(unknown);
  useEffect(() => {
    if (refresh === 0) return;
    let current = true;
    void callApi<{ status: ScheduleStatusView }>('GET', '/api/status').then((answer) => {
      if (current && answer.ok) {
        setStatus({ questions: answer.status.intake.questions, admissionPaused: answer.status.admission.paused });
      }
    });
    return () => {
      current = false;
    };
  }, [refresh]);
  return status;
}
