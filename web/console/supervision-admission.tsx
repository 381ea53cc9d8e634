// The admission work on the board: how long a newcomer's page works on a low-end phone now, and why the
// difficulty last moved (decision 0017). Read-only: it moves by itself; raid mode raises its floor.
import type { AdmissionWorkView } from '../../src/protocol/work.ts';
import { useLocale } from './locale-context.ts';

const seconds = (value: number, locale: string) =>
  value.toLocaleString(locale, { maximumFractionDigits: value < 1 ? 2 : 1 });

export function SupervisionAdmission({ work }: { work: AdmissionWorkView }) {
  const { t, locale } = useLocale();
  return (
    <section class="panel" aria-labelledby="board-admission-title">
      <h2 id="board-admission-title">{t('supervision.admission')}</h2>
      <p class="board-figure">
        {t('supervision.admissionSeconds', {
          expected: seconds(work.lowEndPhoneSeconds.expected, locale),
          worst: seconds(work.lowEndPhoneSeconds.worst, locale),
        })}
      </p>
      <p class="hint">
        {t(`supervision.admissionReason.${work.reason}`)}{' '}
        {t('supervision.admissionRate', { rate: work.admittedPerMinute, baseline: work.baselinePerMinute })}
      </p>
    </section>
  );
}
