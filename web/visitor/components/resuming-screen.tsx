// Shown while a reloaded tab finds its conversation again.
import { useTexts } from '../texts.ts';
import { ConnectionNotice } from './connection-notice.tsx';
import { EmergencyNumbers } from './emergency-numbers.tsx';

export function ResumingScreen({ connected }: { connected: boolean }) {
  const { t } = useTexts();
  return (
    <>
      <h1>{t('resume.heading')}</h1>
      <ConnectionNotice connected={connected} />
      <EmergencyNumbers />
    </>
  );
}
