// Closing time told honestly, in Chromium on a phone: a visitor already waiting when the chat closes reads
// until when those waiting are still answered, also after a reload; once that time has passed she reads that
// the chat closed before anyone could answer her, with the lines that answer day and night, the next opening
// and the emergency numbers. OPEN_INSTANT is Wednesday 14:30 in Paris; the chat closes at 18:00.
import { mkdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, aVisitor } from '../support/clients.ts';

const suite = useBrowserSuite();

/** Moves the server's clock to this Paris time today (winter: UTC+1). */
function toParis(hhmm: string) {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const target = Date.UTC(2026, 11, 2, h - 1, m);
  suite.server.clock.advance(target - suite.server.clock.now().getTime());
}

describe('closing time in Chromium', { timeout: 90_000 }, () => {
  it('tells a waiting visitor until when she may still be answered, after a reload too, then why it ended', async () => {
    toParis('17:50');
    const counselor = suite.track(await aCounselor(suite.server));
    for (let i = 0; i < 2; i++) {
      await suite.track(await aVisitor(suite.server)).ask('conversation:start');
      await counselor.ask('queue:take-next');
    }
    const visitor = await suite.page(phone);
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();

    toParis('18:05');
    await suite.server.havre.closing.runNow();
    const serving = visitor.getByText(/La discussion est maintenant fermée.*jusqu’à 18 h 30/);
    await serving.waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
    await serving.waitFor();
    await expectNoSeriousViolations(visitor, 'waiting after closing time');
    mkdirSync('/tmp/shots', { recursive: true });
    await visitor.screenshot({ path: '/tmp/shots/visitor-closed-serving.png', fullPage: true });

    toParis('18:30');
    await suite.server.havre.closing.runNow();
    await visitor.getByText(/La discussion a fermé avant qu’une conseillère puisse vous répondre/).waitFor();
    await visitor.getByText(/Prochaine ouverture : lundi/).waitFor();
    await visitor.getByRole('link', { name: /3919/ }).first().waitFor();
    await visitor.getByRole('link', { name: /^17/ }).waitFor();
    await expectNoSeriousViolations(visitor, 'turned away at closing');
    await visitor.screenshot({ path: '/tmp/shots/visitor-turned-away.png', fullPage: true });
  });
});
