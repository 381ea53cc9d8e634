// What a new Havre starts with: the association's usual hours, two conversations per counselor, 30 days of
// retention, a short optional intake, open admission, and a visitor page that names nothing sensitive.
import { defaultSchedule } from '../../core/schedule.ts';
import type { ClosingFormLists } from '../../protocol/conversation-tools-schema.ts';
import { DEFAULT_MAX_CONVERSATIONS_PER_COUNSELOR } from '../../protocol/limits.ts';
import type { IntakeQuestion, Settings } from '../../protocol/schemas.ts';
import { defaultAreas } from './default-areas.ts';

const option = (id: string, fr: string, en: string, urgent = false) => ({ id, label: { fr, en }, urgent });

export const defaultIntakeQuestions: IntakeQuestion[] = [
  {
    id: 'danger',
    label: { fr: 'Êtes-vous en danger en ce moment ?', en: 'Are you in danger right now?' },
    options: [
      option('yes', 'Oui', 'Yes', true),
      option('no', 'Non', 'No'),
      option('unsure', 'Je ne sais pas', 'I am not sure'),
    ],
  },
  {
    id: 'age',
    label: { fr: 'Quel âge avez-vous ?', en: 'How old are you?' },
    options: [
      option('under-15', 'Moins de 15 ans', 'Under 15'),
      option('15-17', '15 à 17 ans', '15 to 17'),
      option('18-21', '18 à 21 ans', '18 to 21'),
      option('22-25', '22 à 25 ans', '22 to 25'),
      option('26-plus', '26 ans ou plus', '26 or older'),
    ],
  },
  {
    id: 'concerned',
    label: { fr: 'Pour qui écrivez-vous ?', en: 'Who are you writing about?' },
    options: [
      option('myself', 'Pour moi', 'Myself'),
      option('someone-close', 'Pour une personne proche', 'Someone close to me'),
      option('other', 'Autre', 'Other'),
    ],
  },
];

// ---- closing form (conversation tools) ----
const category = (id: string, fr: string, en: string) => ({ id, label: { fr, en } });

export const defaultClosingForm: ClosingFormLists = {
  violenceTypes: [
    category('psychological', 'Psychologiques', 'Psychological'),
    category('physical', 'Physiques', 'Physical'),
    category('sexual', 'Sexuelles', 'Sexual'),
    category('economic', 'Économiques', 'Economic'),
    category('cyber', 'Cyberviolences', 'Online'),
    category('administrative', 'Administratives', 'Administrative'),
  ],
  authors: [
    category('partner', 'Partenaire', 'Partner'),
    category('ex-partner', 'Ex-partenaire', 'Former partner'),
    category('family', 'Membre de la famille', 'Family member'),
    category('other', 'Autre', 'Other'),
  ],
  ageBrackets: [
    category('under-15', 'Moins de 15 ans', 'Under 15'),
    category('15-17', '15 à 17 ans', '15 to 17'),
    category('18-21', '18 à 21 ans', '18 to 21'),
    category('22-25', '22 à 25 ans', '22 to 25'),
    category('26-plus', '26 ans ou plus', '26 or older'),
  ],
  actions: [
    category('listening', 'Écoute', 'Listening'),
    category('information', 'Information', 'Information'),
    category('orientation', 'Orientation', 'Referral'),
  ],
  services: [
    category('3919', '3919 Violences Femmes Info', '3919 helpline'),
    category('police', 'Police ou gendarmerie', 'Police'),
    category('119', '119 Enfance en danger', '119 child protection'),
    category('cidff', 'CIDFF (information juridique)', 'CIDFF (legal information)'),
    category('health', 'Médecin ou urgences', 'Doctor or emergency room'),
    category('shelter', 'Hébergement (115)', 'Shelter (115)'),
    category('local-association', 'Association locale', 'Local association'),
  ],
  // What a helpline reports on (issue 12, item 7): each question goes when an admin empties its list.
  contactTypes: [
    category('genuine', 'Demande réelle', 'Genuine'),
    category('silent', 'Silencieux (aucun message)', 'Silent (no message)'),
    category('prank', 'Canular', 'Prank'),
    category('test', 'Test', 'Test'),
    category('abusive', 'Injurieux ou malveillant', 'Abusive'),
  ],
  dangerLevels: [
    category('none', 'Pas de danger repéré', 'No danger seen'),
    category('moderate', 'Danger modéré', 'Moderate danger'),
    category('serious', 'Danger grave', 'Serious danger'),
    category('immediate', 'Danger immédiat', 'Immediate danger'),
  ],
  heardFrom: [
    category('social-media', 'Réseaux sociaux', 'Social media'),
    category('search', 'Moteur de recherche', 'Search engine'),
    category('school', 'Établissement scolaire ou université', 'School or university'),
    category('professional', 'Professionnel·le (santé, social, police)', 'A professional (health, social, police)'),
    category('friend', 'Une personne proche', 'Someone close'),
    category('association', 'Une association', 'An association'),
    category('media', 'Médias, campagne d’affichage', 'Media, poster campaign'),
    category('other', 'Autre', 'Other'),
  ],
  areas: defaultAreas,
};

export const defaultSettings: Settings = {
  schedule: defaultSchedule,
  maxConversationsPerCounselor: DEFAULT_MAX_CONVERSATIONS_PER_COUNSELOR,
  autoAssignment: false,
  servePastClosingMinutes: 30,
  // A crashed browser is usually back within a minute; a visitor alone for three is handed to a colleague.
  presence: { counselorFlagSeconds: 30, handBackSeconds: 180, visitorGoneSeconds: 300 },
  // Five is the usual floor below which a published count may point at one person.
  statistics: { smallCountThreshold: 5, counselorHourCost: 30 },
  retentionDays: 30,
  intake: { enabled: true, questions: defaultIntakeQuestions },
  admission: { paused: false, maxQueue: null },
  visitorPage: {
    title: 'Messagerie',
    brand: 'Messagerie',
    icon: 'bubble',
    quickExitUrl: 'https://meteofrance.com/',
    embedOrigins: [],
  },
  closingForm: defaultClosingForm,
};
