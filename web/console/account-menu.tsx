// Her name in the top bar opens a short list: her account page, the other language, sign-out. Things she uses
// once a session live here, so that the tools she uses during conversations fit on one line at 1366 px.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Section } from './hooks.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { useLocale } from './locale-context.ts';

interface AccountMenuProps {
  displayName: string;
  section: Section;
  onLogout: () => void;
}

export function AccountMenu({ displayName, section, onLogout }: AccountMenuProps) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // A click elsewhere closes it; Escape closes it and gives the focus back to her name.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    // Following the link to her account page closes it too.
    const onHash = () => setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      removeEventListener('hashchange', onHash);
    };
  }, [open]);

  return (
    <div class="account-menu" ref={root}>
      <button
        type="button"
        class="button button-quiet button-small who"
        ref={toggle}
        aria-expanded={open}
        aria-controls="account-menu-panel"
        onClick={() => setOpen(!open)}
      >
        {displayName}
        <span class="visually-hidden">{`, ${t('header.accountMenu')}`}</span>
        <span aria-hidden="true">{'\u00a0▾'}</span>
      </button>
      {open && (
        <div class="account-menu-panel" id="account-menu-panel">
          <a
            class="button button-quiet button-small"
            href="#account"
            aria-current={section === 'account' ? 'page' : undefined}
          >
            {t('header.account')}
          </a>
          <LanguageSwitch />
          <button type="button" class="button button-quiet button-small" onClick={onLogout}>
            {t('header.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
