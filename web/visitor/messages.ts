// Every text of the visitor app, in French (the default); English is in messages-en.ts. Keys are flat; plural forms end in
// `.one` / `.other` and are picked by `plural()` from web/ui/i18n.ts.
import type { Catalogue, Locale } from '../ui/i18n.ts';

export const fr = {
  'app.titleAttention': 'Nouveau message — {title}',
  'lang.switch': 'English',
  'exit.button': 'Quitter cette page',
  'exit.hint': 'Pour partir vite : le bouton « Quitter cette page », ou trois appuis sur la touche Maj (⇧).',

  'home.heading': 'Parler avec une conseillère',
  'home.intro':
    'Un espace confidentiel pour écrire à une conseillère formée à l’écoute des violences. C’est anonyme : pas de nom, pas d’e-mail, pas de compte.',
  'home.open': 'La discussion est ouverte.',
  'home.openUntil': 'La discussion est ouverte jusqu’à {time} ({zone}).',
  'home.busy': 'Aucune conseillère n’est libre pour l’instant : vous pouvez quand même prendre place dans la file.',
  'home.closed': 'La discussion est fermée pour le moment.',
  'home.nextOpening': 'Prochaine ouverture : {when} ({zone}).',
  'home.noNextOpening': 'Aucune ouverture n’est prévue pour le moment.',
  'home.start': 'Commencer une conversation',
  'home.starting': 'Nous préparons votre place dans la file…',
  'home.queueClosed': 'La discussion vient de fermer. Vous pouvez revenir pendant les heures d’ouverture.',
  'home.unreachable': 'La connexion n’a pas pu être établie. Vérifiez votre réseau, puis réessayez.',
  'storage.unavailable':
    'Votre navigateur ne laisse pas cette page garder de données. La discussion fonctionne, mais si vous rechargez ou fermez cette page, vous ne pourrez pas la reprendre.',
  'home.rateLimited': 'Trop de demandes viennent de votre réseau : réessayez plus tard.',
  'home.unavailable':
    'Le service rencontre un souci passager, ce n’est pas votre connexion. Réessayez dans un instant ; en cas de danger, appelez le 17 ou le 112.',
  'home.expired': 'Votre conversation précédente n’est plus disponible.',
  'home.statusLoading': 'Chargement des horaires…',
  'home.statusFailed': 'Les horaires n’ont pas pu être chargés.',
  'home.retry': 'Réessayer',

  'intake.heading': 'Avant de rejoindre la file',
  'intake.optional': 'Ces questions sont facultatives.',
  'intake.why': 'Vos réponses aident la conseillère à vous accueillir ; elles ne disent pas qui vous êtes.',
  'intake.join': 'Rejoindre la file d’attente',
  'intake.skip': 'Passer les questions',
  'intake.danger': 'Si vous êtes en danger immédiat, appelez le 17 ou envoyez un SMS au 114.',
  'intake.priority': 'Vous pouvez aussi rejoindre la file : vous passerez en priorité.',

  'refused.paused': 'Les nouvelles conversations sont suspendues pour le moment.',
  'refused.pausedNext': 'Réessayez un peu plus tard, ou à la prochaine ouverture : {when} ({zone}).',
  'refused.pausedLater': 'Réessayez un peu plus tard.',
  'refused.full': 'La file d’attente est complète pour le moment. Réessayez dans quelques minutes.',
  'waiting.closedServing':
    'La discussion est maintenant fermée. Les conseillères répondent encore aux personnes qui attendaient, jusqu’à {time}. Si aucune n’a pu vous répondre d’ici là, la conversation s’arrêtera.',
  'wait.pastClosing':
    'L’attente estimée dépasse l’heure de fermeture ({time}) : vous risquez de ne pas pouvoir être accueillie aujourd’hui.',
  'wait.pastClosingNoTime':
    'L’attente estimée dépasse l’heure de fermeture : vous risquez de ne pas pouvoir être accueillie aujourd’hui.',
  'alt.heading': 'Ces lignes gratuites vous répondent 24 h/24 :',

  'hours.heading': 'Horaires d’ouverture',
  'hours.zone': 'Heures indiquées en {zone}.',
  'hours.range': '{start} – {end}',
  'hours.none': 'Aucun horaire n’est publié pour le moment.',
  'hours.closures': 'Fermetures exceptionnelles :',
  'hours.closure': '{date}',
  'hours.closureLabelled': '{date} ({label})',

  'zone.city': 'heure de {city}',
  'zone.cityVowel': 'heure d’{city}',
  'when.today': 'aujourd’hui à {time}',
  'when.tomorrow': 'demain à {time}',
  'when.date': '{date} à {time}',

  'emergency.heading': 'En cas d’urgence',
  'emergency.intro': 'Ces numéros sont gratuits et joignables à tout moment.',
  'emergency.compact': 'Numéros d’urgence',

  'resume.heading': 'Reconnexion à votre conversation…',

  'waiting.heading': 'Vous êtes dans la file d’attente',
  'waiting.first': 'Vous êtes la prochaine personne à être accueillie.',
  'waiting.position': 'Votre place dans la file : {n}',
  'waiting.soon': 'Une conseillère va vous répondre dans un instant.',
  'waiting.estimate.one': 'Attente estimée : environ {n} minute.',
  'waiting.estimate.other': 'Attente estimée : environ {n} minutes.',
  'waiting.long': 'Attente estimée : plus d’une heure.',
  'waiting.unknown': 'Aucune conseillère n’est disponible pour le moment, vous gardez votre place.',
  'waiting.handedBack':
    'Votre conseillère a perdu la connexion. Vous êtes de nouveau en tête de la file : une autre conseillère va vous répondre.',
  'waiting.keepOpen': 'Gardez cette page ouverte : la conversation commencera ici.',
  'waiting.leave': 'Quitter la file d’attente',
  'waiting.leaveTitle': 'Quitter la file d’attente ?',
  'waiting.leaveBody': 'Vous perdrez votre place dans la file.',
  'waiting.leaveYes': 'Oui, quitter la file',
  'waiting.leaveNo': 'Non, rester',

  'chat.heading': 'Conversation avec une conseillère',
  'chat.messages': 'Messages',
  'chat.start': 'Une conseillère vous a rejointe. Vous pouvez écrire votre premier message.',
  'chat.you': 'Vous :',
  'chat.counselor': 'Conseillère :',
  'chat.system': 'Information :',
  'chat.pending': 'envoi…',
  'chat.sent': 'envoyé',
  'chat.sentAt': 'envoyé à {time}',
  'chat.read': 'lu',
  'chat.failed': 'non envoyé',
  'chat.retry': 'Réessayer l’envoi',
  'chat.typing': 'La conseillère écrit…',
  'chat.label': 'Votre message',
  'chat.hint': 'Entrée pour envoyer, Maj + Entrée pour aller à la ligne.',
  'chat.send': 'Envoyer',
  'chat.remaining.one': 'Encore {n} caractère possible.',
  'chat.remaining.other': 'Encore {n} caractères possibles.',
  'chat.tooLong.one': 'Message trop long : {n} caractère en trop.',
  'chat.tooLong.other': 'Message trop long : {n} caractères en trop.',
  'chat.disconnected': 'Connexion perdue, reconnexion…',
  'chat.counselorAway':
    'Votre conseillère a perdu la connexion. Restez sur cette page : elle revient dans un instant, ou une autre conseillère prendra le relais.',
  'chat.end': 'Terminer la conversation',
  'chat.endTitle': 'Terminer la conversation ?',
  'chat.endBody': 'La conversation sera fermée et ses messages effacés de cet écran.',
  'chat.endYes': 'Oui, terminer',
  'chat.endNo': 'Non, continuer',

  'closed.heading': 'La conversation est terminée',
  'closed.byYou': 'Vous avez terminé la conversation.',
  'closed.byCounselor': 'La conseillère a terminé la conversation.',
  'closed.leftQueue': 'Vous avez quitté la file d’attente.',
  'closed.abandoned': 'La conversation n’a pas pu commencer : aucune conseillère n’a pu vous répondre à temps.',
  'closed.turnedAway':
    'La discussion a fermé avant qu’une conseillère puisse vous répondre. Nous en sommes désolées : ce n’est pas de votre faute, et vous pouvez revenir.',
  'closed.connectionLost':
    'Votre connexion a été coupée trop longtemps : votre place dans la file n’a pas pu être gardée. Ce n’est pas un refus : vous pouvez reprendre une place maintenant.',
  'closed.rejoin': 'Reprendre une place dans la file',
  'closed.thanks': 'Merci de nous avoir écrit.',
  'closed.comeBack': 'Vous pouvez revenir quand vous le souhaitez pendant les heures d’ouverture.',
  'survey.question': 'Cet échange vous a-t-il aidée ? (facultatif, anonyme)',
  'survey.yes': 'Oui',
  'survey.somewhat': 'Un peu',
  'survey.no': 'Non',
  'survey.thanks': 'Merci pour votre réponse.',
  'closed.safety':
    'Si quelqu’un d’autre peut voir cet appareil, fermez cet onglet et effacez l’historique de navigation.',
  'closed.home': 'Retour à l’accueil',
  'erase.button': 'Effacer cette conversation de cet appareil',
  'erase.done': 'La conversation a été effacée de cet appareil.',
} as const;

export type MessageKey = keyof typeof fr;

/** French is in the page; English is fetched when she switches (a separate file, kept out of the first load). */
const catalogues: Partial<Record<Locale, Catalogue<MessageKey>>> = { fr };

export const catalogueOf = (locale: Locale): Catalogue<MessageKey> => catalogues[locale] ?? fr;

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (locale === 'en') catalogues.en ??= (await import('./messages-en.ts')).en;
}
