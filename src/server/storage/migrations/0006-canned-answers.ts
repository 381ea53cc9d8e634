// Canned answers and resource cards, team-wide (owner_id null) or personal, seeded with the French helplines a
// counselor gives most often. The seeds are the team's to edit or delete afterwards.
import { type Kysely, sql } from 'kysely';

interface Seed {
  id: string;
  shortcut: string;
  title: string;
  text?: string;
  card?: { name: string; phones: string[]; links: string[]; address: string; hours: string };
}

const seeds: Seed[] = [
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000001',
    shortcut: 'danger',
    title: 'En cas de danger immédiat',
    text:
      'En cas de danger immédiat, appelez le 17 (police) ou le 112. Si vous ne pouvez pas parler sans risque, ' +
      'envoyez un SMS au 114 : on vous répondra par écrit. Vous pouvez revenir ici quand vous serez en sécurité.',
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000002',
    shortcut: '3919',
    title: '3919 Violences Femmes Info',
    card: {
      name: '3919 — Violences Femmes Info',
      phones: ['3919 (gratuit et anonyme, n’apparaît pas sur les factures)'],
      links: ['https://arretonslesviolences.gouv.fr'],
      address: '',
      hours: '24 h/24, 7 j/7',
    },
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000003',
    shortcut: '17',
    title: '17 Police secours',
    card: { name: '17 — Police secours', phones: ['17'], links: [], address: '', hours: '24 h/24, 7 j/7' },
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000004',
    shortcut: '112',
    title: '112 Numéro d’urgence européen',
    card: {
      name: '112 — Numéro d’urgence européen',
      phones: ['112 (depuis n’importe quel téléphone, même sans crédit)'],
      links: [],
      address: '',
      hours: '24 h/24, 7 j/7',
    },
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000005',
    shortcut: '114',
    title: 'SMS 114 Urgence par écrit',
    card: {
      name: '114 — Urgence par SMS, quand on ne peut pas parler',
      phones: ['SMS au 114'],
      links: ['https://www.info.urgence114.fr'],
      address: '',
      hours: '24 h/24, 7 j/7',
    },
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000006',
    shortcut: '119',
    title: '119 Allô enfance en danger',
    card: {
      name: '119 — Allô enfance en danger',
      phones: ['119 (gratuit, n’apparaît pas sur les factures)'],
      links: ['https://www.allo119.gouv.fr'],
      address: '',
      hours: '24 h/24, 7 j/7',
    },
  },
  {
    id: '0b6f8d0e-5c1a-4f0e-9d1e-000000000007',
    shortcut: 'accueil',
    title: 'Accueil',
    text: 'Bonjour, je suis là pour vous écouter. Prenez le temps qu’il vous faut pour écrire, à votre rythme.',
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table canned_answers (
    id uuid primary key,
    owner_id uuid references staff (id) on delete cascade,
    kind text not null check (kind in ('text', 'card')),
    shortcut text not null,
    title text not null,
    body text,
    card jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check ((kind = 'text') = (body is not null)),
    check ((kind = 'card') = (card is not null))
  )`.execute(db);
  await sql`create unique index canned_answers_team_shortcut on canned_answers (shortcut) where owner_id is null`.execute(
    db,
  );
  await sql`create unique index canned_answers_own_shortcut on canned_answers (owner_id, shortcut)
    where owner_id is not null`.execute(db);
  for (const seed of seeds) {
    const kind = seed.card ? 'card' : 'text';
    const card = seed.card ? JSON.stringify(seed.card) : null;
    await sql`insert into canned_answers (id, owner_id, kind, shortcut, title, body, card, created_at, updated_at)
      values (${seed.id}, null, ${kind}, ${seed.shortcut}, ${seed.title}, ${seed.text ?? null}, ${card}::jsonb,
        now(), now())`.execute(db);
  }
}
