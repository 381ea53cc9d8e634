// Havre's database, prepared directly before the server starts so that no login round trip is needed: the
// default settings but open all week and one conversation per counselor (unless told otherwise), and N
// counselors with a live session each.
import { randomUUID } from 'node:crypto';
import { weekdays } from '../../src/protocol/constants.ts';
import { systemClock } from '../../src/server/clock.ts';
import { createLogger } from '../../src/server/logger.ts';
import { hashPassword } from '../../src/server/services/passwords.ts';
import { SESSION_COOKIE, signSessionId } from '../../src/server/services/session-cookie.ts';
import { createSettings, defaultSettings } from '../../src/server/services/settings.ts';
import { SESSION_HOURS } from '../../src/server/services/staff-accounts.ts';
import { hashToken, newToken } from '../../src/server/services/tokens.ts';
import { type DatabaseTarget, openDatabase } from '../../src/server/storage/database.ts';
import { createSettingsRepository } from '../../src/server/storage/settings-repository.ts';

const ROWS_PER_INSERT = 250;

/** Prepares the database and returns one session cookie per counselor. */
export async function prepareDatabase(
  target: DatabaseTarget,
  count: number,
  secret: string,
  maxConversationsPerCounselor = 1,
): Promise<string[]> {
  const { db, close } = await openDatabase(target, createLogger('warn'));
  try {
    const settings = createSettings({ repository: createSettingsRepository(db), clock: systemClock });
    // A new Havre's settings (whatever fields they gain), but open all week, with the limit asked for.
    await settings.update({
      ...defaultSettings,
      schedule: {
        timeZone: 'Europe/Paris',
        slots: weekdays.map((day) => ({ day, start: '00:00', end: '23:59' })),
        closures: [],
      },
      maxConversationsPerCounselor,
    });
    // One argon2 hash for everybody: nobody logs in with a password here, and 1,000 hashes take a minute.
    const passwordHash = await hashPassword(newToken());
    const now = new Date();
    const cookies: string[] = [];
    for (let first = 0; first < count; first += ROWS_PER_INSERT) {
      const end = Math.min(count, first + ROWS_PER_INSERT);
      const counselors = counselorsWithSessions(first, end, { passwordHash, now, secret });
      await db.insertInto('staff').values(counselors.staff).execute();
      await db.insertInto('staff_sessions').values(counselors.sessions).execute();
      cookies.push(...counselors.cookies);
    }
    return cookies;
  } finally {
    await close();
  }
}

/** The rows of counselors `first` to `end` (excluded), each with a live session, and their session cookies. */
function counselorsWithSessions(
  first: number,
  end: number,
  { passwordHash, now, secret }: { passwordHash: string; now: Date; secret: string },
) {
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const staff = [];
  const sessions = [];
  const cookies: string[] = [];
  for (let i = first; i < end; i += 1) {
    const id = randomUUID();
    const sessionId = newToken();
    staff.push({
      id,
      username: `bench-${i}`,
      display_name: `Bench ${i}`,
      role: 'counselor' as const,
      password_hash: passwordHash,
      created_at: now,
    });
    sessions.push({ id_hash: hashToken(sessionId), staff_id: id, created_at: now, expires_at: expiresAt });
    cookies.push(`${SESSION_COOKIE}=${encodeURIComponent(signSessionId(sessionId, secret))}`);
  }
  return { staff, sessions, cookies };
}
