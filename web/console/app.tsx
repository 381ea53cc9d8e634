// The console's top level: language, and which screen to show (set-up, sign-in or workspace).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../ui/i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { LocaleContext, type LocaleValue, storedLocale, storeLocale } from './locale-context.ts';
import { LoginForm } from './login.tsx';
import { consoleTranslator, type MessageKey } from './messages.ts';
import { fetchMe, fetchSetupNeeded, type StaffIdentity, setupTokenFromHash } from './session.ts';
import { SetupForm } from './setup-form.tsx';
import { Workspace } from './workspace.tsx';

type Screen =
  | { name: 'loading' }
  | { name: 'setup'; token: string }
  | { name: 'login'; notice: MessageKey | null }
  | { name: 'workspace'; me: StaffIdentity };

async function firstScreen(): Promise<Screen> {
  const me = await fetchMe();
  if (me.ok) return { name: 'workspace', me: me.me };
  const setup = await fetchSetupNeeded();
  if (setup.ok && setup.needed) {
    const token = setupTokenFromHash(location.hash);
    return token ? { name: 'setup', token } : { name: 'login', notice: 'setup.noToken' };
  }
  return { name: 'login', notice: null };
}

/** Removes `#setup=…` from the address bar and history once it has served. */
function forgetSetupToken(): void {
  if (setupTokenFromHash(location.hash)) history.replaceState(null, '', location.pathname + location.search);
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });

  const localeValue = useMemo<LocaleValue>(
    () => ({
      locale,
      t: consoleTranslator(locale),
      setLocale: (next) => {
        storeLocale(next);
        setLocaleState(next);
      },
    }),
    [locale],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    void firstScreen().then(setScreen);
  }, []);

  const signedIn = useCallback((me: StaffIdentity) => {
    forgetSetupToken();
    setScreen({ name: 'workspace', me });
  }, []);
  const signedOut = useCallback((notice: MessageKey | null) => setScreen({ name: 'login', notice }), []);

  return (
    <LocaleContext.Provider value={localeValue}>
      {screen.name === 'workspace' ? (
        <Workspace me={screen.me} onSignedOut={signedOut} />
      ) : (
        <div class="entry">
          <header class="entry-top">
            <span class="brand">{localeValue.t('app.brand')}</span>
            <LanguageSwitch />
          </header>
          <main class="entry-card">
            {screen.name === 'loading' && <p role="status">{localeValue.t('app.loading')}</p>}
            {screen.name === 'setup' && <SetupForm token={screen.token} onCreated={signedIn} />}
            {screen.name === 'login' && <LoginForm notice={screen.notice} onSignedIn={signedIn} />}
          </main>
        </div>
      )}
    </LocaleContext.Provider>
  );
}
