import { declaredLifetimeSeconds } from '../classify/lifetime.js';
import { judgeable, readDeclaration, sourceLabel, type Declaration, type Mention } from '../derive/declaration.js';
import { outlives } from '../derive/durations.js';
import type { ClassifiedScan } from '../types.js';
import { cookieHit, storageHit } from './evidence.js';
import type { Rule, RuleHit } from './rule.js';

const count = (n: number, total: number, noun: string): string => `${n} of ${total} ${noun}${total === 1 ? '' : 's'}`;

/** "/privacy/ names 4 of 7 cookies", for each of the site's own sources. */
function searched(declaration: Declaration, scan: ClassifiedScan): string[] {
  return declaration.sources.map((source) => {
    const label = sourceLabel(source, scan.url);
    const names = (list: { name: string }[]): number => list.filter(({ name }) => declaration.mentions(name).some((m) => m.source === source)).length;
    const cookies = scan.cookies.map((c) => ({ name: c.name }));
    const keys = scan.storage.map((s) => ({ name: s.key }));
    const parts = [count(names(cookies), cookies.length, 'cookie'), ...(keys.length > 0 ? [count(names(keys), keys.length, 'storage key')] : [])];
    return `${label} names ${parts.join(' and ')}${source.truncated ? ' (its text was cut at the size read)' : ''}`;
  });
}

/** Where a mention stands, for a message: "/cookies/" or "Klaro's configuration". */
const where = (mention: Mention, scan: ClassifiedScan): string => sourceLabel(mention.source, scan.url);

export const cookieNotDeclared: Rule = {
  meta: {
    id: 'cookie-not-declared',
    title: "Cookie missing from the site's cookie declaration",
    description:
      "A cookie or storage key stored after accepting (strictly necessary ones included) is not named in the site's own declaration: the cookie or privacy policy pages the page links, or the consent manager's cookie list; or the declaration gives it a shorter lifetime than it asks for. A declaration that could not be read is not reported.",
    legalBasis: 'GDPR art. 13; ePrivacy art. 5(3) (clear and comprehensive information); Belgian regulator (GBA/APD) cookie FAQ: per category, the cookies, their purpose, retention and third parties.',
    plainWords:
      "The cookie policy must say which cookies the site uses, what for, how long each is kept and who receives it. A cookie the site stores but the policy does not name, or keeps longer than the policy says, is one visitors were not told about.",
    translations: {
      nl: {
        title: 'Cookie ontbreekt in de cookieverklaring van de site',
        legalBasis: 'AVG art. 13; ePrivacyrichtlijn art. 5 lid 3 (duidelijke en volledige informatie); Gegevensbeschermingsautoriteit (GBA), FAQ cookies: per categorie de cookies, hun doel, bewaartermijn en de derden die ze ontvangen.',
        plainWords:
          'Het cookiebeleid moet zeggen welke cookies de site gebruikt, waarvoor, hoe lang elke cookie bewaard wordt en wie hem ontvangt. Een cookie die de site plaatst maar het beleid niet noemt, of langer bewaart dan het beleid zegt, is er een waarover bezoekers niet geïnformeerd zijn.',
        messages: {
          cookie: 'cookie "{{name}}" ({{domain}}) van {{vendor}} wordt na het aanvaarden geplaatst, maar de cookieverklaring van de site noemt hem niet',
          storage: '{{storage}}-sleutel "{{name}}" van {{vendor}} wordt na het aanvaarden opgeslagen, maar de cookieverklaring van de site noemt hem niet',
          shorter: 'cookie "{{name}}" van {{vendor}} vraagt {{days}} dagen bewaard te worden, maar {{where}} vermeldt "{{declared}}"',
        },
      },
      fr: {
        title: 'Cookie absent de la déclaration de cookies du site',
        legalBasis: "RGPD, art. 13 ; directive vie privée et communications électroniques, art. 5, § 3 (information claire et complète) ; Autorité de protection des données (APD), FAQ cookies : par catégorie, les cookies, leur finalité, leur durée de conservation et les tiers qui les reçoivent.",
        plainWords:
          "La politique cookies doit dire quels cookies le site utilise, pour quoi, combien de temps chacun est conservé et qui le reçoit. Un cookie que le site dépose sans que la politique le nomme, ou qu'il conserve plus longtemps qu'elle ne le dit, est un cookie dont les visiteurs n'ont pas été informés.",
        messages: {
          cookie: "le cookie « {{name}} » ({{domain}}) de {{vendor}} est déposé après l'acceptation, mais la déclaration de cookies du site ne le nomme pas",
          storage: "la clé {{storage}} « {{name}} » de {{vendor}} est enregistrée après l'acceptation, mais la déclaration de cookies du site ne la nomme pas",
          shorter: 'le cookie « {{name}} » de {{vendor}} demande à être conservé {{days}} jours, mais {{where}} indique « {{declared}} »',
        },
      },
    },
    defaultSeverity: 'warn',
    // Allowed before consent or not, a cookie must still be declared.
    allow: 'never',
    failClosed: false,
    tracking: false,
    visits: ['after-accept'],
    messages: {
      cookie: '{{vendor}} cookie "{{name}}" ({{domain}}) is stored after accepting, but the site\'s cookie declaration does not name it',
      storage: '{{vendor}} {{storage}} key "{{name}}" is stored after accepting, but the site\'s cookie declaration does not name it',
      shorter: '{{vendor}} cookie "{{name}}" asks to be kept {{days}} days, but {{where}} declares "{{declared}}"',
    },
  },
  check: (scan, page) => {
    // What the site stores with consent: a page whose accept could not be clicked shows nothing of it.
    if (!scan.action?.done) return [];
    const initial = page.phase('initial');
    const declaration = readDeclaration(initial?.declarations ?? [], initial?.siteDomains ?? []);
    if (!judgeable(declaration)) return [];
    const evidence = searched(declaration, scan);
    const hits: RuleHit[] = [];
    for (const cookie of scan.cookies) {
      const mentions = declaration.mentions(cookie.name);
      if (mentions.length === 0) {
        const hit = cookieHit(scan, cookie, 'cookie');
        hits.push({ ...hit, evidence: [...evidence, ...hit.evidence] });
        continue;
      }
      const asked = declaredLifetimeSeconds(cookie);
      const short = mentions.find((m) => m.duration !== null && outlives(asked, m.duration));
      if (!short) continue;
      // Whole days, as cookie-lifetime-too-long says them; a cookie of hours in hundredths.
      const days = (asked ?? 0) >= 86_400 ? Math.round(asked! / 86_400) : Math.round(asked! / 864) / 100;
      const hit = cookieHit(scan, cookie, 'shorter', { days, where: where(short, scan), declared: short.duration!.text });
      hits.push({ ...hit, evidence: [`${where(short, scan)} reads: ${short.line}`, ...hit.evidence] });
    }
    for (const item of scan.storage) {
      if (declaration.mentions(item.key).length > 0) continue;
      const hit = storageHit(scan, item, 'storage');
      hits.push({ ...hit, evidence: [...evidence, ...hit.evidence] });
    }
    return hits;
  },
};
