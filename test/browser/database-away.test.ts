// The database goes away (issue 11, item 1), in Chromium: PostgreSQL behind a fault proxy that drops every
// byte. The counselor's console loses its socket and cannot check her session: it says the connection is lost
// and waits, it never signs her out; once the database is back it is live again by itself. A visitor who starts
// then is told calmly that the service has a passing problem, not to check her own network, and she still has
// the emergency numbers and the quick exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaces } from '../../src/protocol/events.ts';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.ts';
import { adminUrl, storageKinds } from '../support/storage.ts';

const postgres = (await storageKinds()).find(({ kind }) => kind === 'postgres');

describe.skipIf(!postgres?.available)('the database away, in Chromium', { timeout: 120_000 }, () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(adminUrl);
  });
  afterAll(async () => {
    await proxy?.close();
  });
  const suite = useBrowserSuite({
    storage: 'postgres',
    server: {
      databaseUrl: (url) => proxy.through(url),
      databaseTimeouts: { connectMs: 1_500, statementMs: 1_000, queryMs: 1_500 },
    },
  });

  it('keeps the counselor signed in and tells the visitor calmly, then recovers alone', async () => {
    const desk = await suite.signIn('nadia', 'counselor');
    const visitor = await (await suite.context(phone)).newPage();
    await visitor.goto(`${suite.server.url}/`);
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
    const sessionChecks: string[] = [];
    desk.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/auth/me') sessionChecks.push(String(response.status()));
    });

    proxy.drop();
    // Her socket drops (a restart elsewhere, a proxy in front): the console asks whether her session still holds.
    suite.server.havre.io.of(namespaces.staff).disconnectSockets(true);
    await desk.getByText('Connexion perdue. Reconnexion en cours…', { exact: false }).waitFor();
    await expect.poll(() => sessionChecks.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(sessionChecks.every((status) => status === '503')).toBe(true);
    expect(await desk.getByRole('button', { name: 'Se connecter' }).count()).toBe(0);
    expect(await desk.getByText('Votre session a pris fin').count()).toBe(0);

    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Le service rencontre un souci passager', { exact: false }).waitFor();
    expect(await visitor.getByText('Vérifiez votre réseau', { exact: false }).count()).toBe(0);
    await expect.poll(() => visitor.getByRole('link', { name: /17/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => visitor.getByRole('button', { name: /Quitter/ }).count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(visitor, 'service away');
    await visitor.screenshot({ path: '/tmp/shots/visitor-service-away.png', fullPage: true });
    await desk.screenshot({ path: '/tmp/shots/console-database-away.png' });

    proxy.pass();
    await desk.getByText('Connexion perdue', { exact: false }).waitFor({ state: 'hidden', timeout: 20_000 });
    await desk.getByRole('heading', { name: 'File d’attente' }).waitFor();
    expect(await desk.getByRole('button', { name: 'Se connecter' }).count()).toBe(0);
  });
});
