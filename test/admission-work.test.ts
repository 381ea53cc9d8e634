// Admission work over real sockets: a start without work, with forged, wrong, borrowed, replayed or expired work
// is refused with its own code and nothing reaches the queue; solved work is admitted; a surge of admitted
// starts raises the difficulty, which supervisors see on the board.
import { describe, expect, it } from 'vitest';
import { CHALLENGE_TTL_MS } from '../src/server/services/admission-work.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { solveWork } from './support/solve-work.ts';

const suite = useTestServer();
const track = suite.track;

/** A visitor who sends what the test says, not what the page would. */
const aScript = async () => track(await aVisitor(suite.server, { solvesWork: false }));
const refusedWith = (code: string) => ({ ok: false, error: { code } });

async function expectEmptyQueue() {
  const counselor = track(await aCounselor(suite.server));
  expect(await counselor.ask('queue:take-next')).toMatchObject(refusedWith('QUEUE_EMPTY'));
}

describe('admission work', () => {
  it('refuses a start without work, with forged work, with a wrong number, or with work given to another socket', async () => {
    const script = await aScript();
    expect(await script.ask('conversation:start', {})).toMatchObject(refusedWith('WORK_REQUIRED'));

    const { challenge } = await script.ask('work:challenge');
    expect(challenge).toMatchObject({ algorithm: 'SHA-256', maxNumber: expect.any(Number) });
    const solved = solveWork(challenge);
    const forged = { ...solved, signature: 'A'.repeat(solved.signature.length) };
    expect(await script.ask('conversation:start', { work: forged })).toMatchObject(refusedWith('WORK_INVALID'));
    const wrong = { ...solved, number: solved.number + 1 };
    expect(await script.ask('conversation:start', { work: wrong })).toMatchObject(refusedWith('WORK_INVALID'));
    const tamperedExpiry = { ...solved, salt: `${solved.salt.split('.')[0]}.${Date.now() + 86_400_000}` };
    expect(await script.ask('conversation:start', { work: tamperedExpiry })).toMatchObject(refusedWith('WORK_INVALID'));

    const farmed = await aScript();
    expect(await farmed.ask('conversation:start', { work: solved })).toMatchObject(refusedWith('WORK_INVALID'));
    await expectEmptyQueue();
    // The honest solution still works on the socket it was given to.
    expect(await script.ask('conversation:start', { work: solved })).toMatchObject({ ok: true });
  });

  it('accepts a solution once', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor' }));
    await supervisor.ask('supervision:intake-mode', { mode: 'paused', message: null });
    const script = await aScript();
    const work = solveWork((await script.ask('work:challenge')).challenge);
    expect(await script.ask('conversation:start', { work })).toMatchObject(refusedWith('INTAKE_PAUSED'));
    await supervisor.ask('supervision:intake-mode', { mode: 'open', message: null });
    expect(await script.ask('conversation:start', { work })).toMatchObject(refusedWith('WORK_REPLAYED'));
    await expectEmptyQueue();
  });

  it('refuses work whose challenge has expired', async () => {
    const script = await aScript();
    const work = solveWork((await script.ask('work:challenge')).challenge);
    suite.server.clock.advance(CHALLENGE_TTL_MS + 1);
    expect(await script.ask('conversation:start', { work })).toMatchObject(refusedWith('WORK_EXPIRED'));
    await expectEmptyQueue();
  });

  it('raises the difficulty under a surge of admitted starts, shows supervisors why and suggests raid mode', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor' }));
    const { board } = await supervisor.ask('supervision:board');
    expect(board.admissionWork).toMatchObject({ maxNumber: 10_000, reason: 'rest', surge: false });
    for (let i = 0; i < 30; i += 1) {
      expect((await track(await aVisitor(suite.server)).ask('conversation:start')).ok).toBe(true);
    }
    suite.server.havre.work.tick();
    const moved = await supervisor.next('supervision:board-update', (b: any) => b.admissionWork.surge);
    expect(moved.admissionWork).toMatchObject({ maxNumber: 20_000, reason: 'surge' });
    expect(moved.raid.suggested).toBe(true);
    expect(moved.admissionWork.lowEndPhoneSeconds.worst).toBeCloseTo(0.5);
    const { challenge } = await (await aScript()).ask('work:challenge');
    expect(challenge.maxNumber).toBe(20_000);
  });

  it('raises its floor at once when a supervisor switches raid mode on', async () => {
    const supervisor = track(await aCounselor(suite.server, { role: 'supervisor' }));
    expect((await supervisor.ask('supervision:raid-mode', { on: true, message: null })).ok).toBe(true);
    const { challenge } = await (await aScript()).ask('work:challenge');
    expect(challenge.maxNumber).toBe(50_000);
    const { board } = await supervisor.ask('supervision:board');
    expect(board.admissionWork).toMatchObject({ maxNumber: 50_000, reason: 'raid-floor' });
    expect(board.raid).toMatchObject({ on: true, suggested: false });
  });
});
