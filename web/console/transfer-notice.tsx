// Says once what a transfer did: "Visiteuse 2 is now with Inès" or "Camille handed you Visiteuse 3".
import type { ConsoleClient } from './console-client.ts';
import type { TransferNotice as Notice } from './console-state.ts';
import { useLocale } from './locale-context.ts';

export function TransferNotice({ notice, client }: { notice: Notice | null; client: ConsoleClient | null }) {
  const { t } = useLocale();
  if (!notice) return <p class="visually-hidden" role="status" />;
  const name = t('tabs.visitor', { number: notice.number });
  return (
    <div class="transfer-notice" role="status">
      <p>
        {notice.direction === 'out'
          ? t('transfer.doneOut', { name, colleague: notice.colleague })
          : t('transfer.doneIn', { name, colleague: notice.colleague })}
      </p>
      <button type="button" class="button button-quiet button-small" onClick={() => client?.seeTransferNotice()}>
        {t('transfer.noticeClose')}
      </button>
    </div>
  );
}
