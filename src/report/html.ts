import { VISITS, visitOf } from '../config/visits.js';
import { plural } from '../shared/text.js';
import type { Category, Finding, GateResult, InventoryEntry, PageResult, Phase } from '../types.js';
import { chainSteps } from './text/chain.js';
import { coverageLine, coverageReasons } from './text/coverage.js';
import { escapeMarkup as esc } from './text/escape.js';
import type { ReportFormat } from './format.js';
import { HTML_STYLE } from './html-style.js';
import { pageLabel } from '../shared/url.js';
import { subjectLabel } from './text/subject.js';
import { ruleOf } from './text/rules.js';
import { groupAcrossPages, type FindingGroup } from './text/group.js';
import { repoPath } from './text/location.js';

/**
 * One self-contained file for a reader who is not a developer (a privacy officer, a site owner):
 * the verdict, what was visited, each finding with its vendor, purpose, the law in plain words and
 * the trail that loaded it, pictures of what the visitor saw, and the after-accept inventory.
 * No scripts, no external resources: its CSP forbids them, so it opens the same offline.
 */

const PHASE_LABEL = (phase: Phase): string => visitOf(phase).label;

const PURPOSE: Record<Category, string> = {
  necessary: 'Strictly necessary',
  preferences: 'Preferences',
  analytics: 'Statistics (analytics)',
  marketing: 'Marketing',
  social: 'Social media',
  unknown: 'Unknown',
};


function lifetime(entry: InventoryEntry): string {
  if (entry.kind === 'storage') return 'no expiry (browser storage)';
  const days = entry.lifetimeDays;
  if (days === null) return 'until the browser closes';
  if (days >= 365) return `${+(days / 365).toFixed(1)} years (${days} days)`;
  return plural(days, 'day');
}

/**
 * What the report is about: a deployed site by its host, a served folder or a started project by its
 * name; never the loopback address that died with the scan.
 */
function siteName(gate: GateResult): string {
  return gate.target.name ?? [...new Set(gate.pages.map((p) => new URL(p.url).host))].join(', ');
}

/** A URL as the reader can use it: on a loopback server that is gone, by its path alone. */
function shownUrl(gate: GateResult, url: string): string {
  if (!gate.target.ephemeral) return url;
  const site = gate.pages.map((p) => new URL(p.url).origin);
  try {
    return site.includes(new URL(url).origin) ? pageLabel(url) : url;
  } catch {
    return url;
  }
}

function header(gate: GateResult): string {
  const { verdict } = gate;
  const counts: [number, string][] = [
    [verdict.errors, 'new errors'],
    [verdict.warnings, 'new warnings'],
    [verdict.scanErrors, 'pages not scanned'],
    [verdict.baselined, 'known (baseline)'],
    [verdict.allowed, 'allowed by policy'],
  ];
  return `<header class="verdict ${verdict.status}"><div>
<h1>Consent check ${esc(verdict.status)}: ${esc(siteName(gate))}</h1>
<p>${esc(verdict.reason)}.</p>
<ul class="counts">${counts.map(([n, label]) => `<li><strong>${n}</strong> ${esc(label)}</li>`).join('')}</ul>
<p class="coverage">Pages: ${esc(coverageLine(gate.coverage))}.${coverageReasons(gate.coverage).map((reason) => ` ${esc(reason)}`).join('')}</p>
<p class="meta">${esc(new Date(gate.startedAt).toUTCString())} · ${plural(gate.pages.length, 'page')} · rules of the ${esc(gate.policy.jurisdiction)} policy${gate.policy.path ? '' : ' (defaults)'} · ${esc(gate.tool.name)} ${esc(gate.tool.version)} with Chromium ${esc(gate.browser.version)}</p>
</div></header>`;
}

/** Where each page's section is, by URL: the table and the findings link to it. */
type PageAnchors = Map<string, string>;

/** One cell of the pages × phases table: what that visit found, or why it did not happen. */
function matrixCell(page: PageResult, phase: Phase, findings: Finding[]): string {
  const scan = page.phases.find((s) => s.phase === phase);
  if (!scan) return `<td class="skipped">${esc(page.skipped.find((s) => s.phase === phase)?.reason ?? 'not asked for')}</td>`;
  if (scan.error) return `<td class="error">not scanned<small>${esc(scan.error)}</small></td>`;
  const mine = findings.filter((f) => f.phase === phase && f.status === 'new');
  const errors = mine.filter((f) => f.severity === 'error').length;
  const warnings = mine.length - errors;
  const text = errors || warnings ? [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ') : phase === 'initial' ? 'clean' : 'no findings';
  const action = scan.action ? `<small>${esc(scan.action.detail)}</small>` : '';
  return `<td class="${errors ? 'error' : warnings ? 'warn' : 'ok'}">${text}${action}</td>`;
}

function matrix(gate: GateResult, anchors: PageAnchors): string {
  const rows = gate.pages.map((page) => {
    const findings = gate.findings.filter((f) => f.page === page.url);
    return `<tr><th scope="row"><a href="#${anchors.get(page.url)}">${esc(pageLabel(page.url))}</a></th>${VISITS.map((v) => matrixCell(page, v.id, findings)).join('')}</tr>`;
  });
  return `<h2>What was visited</h2>
<p>Each page was opened as a first-time visitor: ${esc(VISITS.map((v) => v.summary).join('; '))}.</p>
<table><caption class="meta">Pages and visits</caption><thead><tr><th>Page</th>${VISITS.map((v) => `<th>${esc(v.label)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function pagesLine(pages: string[], anchors: PageAnchors): string {
  const links = pages.map((url) => `<a href="#${anchors.get(url)}">${esc(pageLabel(url))}</a>`).join(', ');
  return `<p class="pages">${pages.length === 1 ? 'On' : `On ${pages.length} pages:`} ${links}</p>`;
}

function finding({ finding: f, pages }: FindingGroup, id: string, anchors: PageAnchors, gate: GateResult): string {
  const rule = ruleOf(gate, f);
  const known = f.status !== 'new';
  const badge = known ? `<span class="badge known">${f.status}</span>` : `<span class="badge ${f.severity}">${f.severity === 'error' ? 'error' : 'warning'}</span>`;
  const party = f.party ? `, ${f.party} party` : '';
  const facts: [string, string][] = [
    ['Found', PHASE_LABEL(f.phase).toLowerCase()],
    ...(f.subject.kind === 'page' || f.subject.kind === 'banner' ? [] : ([['Company', `${f.vendor ?? 'not known'} · ${PURPOSE[f.category]}${party}`]] as [string, string][])),
    ...(f.because ? ([[f.status === 'allowed' ? 'Allowed because' : 'Known because', f.because]] as [string, string][]) : []),
    ...f.notes.map((note): [string, string] => ['Note', note]),
  ];
  const steps = chainSteps(f);
  // The trail is the same on every page but the first step: shown once, from the first page.
  const from = pages.length > 1 ? ` (on ${esc(pageLabel(f.page))})` : '';
  const chain =
    steps.length > 0
      ? `<p><strong>How it got there</strong>${from}</p><ol class="chain">${steps.map((s) => `<li><code>${esc(shownUrl(gate, s.url))}</code><span>${esc(s.how)}</span></li>`).join('')}</ol>`
      : '';
  return `<div class="finding ${known ? f.status : f.severity}" id="${id}">
<h4>${badge} ${esc(rule?.title ?? f.rule)}: ${esc(subjectLabel(f))}</h4>
${pagesLine(pages, anchors)}
<p>${esc(f.message)}.</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${rule ? `<div class="law"><strong>What the law asks:</strong> ${esc(rule.plainWords)}<small>${esc(rule.legalBasis)}</small></div>` : ''}
${chain}
<details><summary>Evidence (${esc(f.rule)}, fingerprint ${esc(f.fingerprint)})</summary><ul>${f.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></details>
</div>`;
}

const ORDER = (f: Finding): number => (f.status === 'new' ? (f.severity === 'error' ? 0 : 1) : f.status === 'baselined' ? 2 : 3);

/** Each thing to fix once, with the pages it was seen on, worst first. */
function findings(groups: FindingGroup[], anchors: PageAnchors, gate: GateResult): string {
  if (groups.length === 0) return '<h2>Findings</h2>\n<p>Nothing to report: no tracking was seen on any page in any visit.</p>';
  return `<h2>Findings</h2>\n${groups.map((group, i) => finding(group, `finding-${i + 1}`, anchors, gate)).join('\n')}`;
}

function pageSection(page: PageResult, id: string, groups: FindingGroup[], gate: GateResult): string {
  const mine = groups.map((group, i) => ({ group, id: `finding-${i + 1}` })).filter(({ group }) => group.pages.includes(page.url));
  const shots = page.phases[0]?.screenshots;
  const figures = [
    shots?.page ? `<figure><img src="${shots.page}" alt="The page as a first-time visitor saw it"><figcaption>What a first-time visitor saw, before any choice</figcaption></figure>` : '',
    shots?.banner ? `<figure><img src="${shots.banner}" alt="The consent banner"><figcaption>The consent banner</figcaption></figure>` : '',
  ].join('');
  // The file it was built into when served from a folder; the URL only where it still answers.
  const where = repoPath(gate.target.files[page.url]) ?? (gate.target.ephemeral ? null : page.url);
  const list =
    mine.length > 0
      ? `<ul class="page-findings">${mine.map(({ group: { finding: f }, id: to }) => `<li><a href="#${to}">${esc(ruleOf(gate, f)?.title ?? f.rule)}: ${esc(subjectLabel(f))}</a> <span class="meta">${f.status === 'new' ? (f.severity === 'error' ? 'error' : 'warning') : f.status}</span></li>`).join('')}</ul>`
      : '<p>Nothing to report: no tracking was seen on this page in any visit.</p>';
  return `<section class="page" id="${id}"><h3>${esc(pageLabel(page.url))}${where ? ` <span class="meta">${esc(where)}</span>` : ''}</h3>
${figures ? `<div class="shots">${figures}</div>` : ''}
${list}
</section>`;
}

function inventory(gate: GateResult): string {
  const accepted = gate.pages.some((p) => p.phases.some((s) => s.phase === 'after-accept' && s.action?.done));
  if (!accepted) return '<h2>Stored after accepting</h2><p>No visit could accept a consent banner, so there is no inventory of what the site stores with consent.</p>';
  const rows = gate.inventory.map(
    (e) =>
      `<tr><td><code>${esc(e.name)}</code></td><td>${e.kind === 'cookie' ? 'cookie' : 'browser storage'}</td><td>${esc(e.vendor ?? 'not known')}</td><td>${PURPOSE[e.category]}</td><td>${esc(lifetime(e))}</td><td>${e.party === 'first' ? 'first party' : `third party (${esc(e.domain)})`}</td><td>${esc(e.pages.join(', '))}</td></tr>`,
  );
  return `<h2>Stored after accepting</h2>
<p>Everything the site stored once the visitor accepted: the table a cookie policy must carry. Copy it into the policy and check each purpose.</p>
<table><caption class="meta">Cookies and storage after accepting</caption><thead><tr><th>Name</th><th>Kind</th><th>Company</th><th>Purpose</th><th>Lifetime</th><th>Party</th><th>Pages</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="7">Nothing was stored.</td></tr>'}</tbody></table>`;
}

function fixed(gate: GateResult): string {
  const entries = gate.baseline.fixed;
  if (entries.length === 0) return '';
  return `<h2>Fixed since the baseline</h2><ul>${entries.map((e) => `<li>${esc(e.rule)}: ${esc(e.subject.kind)} ${esc(e.subject.name ?? e.subject.host ?? '')} on ${esc(e.pages.join(', '))}</li>`).join('')}</ul>`;
}

export function formatHtml(gate: GateResult): string {
  const groups = groupAcrossPages([...gate.findings].sort((a, b) => ORDER(a) - ORDER(b)));
  const anchors: PageAnchors = new Map(gate.pages.map((page, i) => [page.url, `page-${i + 1}`]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent check ${esc(gate.verdict.status)}: ${esc(siteName(gate))} · ${esc(gate.tool.name)}</title>
<style>${HTML_STYLE}</style></head>
<body>
${header(gate)}
<main>
${matrix(gate, anchors)}
${findings(groups, anchors, gate)}
<h2>Pages</h2>
${gate.pages.map((page) => pageSection(page, anchors.get(page.url)!, groups, gate)).join('\n')}
${inventory(gate)}
${fixed(gate)}
<footer>Made by ${esc(gate.tool.name)} ${esc(gate.tool.version)} in ${(gate.durationMs / 1000).toFixed(1)} s. Vendors and purposes from third-party-web ${esc(gate.data.thirdPartyWeb)} and the Open Cookie Database ${esc(gate.data.openCookieDatabase)}. Cookie values and visitor identifiers are never shown.</footer>
</main>
</body></html>
`;
}

export const html: ReportFormat = { name: 'html', file: 'consent-gate.html', render: formatHtml, screenshots: true };
