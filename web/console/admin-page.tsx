// The administration section: team accounts, security, opening hours and settings, and the audit log.
import { AdminAudit } from './admin-audit.tsx';
import { AdminSecurity } from './admin-security.tsx';
import { AdminSettings } from './admin-settings.tsx';
import { AdminStaff } from './admin-staff.tsx';
import { useLocale } from './locale-context.ts';
import type { StaffIdentity } from './session.ts';

export function AdminPage({ me }: { me: StaffIdentity }) {
  const { t } = useLocale();
  return (
    <main class="admin" aria-labelledby="admin-title">
      <h1 id="admin-title" class="visually-hidden">
        {t('admin.title')}
      </h1>
      <AdminStaff me={me} />
      <AdminSecurity />
      <AdminSettings />
      <AdminAudit />
    </main>
  );
}
