// Emergency numbers shown on every visitor screen (and usable by the console): they never depend on the
// server, so they are there even when the chat is closed or unreachable.
import type { Locale } from './i18n.ts';

export interface EmergencyContact {
  number: string;
  /** `tel:` or `sms:` link; 114 is reached by text message. */
  href: string;
  name: Readonly<Record<Locale, string>>;
  detail: Readonly<Record<Locale, string>>;
}

export const emergencyContacts: readonly EmergencyContact[] = [
  {
    number: '17',
    href: 'tel:17',
    name: { fr: 'Police secours', en: 'Police' },
    detail: { fr: 'En cas de danger immédiat', en: 'If you are in immediate danger' },
  },
  {
    number: '112',
    href: 'tel:112',
    name: { fr: 'Urgences européennes', en: 'European emergency number' },
    detail: {
      fr: 'Depuis n’importe quel téléphone, partout en Europe',
      en: 'From any phone, anywhere in Europe',
    },
  },
  {
    number: '114',
    href: 'sms:114',
    name: { fr: 'Urgences par SMS', en: 'Emergency by text message' },
    detail: {
      fr: 'Si vous ne pouvez pas parler, ou pour les personnes sourdes ou malentendantes',
      en: 'If you cannot speak, or for deaf and hard-of-hearing people',
    },
  },
  {
    number: '3919',
    href: 'tel:3919',
    name: { fr: 'Violences Femmes Info', en: 'Violences Femmes Info (women facing violence)' },
    detail: {
      fr: 'Gratuit et anonyme, 24 h/24 et 7 j/7',
      en: 'Free and anonymous, 24 hours a day, 7 days a week (in French)',
    },
  },
  {
    number: '119',
    href: 'tel:119',
    name: { fr: 'Allô Enfance en Danger', en: 'Allô Enfance en Danger (children at risk)' },
    detail: {
      fr: 'Enfants et adolescentes en danger, ou si vous vous inquiétez pour un enfant ; gratuit, 24 h/24',
      en: 'Children and teenagers at risk, or if you worry about a child; free, 24 hours a day',
    },
  },
];
