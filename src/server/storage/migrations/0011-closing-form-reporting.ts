// A closing form a helpline can report from (issue 12, item 7): what kind of contact it was, whether she had
// written before (the counselor's word: Havre keeps no identity to tell), children exposed, the danger and
// whether emergency services were called, how she heard of the service, her area. Category ids and yes/no
// only, never free text: like the rest of the form, these outlive the content for the statistics. Null is
// "not said" (and every form filed before this migration).
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`alter table closing_forms add column contact_type text`,
  sql`alter table closing_forms add column returning_contact boolean`,
  sql`alter table closing_forms add column children_exposed boolean`,
  sql`alter table closing_forms add column danger_level text`,
  sql`alter table closing_forms add column emergency_called boolean`,
  sql`alter table closing_forms add column heard_from text`,
  sql`alter table closing_forms add column area text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
