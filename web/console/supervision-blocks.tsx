// Blocks in force, on the supervision board: when, by whom, until when, and lifting one.
import { useState } from 'preact/hooks';
import type { VisitorBlockView } from '../../src/protocol/views.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { SupervisionClient } from './supervision-client.ts';
import { clockTime } from './time.ts';

/** "jeu. 14:05": a block ends a day later, so the day is part of it. */
function dayAndTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function SupervisionBlocks({
  blocks,
  client,
}: {
  blocks: VisitorBlockView[];
  client: SupervisionClient | null;
}) {
  const { t, locale } = useLocale();
  const [error, setError] = useState<ApiError | null>(null);
  const lift = async (blockId: string) => {
    if (!client) return;
    const ack = await client.unblock(blockId);
    setError(ack.ok ? null : ack.error);
  };
  return (
    <section class="panel" aria-labelledby="board-blocks-title">
      <h2 id="board-blocks-title">{t('supervision.blocks')}</h2>
      {blocks.length === 0 ? (
        <p class="hint">{t('supervision.blocksEmpty')}</p>
      ) : (
        <table class="board-table">
          <thead>
            <tr>
              <th scope="col">{t('supervision.blockedBy')}</th>
              <th scope="col">{t('supervision.blockedAt')}</th>
              <th scope="col">{t('supervision.blockedUntil')}</th>
              <th scope="col">{t('supervision.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((block) => (
              <tr key={block.id}>
                <th scope="row">{block.blockedByName}</th>
                <td>{dayAndTime(block.createdAt, locale)}</td>
                <td>{dayAndTime(block.expiresAt, locale)}</td>
                <td>
                  <button
                    type="button"
                    class="button button-quiet button-small watch-action"
                    aria-label={t('supervision.unblockLabel', {
                      name: block.blockedByName,
                      time: clockTime(block.createdAt, locale),
                    })}
                    onClick={() => lift(block.id)}
                  >
                    {t('supervision.unblock')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p class="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
