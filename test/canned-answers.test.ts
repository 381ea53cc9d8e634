// Canned answers over HTTP, against PGlite and PostgreSQL: the seeded team defaults, who may write what
// (a counselor keeps her own, supervisors and admins the team's, nobody another's), shortcuts unique per scope,
// schema validation with stable codes, and an audit entry for team changes that holds no text.
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/protocol/schemas.ts';
import { loginCookie } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('canned answers on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  async function call(method: string, path: string, cookie: string, body?: unknown) {
    const response = await fetch(`${suite.server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as any };
  }

  async function aStaffMember(username: string, role: Role): Promise<string> {
    const password = `${username} password 123`;
    await suite.server.havre.accounts.create({ username, displayName: username, password, role });
    return loginCookie(suite.server, username, password);
  }

  const aText = (scope: 'team' | 'personal', shortcut: string, text = 'Je vous lis.') => ({
    kind: 'text',
    scope,
    shortcut,
    title: `Réponse ${shortcut}`,
    text,
  });

  it.skipIf(!available)('offers the seeded French helplines to everyone, read-only for a counselor', async () => {
    const camille = await aStaffMember('camille', 'counselor');
    const { status, json } = await call('GET', '/api/canned-answers', camille);
    expect(status).toBe(200);
    const shortcuts = json.answers.map((answer: any) => answer.shortcut);
    expect(shortcuts).toEqual(expect.arrayContaining(['3919', '17', '112', '114', '119', 'danger']));
    const line3919 = json.answers.find((answer: any) => answer.shortcut === '3919');
    expect(line3919).toMatchObject({ scope: 'team', kind: 'card', editable: false, card: { hours: '24 h/24, 7 j/7' } });
    expect(json.answers.find((answer: any) => answer.shortcut === 'danger').text).toContain('114');

    const refused = await call('PUT', `/api/canned-answers/${line3919.id}`, camille, aText('team', '3919'));
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    const notCreated = await call('POST', '/api/canned-answers', camille, aText('team', 'merci'));
    expect(notCreated).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    const notDeleted = await call('DELETE', `/api/canned-answers/${line3919.id}`, camille);
    expect(notDeleted.status).toBe(403);
  });

  it.skipIf(!available)('keeps personal answers to their owner, even from an admin', async () => {
    const camille = await aStaffMember('camille', 'counselor');
    const lea = await aStaffMember('lea', 'counselor');
    const ada = await aStaffMember('ada', 'admin');

    const created = await call('POST', '/api/canned-answers', camille, aText('personal', 'merci', 'Merci.'));
    expect(created).toMatchObject({
      status: 201,
      json: { answer: { scope: 'personal', shortcut: 'merci', text: 'Merci.', editable: true } },
    });
    const id = created.json.answer.id;

    for (const other of [lea, ada]) {
      const listed = await call('GET', '/api/canned-answers', other);
      expect(listed.json.answers.some((answer: any) => answer.id === id)).toBe(false);
      const changed = await call('PUT', `/api/canned-answers/${id}`, other, aText('personal', 'merci', 'Autre.'));
      expect(changed).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
      expect((await call('DELETE', `/api/canned-answers/${id}`, other)).status).toBe(404);
    }
    // The same shortcut is hers alone: a colleague may use it for her own answer.
    expect((await call('POST', '/api/canned-answers', lea, aText('personal', 'merci'))).status).toBe(201);

    const updated = await call('PUT', `/api/canned-answers/${id}`, camille, aText('personal', 'merci', 'Merci !'));
    expect(updated).toMatchObject({ status: 200, json: { answer: { text: 'Merci !' } } });
    const moved = await call('PUT', `/api/canned-answers/${id}`, camille, aText('team', 'merci'));
    expect(moved).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PAYLOAD' } } });
    expect((await call('DELETE', `/api/canned-answers/${id}`, camille)).json).toEqual({ ok: true });
    const after = await call('GET', '/api/canned-answers', camille);
    expect(after.json.answers.some((answer: any) => answer.id === id)).toBe(false);
  });

  it.skipIf(!available)('lets supervisors keep team answers and cards, audited without their text', async () => {
    const sonia = await aStaffMember('sonia', 'supervisor');
    const card = {
      kind: 'card',
      scope: 'team',
      shortcut: 'cidff',
      title: 'CIDFF',
      card: {
        name: 'CIDFF de Paris',
        phones: ['01 02 03 04 05'],
        links: ['https://example.org/cidff'],
        address: '1 rue de l’Exemple, Paris',
        hours: 'Lundi au vendredi, 9 h – 17 h',
      },
    };
    const created = await call('POST', '/api/canned-answers', sonia, card);
    expect(created).toMatchObject({
      status: 201,
      json: { answer: { scope: 'team', editable: true, card: card.card } },
    });
    const taken = await call('POST', '/api/canned-answers', sonia, { ...card, title: 'Doublon' });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: 'SHORTCUT_TAKEN' } } });
    // Two saving the same shortcut at the same moment: one wins, the other is told why.
    const race = await Promise.all(
      ['Une', 'Deux', 'Trois'].map((title) =>
        call('POST', '/api/canned-answers', sonia, { ...aText('team', 'course'), title }),
      ),
    );
    expect(race.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(race.filter((answer) => answer.status === 409).map((answer) => answer.json.error.code)).toEqual([
      'SHORTCUT_TAKEN',
      'SHORTCUT_TAKEN',
    ]);
    const seeded = (await call('GET', '/api/canned-answers', sonia)).json.answers.find(
      (answer: any) => answer.shortcut === '17',
    );
    const renamed = await call('PUT', `/api/canned-answers/${created.json.answer.id}`, sonia, {
      ...card,
      shortcut: '17',
    });
    expect(renamed).toMatchObject({ status: 409, json: { error: { code: 'SHORTCUT_TAKEN' } } });
    expect((await call('DELETE', `/api/canned-answers/${seeded.id}`, sonia)).status).toBe(200);

    const entries = await suite.server.havre.audit.list({ limit: 20 });
    const actions = entries.filter((entry) => entry.action.startsWith('canned_answer.'));
    expect(actions.map((entry) => entry.action)).toEqual([
      'canned_answer.deleted',
      'canned_answer.created',
      'canned_answer.created',
    ]);
    expect(JSON.stringify(actions)).not.toContain('CIDFF');
  });

  it.skipIf(!available)('refuses bad input with a clear code, and strangers', async () => {
    const camille = await aStaffMember('camille', 'counselor');
    const cases = [
      { ...aText('personal', 'Avec Espace') },
      { ...aText('personal', 'ok'), text: '   ' },
      {
        kind: 'card',
        scope: 'personal',
        shortcut: 'x',
        title: 'X',
        card: { name: 'X', phones: [], links: ['javascript:alert(1)'], address: '', hours: '' },
      },
      { ...aText('personal', 'ok'), extra: true },
    ];
    for (const body of cases) {
      const answer = await call('POST', '/api/canned-answers', camille, body);
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 400, json: { error: { code: 'INVALID_PAYLOAD' } } });
    }
    const tooLong = await call('POST', '/api/canned-answers', camille, aText('personal', 'long', 'a'.repeat(4001)));
    expect(tooLong.json.error.code).toBe('MESSAGE_TOO_LONG');
    const stranger = await fetch(`${suite.server.url}/api/canned-answers`);
    expect(stranger.status).toBe(401);
  });
});
