// Who wrote a counselor's message, for the staff side only (issue 12, item 3): after a transfer or a take-over
// the new holder reads her colleague's messages under the colleague's name, and "Vous" only under her own.
// Names are remembered as consoles connect (every live message comes from a connected counselor) and looked up
// for the history of those who are gone. The visitor's side never gets them.
import type { StaffRepository } from '../storage/staff-repository.ts';

export function createStaffNames(staff: Pick<StaffRepository, 'byIds'>) {
  const names = new Map<string, string>();
  return {
    remember(staffId: string, displayName: string): void {
      names.set(staffId, displayName);
    },
    known: (staffId: string | null): string | null => (staffId === null ? null : (names.get(staffId) ?? null)),
    /** Makes sure the names of these authors are known (for a history). */
    async load(staffIds: readonly (string | null)[]): Promise<void> {
      const missing = [...new Set(staffIds)].filter((id): id is string => id !== null && !names.has(id));
      for (const row of await staff.byIds(missing)) names.set(row.id, row.display_name);
    },
  };
}

export type StaffNames = ReturnType<typeof createStaffNames>;
