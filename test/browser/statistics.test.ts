// Impact statistics in Chromium (issue 13): a real conversation and a week of counts seeded through the
// recorder; a supervisor reads the figures (the drawings have names, their figures a table), downloads the CSV
// (small counts suppressed), plans with a budget, and prints the funders' report on one A4 page.
import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, useBrowserSuite } from '../support/browser-suite.ts';
import { OPEN_INSTANT } from '../support/server.ts';

const suite = useBrowserSuite();
const HOUR = 3_600_000;

describe('the statistics section, in Chromium', { timeout: 120_000 }, () => {
  it('shows the figures, exports them, plans, and prints the report', async () => {
    const counselor = await suite.signIn('camille', 'counselor', { available: true });
    const visitor = await suite.waitingVisitor();
    await counselor.getByRole('button', { name: 'Prendre la personne suivante' }).click();
    await counselor.getByRole('log', { name: 'Messages avec Visiteuse 1' }).waitFor();
    // She is answered, the counselor ends it: the visitor is asked one optional question, and thanked.
    await counselor.getByRole('button', { name: 'Terminer la conversation' }).click();
    await counselor.getByRole('button', { name: 'Oui, terminer' }).click();
    const survey = visitor.getByRole('group', { name: /Cet échange vous a-t-il aidée/ });
    await survey.waitFor();
    await expectNoSeriousViolations(visitor, 'survey');
    await visitor.screenshot({ path: '/tmp/shots/visitor-survey.png', fullPage: true });
    await survey.getByRole('button', { name: 'Oui' }).click();
    await visitor.getByRole('status').filter({ hasText: 'Merci pour votre réponse.' }).waitFor();
    expect(await visitor.getByRole('group', { name: /Cet échange vous a-t-il aidée/ }).count()).toBe(0);
    await expect
      .poll(async () => {
        await suite.server.havre.statisticsJob.flush();
        const row = await suite.server.havre.db
          .selectFrom('stats_hours')
          .select('value')
          .where('name', '=', 'survey.yes')
          .executeTakeFirst();
        return Number(row?.value ?? 0);
      })
      .toBe(1);

    // The Wednesday before, 14:00–18:00 in Paris: many asked, few could be answered.
    const { statistics } = suite.server.havre;
    for (let hour = 0; hour < 4; hour += 1) {
      const at = new Date(OPEN_INSTANT.getTime() - 7 * 24 * HOUR + (hour - 0.5) * HOUR);
      statistics.add('request', 9, at);
      statistics.add('admitted', 9, at);
      statistics.add('served', 3, at);
      statistics.add('wait.b4', 3, at);
      statistics.add('wait_seconds', 3 * 12 * 60, at);
      statistics.add('abandoned', 5, at);
      statistics.add('abandon_seconds', 5 * 15 * 60, at);
      statistics.add('ended', 3, at);
      statistics.add('length_seconds', 3 * 35 * 60, at);
      statistics.add('staffed_minutes', 60, at);
      statistics.add('capacity_minutes', 120, at);
      statistics.add('busy_minutes', 115, at);
    }
    statistics.add('visit.closed', 12, new Date(OPEN_INSTANT.getTime() + 24 * HOUR));

    const supervisor = await suite.signIn('sophie', 'supervisor');
    await supervisor.getByRole('link', { name: 'Statistiques' }).click();
    await supervisor.getByRole('heading', { name: 'Statistiques', level: 1 }).waitFor();
    const headline = supervisor.getByRole('region', { name: 'L’essentiel' });
    // 12 answered the week before, and the one answered today.
    await headline.getByText('13', { exact: true }).waitFor();
    await supervisor.getByRole('img', { name: /Demande et écoute, par jour et par heure/ }).waitFor();
    const helped = supervisor.getByRole('region', { name: /Cet échange vous a-t-il aidée/ });
    await helped.getByRole('row', { name: 'Oui 1' }).waitFor();
    await supervisor.getByText('Les chiffres en tableau').first().click();
    const map = supervisor.getByRole('table', { name: 'Demande et écoute, par jour et par heure' });
    await map.getByRole('row', { name: /mercredi 14 h – 15 h/ }).waitFor();
    await expectNoSeriousViolations(supervisor, 'statistics');
    // Tall enough to see the whole section at once (it scrolls inside the window).
    await supervisor.setViewportSize({ width: 1366, height: 2600 });
    await supervisor.screenshot({ path: '/tmp/shots/statistics.png' });

    // The CSV: by day and name, the small counts written "<5".
    const href = await supervisor.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href');
    const csv = await supervisor.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    expect(csv.split('\n')[0]).toBe('day,name,count');
    expect(csv).toContain('2026-11-25,request,36');
    expect(csv).toMatch(/2026-12-02,served,<5/);

    // The planner, fed with the week measured: a budget's answer, in women a year.
    await supervisor.getByRole('tab', { name: 'Planifier' }).click();
    const planner = supervisor.getByRole('region', { name: 'Planifier les heures d’écoute' });
    await planner.getByText(/femmes répondues par semaine sur/).waitFor();
    await planner
      .getByText(/pas de réponse finie/)
      .first()
      .waitFor();
    await planner.getByLabel('Budget annuel (€)').fill('14000');
    const answer = planner.getByRole('status', { name: 'Ce que donnerait le budget' });
    await answer.getByText(/heure\(s\) d’écoute de plus par semaine : environ .* par an\./).waitFor();
    await expectNoSeriousViolations(supervisor, 'planner');
    await supervisor.screenshot({ path: '/tmp/shots/planner.png' });
    await supervisor.setViewportSize({ width: 1366, height: 768 });

    // The funders' report, printed by Chromium on one page.
    await supervisor.getByRole('tab', { name: 'Chiffres' }).click();
    await supervisor.getByRole('button', { name: 'Rapport pour les financeurs' }).click();
    await supervisor.getByRole('heading', { name: 'Rapport d’activité de la messagerie' }).waitFor();
    await supervisor.getByText(/femmes ont été accueillies et écoutées/).waitFor();
    await supervisor.getByText(/^Du \d+ \p{L}+ 2026 au 2 décembre 2026$/u).waitFor();
    await supervisor.getByText(/Avec 14\s000\s€ par an/).waitFor();
    await expectNoSeriousViolations(supervisor, 'report');
    await supervisor.emulateMedia({ media: 'print' });
    await supervisor.screenshot({ path: '/tmp/shots/report-print.png', fullPage: true });
    const pdf = await supervisor.pdf({ format: 'A4', path: '/tmp/shots/report.pdf' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
  });
});
