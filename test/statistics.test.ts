// Impact statistics (issue 13, decision 0027): a scripted afternoon, on both databases, counted exactly. The
// clock is moved by hand; each event lands in its hour; only names and numbers are stored.
import { describe, expect, it } from 'vitest';
import { bucketOf } from '../src/core/statistics.ts';
import { aCounselor, aVisitor } from './support/clients.ts';
import { OPEN_INSTANT } from './support/server.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();
const MINUTE = 60_000;

describe.each(kinds)('statistics on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  /** Every count written so far, summed over the hours, and the hours each name was counted in. */
  async function written(): Promise<{ totals: Record<string, number>; hours: Record<string, string[]> }> {
    await suite.server.havre.statisticsJob.flush();
    const rows = await suite.server.havre.db.selectFrom('stats_hours').selectAll().execute();
    const totals: Record<string, number> = {};
    const hours: Record<string, string[]> = {};
    for (const row of rows) {
      totals[row.name] = (totals[row.name] ?? 0) + Number(row.value);
      hours[row.name] = [...(hours[row.name] ?? []), new Date(row.hour).toISOString()];
    }
    return { totals, hours };
  }

  const visitPage = async () => {
    const response = await fetch(`${suite.server.url}/`);
    expect(response.status).toBe(200);
  };

  it.skipIf(!available)('counts a scripted afternoon exactly, each in its hour', async () => {
    const { havre, clock } = suite.server;
    // 14:30 in Paris: the page is seen twice while open.
    await visitPage();
    await visitPage();
    expect((await fetch(`${suite.server.url}/`, { method: 'HEAD' })).status).toBe(200);
    const counselor = suite.track(await aCounselor(suite.server));

    // Four visitors join; a fifth is refused while an admin has paused admissions.
    const visitors = [];
    for (let n = 0; n < 4; n += 1) {
      const visitor = suite.track(await aVisitor(suite.server));
      expect((await visitor.ask('conversation:start', { intake: {} })).ok).toBe(true);
      visitors.push(visitor);
    }
    const settings = await havre.settings.current();
    await havre.settings.update({ ...settings, admission: { ...settings.admission, paused: true } });
    const refused = suite.track(await aVisitor(suite.server));
    expect((await refused.ask('conversation:start', { intake: {} })).error.code).toBe('INTAKE_PAUSED');
    await havre.settings.update(settings);

    // The first is answered after 3 minutes; the second gives up after 6.
    clock.advance(3 * MINUTE);
    await havre.statisticsJob.sample();
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    clock.advance(3 * MINUTE);
    await visitors[1]?.ask('conversation:end');

    // Their conversation lasts 20 minutes; she files the form.
    clock.advance(14 * MINUTE);
    await havre.statisticsJob.sample();
    const conversationId = taken.conversation.id as string;
    await counselor.ask('conversation:end', { conversationId });
    const filed = await counselor.ask('closing-form:submit', {
      conversationId,
      answers: {
        violenceTypes: ['psychological'],
        author: 'partner',
        ageBracket: null,
        actions: ['listening'],
        services: [],
        contactType: 'genuine',
        returning: true,
        area: '75',
        comment: '',
      },
    });
    expect(filed.ok).toBe(true);

    // 18:31: closing time and its 30 minutes have passed; the two still waiting are turned away.
    clock.advance(OPEN_INSTANT.getTime() + (4 * 60 + 1) * MINUTE - clock.now().getTime());
    expect(await havre.closing.runNow()).toBe(2);
    // Closed now: a visit and a refused start count as demand the association could not meet.
    await visitPage();
    const late = suite.track(await aVisitor(suite.server));
    expect((await late.ask('conversation:start', { intake: {} })).error.code).toBe('QUEUE_CLOSED');

    const { totals, hours } = await written();
    expect(totals).toMatchObject({
      'visit.open': 2,
      'visit.closed': 1,
      request: 6,
      admitted: 4,
      'refused.paused': 1,
      'refused.closed': 1,
      served: 1,
      [`wait.b${bucketOf(3)}`]: 1,
      abandoned: 1,
      [`abandon.b${bucketOf(6)}`]: 1,
      turned_away: 2,
      ended: 1,
      'ended.served': 1,
      [`length.b${bucketOf(17)}`]: 1,
      'form.filed': 1,
      'form.violenceTypes.psychological': 1,
      'form.contactTypes.genuine': 1,
      'form.returning.yes': 1,
      'form.childrenExposed.unknown': 1,
      'form.areas.75': 1,
      staffed_minutes: 2,
      capacity_minutes: 4,
      busy_minutes: 1,
    });
    // Sums of seconds: the scripted minutes, plus the few real seconds the script itself takes.
    const about = (name: string, seconds: number) => {
      expect(totals[name], name).toBeGreaterThanOrEqual(seconds - 10);
      expect(totals[name], name).toBeLessThanOrEqual(seconds + 10);
    };
    about('wait_seconds', 3 * 60);
    about('abandon_seconds', 6 * 60);
    about('length_seconds', 17 * 60);
    // The two turned away waited from about 14:30 to 18:31.
    about('turned_away_seconds', 2 * (4 * 60 + 1) * 60);
    expect(hours['visit.open']).toEqual(['2026-12-02T13:00:00.000Z']);
    expect(hours.turned_away).toEqual(['2026-12-02T17:00:00.000Z']);
    expect(hours['visit.closed']).toEqual(['2026-12-02T17:00:00.000Z']);

    // Nothing stored can name anyone: names and numbers only, no id, no address, no text.
    const names = Object.keys(totals).join(' ');
    expect(names).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(names).not.toMatch(/127\.0\.0\.1|Mozilla/);

    // What a supervisor reads for the day, and the CSV that leaves the team, small counts suppressed.
    const supervisor = suite.track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const get = (path: string) => fetch(`${suite.server.url}${path}`, { headers: { cookie: supervisor.cookie } });
    const page = await (await get('/api/statistics?from=2026-12-02&until=2026-12-02')).json();
    expect(page.view.headline).toMatchObject({ requests: 6, answered: 1, abandoned: 1, turnedAway: 2, refused: 2 });
    expect(page.view.measured.meanHandleMinutes).toBeCloseTo(17, 0);
    const csv = await (await get('/api/statistics.csv?from=2026-12-02&until=2026-12-02')).text();
    expect(csv.split('\n')[0]).toBe('day,name,count');
    expect(csv).toContain('2026-12-02,served,<5\n');
    expect(csv).toContain('2026-12-02,request,6\n');
    // One conversation's length is not given to the second: the sum is suppressed with its count.
    expect(csv).toContain('2026-12-02,length_seconds,<5\n');
    expect(csv).toContain('2026-12-02,turned_away_seconds,<5\n');
    await havre.settings.update({
      ...(await havre.settings.current()),
      statistics: { smallCountThreshold: 1, counselorHourCost: 30 },
    });
    expect(await (await get('/api/statistics.csv?from=2026-12-02&until=2026-12-02')).text()).toContain(
      '2026-12-02,served,1\n',
    );
    const backwards = await (await get('/api/statistics?from=2026-12-03&until=2026-12-02')).json();
    expect(backwards.error.code).toBe('INVALID_PAYLOAD');
    const otherDay = await (await get('/api/statistics?from=2026-12-03&until=2026-12-03')).json();
    expect(otherDay.view.headline.requests).toBe(0);
  });

  it.skipIf(!available)(
    'counts "did this help?" once per conversation someone answered, and keeps nothing else',
    async () => {
      const counselor = suite.track(await aCounselor(suite.server));
      const visitor = suite.track(await aVisitor(suite.server));
      const started = await visitor.ask('conversation:start', { intake: {} });
      const taken = await counselor.ask('queue:take-next');
      const survey = (body: unknown) =>
        fetch(`${suite.server.url}/api/survey`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      // Not while it goes on.
      expect((await survey({ token: started.token, answer: 'yes' })).status).toBe(409);
      await counselor.ask('conversation:end', { conversationId: taken.conversation.id });
      expect((await survey({ token: started.token, answer: 'yes' })).status).toBe(200);
      const again = await survey({ token: started.token, answer: 'no' });
      expect(again.status).toBe(409);
      expect((await again.json()).error.code).toBe('SURVEY_NOT_ASKED');

      // Nobody answered this one: she is not asked.
      const left = suite.track(await aVisitor(suite.server));
      const leftStart = await left.ask('conversation:start', { intake: {} });
      await left.ask('conversation:end');
      expect((await survey({ token: leftStart.token, answer: 'yes' })).status).toBe(409);
      expect((await survey({ token: 'x', answer: 'yes' })).status).toBe(400);
      expect((await survey({ token: started.token, answer: 'maybe' })).status).toBe(400);

      const { totals } = await written();
      expect(totals['survey.yes']).toBe(1);
      expect(totals['survey.no']).toBeUndefined();
    },
  );

  it.skipIf(!available)('counts a transfer and a take-over as such, the conversation answered once', async () => {
    const counselor = suite.track(await aCounselor(suite.server));
    const colleague = suite.track(await aCounselor(suite.server));
    const supervisor = suite.track(await aCounselor(suite.server, { role: 'supervisor', available: false }));
    const visitor = suite.track(await aVisitor(suite.server));
    await visitor.ask('conversation:start', { intake: {} });
    const taken = await counselor.ask('queue:take-next');
    const conversationId = taken.conversation.id as string;
    expect(
      (await counselor.ask('conversation:transfer', { conversationId, toStaffId: colleague.id, note: '' })).ok,
    ).toBe(true);
    expect((await supervisor.ask('supervision:take-over', { conversationId })).ok).toBe(true);
    const { totals } = await written();
    expect(totals).toMatchObject({ served: 1, transferred: 1, taken_over: 1 });
  });
});
