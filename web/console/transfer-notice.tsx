// Says once what a transfer did: "Visiteuse 2 is now with Inès" or "Camille handed you Visiteuse 3". The live
// region is always there, so that a screen reader announces the words when they appear.
import type { ConsoleClient } from './console-client.ts';
import type { TransferNotice as Notice } from './console-state.ts';
import { useLocale } from './locale-context.ts';

export function TransferNotice({ notice, client }: { notice: Notice | null; client: ConsoleClient | null }) {
  const { t } = useLocale();
  const name = notice ? t('tabs.visitor', { number: notice.number }) : '';
  return (
    <div role="status" class="transfer-notice-region">
      {notice && (
        <div class="transfer-notice">
          <p>
            {notice.direction === 'out'
              ? t('transfer.doneOut', { name, colleague: notice.colleague })
              : t('transfer.doneIn', { name, colleague: notice.colleague })}
          </p>
          <button type="button" class="button button-quiet button-small" onClick={() => client?.seeTransferNotice()}>
            {t('transfer.noticeClose')}
          </button>
        </div>
      )}
    </div>
  );
}
