// The audit log for admins: who did what and when, newest first, with older entries on demand and the whole
// log as CSV. Entries hold identifiers and categories only, never what anyone wrote.
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntryView } from '../../src/protocol/audit.ts';
import { fetchAudit } from './account-api.ts';
import { listStaff } from './admin-api.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import { type ConsoleTranslate, isMessageKey } from './messages.ts';

const PAGE = 50;

/** "Connexion (code de secours)": the action in words, with the one detail that changes its meaning. */
export function auditActionText(t: ConsoleTranslate, entry: AuditEntryView): string {
  const key = `audit.action.${entry.action}`;
  const words = isMessageKey(key) ? t(key) : entry.action;
  const detail = entry.details.second_factor ?? entry.details.by ?? entry.details.step;
  const detailKey = `audit.detail.${String(detail)}`;
  return detail !== undefined && isMessageKey(detailKey) ? `${words} (${t(detailKey)})` : words;
}

export function AdminAudit() {
  const { t, locale } = useLocale();
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const load = async (before?: string) => {
    const answer = await fetchAudit(before, PAGE);
    if (!answer.ok) return setProblem(answer.error);
    setEntries((current) => [...(before ? (current ?? []) : []), ...answer.entries]);
    setMore(answer.entries.length === PAGE);
  };

  useEffect(() => {
    void load();
    void listStaff().then((answer) => {
      if (answer.ok) setNames(new Map(answer.staff.map((member) => [member.id, member.displayName])));
    });
  }, []);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  const target = (entry: AuditEntryView) =>
    entry.targetType === 'staff' && entry.targetId
      ? (names.get(entry.targetId) ?? t('audit.deletedAccount'))
      : entry.targetType === 'settings'
        ? t('audit.target.settings')
        : entry.conversation
          ? t('audit.target.conversation', {
              name:
                entry.conversation.visitorNumber === null
                  ? t('audit.target.aVisitor')
                  : t('tabs.visitor', { number: entry.conversation.visitorNumber }),
              when: when(entry.conversation.createdAt),
            })
          : (entry.targetId ?? '');

  return (
    <section class="panel admin-section" aria-labelledby="audit-title">
      <div class="section-heading">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <a class="button button-quiet button-small" href="/api/admin/audit.csv" download>
          {t('audit.export')}
        </a>
      </div>
      <p class="hint">{t('audit.intro')}</p>
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      {entries === null && !problem && <p role="status">{t('admin.loading')}</p>}
      {entries && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table class="staff-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{when(entry.at)}</time>
                </td>
                <td>{entry.actorName ?? t('audit.nobody')}</td>
                <td>{auditActionText(t, entry)}</td>
                <td>{target(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && entries && (
        <button type="button" class="button button-quiet" onClick={() => void load(entries[entries.length - 1]?.id)}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}
