import { VISITS } from '../config/visits.js';
import type { Finding, GateResult, InventoryEntry, Lang, PageResult, Phase } from '../types.js';
import { causeTitle } from './text/cause.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { escapeMarkup as esc } from './text/escape.js';
import type { ReportFormat } from './format.js';
import { causeCards, ruleLegend, type PageAnchors } from './html-causes.js';
import { HTML_STYLE } from './html-style.js';
import { timeline } from './html-timeline.js';
import { pageLabel } from '../shared/url.js';
import { wordsFor, type Words } from './words/index.js';
import { groupByCause, type CauseGroup } from './text/group.js';
import { repoPath } from './text/location.js';
import { siteName } from './text/site.js';

/**
 * One self-contained file for a reader who is not a developer (a privacy officer, a site owner):
 * the verdict, then what to fix, one card per cause (the tag, the container, the script) with all it
 * causes; per page what the visitor saw and a timeline of when each tracker fired; what was visited;
 * the after-accept inventory; the law once per rule. No scripts, no external resources: its CSP
 * forbids them, so it opens the same offline.
 */

function lifetime(entry: InventoryEntry, words: Words): string {
  const said = words.html.lifetime;
  if (entry.kind === 'storage') return said.storage;
  const days = entry.lifetimeDays;
  if (days === null) return said.session;
  if (days >= 365) return said.years(+(days / 365).toFixed(1), days);
  return said.days(days);
}


function header(gate: GateResult, words: Words): string {
  const { verdict } = gate;
  const said = words.html;
  const counts = [verdict.errors, verdict.warnings, verdict.scanErrors, verdict.baselined, verdict.allowed].map((n, i): [number, string] => [n, said.counts[i]!]);
  const meta = [new Date(gate.startedAt).toUTCString(), said.meta(gate.pages.length, gate.policy.jurisdiction, !gate.policy.path), said.builtWith(`${gate.tool.name} ${gate.tool.version}`, gate.browser.version)];
  return `<header class="verdict ${verdict.status}"><div>
<h1>${esc(said.title(verdict.status, siteName(gate)))}</h1>
<p>${esc(words.reason(verdict, gate.policy.failOn))}.</p>
<ul class="counts">${counts.map(([n, label]) => `<li><strong>${n}</strong> ${esc(label)}</li>`).join('')}</ul>
<p class="coverage">${esc(words.markdown.pagesLabel)}: ${esc(coverageLine(gate.coverage, words))}.${coverageReasons(gate.coverage, words).map((reason) => ` ${esc(reason)}`).join('')}</p>
<p class="meta">${esc(meta.join(' · '))}</p>
</div></header>`;
}

/** One cell of the pages × phases table: what that visit found, or why it did not happen. */
function matrixCell(page: PageResult, phase: Phase, findings: Finding[], words: Words): string {
  const scan = page.phases.find((s) => s.phase === phase);
  if (!scan) return `<td class="skipped">${esc(page.skipped.find((s) => s.phase === phase)?.reason ?? words.html.notAskedFor)}</td>`;
  if (scan.error) return `<td class="error">${esc(words.html.notScanned)}<small>${esc(scan.error)}</small></td>`;
  const mine = findings.filter((f) => f.phase === phase && f.status === 'new');
  const errors = mine.filter((f) => f.severity === 'error').length;
  const warnings = mine.length - errors;
  const text = errors || warnings ? [errors ? words.errors(errors) : '', warnings ? words.warnings(warnings) : ''].filter(Boolean).join(', ') : phase === 'initial' ? words.clean : words.html.noFindings;
  const action = scan.action ? `<small>${esc(words.action(scan.action))}</small>` : '';
  return `<td class="${errors ? 'error' : warnings ? 'warn' : 'ok'}">${esc(text)}${action}</td>`;
}

function matrix(gate: GateResult, anchors: PageAnchors, words: Words): string {
  const said = words.html;
  const rows = gate.pages.map((page) => {
    const findings = gate.findings.filter((f) => f.page === page.url);
    return `<tr><th scope="row"><a href="#${anchors.get(page.url)}">${esc(pageLabel(page.url))}</a></th>${VISITS.map((v) => matrixCell(page, v.id, findings, words)).join('')}</tr>`;
  });
  return `<h2>${esc(said.visitedHeading)}</h2>
<details><summary>${esc(said.visitedSummary)}</summary><p>${esc(said.visitedIntro(VISITS.map((v) => words.phase[v.id].summary).join('; ')))}</p></details>
<table><caption class="meta">${esc(said.visitsCaption)}</caption><thead><tr><th scope="col">${esc(said.pageHeading)}</th>${VISITS.map((v) => `<th scope="col">${esc(words.phase[v.id].label)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function pageSection(page: PageResult, id: string, groups: readonly CauseGroup[], gate: GateResult, words: Words): string {
  const said = words.html;
  const mine = groups.map((group, i) => ({ group, id: `cause-${i + 1}` })).filter(({ group }) => group.pages.includes(page.url));
  const shots = page.phases[0]?.screenshots;
  const figures = [
    shots?.page ? `<figure><img src="${shots.page}" alt="${esc(said.screenshotPage[0])}"><figcaption>${esc(said.screenshotPage[1])}</figcaption></figure>` : '',
    shots?.banner ? `<figure><img src="${shots.banner}" alt="${esc(said.screenshotBanner[0])}"><figcaption>${esc(said.screenshotBanner[1])}</figcaption></figure>` : '',
  ].join('');
  // The file it was built into when served from a folder; the URL only where it still answers.
  const where = repoPath(gate.target.files[page.url]) ?? (gate.target.ephemeral ? null : page.url);
  const findings = gate.findings.filter((f) => f.page === page.url);
  const timelines = page.phases
    .filter((scan) => scan.error === null && findings.some((f) => f.phase === scan.phase))
    .map((scan) => timeline(page, scan, findings.filter((f) => f.phase === scan.phase), `${id}-${scan.phase}`, pageLabel(page.url), words))
    .join('\n');
  const list =
    mine.length > 0
      ? `<ul class="page-causes">${mine.map(({ group, id: to }) => `<li><a href="#${to}">${esc(causeTitle(group, gate, words))}</a></li>`).join('')}</ul>`
      : `<p>${esc(said.nothingOnPage)}</p>`;
  return `<section class="page" id="${id}"><h3>${esc(pageLabel(page.url))}${where ? ` <span class="meta">${esc(where)}</span>` : ''}</h3>
<div class="page-body">${figures ? `<div class="shots">${figures}</div>` : ''}<div class="timelines">${list}
${timelines}</div></div>
</section>`;
}

/** Whether the site's own declaration names it: the cookie-not-declared rule's answer, per row. */
function declaredCell(entry: InventoryEntry, words: Words): string {
  const state = entry.declared === true ? 'yes' : entry.declared === false ? 'no' : 'unknown';
  return `<td class="declared-${state}">${esc(words.html.declared[state])}</td>`;
}

function inventory(gate: GateResult, words: Words): string {
  const said = words.html;
  const heading = `<h2>${esc(said.storedHeading)}</h2>`;
  const accepted = gate.inventory.length > 0 || gate.pages.some((p) => p.phases.some((s) => s.phase === 'after-accept' && s.action?.done));
  if (!accepted) return `${heading}<p>${esc(said.noInventory)}</p>`;
  const rows = gate.inventory.map(
    (e) =>
      `<tr><td><code>${esc(e.name)}</code></td><td>${esc(said.kind[e.kind])}</td><td>${esc(e.vendor ?? said.notKnown)}</td><td>${esc(said.purpose[e.category])}</td><td>${esc(lifetime(e, words))}</td><td>${esc(e.party === 'first' ? said.party.first : said.thirdParty(e.domain))}</td>${declaredCell(e, words)}<td>${esc(e.pages.join(', '))}</td></tr>`,
  );
  // Collapsed: the table a cookie policy needs is long on a site that stores much, and the causes come first.
  return `${heading}
<p>${esc(said.storedIntro)}</p>
<details><summary>${esc(said.storedSummary(gate.inventory.length))}</summary>
<table><caption class="meta">${esc(said.storedCaption)}</caption><thead><tr>${said.storedHeadings.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n') || `<tr><td colspan="8">${esc(said.nothingStored)}</td></tr>`}</tbody></table></details>`;
}

function fixed(gate: GateResult, words: Words): string {
  const entries = gate.baseline.fixed;
  if (entries.length === 0) return '';
  const item = (e: (typeof entries)[number]): string => words.html.fixedEntry(e.rule, `${e.subject.kind} ${e.subject.name ?? e.subject.host ?? ''}`, e.pages.join(', '));
  return `<h2>${esc(words.html.fixedHeading)}</h2><ul>${entries.map((e) => `<li>${esc(item(e))}</li>`).join('')}</ul>`;
}

export function formatHtml(gate: GateResult, lang: Lang = 'en'): string {
  const words = wordsFor(lang);
  const said = words.html;
  const groups = groupByCause(gate);
  const anchors: PageAnchors = new Map(gate.pages.map((page, i) => [page.url, `page-${i + 1}`]));
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(said.title(gate.verdict.status, siteName(gate)))} · ${esc(gate.tool.name)}</title>
<style>${HTML_STYLE}</style></head>
<body>
${header(gate, words)}
<main>
${causeCards(groups, anchors, gate, words)}
<h2>${esc(said.pagesHeading)}</h2>
<p>${esc(said.timelineIntro)}</p>
${gate.pages.map((page) => pageSection(page, anchors.get(page.url)!, groups, gate, words)).join('\n')}
${matrix(gate, anchors, words)}
${inventory(gate, words)}
${ruleLegend(gate, words)}
${fixed(gate, words)}
<footer>${esc(said.footer(`${gate.tool.name} ${gate.tool.version}`, (gate.durationMs / 1000).toFixed(1), gate.data.thirdPartyWeb, gate.data.openCookieDatabase))}</footer>
</main>
</body></html>
`;
}

export const html: ReportFormat = { name: 'html', file: 'consent-gate.html', render: (gate, _place, lang) => formatHtml(gate, lang), screenshots: true };
