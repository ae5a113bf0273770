import type { Finding, GateResult } from '../types.js';
import { pageLabel } from '../shared/url.js';
import { causeTitle, sharedChain } from './text/cause.js';
import { chainSteps } from './text/chain.js';
import { escapeMarkup as esc } from './text/escape.js';
import { findingOrder, type CauseGroup, type FindingGroup } from './text/group.js';
import { findingMessage, ruleWords } from './text/rules.js';
import { subjectLabel } from './text/subject.js';
import type { Words } from './words/index.js';

/**
 * The HTML report's to-do list: one card per cause (see groupByCause), titled by where the fix goes,
 * with a table of everything it causes and, collapsed, every fact of each finding; and the legend of
 * the rules the cards link to, so the law is said once per rule, not once per finding.
 */

/** Where each page's section is, by URL: cards link to it. */
export type PageAnchors = Map<string, string>;

/** The origins of a result's pages, worked out once per result: every step of every chain asks. */
const originsOf = new WeakMap<GateResult, Set<string>>();
function siteOrigins(gate: GateResult): Set<string> {
  let origins = originsOf.get(gate);
  if (!origins) originsOf.set(gate, (origins = new Set(gate.pages.map((p) => new URL(p.url).origin))));
  return origins;
}

/** A URL as the reader can use it: on a loopback server that is gone, by its path alone. */
function shownUrl(gate: GateResult, url: string): string {
  if (!gate.target.ephemeral) return url;
  try {
    return siteOrigins(gate).has(new URL(url).origin) ? pageLabel(url) : url;
  } catch {
    return url;
  }
}

const ruleAnchor = (rule: string): string => `rule-${rule}`;
const statusOf = (f: Finding): string => (f.status === 'new' ? f.severity : 'known');
/** A finding's badge: its status when known, else its severity. */
const badgeOf = (f: Finding, words: Words): string => words.html.badge[f.status === 'new' ? f.severity : f.status];
const badge = (f: Finding, words: Words): string => `<span class="badge ${statusOf(f)}">${esc(badgeOf(f, words))}</span>`;

function pageLinks(pages: string[], anchors: PageAnchors): string {
  return pages.map((url) => `<a href="#${anchors.get(url)}">${esc(pageLabel(url))}</a>`).join(', ');
}

function chainList(steps: { url: string; how: string }[], gate: GateResult): string {
  return `<ol class="chain">${steps.map((s) => `<li><code>${esc(shownUrl(gate, s.url))}</code><span>${esc(s.how)}</span></li>`).join('')}</ol>`;
}

/** How many of each status a card holds: "3 errors, 1 warning, 2 allowed". */
function counts(findings: readonly Finding[], words: Words): string {
  const fresh = findings.filter((f) => f.status === 'new');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const parts = [
    errors ? `<span class="badge error">${esc(words.errors(errors))}</span>` : '',
    fresh.length > errors ? `<span class="badge warn">${esc(words.warnings(fresh.length - errors))}</span>` : '',
    ...(['baselined', 'allowed'] as const).map((status) => {
      const n = findings.filter((f) => f.status === status).length;
      return n ? `<span class="badge known">${esc(words.known(n, status))}</span>` : '';
    }),
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * The optional columns of a card's table: the visit and the pages only where they differ from row
 * to row (else the summary says them), the company and the time only where a row has one (a banner's
 * findings have neither).
 */
interface Columns {
  company: boolean;
  visit: boolean;
  pages: boolean;
  time: boolean;
}

const isAboutPage = (f: Finding): boolean => f.subject.kind === 'page' || f.subject.kind === 'banner';

/** One row of a card's table: one thing it causes, with the pages it was seen on. */
function row({ finding: f, pages }: FindingGroup, detail: string, columns: Columns, anchors: PageAnchors, gate: GateResult, words: Words): string {
  const said = words.html;
  const title = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  const company = isAboutPage(f) ? '' : `${f.vendor ?? said.notKnown} · ${said.purpose[f.category]}`;
  const seen = f.firstSeenMs === null ? '' : words.time(f.firstSeenMs);
  const cells = [
    `<td><a href="#${ruleAnchor(f.rule)}">${esc(title)}</a></td>`,
    columns.company ? `<td>${esc(company)}</td>` : '',
    columns.visit ? `<td>${esc(words.phase[f.phase].label)}</td>` : '',
    columns.pages ? `<td>${pageLinks(pages, anchors)}</td>` : '',
    columns.time ? `<td class="time">${esc(seen)}</td>` : '',
  ];
  return `<tr class="${statusOf(f)}"><th scope="row">${badge(f, words)} <a href="#${detail}">${esc(subjectLabel(f))}</a></th>${cells.join('')}</tr>`;
}

/** Every fact today's report gave a finding, collapsed under its card: the law is in the legend instead. */
function details({ finding: f, pages }: FindingGroup, id: string, anchors: PageAnchors, gate: GateResult, words: Words): string {
  const said = words.html;
  const party = f.party ? `, ${said.party[f.party]}` : '';
  const facts: [string, string][] = [
    [said.found, words.phase[f.phase].label.toLowerCase()],
    ...(isAboutPage(f) ? [] : ([[said.company, `${f.vendor ?? said.notKnown} · ${said.purpose[f.category]}${party}`]] as [string, string][])),
    ...(f.because ? ([[f.status === 'allowed' ? said.allowedBecause : said.knownBecause, f.because]] as [string, string][]) : []),
    ...f.notes.map((note): [string, string] => [said.note, note]),
  ];
  const steps = chainSteps(f, words);
  // The trail is the same on every page but the first step: shown once, from the first page.
  const from = pages.length > 1 ? esc(said.onPage(pageLabel(f.page))) : '';
  const chain = steps.length > 0 ? `<p><strong>${esc(said.howItGotThere)}</strong>${from}</p>${chainList(steps, gate)}` : '';
  const rule = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  return `<div class="finding ${f.status === 'new' ? f.severity : f.status}" id="${id}">
<h4>${badge(f, words)} ${esc(rule)}: ${esc(subjectLabel(f))}</h4>
<p class="pages">${esc(pages.length === 1 ? said.on : said.onPages(pages.length))} ${pageLinks(pages, anchors)}</p>
<p>${esc(findingMessage(f, words))}. <a href="#${ruleAnchor(f.rule)}">${esc(said.whatTheLawAsks)} ${esc(said.seeRule)}</a></p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${chain}
<p class="meta">${esc(said.evidence(f.rule, f.fingerprint))}</p><ul class="evidence">${f.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>
</div>`;
}

function card(group: CauseGroup, id: string, firstDetail: number, anchors: PageAnchors, gate: GateResult, words: Words): string {
  const said = words.html;
  const worst = [...group.findings].sort((a, b) => findingOrder(a) - findingOrder(b))[0]!;
  const companies = [...new Set(group.findings.filter((f) => f.vendor !== null || f.category !== 'unknown').map((f) => `${f.vendor ?? said.notKnown} (${said.purpose[f.category]})`))];
  const visits = [...new Set(group.findings.map((f) => words.phase[f.phase].label.toLowerCase()))];
  const summary = [counts(group.findings, words), `${esc(group.pages.length === 1 ? said.on : said.onPages(group.pages.length))} ${pageLinks(group.pages, anchors)}`, esc(visits.join(', ')), esc(companies.join(', '))];
  const detail = (i: number): string => `finding-${firstDetail + i}`;
  const shared = sharedChain(group);
  const steps = chainSteps(group.findings[0]!, words).slice(0, shared.length);
  const chain = steps.length > 0 ? `<div class="trail"><strong>${esc(said.howItGotThere)}:</strong> ${chainList(steps, gate)}</div>` : '';
  const columns: Columns = {
    company: group.findings.some((f) => !isAboutPage(f)),
    visit: new Set(group.entries.map((e) => e.finding.phase)).size > 1,
    pages: group.entries.some((e) => e.pages.length !== group.pages.length),
    time: group.findings.some((f) => f.firstSeenMs !== null),
  };
  const [what, rule, company, visit, pages, seen] = said.causeHeadings;
  const headings = [what, rule, columns.company && company, columns.visit && visit, columns.pages && pages, columns.time && seen].filter((h): h is string => typeof h === 'string');
  const quote = group.kind === 'banner' && group.label ? `<blockquote>${esc(group.label)}</blockquote>` : '';
  return `<section class="cause ${statusOf(worst)}" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${esc(causeTitle(group, gate, words))}</h3>
<p class="summary">${summary.filter(Boolean).join(' · ')}</p>
${quote}${chain}
<table class="caused"><caption>${esc(said.causesCaption)}</caption><thead><tr>${headings.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${group.entries.map((entry, i) => row(entry, detail(i), columns, anchors, gate, words)).join('\n')}</tbody></table>
<details><summary>${esc(said.detailsOf(group.findings.length))}</summary>
${group.entries.map((entry, i) => details(entry, detail(i), anchors, gate, words)).join('\n')}
</details>
</section>`;
}

/** The cards, worst first; each finding's details numbered across cards so every one has its own anchor. */
export function causeCards(groups: readonly CauseGroup[], anchors: PageAnchors, gate: GateResult, words: Words): string {
  const said = words.html;
  const heading = `<h2 id="to-fix">${esc(said.findingsHeading)}</h2>`;
  if (groups.length === 0) return `${heading}\n<p>${esc(said.nothingAnywhere)}</p>`;
  let next = 1;
  const cards = groups.map((group, i) => {
    const html = card(group, `cause-${i + 1}`, next, anchors, gate, words);
    next += group.entries.length;
    return html;
  });
  const findings = groups.reduce((sum, g) => sum + g.findings.length, 0);
  return `${heading}\n<p>${esc(said.findingsIntro(findings, groups.length))}</p>\n${cards.join('\n')}`;
}

/** The law once per rule the report shows, in plain words first: the cards link here. */
export function ruleLegend(gate: GateResult, words: Words): string {
  const shown = new Set(gate.findings.map((f) => f.rule));
  const rules = gate.rules.filter((rule) => shown.has(rule.id));
  if (rules.length === 0) return '';
  const said = words.html;
  const entries = rules.map((rule) => {
    const text = ruleWords(gate, rule.id, words) ?? rule;
    return `<div><dt id="${ruleAnchor(rule.id)}">${esc(text.title)} <code>${esc(rule.id)}</code></dt><dd>${esc(text.plainWords)}<small>${esc(text.legalBasis)}</small></dd></div>`;
  });
  return `<h2>${esc(said.rulesHeading)}</h2>
<p>${esc(said.rulesIntro)}</p>
<dl class="legend">${entries.join('\n')}</dl>`;
}
