import { describe, expect, it } from 'vitest';
import { DURATION_TARGET_MINUTES, DURATION_WARNING_MINUTES, durationStage } from './conversation-duration.ts';

describe('durationStage', () => {
  it('says nothing more before 25 minutes', () => {
    expect(durationStage(0)).toBe('running');
    expect(durationStage(24)).toBe('running');
  });

  it('suggests preparing the end from 25 minutes', () => {
    expect(durationStage(DURATION_WARNING_MINUTES)).toBe('nearTarget');
    expect(durationStage(29)).toBe('nearTarget');
  });

  it('says the target is reached from 30 minutes on, however long it lasts', () => {
    expect(durationStage(DURATION_TARGET_MINUTES)).toBe('targetReached');
    expect(durationStage(31)).toBe('targetReached');
    expect(durationStage(240)).toBe('targetReached');
  });
});
