// The admission work in Chromium on a phone: the page solves it in a Web Worker and she reaches the queue and
// the chat; while it is being solved the page says so calmly and the quick exit still works at once.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/protocol/schemas.ts';
import { phone } from '../support/browser.ts';
import { type BrowserSuite, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, newClientId } from '../support/clients.ts';

const NEUTRAL = 'https://neutral.example/weather';
const answer = (url: string) =>
  url.startsWith('https://neutral.example/')
    ? { contentType: 'text/html; charset=utf-8', body: '<title>Météo</title><p>Météo</p>' }
    : undefined;

async function neutralExit(suite: BrowserSuite) {
  const edit = (settings: Settings) => ({
    ...settings,
    visitorPage: { ...settings.visitorPage, quickExitUrl: NEUTRAL },
  });
  await suite.server.havre.settings.update(edit(await suite.server.havre.settings.current()));
}

describe('admission work at rest', { timeout: 60_000 }, () => {
  const suite = useBrowserSuite({ answer });

  it('is solved in a worker and she chats with a counselor', async () => {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = await suite.page(phone, '/');
    const workers: string[] = [];
    visitor.on('worker', (worker) => workers.push(worker.url()));
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
    expect(workers.some((url) => url.includes('/assets/work-worker-'))).toBe(true);

    const { conversation } = await counselor.ask('queue:take-next');
    await counselor.ask('message:send', { conversationId: conversation.id, clientId: newClientId(), text: 'Bonjour.' });
    await visitor.getByText('Bonjour.').waitFor();
    await visitor.getByRole('textbox', { name: /message/i }).fill('Merci de me répondre.');
    await visitor.getByRole('button', { name: /envoyer/i }).click();
    const received = await counselor.next('message:new', (event: any) => event.message.author === 'visitor');
    expect(received.message.text).toBe('Merci de me répondre.');
  });
});

describe('admission work while it is being solved', { timeout: 60_000 }, () => {
  // A search space no phone gets through in the time of this test: she is still solving when she leaves.
  const suite = useBrowserSuite({ answer, server: { env: { ADMISSION_WORK_FLOOR: '50000000' } } });

  it('says so calmly, and the quick exit leaves at once with no conversation opened', async () => {
    await neutralExit(suite);
    const staff = suite.track(await aCounselor(suite.server, { available: false }));
    const visitor = await suite.page(phone, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Nous préparons votre place dans la file…').waitFor();
    await visitor.screenshot({ path: '/tmp/pow-solving.png' });

    await visitor.getByRole('button', { name: 'Quitter cette page' }).click();
    await visitor.waitForURL(NEUTRAL, { timeout: 5_000 });
    await visitor.getByText('Météo').waitFor();
    await staff.ask('presence:set', { status: 'available' });
    expect(await staff.ask('queue:take-next')).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } });
  });
});
