import { describe, expect, it } from 'vitest';
import { boardStaffAndConversations, mayOversee } from './supervision.ts';

describe('mayOversee', () => {
  it('lets supervisors and admins watch the desk, not counselors', () => {
    expect(mayOversee('supervisor')).toBe(true);
    expect(mayOversee('admin')).toBe(true);
    expect(mayOversee('counselor')).toBe(false);
  });
});

describe('boardStaffAndConversations', () => {
  const conversation = (id: string, counselorId: string | null, assignedAt: string | null) => ({
    id,
    counselorId,
    counselorName: counselorId,
    assignedAt,
    urgent: false,
    counselorAwaySince: null,
    visitorNumber: 1,
  });

  it('counts each counselor load against the limit and lists the available first', () => {
    const board = boardStaffAndConversations(
      [
        { id: 'b', displayName: 'Bea', role: 'counselor', status: 'paused' },
        { id: 'c', displayName: 'Chloé', role: 'counselor', status: 'available' },
        { id: 'a', displayName: 'Ana', role: 'supervisor', status: 'available' },
      ],
      [
        conversation('1', 'c', '2026-12-02T13:10:00Z'),
        conversation('2', 'c', '2026-12-02T13:00:00Z'),
        conversation('3', 'b', '2026-12-02T13:20:00Z'),
      ],
      3,
    );
    expect(board.staff.map((s) => [s.displayName, s.load, s.limit])).toEqual([
      ['Ana', 0, 3],
      ['Chloé', 2, 3],
      ['Bea', 1, 3],
    ]);
    expect(board.conversations.map((c) => c.id)).toEqual(['2', '1', '3']);
  });

  it('does not count a conversation without counselor against anyone', () => {
    const board = boardStaffAndConversations(
      [{ id: 'a', displayName: 'Ana', role: 'counselor', status: 'available' }],
      [conversation('1', null, null)],
      2,
    );
    expect(board.staff[0]?.load).toBe(0);
  });
});
