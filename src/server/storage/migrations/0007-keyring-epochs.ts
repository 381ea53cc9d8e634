// Data keys wrapped under a keyring epoch (decision 0021): the UTC day whose keyring key, with the master key,
// wraps this conversation's data key. Null for keys wrapped by the master key alone, before the keyring; the
// retention job re-wraps those under the keyring.
import { type Kysely, sql } from 'kysely';

const statements = [
  sql`alter table conversation_keys add column key_epoch integer`,
  sql`create index conversation_keys_epoch on conversation_keys (key_epoch)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
