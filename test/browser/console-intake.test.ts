// An admin edits the optional questions in the console, in Chromium: she adds a question with an answer that
// signals an emergency, rewords an existing one and moves the new one up. Visitors then get the new question,
// the reworded one keeps its id, and a visitor who gives the urgent answer is marked urgent.
import { describe, expect, it } from 'vitest';
import type { IntakeQuestion } from '../../src/protocol/schemas.ts';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { aVisitor } from '../support/clients.ts';

const suite = useBrowserSuite();

async function publishedQuestions(): Promise<IntakeQuestion[]> {
  const { status } = await (await fetch(`${suite.server.url}/api/status`)).json();
  return status.intake.questions;
}

describe('intake questions in the console', { timeout: 60_000 }, () => {
  it('lets an admin add, reword and reorder questions that visitors then answer', async () => {
    const page = await suite.signIn('dominique', 'admin');
    await page.getByRole('link', { name: 'Administration' }).click();
    const editor = page.getByRole('group', { name: 'Questions facultatives' });
    await editor.getByText('montre aussitôt les numéros d’urgence').waitFor();

    const age = editor.getByRole('group', { name: 'Question 2', exact: true });
    await age.getByLabel('Question (français)').fill('Quel est votre âge ?');

    await editor.getByRole('button', { name: 'Ajouter une question' }).click();
    const added = editor.getByRole('group', { name: 'Question 4', exact: true });
    await added.getByLabel('Question (français)').fill('Avez-vous un endroit sûr où aller ?');
    await added.getByLabel('Question (anglais)').fill('Do you have a safe place to go?');
    await added.getByLabel('Réponse 1 (français)').fill('Oui');
    await added.getByLabel('Réponse 1 (anglais)').fill('Yes');
    await added.getByLabel('Réponse 2 (français)').fill('Non');
    await added.getByLabel('Réponse 2 (anglais)').fill('No');
    const no = added.getByRole('listitem').nth(1);
    await no.getByRole('checkbox', { name: 'Cette réponse signale une urgence' }).check();
    // A third answer, then removed: two remain, and with two no answer can be removed.
    await added.getByRole('button', { name: 'Ajouter une réponse' }).click();
    await added.getByRole('button', { name: 'Supprimer cette réponse' }).last().click();
    expect(await added.getByRole('button', { name: 'Supprimer cette réponse' }).count()).toBe(0);
    await added.getByRole('button', { name: 'Monter' }).click();
    await expectNoSeriousViolations(page, 'intake editor');

    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByText('Réglages enregistrés.').waitFor();

    const questions = await publishedQuestions();
    expect(questions.map((question) => question.id)).toEqual([
      'danger',
      'age',
      'avez-vous-un-endroit-sur-ou-aller',
      'concerned',
    ]);
    expect(questions[1]?.label.fr).toBe('Quel est votre âge ?');
    expect(questions[1]?.options.map((option) => option.id)).toEqual([
      'under-15',
      '15-17',
      '18-21',
      '22-25',
      '26-plus',
    ]);
    expect(questions[2]).toEqual({
      id: 'avez-vous-un-endroit-sur-ou-aller',
      label: { fr: 'Avez-vous un endroit sûr où aller ?', en: 'Do you have a safe place to go?' },
      options: [
        { id: 'oui', label: { fr: 'Oui', en: 'Yes' }, urgent: false },
        { id: 'non', label: { fr: 'Non', en: 'No' }, urgent: true },
      ],
    });
    // After saving, the form shows what was stored: the new question is now third.
    await editor.getByRole('group', { name: 'Question 3', exact: true }).getByLabel('Question (anglais)').waitFor();
    expect(
      await editor
        .getByRole('group', { name: 'Question 3', exact: true })
        .getByLabel('Question (français)')
        .inputValue(),
    ).toBe('Avez-vous un endroit sûr où aller ?');

    const visitor = suite.track(await aVisitor(suite.server));
    const ack = await visitor.ask('conversation:start', { intake: { 'avez-vous-un-endroit-sur-ou-aller': 'non' } });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    expect(ack.conversation.urgent).toBe(true);
  });

  it('shows the server’s refusal when a question is left without wording', async () => {
    const page = await suite.signIn('dominique', 'admin');
    await page.getByRole('link', { name: 'Administration' }).click();
    const editor = page.getByRole('group', { name: 'Questions facultatives' });
    await editor.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByRole('alert').filter({ hasText: 'Certaines informations ne sont pas valides' }).waitFor();
    expect((await publishedQuestions()).map((question) => question.id)).toEqual(['danger', 'age', 'concerned']);

    // Removing it again lets the rest be saved.
    await editor
      .getByRole('group', { name: 'Question 4', exact: true })
      .getByRole('button', { name: 'Supprimer cette question' })
      .click();
    await editor
      .getByRole('group', { name: 'Question 1', exact: true })
      .getByRole('button', { name: 'Descendre' })
      .click();
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByText('Réglages enregistrés.').waitFor();
    expect((await publishedQuestions()).map((question) => question.id)).toEqual(['age', 'danger', 'concerned']);
  });
});
