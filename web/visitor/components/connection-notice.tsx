// Says plainly when the connection is lost. The live region is always in the page, so that the
// message is announced when it appears.
import { useTexts } from '../texts.ts';

export function ConnectionNotice({ connected }: { connected: boolean }) {
  const { t } = useTexts();
  return (
    <p class="connection" role="status">
      {connected ? '' : t('chat.disconnected')}
    </p>
  );
}
