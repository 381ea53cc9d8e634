// The keys behind stored content, opened the same way by the server and by the command line: the master key,
// the keyring beside it (decision 0021), both checked against the database, and the content cipher over them.
import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import type { ConversationRepository } from '../storage/conversation-repository.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { createContentCipher } from './content-cipher.ts';
import { ensureKeyringMatches, epochOf, openKeyring } from './keyring.ts';
import { ensureMasterKeyMatches, loadOrCreateMasterKey } from './master-key.ts';

interface Deps {
  config: { masterKey: string | null; dataDir: string };
  settings: SettingsRepository;
  conversations: Pick<ConversationRepository, 'wrappedKey'>;
  clock: Clock;
}

export async function openContentKeys({ config, settings, conversations, clock }: Deps) {
  const masterKey = loadOrCreateMasterKey(config.masterKey, config.dataDir);
  await ensureMasterKeyMatches(settings, masterKey, clock.now());
  const keyringFile = join(config.dataDir, 'keyring');
  const keyring = openKeyring(keyringFile, epochOf(clock.now()));
  await ensureKeyringMatches(settings, keyring, keyringFile, clock.now());
  const cipher = createContentCipher({
    masterKey,
    keyring,
    keys: { find: conversations.wrappedKey },
    today: () => epochOf(clock.now()),
  });
  return { masterKey, keyring, cipher };
}
