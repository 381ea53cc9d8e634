// The emergency numbers, as tel:/sms: links: in full on the home, waiting and closing screens, folded
// on the chat screen where space is short.
import { emergencyContacts } from '../../ui/emergency.ts';
import { useTexts } from '../texts.ts';

/** The numbers alone, e.g. right under an urgent answer where a sentence already says what they are for. */
export function EmergencyList({ label }: { label?: string }) {
  const { locale } = useTexts();
  return (
    <ul class="emergency-list" aria-label={label}>
      {emergencyContacts.map((contact) => (
        <li key={contact.number}>
          <a class="emergency-link" href={contact.href}>
            <span class="emergency-number">{contact.number}</span>
            <span class="emergency-text">
              <span class="emergency-name">{contact.name[locale]}</span>
              <span class="emergency-detail">{contact.detail[locale]}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function EmergencyNumbers({ compact = false }: { compact?: boolean }) {
  const { t } = useTexts();
  const list = <EmergencyList />;
  if (compact) {
    return (
      <details class="emergency-compact">
        <summary>{t('emergency.compact')}</summary>
        {list}
      </details>
    );
  }
  return (
    <section class="card" aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{t('emergency.heading')}</h2>
      <p class="muted">{t('emergency.intro')}</p>
      {list}
    </section>
  );
}
