import type { Category, Lang, Party } from '../../types.js';

/** What a generated cookie declaration says around its tables, in the site's language. */
export interface DeclarationWords {
  title: string;
  intro: string;
  /** Each purpose's heading, what it is for (under the heading) and, in a row the Open Cookie Database does not describe, its short purpose. */
  group: Record<Category, { title: string; about: string; purpose: string }>;
  columns: { name: string; provider: string; party: string; purpose: string; retention: string; sentTo: string };
  party: Record<Party, string>;
  /** A first-party cookie with no known vendor is the site's own. */
  thisSite: string;
  /** How to withdraw consent and remove cookies: what the Belgian regulator asks the policy to say. */
  removal: string;
  /** Who made it, from what: for the person who publishes it. */
  madeBy(tool: string, site: string, date: string, pages: number): string;
  nothing: string;
  /** The CSV's extra columns. */
  csv: { category: string; kind: string; lifetimeDays: string; domains: string };
}

export const DECLARATION_WORDS: Readonly<Record<Lang, DeclarationWords>> = {
  nl: {
    title: 'Cookieverklaring',
    intro: 'Deze website gebruikt de volgende cookies en gelijkaardige technieken (gegevens die in uw browser worden opgeslagen), per doel.',
    group: {
      necessary: { title: 'Strikt noodzakelijk', about: 'Nodig om de website te laten werken (beveiliging, formulieren, uw cookiekeuze). Hiervoor is geen toestemming nodig.', purpose: 'nodig voor de werking van de website' },
      preferences: { title: 'Voorkeuren', about: 'Onthouden uw keuzes, zoals taal of weergave.', purpose: 'onthoudt uw voorkeuren' },
      analytics: { title: 'Statistieken', about: 'Meten hoe bezoekers de website gebruiken, om haar te verbeteren. Alleen met uw toestemming.', purpose: 'bezoekersstatistieken' },
      marketing: { title: 'Marketing', about: 'Volgen uw bezoek om advertenties te tonen en te meten, ook op andere websites. Alleen met uw toestemming.', purpose: 'advertenties' },
      social: { title: 'Sociale media', about: "Laten knoppen van sociale media en ingesloten inhoud (video's, kaarten) werken, en laten die diensten u herkennen. Alleen met uw toestemming.", purpose: 'sociale media en ingesloten inhoud' },
      unknown: { title: 'Nog niet ingedeeld', about: 'Het doel van deze cookies is nog niet bekend: vul het aan voor u deze verklaring publiceert.', purpose: 'doel nog aan te vullen' },
    },
    columns: { name: 'Naam', provider: 'Aanbieder', party: 'Partij', purpose: 'Doel', retention: 'Bewaartermijn', sentTo: 'Gedeeld met' },
    party: { first: 'eerste partij', third: 'derde partij' },
    thisSite: 'deze website',
    removal:
      'U kunt uw toestemming op elk moment intrekken of aanpassen via de cookie-instellingen van deze website. Cookies verwijdert u in de instellingen van uw browser; daarna vragen wij uw toestemming opnieuw.',
    madeBy: (tool, site, date, pages) => `Opgesteld met ${tool} uit een scan van ${site} op ${date} (${pages} ${pages === 1 ? 'pagina' : "pagina's"}). Controleer elk doel voor u deze verklaring publiceert.`,
    nothing: 'Deze website slaat niets op in uw browser.',
    csv: { category: 'Categorie', kind: 'Soort', lifetimeDays: 'Bewaartermijn in dagen', domains: 'Domeinen' },
  },
  fr: {
    title: 'Déclaration de cookies',
    intro: 'Ce site utilise les cookies et techniques similaires (données enregistrées dans votre navigateur) suivants, par finalité.',
    group: {
      necessary: { title: 'Strictement nécessaires', about: 'Nécessaires au fonctionnement du site (sécurité, formulaires, votre choix en matière de cookies). Ils ne demandent pas de consentement.', purpose: 'nécessaire au fonctionnement du site' },
      preferences: { title: 'Préférences', about: "Retiennent vos choix, comme la langue ou l'affichage.", purpose: 'retient vos préférences' },
      analytics: { title: 'Statistiques', about: "Mesurent l'utilisation du site pour l'améliorer. Uniquement avec votre consentement.", purpose: "mesure d'audience" },
      marketing: { title: 'Marketing', about: "Suivent votre visite pour afficher et mesurer des publicités, y compris sur d'autres sites. Uniquement avec votre consentement.", purpose: 'publicité' },
      social: { title: 'Réseaux sociaux', about: 'Font fonctionner les boutons de réseaux sociaux et les contenus intégrés (vidéos, cartes), et permettent à ces services de vous reconnaître. Uniquement avec votre consentement.', purpose: 'réseaux sociaux et contenus intégrés' },
      unknown: { title: 'Non classés', about: "La finalité de ces cookies n'est pas encore connue : complétez-la avant de publier cette déclaration.", purpose: 'finalité à compléter' },
    },
    columns: { name: 'Nom', provider: 'Fournisseur', party: 'Partie', purpose: 'Finalité', retention: 'Durée de conservation', sentTo: 'Transmis à' },
    party: { first: 'première partie', third: 'tierce partie' },
    thisSite: 'ce site',
    removal:
      'Vous pouvez retirer ou modifier votre consentement à tout moment dans les paramètres des cookies de ce site. Vous supprimez les cookies dans les réglages de votre navigateur ; nous vous demanderons alors à nouveau votre consentement.',
    madeBy: (tool, site, date, pages) => `Établie avec ${tool} à partir d'une analyse de ${site} le ${date} (${pages} page${pages === 1 ? '' : 's'}). Vérifiez chaque finalité avant de publier cette déclaration.`,
    nothing: "Ce site n'enregistre rien dans votre navigateur.",
    csv: { category: 'Catégorie', kind: 'Type', lifetimeDays: 'Durée de conservation en jours', domains: 'Domaines' },
  },
  en: {
    title: 'Cookie declaration',
    intro: 'This website uses the following cookies and similar techniques (data stored in your browser), by purpose.',
    group: {
      necessary: { title: 'Strictly necessary', about: 'Needed for the website to work (security, forms, your cookie choice). They need no consent.', purpose: 'needed for the website to work' },
      preferences: { title: 'Preferences', about: 'Remember your choices, such as language or display.', purpose: 'remembers your preferences' },
      analytics: { title: 'Statistics', about: 'Measure how visitors use the website, to improve it. Only with your consent.', purpose: 'visitor statistics' },
      marketing: { title: 'Marketing', about: 'Follow your visit to show and measure advertising, also on other websites. Only with your consent.', purpose: 'advertising' },
      social: { title: 'Social media', about: 'Make social media buttons and embedded content (videos, maps) work, and let those services recognise you. Only with your consent.', purpose: 'social media and embedded content' },
      unknown: { title: 'Not yet classified', about: 'What these cookies are for is not known yet: fill it in before you publish this declaration.', purpose: 'purpose to be filled in' },
    },
    columns: { name: 'Name', provider: 'Provider', party: 'Party', purpose: 'Purpose', retention: 'Retention', sentTo: 'Shared with' },
    party: { first: 'first party', third: 'third party' },
    thisSite: 'this website',
    removal: "You can withdraw or change your consent at any time in this website's cookie settings. You remove cookies in your browser's settings; we will then ask for your consent again.",
    madeBy: (tool, site, date, pages) => `Made with ${tool} from a scan of ${site} on ${date} (${pages} page${pages === 1 ? '' : 's'}). Check each purpose before you publish this declaration.`,
    nothing: 'This website stores nothing in your browser.',
    csv: { category: 'Category', kind: 'Kind', lifetimeDays: 'Retention in days', domains: 'Domains' },
  },
};
