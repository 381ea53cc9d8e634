// Nobody left alone (issue 12, item 1; decision 0026): when the counselor's console goes, her visitor is told
// at once; a counselor back in time simply resumes; past the admins' limit the conversation goes back to the
// head of the queue with its history, and the visitor is told in one neutral line; a visitor gone past hers
// ends the conversation as left and frees the counselor's place. The clock is moved and the presence job run
// by hand, instead of waiting minutes.
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { namespaces } from '../src/protocol/events.ts';
import { handBackText } from '../src/server/jobs/presence-job.ts';
import { COUNSELOR_AWAY_AFTER_MS } from '../src/server/realtime/counselor-absence.ts';
import { aCounselor, aVisitor, type Counselor, newClientId } from './support/clients.ts';
import { useTestServer } from './support/server-suite.ts';
import { storageKinds } from './support/storage.ts';

const kinds = await storageKinds();

describe.each(kinds)('presence in a conversation on $kind', ({ kind, available }) => {
  const suite = useTestServer(kind, { available });

  /** Another console of the same counselor (her browser reopened), connected and told its state. */
  async function consoleAgain(counselor: Counselor): Promise<() => void> {
    const socket = io(`${suite.server.url}${namespaces.staff}`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: counselor.cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('staff:state', () => resolve());
      socket.once('connect_error', reject);
    });
    return () => socket.close();
  }

  async function aConversation() {
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    const { token } = await visitor.ask('conversation:start', { locale: 'fr' });
    const taken = await counselor.ask('queue:take-next');
    expect(taken.ok).toBe(true);
    expect((await visitor.ask('message:send', { clientId: newClientId(), text: 'bonjour' })).ok).toBe(true);
    return { counselor, visitor, token: token as string, conversationId: taken.conversation.id as string };
  }

  const row = (id: string) =>
    suite.server.havre.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it.skipIf(!available)(
    'tells the visitor her counselor lost the connection, lets the counselor resume in time, and hands it back past the limit',
    async () => {
      const { counselor, visitor, conversationId } = await aConversation();
      visitor.forget('conversation:state');
      counselor.socket.close();
      expect(await visitor.next('conversation:state', (state: any) => state.counselorAway)).toMatchObject({
        status: 'active',
        counselorAway: true,
      });
      expect((await row(conversationId)).counselor_absent_since).not.toBeNull();

      // Her browser is back within the limit: the conversation is hers still, the visitor told so.
      const closeAgain = await consoleAgain(counselor);
      await visitor.next('conversation:state', (state: any) => state.status === 'active' && !state.counselorAway);
      suite.server.clock.advance(10 * 60_000);
      await suite.server.havre.presenceJob.runNow();
      expect((await row(conversationId)).status).toBe('active');

      // Gone again, now past the limit: back to the head of the queue, ahead of a later visitor.
      closeAgain();
      await visitor.next('conversation:state', (state: any) => state.counselorAway);
      const later = suite.track(await aVisitor(suite.server));
      await later.ask('conversation:start', { locale: 'fr' });
      const { handBackSeconds } = (await suite.server.havre.settings.current()).presence;
      suite.server.clock.advance(handBackSeconds * 1000 + 1_000);
      await suite.server.havre.presenceJob.runNow();
      expect(
        await visitor.next('conversation:state', (state: any) => state.status === 'waiting' && state.position !== null),
      ).toMatchObject({ position: 1, handedBack: true, counselorAway: false });
      expect((await visitor.next('message:new', (message: any) => message.author === 'system')).text).toBe(
        handBackText.fr,
      );

      // A colleague takes her first, with everything that was said, once.
      const colleague = suite.track(await aCounselor(suite.server));
      const taken = await colleague.ask('queue:take-next');
      expect(taken.conversation.id).toBe(conversationId);
      expect(taken.messages.map((message: { text: string }) => message.text)).toEqual(['bonjour', handBackText.fr]);
      await visitor.next('conversation:state', (state: any) => state.status === 'active');
      const audited = await suite.server.havre.audit.list({ limit: 10 });
      expect(audited.find((entry) => entry.action === 'conversation.handed_back')).toMatchObject({
        actorId: null,
        targetId: conversationId,
        details: { from: counselor.id },
        // The audit page names the conversation by its visitor's label, not its id.
        conversation: { visitorNumber: taken.conversation.visitorNumber },
      });
    },
  );

  it.skipIf(!available)(
    'tells the visitor nothing when her counselor’s console is back at once (a reload)',
    async () => {
      const { counselor, visitor, conversationId } = await aConversation();
      const told: unknown[] = [];
      visitor.socket.on('conversation:state', (state: { counselorAway: boolean }) => {
        if (state.counselorAway) told.push(state);
      });
      counselor.socket.close();
      const closeAgain = await consoleAgain(counselor);
      await new Promise((resolve) => setTimeout(resolve, COUNSELOR_AWAY_AFTER_MS + 1_000));
      expect(told).toEqual([]);
      expect((await row(conversationId)).counselor_absent_since).toBeNull();
      closeAgain();
    },
  );

  it.skipIf(!available)('shows the counselor that her visitor left, and ends it past the limit', async () => {
    const { counselor, visitor, conversationId } = await aConversation();
    counselor.forget('conversation:update');
    visitor.close();
    const away = await counselor.next('conversation:update', (view: any) => view.visitorAwaySince !== null);
    expect(away).toMatchObject({ id: conversationId, status: 'active' });
    const { visitorGoneSeconds } = (await suite.server.havre.settings.current()).presence;
    suite.server.clock.advance((visitorGoneSeconds - 5) * 1000);
    await suite.server.havre.presenceJob.runNow();
    expect((await row(conversationId)).status).toBe('active');
    suite.server.clock.advance(10_000);
    await suite.server.havre.presenceJob.runNow();
    expect(await counselor.next('conversation:update', (view: any) => view.status === 'closed')).toMatchObject({
      closedReason: 'visitor_left',
      formDue: true,
      visitorAwaySince: null,
    });
  });

  it.skipIf(!available)('never ends the conversation of a visitor who came back in time', async () => {
    const { counselor, visitor, token, conversationId } = await aConversation();
    visitor.socket.disconnect();
    await counselor.next('conversation:update', (view: any) => view.visitorAwaySince !== null);
    visitor.socket.connect();
    await new Promise<void>((resolve) => visitor.socket.once('connect', () => resolve()));
    expect((await visitor.ask('conversation:resume', { token, afterSeq: 0 })).ok).toBe(true);
    await counselor.next('conversation:update', (view: any) => view.visitorAwaySince === null);
    suite.server.clock.advance(60 * 60_000);
    await suite.server.havre.presenceJob.runNow();
    expect((await row(conversationId)).status).toBe('active');
  });
});
