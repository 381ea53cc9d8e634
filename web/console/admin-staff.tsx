// The team list: every account with its role and state, disabling and enabling, and the creation form.
import { useEffect, useState } from 'preact/hooks';
import type { StaffMemberView } from '../../src/protocol/views.ts';
import { resetTotp } from './account-api.ts';
import { listStaff, updateStaff } from './admin-api.ts';
import type { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { useLocale } from './locale-context.ts';
import type { StaffIdentity } from './session.ts';
import { StaffCreateForm } from './staff-create-form.tsx';

export function AdminStaff({ me }: { me: StaffIdentity }) {
  const { t } = useLocale();
  const [staff, setStaff] = useState<StaffMemberView[] | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  useEffect(() => {
    void listStaff().then((answer) => (answer.ok ? setStaff(answer.staff) : setProblem(answer.error)));
  }, []);

  const replace = (member: StaffMemberView) =>
    setStaff((current) => (current ?? []).map((other) => (other.id === member.id ? member : other)));

  const toggle = async (member: StaffMemberView) => {
    setProblem(null);
    const answer = await updateStaff(member.id, { disabled: !member.disabled });
    if (answer.ok) replace(answer.staff);
    else setProblem(answer.error);
  };

  // For a lost phone: she signs in with her password again (and enrols again if 2FA is required).
  const reset = async (member: StaffMemberView) => {
    setProblem(null);
    const answer = await resetTotp(member.id);
    if (answer.ok) replace({ ...member, totpEnabled: false });
    else setProblem(answer.error);
  };

  return (
    <section class="panel admin-section" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('admin.staffTitle')}</h2>
      {staff === null && !problem && <p role="status">{t('admin.loading')}</p>}
      {problem && (
        <p class="error" role="alert">
          {errorText(t, problem)}
        </p>
      )}
      {staff && (
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.username')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.totp')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} class={member.disabled ? 'is-disabled' : undefined}>
                <th scope="row">
                  {member.displayName} {member.id === me.id && <span class="hint">{t('staff.you')}</span>}
                </th>
                <td>{member.username}</td>
                <td>{t(`role.${member.role}`)}</td>
                <td>{t(member.disabled ? 'staff.disabled' : 'staff.active')}</td>
                <td>{t(member.totpEnabled ? 'staff.totpOn' : 'staff.totpOff')}</td>
                <td class="actions">
                  {/* She cannot lock herself out: another admin must disable her account. */}
                  {member.id !== me.id && (
                    <button type="button" class="button button-quiet button-small" onClick={() => toggle(member)}>
                      {t(member.disabled ? 'staff.enable' : 'staff.disable')}
                    </button>
                  )}
                  {member.id !== me.id && member.totpEnabled && (
                    <button
                      type="button"
                      class="button button-quiet button-small"
                      aria-label={t('staff.resetTotpFor', { name: member.displayName })}
                      onClick={() => reset(member)}
                    >
                      {t('staff.resetTotp')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <StaffCreateForm onCreated={(member) => setStaff((current) => [...(current ?? []), member])} />
    </section>
  );
}
