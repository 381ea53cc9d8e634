// How long a conversation has lasted against the service's 30-minute target. The stages only inform the
// counselor; nothing ever ends or blocks a conversation because of its length.

export const DURATION_WARNING_MINUTES = 25;
export const DURATION_TARGET_MINUTES = 30;

/** `running` says nothing more; `nearTarget` suggests preparing the end; `targetReached` says the target is met. */
export type DurationStage = 'running' | 'nearTarget' | 'targetReached';

export function durationStage(minutes: number): DurationStage {
  if (minutes >= DURATION_TARGET_MINUTES) return 'targetReached';
  if (minutes >= DURATION_WARNING_MINUTES) return 'nearTarget';
  return 'running';
}
