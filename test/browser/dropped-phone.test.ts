// A dropped phone keeps its place (issue 10, item 4), in Chromium: a visitor whose network goes away is told,
// when it comes back after her place could no longer be kept, that it was her connection, not a refusal, and
// she takes a place again with one tap. The place is kept 2 s here instead of 10 minutes.
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor } from '../support/clients.ts';

const PLACE_KEPT_MS = 2_000;
const suite = useBrowserSuite({ server: { visitorGraceMs: PLACE_KEPT_MS } });

describe('a dropped phone in Chromium', { timeout: 150_000 }, () => {
  it('says her connection was lost, not that nobody could answer, and lets her rejoin at once', async () => {
    const counselor = suite.track(await aCounselor(suite.server));
    const context = await suite.context(phone);
    const visitor = await context.newPage();
    await visitor.goto(`${suite.server.url}/`);
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
    await counselor.next('queue:update', (queue: any) => queue.waiting === 1);
    counselor.forget('queue:update');

    await context.setOffline(true);
    // The server sees her go when the socket closes, or at worst at the next missed heartbeat (45 s).
    const row = () =>
      suite.server.havre.db.selectFrom('conversations').select(['status', 'closed_reason']).executeTakeFirst();
    await expect.poll(row, { timeout: 60_000 }).toEqual({ status: 'closed', closed_reason: 'connection_lost' });
    await context.setOffline(false);
    // Back online, the page reconnects at once (not at the end of its back-off) and learns what happened.
    await visitor.getByText(/Votre connexion a été coupée trop longtemps/).waitFor();
    expect(await visitor.getByText(/aucune conseillère n’a pu vous répondre/).count()).toBe(0);
    await expectNoSeriousViolations(visitor, 'place lost with the connection');
    await visitor.screenshot({ path: '/tmp/shots/visitor-connection-lost.png', fullPage: true });

    await visitor.getByRole('button', { name: 'Reprendre une place dans la file' }).click();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
    const waiting = () =>
      suite.server.havre.db
        .selectFrom('conversations')
        .select(['status', 'absent_since'])
        .where('status', '=', 'waiting')
        .execute();
    await expect.poll(waiting, { timeout: 30_000 }).toEqual([{ status: 'waiting', absent_since: null }]);
  });
});
