import { actionSentence, count, reasonOf, type ActionPhrases, type Words } from './words.js';

const n = (value: number, one: string, many: string): string => count(value, one, many, 'fr');

/** French, in the words of the Autorité de protection des données: consentement, bannière cookies, refuser. */
const FR_ACTION: ActionPhrases = {
  browse: "a défilé jusqu'en bas, bougé la souris, appuyé sur Échap",
  click: (control, layer, asShown) => `a cliqué sur « ${control} »${layer === 2 ? ' dans le panneau des paramètres' : ''}${asShown ? ' sans changer aucun interrupteur' : ''}`,
  thenClick: (control) => `puis sur « ${control} »`,
  clickAfterReopen: (control, layer) => `puis a cliqué sur « ${control} »${layer === 2 ? ' dans le panneau des paramètres' : ''}`,
  autoconsent: (cmp, choice) => `les règles d'autoconsent pour ${cmp} ont ${choice === 'reject' ? 'refusé' : 'accepté'}`,
  reopen: ({ control, place }) =>
    `a rouvert le choix des cookies (${
      place
        ? `a cliqué sur ${place.kind === 'button' ? `le bouton${place.floating ? ' flottant' : ''}` : `le lien${place.floating ? ' flottant' : ''}`} « ${control} »${place.shadowRoot ? ' dans la shadow root du gestionnaire de consentement' : ''}${place.frameUrl ? ` dans le cadre ${place.frameUrl}` : ''}`
        : `a appelé ${control}`
    })`,
  reload: 'a rechargé la page',
  follow: (path, afterBrowsing) => `${afterBrowsing ? 'puis a suivi' : 'a suivi'} un lien vers ${path}`,
  noLink: "n'a trouvé aucun lien interne à suivre",
  stored: (choice, on, bannerAgain) =>
    `${{ reject: 'refusé', save: 'validé tel quel', accept: 'accepté', withdraw: 'retiré' }[choice]} sur ${on}, enregistré${bannerAgain ? ", mais la bannière s'est de nouveau affichée ici" : ''}`,
  notDone: (failure) => `(non fait : ${failure})`,
};

export const FR: Words = {
  lang: 'fr',
  pages: (v) => n(v, 'page', 'pages'),
  errors: (v) => n(v, 'erreur', 'erreurs'),
  warnings: (v) => n(v, 'avertissement', 'avertissements'),
  known: (v, status) => `${v} ${{ baselined: 'dans la baseline', allowed: v === 1 ? 'autorisé' : 'autorisés', new: v === 1 ? 'nouveau' : 'nouveaux', fixed: v === 1 ? 'corrigé' : 'corrigés' }[status]}`,
  clean: 'conforme',
  redirectedTo: (url) => `→ redirigée vers ${url}`,
  windowsRefused: (visit, opened, refused) => `${visit} : la page ouvrait sans cesse des fenêtres : ${opened} suivies, ${refused} de plus non ouvertes (le bloqueur de fenêtres d'un visiteur les refuse toutes)`,
  waitsCut: (visit) => `${visit} : la page a occupé la visite au-delà de son budget d'attente ; elle a été enregistrée telle qu'elle était alors`,
  alsoSeen: (visits) => `également vu ${visits}`,
  policyFile: (path, jurisdiction) => `politique ${path} (${jurisdiction})`,
  noPolicyFile: (jurisdiction) => `pas de fichier de politique (défauts ${jurisdiction})`,
  pagesLabel: 'pages',
  coverage: (found, scanned, left, unread) =>
    `${n(found, 'page trouvée', 'pages trouvées')}, ${scanned} analysée(s), ${left === 0 ? 'aucune' : left} laissée(s) de côté${unread ? " (ainsi que les pages d'un sitemap illisible)" : ''}`,
  leftOut: (part) => {
    const examples = part.examples.length > 0 ? ` : ${part.examples.join(', ')}` : '';
    switch (part.reason) {
      case 'max-pages':
        return `${n(part.count, 'page au-delà de --max-pages non analysée', 'pages au-delà de --max-pages non analysées')} ; augmentez --max-pages pour en analyser davantage.`;
      case 'excluded':
        return `${n(part.count, 'page correspondait', 'pages correspondaient')} à --exclude et ont été laissées de côté.`;
      case 'other-host':
        return `${n(part.count, 'page du sitemap sur un autre hôte ignorée', 'pages du sitemap sur un autre hôte ignorées')}${examples} ; utilisez --sitemap-find/--sitemap-replace pour faire pointer un sitemap de production vers la préversion.`;
      case 'sitemap-unreadable':
        return `${n(part.count, 'sitemap imbriqué illisible', 'sitemaps imbriqués illisibles')} : les pages qui y sont listées n'ont pas été analysées${examples}.`;
      case 'crawl-unreadable':
        return `${n(part.count, "page n'a pas pu être récupérée", "pages n'ont pas pu être récupérées")} pour en suivre les liens : les pages liées seulement depuis là n'ont pas été trouvées${examples}.`;
    }
  },
  severity: { error: 'erreur', warn: 'avert.' },
  category: {
    necessary: 'nécessaire',
    preferences: 'préférences',
    analytics: "mesure d'audience",
    marketing: 'marketing',
    social: 'réseaux sociaux',
    unknown: 'inconnu',
  },
  vendor: (vendor, category) => (vendor ? `${vendor} (${FR.category[category]})` : FR.category[category]),
  messageVendor: (vendor, category) =>
    vendor ? `${vendor} (${FR.category[category]})` : category === 'unknown' ? 'une société inconnue' : `une société inconnue (${FR.category[category]})`,
  duration: (v, unit) => (unit === 'days' ? n(v, 'jour', 'jours') : `${v} mois`),
  phase: {
    initial: { short: 'première visite', label: 'Avant tout choix', summary: 'une fois sans rien toucher' },
    'after-scroll': { short: 'après défilement', label: 'Après défilement', summary: "puis après avoir fait défiler la page, bougé la souris, appuyé sur Échap et, si une bannière s'affiche, suivi un lien" },
    'after-reject': { short: 'après refus', label: 'Après refus', summary: 'après un refus dans la bannière cookies : sur la première page qui l\'affiche, dans un nouveau navigateur, puis en rechargeant et en ouvrant une autre page ; sur les autres pages qui l\'affichent, un chargement, le refus enregistré' },
    'after-save': { short: 'après enregistrement', label: 'Après enregistrement tel quel', summary: 'après avoir enregistré les interrupteurs du premier niveau tels qu\'affichés : sur la première page qui affiche la bannière, dans un nouveau navigateur, puis en rechargeant ; sur les autres pages qui l\'affichent, un chargement, le choix enregistré' },
    'after-accept': { short: 'après acceptation', label: 'Après acceptation', summary: 'après acceptation : sur la première page qui affiche la bannière, dans un nouveau navigateur, puis en rechargeant ; sur les autres pages qui l\'affichent, un chargement, le consentement enregistré' },
    'after-withdraw': { short: 'après retrait', label: 'Après retrait', summary: 'après acceptation, réouverture du choix des cookies et refus de tout : sur la première page qui affiche la bannière, dans le navigateur qui a accepté, puis en rechargeant et en ouvrant une autre page ; sur les autres pages qui l\'affichent, un chargement, le retrait enregistré' },
  },
  action: (action) => actionSentence(action, FR_ACTION),
  rulesHeading: 'Règles :',
  fixedHeading: (v) => `Corrigés depuis la baseline (${v}) ; retirez-les avec consent-gate baseline --prune :`,
  baselineWritten: (path) => `Baseline écrite : ${path}`,
  headline: { passed: 'RÉUSSI', failed: 'ÉCHEC', incomplete: 'INCOMPLET' },
  newErrors: (v) => n(v, 'nouvelle erreur', 'nouvelles erreurs'),
  newWarnings: (v) => n(v, 'nouvel avertissement', 'nouveaux avertissements'),
  reason: (verdict, failOn) => {
    const { kind, n: v } = reasonOf(verdict, failOn);
    switch (kind) {
      case 'nothing-scanned':
        return "aucune page n'a été analysée ; vérifiez la liste des pages, --max-pages et les réglages de découverte";
      case 'not-scanned':
        return `${n(v, "analyse de page n'a pas pu aboutir", "analyses de page n'ont pas pu aboutir")} ; une page qui n'a pas été examinée ne passe jamais`;
      case 'failing':
        return `${failOn === 'warn' ? n(v, 'nouveau constat', 'nouveaux constats') : n(v, 'nouvelle erreur', 'nouvelles erreurs')} (failOn : ${failOn})`;
      case 'no-new':
        return failOn === 'warn' ? 'aucun nouveau constat' : 'aucune nouvelle erreur';
      case 'no-errors':
        return 'aucune erreur';
      case 'no-findings':
        return 'aucun constat';
    }
  },
  exit: (code) => `(code de sortie ${code})`,
  cause: {
    tag: (vendor, file, line, others) => `${vendor ? `La balise ${vendor}` : 'Une balise'} dans ${file}${line ? `, ligne ${line}` : ''}${others > 0 ? ` (et ${n(others, 'autre page', 'autres pages')})` : ''}`,
    container: (vendor, id) => `Le conteneur ${id} de ${vendor ?? 'gestionnaire de balises'}`,
    script: (path) => `Le fichier ${path} du site lui-même`,
    server: (host) => `Le serveur ${host} du site, qui dépose des cookies (Set-Cookie)`,
    vendor: (name) => `${name ?? 'Une société inconnue'}, sans cause que le navigateur ait pu retracer`,
    banner: (found) => (found ? 'La bannière cookies' : 'Aucune bannière cookies'),
    page: (path) => `${path} n'a pas pu être analysée`,
  },
  time: (ms) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('fr', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`),
  markdown: {
    verdict: (status, errors, warnings, pages, reason) =>
      `**consent-gate : ${FR.headline[status].toLowerCase()}** : ${FR.newErrors(errors)}, ${FR.newWarnings(warnings)} sur ${FR.pages(pages)} — ${reason}.`,
    pagesLabel: 'Pages',
    headings: ['Cause', 'Pages', 'Visites', 'Constats', 'Sociétés'],
    caused: (counts, what) => `${counts} : ${what}`,
    andMore: (named, more) => `${named} et ${more} autre(s)`,
    moreRows: (v) => `…et ${n(v, 'autre cause', 'autres causes')} : voir le rapport complet.`,
    counts: (baselined, allowed, fixed) => `Dans la baseline : ${baselined} · Autorisés : ${allowed} · Corrigés depuis la baseline : ${fixed}`,
    pruneHint: ' (à retirer avec `consent-gate baseline --prune`)',
    fullReport: (path) => `Rapport complet : \`${path}\``,
    onRunPage: (url, dir) => ` — sur [la page de l'exécution](${url}) si le workflow publie \`${dir}/\` comme artefact`,
  },
  comment: {
    on: 'sur',
    loadedVia: 'chargé via',
    fixedHeading: (v) => `Corrigés depuis la baseline (${v})`,
    moreFindings: (v) => `…et ${n(v, 'autre nouveau constat', 'autres nouveaux constats')} : voir le rapport complet.`,
    moreFixed: (v) => `… et ${v} autre(s) : voir le rapport complet.`,
    checked: (when) => `Vérifié le ${when}.`,
    run: (url) => `[La page de l'exécution](${url}).`,
    posted: (action, url) => `Commentaire de la pull request ${action === 'created' ? 'publié' : 'mis à jour'} : ${url}`,
    notPosted: (reason) =>
      `Le commentaire de la pull request n'a pas pu être publié : ${reason}. Une pull request venant d'un fork reçoit un jeton en lecture seule ; sinon, donnez au job \`permissions: pull-requests: write\`. Le verdict ci-dessus reste valable.`,
    watchFailed: (reason) => `Le ticket de surveillance n'a pas pu être mis à jour : ${reason}. Donnez au job \`permissions: issues: write\`.`,
    watched: (action, url) => `Ticket de surveillance ${{ opened: 'ouvert', updated: 'mis à jour', closed: 'fermé' }[action]} : ${url}`,
    nothingToWatch: "Aucun ticket de surveillance n'est ouvert, et aucun n'est nécessaire : rien de nouveau n'a été trouvé.",
  },
  html: {
    title: (status, site) => `Contrôle du consentement, ${FR.headline[status].toLowerCase()} : ${site}`,
    counts: ['nouvelles erreurs', 'nouveaux avertissements', 'pages non analysées', 'connus (baseline)', 'autorisés par la politique'],
    meta: (pages, jurisdiction, defaults) => `${FR.pages(pages)} · règles de la politique ${jurisdiction}${defaults ? ' (par défaut)' : ''}`,
    builtWith: (tool, chromium) => `${tool} avec Chromium ${chromium}`,
    visitedHeading: 'Ce qui a été visité',
    visitedSummary: 'Comment chaque page a été visitée',
    visitedIntro: (summaries) => `Chaque page a été ouverte comme par un nouveau visiteur : ${summaries}.`,
    visitsCaption: 'Pages et visites',
    pageHeading: 'Page',
    notAskedFor: 'non demandée',
    notScanned: 'non analysée',
    noFindings: 'aucun constat',
    on: 'Sur',
    onPages: (v) => `Sur ${v} pages :`,
    badge: { error: 'erreur', warn: 'avertissement', baselined: 'dans la baseline', allowed: 'autorisé' },
    found: 'Constaté',
    company: 'Société',
    notKnown: 'inconnue',
    party: { first: 'propriétaire (first party)', third: 'tiers' },
    purpose: {
      necessary: 'Strictement nécessaire',
      preferences: 'Préférences',
      analytics: "Mesure d'audience (statistiques)",
      marketing: 'Marketing',
      social: 'Réseaux sociaux',
      unknown: 'Inconnue',
    },
    allowedBecause: 'Autorisé parce que',
    knownBecause: 'Connu parce que',
    note: 'Remarque',
    howItGotThere: 'Comment il est arrivé là',
    onPage: (page) => ` (sur ${page})`,
    whatTheLawAsks: 'Ce que demande la loi :',
    evidence: (rule, fingerprint) => `Preuves (${rule}, empreinte ${fingerprint})`,
    findingsHeading: 'À corriger',
    findingsIntro: (findings, causes) =>
      `${n(findings, 'constat', 'constats')}, issus de ${n(causes, 'cause', 'causes')} : chaque carte est un endroit à corriger, avec tout ce qu'il provoque. Ses détails gardent les preuves de chaque constat.`,
    causesCaption: "Ce qu'elle provoque",
    causeHeadings: ['Constat', 'Règle', 'Société et finalité', 'Visite', 'Pages', 'Vu pour la première fois'],
    detailsOf: (v) => `Preuves ${v === 1 ? 'du constat' : `des ${v} constats`}`,
    seeRule: 'la règle',
    rulesHeading: 'Les règles',
    rulesIntro: 'Ce que demande chaque règle de ce rapport, en mots simples, et le droit sur lequel elle repose.',
    timelineIntro:
      "Temps réel depuis le début de la visite, tel que la gate l'a mesuré : la première requête, le premier cookie ou stockage de chaque traceur, le moment où la gate a vu la bannière à l'écran (elle a pu apparaître un peu plus tôt) et le clic. Les marques sur fond rouge se sont déclenchées avant que la bannière soit visible, ou après que le visiteur a refusé ou seulement fait défiler la page.",
    timelineTitle: (page, visit) => `Quand chaque traceur s'est déclenché sur ${page} : ${visit.toLowerCase()}`,
    bannerSeen: 'bannière vue',
    action: { scroll: 'défilement', reject: 'refus', save: 'enregistré tel quel', accept: 'acceptation', withdraw: 'retrait du consentement' },
    band: { beforeBanner: 'avant la bannière', noBanner: 'aucune bannière cookies', afterRefusal: 'après le refus', afterScroll: 'après défilement, sans choix' },
    mark: (vendor, what, time, band) => `${vendor} : ${what} à ${time}${band ? `, ${band}` : ''}`,
    at: (what, time) => `${what} à ${time}`,
    nothingAnywhere: "Rien à signaler : aucun suivi n'a été observé sur aucune page, lors d'aucune visite.",
    pagesHeading: "Pages, et quand chaque traceur s'est déclenché",
    screenshotPage: ["La page telle qu'un nouveau visiteur l'a vue", "Ce qu'un nouveau visiteur a vu, avant tout choix"],
    screenshotBanner: ['La bannière cookies', 'La bannière cookies'],
    nothingOnPage: "Rien à signaler : aucun suivi n'a été observé sur cette page, lors d'aucune visite.",
    storedHeading: 'Stocké après acceptation',
    noInventory: "Aucune visite n'a pu accepter une bannière cookies : il n'y a donc pas d'inventaire de ce que le site stocke avec le consentement.",
    storedIntro: 'Tout ce que le site a stocké une fois le visiteur d\'accord : le tableau que doit contenir une politique cookies. Reprenez-le dans la politique et vérifiez chaque finalité.',
    storedCaption: 'Cookies et stockage après acceptation',
    storedSummary: (v) => `${n(v, 'cookie ou clé de stockage', 'cookies et clés de stockage')} : le tableau`,
    storedHeadings: ['Nom', 'Type', 'Société', 'Finalité', 'Durée de conservation', 'Partie', 'Déclaré', 'Pages'],
    declared: { yes: 'oui', no: 'non : absent de la déclaration', unknown: 'non vérifié' },
    kind: { cookie: 'cookie', storage: 'stockage du navigateur' },
    thirdParty: (domain) => `tiers (${domain})`,
    nothingStored: "Rien n'a été stocké.",
    lifetime: {
      storage: "pas d'expiration (stockage du navigateur)",
      session: "jusqu'à la fermeture du navigateur",
      years: (years, days) => `${years.toLocaleString('fr')} ans (${days} jours)`,
      days: (v) => n(v, 'jour', 'jours'),
    },
    fixedHeading: 'Corrigés depuis la baseline',
    fixedEntry: (rule, subject, pages) => `${rule} : ${subject} sur ${pages}`,
    footer: (tool, seconds, thirdPartyWeb, openCookieDatabase) =>
      `Produit par ${tool} en ${seconds} s. Sociétés et finalités issues de third-party-web ${thirdPartyWeb} et de l'Open Cookie Database ${openCookieDatabase}. Les valeurs des cookies et les identifiants des visiteurs ne sont jamais affichés.`,
    chain: {
      page: 'la page',
      html: 'chargé par une balise du HTML',
      script: 'chargé par un script',
      redirect: "atteint par une redirection depuis l'étape au-dessus",
      frame: 'chargé dans le document au-dessus',
      unknown: "chargé par un élément que le navigateur n'a pas attribué",
    },
    chainAt: (line, where) => ` à la ligne ${line} ${where === 'page' ? 'de la page' : where === 'document' ? 'du document au-dessus' : 'du script au-dessus'}`,
    setByAbove: "déposé par l'étape au-dessus",
    writtenByAbove: "écrit par l'étape au-dessus",
  },
};
