// A supervisor, a counselor and a visitor in three Chromium contexts: the supervisor follows the desk live on
// the board, reads the conversation silently and whispers to the counselor, who alone sees it; the visitor sees
// nothing of either. A counselor has no supervision section.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phone } from '../support/browser.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aCounselor, aVisitor, newClientId } from '../support/clients.ts';

const suite = useBrowserSuite();

describe('supervision in Chromium', { timeout: 90_000 }, () => {
  it('follows the desk live, reads silently and whispers to the counselor only', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const team = supervisor.getByRole('region', { name: 'Équipe en ligne' });
    await team.getByRole('row', { name: /camille Disponible 0 \/ 2/ }).waitFor();
    const queue = supervisor.getByRole('region', { name: 'File d’attente' });
    await queue.getByText('0 personne en attente').waitFor();
    const admission = supervisor.getByRole('region', { name: 'Travail d’admission' });
    await admission.getByText('Sur un téléphone d’entrée de gamme : 0,13 s en moyenne, 0,25 s au plus').waitFor();
    await admission.getByText(/Au repos : les arrivées sont normales\./).waitFor();

    const visitor = await suite.page(phone, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await queue.getByText('1 personne en attente').waitFor();

    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    await team.getByRole('row', { name: /camille Disponible 1 \/ 2/ }).waitFor();
    await queue.getByText('0 personne en attente').waitFor();

    await visitor.getByLabel('Votre message').fill('Je ne sais pas par où commencer.');
    await visitor.getByLabel('Votre message').press('Enter');
    await supervisor.getByRole('button', { name: 'Lire en silence la conversation de camille' }).click();
    const watched = supervisor.getByRole('log', { name: 'Messages de la conversation de camille' });
    await watched.getByText('Je ne sais pas par où commencer.').waitFor();

    // New messages reach the silent reader live.
    await counselor.getByLabel('Votre réponse').fill('Prenez votre temps, je suis là.');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await watched.getByText('Prenez votre temps, je suis là.').waitFor();
    await expectNoSeriousViolations(supervisor, 'supervision board with a silent reading');

    await supervisor.getByLabel('Chuchoter à camille').fill('Demandez-lui si elle est en sécurité ce soir.');
    await supervisor.getByRole('button', { name: 'Envoyer à l’écoutante' }).click();
    const notes = counselor.getByRole('region', { name: 'De la supervision' });
    await notes.getByText('Demandez-lui si elle est en sécurité ce soir.').waitFor();
    await notes.getByText(/sophie, supervision/).waitFor();
    await expectNoSeriousViolations(counselor, 'conversation with a whisper');
    mkdirSync('/tmp/shots', { recursive: true });
    await counselor.screenshot({ path: '/tmp/shots/supervision-counselor-whisper.png' });

    // After the whisper, one more message: once the visitor has it, the whisper would have been there too.
    await counselor.getByLabel('Votre réponse').fill('Vous êtes en sécurité en ce moment ?');
    await counselor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Vous êtes en sécurité en ce moment ?').waitFor();
    const seen = (await visitor.locator('body').textContent()) ?? '';
    expect(seen).not.toContain('Demandez-lui');
    expect(seen).not.toMatch(/supervision/i);

    await supervisor.screenshot({ path: '/tmp/shots/supervision-board.png' });
  });

  it('takes a conversation over: the counselor is told, the visitor reads a neutral notice and loses nothing', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    const visitor = await suite.page(phone, '/');
    await visitor.getByRole('button', { name: 'Commencer une conversation' }).click();
    await visitor.getByRole('button', { name: 'Passer les questions' }).click();
    await visitor.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await visitor.getByLabel('Votre message').fill('Il est rentré plus tôt.');
    await visitor.getByLabel('Votre message').press('Enter');
    await counselor.getByRole('log').getByText('Il est rentré plus tôt.').waitFor();

    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    await supervisor.getByRole('button', { name: 'Lire en silence la conversation de camille' }).click();
    await supervisor.getByRole('button', { name: 'Reprendre la conversation' }).click();
    // The safe choice has the focus: a second Enter does not take the conversation.
    await expect.poll(() => supervisor.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await supervisor.getByRole('button', { name: 'Oui, reprendre' }).click();

    // She lands on her desk with the conversation and its history.
    await supervisor.getByRole('tab', { name: /Visiteuse 1/ }).waitFor();
    await supervisor
      .getByRole('log', { name: 'Messages avec Visiteuse 1' })
      .getByText('Il est rentré plus tôt.')
      .waitFor();
    await counselor.getByText('sophie (supervision) a repris cette conversation.').waitFor();
    await counselor.getByRole('button', { name: 'Fermer l’onglet' }).waitFor();
    expect(await counselor.getByLabel('Votre réponse').count()).toBe(0);

    await visitor.getByText(/Une autre personne de l’équipe poursuit la conversation avec vous/).waitFor();
    expect(await visitor.getByText('Il est rentré plus tôt.').count()).toBe(1);
    await supervisor.getByLabel('Votre réponse').fill('Je suis là. Êtes-vous en sécurité ?');
    await supervisor.getByRole('button', { name: 'Envoyer' }).click();
    await visitor.getByText('Je suis là. Êtes-vous en sécurité ?').waitFor();
    expect((await visitor.locator('body').textContent()) ?? '').not.toMatch(/supervision|sophie/i);
  });

  it('closes the queue from the board: a newcomer reads the message, the one waiting keeps her place', async () => {
    const supervisor = await suite.signIn('sophie', 'supervisor');
    const waiting = await suite.page(phone, '/');
    await waiting.getByRole('button', { name: 'Commencer une conversation' }).click();
    await waiting.getByRole('button', { name: 'Passer les questions' }).click();
    await waiting.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();

    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const intake = supervisor.getByRole('region', { name: 'Accueil des nouvelles personnes' });
    await intake.getByRole('radio', { name: /File en fermeture/ }).check();
    await intake
      .getByLabel('Message court aux visiteuses (facultatif)')
      .fill('Nous fermons pour ce soir, revenez demain.');
    await intake.getByRole('button', { name: 'Appliquer' }).click();
    await intake
      .getByRole('status')
      .filter({ hasText: /File en fermeture depuis .* \(sophie\)/ })
      .waitFor();
    await expectNoSeriousViolations(supervisor, 'board with the queue closing');

    const newcomer = await suite.page(phone, '/');
    await newcomer.getByText('Nous fermons pour ce soir, revenez demain.').waitFor();
    expect(await newcomer.getByRole('button', { name: 'Commencer une conversation' }).count()).toBe(0);
    await waiting.reload();
    await waiting.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();

    await intake.getByRole('radio', { name: 'Ouvert' }).check();
    await intake.getByRole('button', { name: 'Appliquer' }).click();
    await intake.getByRole('status').filter({ hasText: 'Les nouvelles personnes sont accueillies.' }).waitFor();
    await newcomer.reload();
    await newcomer.getByRole('button', { name: 'Commencer une conversation' }).waitFor();
  });

  it('blocks a troll: a neutral end for her, her tab refused, the block on the board until lifted', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const supervisor = await suite.signIn('sophie', 'supervisor');
    const troll = await suite.page(phone, '/');
    await troll.getByRole('button', { name: 'Commencer une conversation' }).click();
    await troll.getByRole('button', { name: 'Passer les questions' }).click();
    await troll.getByText('Vous êtes la prochaine personne à être accueillie.').waitFor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await troll.getByLabel('Votre message').fill('insultes');
    await troll.getByLabel('Votre message').press('Enter');
    await counselor.getByRole('log').getByText('insultes').waitFor();

    await counselor.getByRole('button', { name: 'Bloquer cette personne' }).click();
    await expect.poll(() => counselor.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await counselor.getByRole('button', { name: 'Oui, bloquer' }).click();
    await counselor.getByText(/vous avez bloqué cette personne pour 24 h/).waitFor();
    await troll.getByText('La conseillère a terminé la conversation.').waitFor();
    expect((await troll.locator('body').textContent()) ?? '').not.toMatch(/bloqu/i);

    // Back home in the same tab, a new conversation is refused, neutrally.
    await troll.getByRole('button', { name: 'Retour à l’accueil' }).click();
    await troll.getByRole('button', { name: 'Commencer une conversation' }).click();
    await troll.getByRole('button', { name: 'Passer les questions' }).click();
    await troll.getByText('Les nouvelles conversations sont suspendues pour le moment.').waitFor();
    expect((await troll.locator('body').textContent()) ?? '').not.toMatch(/bloqu/i);

    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const blocks = supervisor.getByRole('region', { name: 'Blocages en cours' });
    await blocks.getByRole('row', { name: /camille/ }).waitFor();
    await expectNoSeriousViolations(supervisor, 'board with a block');
    mkdirSync('/tmp/shots', { recursive: true });
    await supervisor.screenshot({ path: '/tmp/shots/supervision-blocks.png' });
    await blocks.getByRole('button', { name: /Lever le blocage posé par camille/ }).click();
    await blocks.getByText('Aucun blocage en cours.').waitFor();
  });

  it('lets a supervisor read the transcript of a conversation that ended, each reading audited', async () => {
    const supervisor = await suite.signIn('sophie', 'supervisor');
    const counselor = suite.track(await aCounselor(suite.server));
    const visitor = suite.track(await aVisitor(suite.server));
    await visitor.ask('conversation:start', {});
    const taken = await counselor.ask('queue:take-next');
    await visitor.ask('message:send', { clientId: newClientId(), text: 'Il a encore crié hier soir.' });
    await counselor.ask('conversation:end', { conversationId: taken.conversation.id });

    await supervisor.getByRole('link', { name: 'Supervision' }).click();
    const transcripts = supervisor.getByRole('region', { name: 'Conversations terminées (24 h)' });
    await transcripts.getByRole('button', { name: 'Afficher les conversations terminées' }).click();
    await transcripts.getByRole('button', { name: /^Lire la transcription de la conversation de Counselor/ }).click();
    const log = transcripts.getByRole('log', { name: /^Transcription de la conversation de Counselor/ });
    await log.getByText('Il a encore crié hier soir.').waitFor();
    await expectNoSeriousViolations(supervisor, 'transcript of an ended conversation');
    const audit = await suite.server.havre.audit.list({ limit: 20 });
    expect(audit.filter((entry) => entry.action === 'transcript.read')).toEqual([
      expect.objectContaining({ actorName: 'sophie', targetId: taken.conversation.id }),
    ]);
  });

  it('shows no supervision section to a counselor', async () => {
    const counselor = await suite.signIn('camille', 'counselor');
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).waitFor();
    expect(await counselor.getByRole('link', { name: 'Supervision' }).count()).toBe(0);
    await counselor.goto(`${suite.server.url}/console#supervision`);
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).waitFor();
    expect(await counselor.getByRole('heading', { name: 'Équipe en ligne' }).count()).toBe(0);
  });
});
