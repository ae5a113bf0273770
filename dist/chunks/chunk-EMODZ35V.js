import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  DEFAULT_SETTINGS,
  EN,
  GateError,
  LANGS,
  PHASES,
  VISITS,
  chainSteps,
  consoleFormat,
  coverageLine,
  coverageReasons,
  didYouMean,
  failsGate,
  findingMessage,
  isScanFailure,
  json,
  pageLabel,
  parseShard,
  policySchema,
  progressLine,
  ruleWords,
  shortChain,
  subjectLabel,
  withoutQuery,
  wordsFor,
  writeFileAtomic
} from "./chunk-WECIVSLL.js";

// src/entry/config.ts
import { resolve } from "node:path";
var TARGET_KEYS = ["url", "start", "static"];
function gateOptions(flags, policy, cwd) {
  const fromFile = TARGET_KEYS.some((key) => flags[key] !== void 0) ? {} : policy.target;
  const keys = ["url", "start", "waitOn", "readyPattern", "static", "spa", "basePath"];
  const startTimeoutMs = flags.startTimeout ?? fromFile.startTimeout;
  const target = { ...pick(fromFile, keys), ...pick(flags, keys), ...startTimeoutMs !== void 0 ? { startTimeoutMs } : {} };
  return {
    policy: {
      ...policy,
      ...flags.baseline !== void 0 ? { baselinePath: resolve(cwd, flags.baseline) } : {},
      ...flags.failOn !== void 0 ? { failOn: flags.failOn } : {},
      ...flags.lang !== void 0 ? { lang: flags.lang } : {}
    },
    target,
    discover: {
      ...policy.discover,
      ...pick(flags, ["include", "exclude", "sitemap", "sitemapFind", "sitemapReplace", "crawl", "depth", "maxPages"]),
      pages: flags.pages ?? policy.pages
    },
    cwd,
    ...pick(flags, ["headers", "updateBaseline", "browserPath", "browserArgs", "timeoutMs", "maxTimeMs", "concurrency", "fastForwardMs", "phases", "retries", "shard"])
  };
}
function pick(value, keys) {
  return Object.fromEntries(keys.filter((k) => value[k] !== void 0).map((k) => [k, value[k]]));
}

// src/report/text/location.ts
import { isAbsolute, relative } from "node:path";
function findingLocation(result2, finding2) {
  const policy = repoPath(result2.policy.path);
  if (policy) return { path: policy, line: 1 };
  const page = repoPath(result2.target.files[finding2.page]);
  if (!page) return null;
  const tag = finding2.chain[1];
  return { path: page, line: tag?.via === "html" && tag.line ? tag.line : 1 };
}
function repoPath(file) {
  if (!file) return null;
  const path = relative(process.cwd(), file);
  return path.startsWith("..") || isAbsolute(path) ? null : path.split("\\").join("/");
}
var pageIdentity = (finding2) => `${finding2.fingerprint}:${pageLabel(finding2.page)}`;

// src/report/text/sentence.ts
function findingSentence(finding2, page) {
  const chain = shortChain(finding2);
  return [`${finding2.message} on ${page} (${finding2.phase}).`, finding2.evidence[0] ?? "", chain ? `Loaded via ${chain}.` : ""].filter(Boolean).join(" ");
}

// src/report/text/group.ts
function groupAcrossPages(findings2) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding2 of findings2) {
    const key = [finding2.fingerprint, finding2.status, finding2.severity, finding2.subject.kind === "page" ? finding2.page : ""].join("\n");
    const group = groups.get(key);
    if (!group) groups.set(key, { finding: finding2, pages: [finding2.page] });
    else if (!group.pages.includes(finding2.page)) group.pages.push(finding2.page);
  }
  return [...groups.values()];
}

// src/report/markdown.ts
var MAX_ROWS = 20;
var MAX_PAGES = 5;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
function verdictLine(gate, words = EN) {
  const { verdict } = gate;
  const icon = verdict.status === "passed" ? "\u2705" : verdict.status === "failed" ? "\u274C" : "\u26A0\uFE0F";
  return `${icon} ${words.markdown.verdict(verdict.status, verdict.errors, verdict.warnings, gate.pages.length, words.reason(verdict, gate.policy.failOn))}`;
}
function pagesCell(pages, words) {
  const named = pages.slice(0, MAX_PAGES).map(pageLabel).join(", ");
  return pages.length > MAX_PAGES ? words.markdown.andMore(named, pages.length - MAX_PAGES) : named;
}
function fullReport(place, words) {
  const others = place?.files.filter((file) => !file.endsWith(".md")) ?? [];
  const main = others.find((file) => file.endsWith(".html")) ?? others.find((file) => file.endsWith(".json")) ?? others[0];
  if (!place || !main) return null;
  const path = place.dir === "." ? main : `${place.dir}/${main}`;
  const where = place.runUrl ? words.markdown.onRunPage(place.runUrl, place.dir) : "";
  return `${words.markdown.fullReport(path)}${where}.`;
}
var markdown = {
  name: "markdown",
  file: "consent-gate.md",
  render: (gate, place, lang = "en") => {
    const words = wordsFor(lang);
    const said = words.markdown;
    const lines = [verdictLine(gate, words), "", `**${said.pagesLabel}:** ${coverageLine(gate.coverage, words)}.`, ...coverageReasons(gate.coverage, words).map((reason) => `- ${cell(reason)}`), ""];
    const groups = groupAcrossPages(gate.findings.filter((f) => f.status === "new"));
    if (groups.length > 0) {
      lines.push(`| ${said.headings.join(" | ")} |`, "| --- | --- | --- | --- | --- | --- |");
      for (const { finding: f, pages } of groups.slice(0, MAX_ROWS)) {
        const title = ruleWords(gate, f.rule, words)?.title;
        const rule = `${f.severity === "error" ? "\u{1F534}" : "\u{1F7E1}"} \`${f.rule}\`${title ? ` ${title}` : ""}`;
        lines.push(`| ${cell(pagesCell(pages, words))} | ${words.phase[f.phase].short} | ${cell(rule)} | ${cell(subjectLabel(f))} | ${cell(words.vendor(f.vendor, f.category))} | ${cell(shortChain(f) ?? "")} |`);
      }
      if (groups.length > MAX_ROWS) lines.push("", said.moreRows(groups.length - MAX_ROWS));
      lines.push("");
    }
    const { verdict } = gate;
    lines.push(`${said.counts(verdict.baselined, verdict.allowed, verdict.fixed)}${verdict.fixed > 0 ? said.pruneHint : ""}`);
    const trailer = fullReport(place, words);
    if (trailer) lines.push("", trailer);
    return lines.join("\n") + "\n";
  }
};

// src/report/codequality.ts
var codequality = {
  name: "codequality",
  file: "consent-gate.codequality.json",
  render: (gate) => {
    const issues = gate.findings.filter((f) => f.status !== "allowed").map((f) => {
      const at = findingLocation(gate, f);
      return {
        description: findingSentence(f, pageLabel(f.page)),
        check_name: f.rule,
        // One finding on several pages is several issues: the page is part of the identity here.
        fingerprint: pageIdentity(f),
        severity: isScanFailure(gate, f) ? "blocker" : f.severity === "error" ? "critical" : "minor",
        // GitLab's parser requires a location but not a path: with no file to point at, the issue stays, unplaced.
        location: at ? { path: at.path, lines: { begin: at.line } } : {}
      };
    });
    return JSON.stringify(issues, null, 2) + "\n";
  }
};

// src/report/text/escape.ts
var escapeMarkup = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

// src/report/html-style.ts
var HTML_STYLE = `
:root { --ok: #1a7f37; --error: #c62828; --warn: #a86400; --muted: #5f6b7a; --line: #d8dee4; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.verdict { padding: 1.5rem 1.25rem; color: #fff; }
.verdict.passed { background: var(--ok); } .verdict.failed { background: var(--error); } .verdict.incomplete { background: var(--warn); }
.verdict > div { max-width: 72rem; margin: 0 auto; }
.verdict h1 { margin: 0 0 .25rem; font-size: 1.9rem; }
.verdict p { margin: .25rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .75rem 0 0; padding: 0; list-style: none; }
.counts strong { font-size: 1.3rem; margin-right: .25rem; }
.meta { color: var(--muted); font-size: 13px; }
.verdict .meta { color: #ffffffd0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.ok { color: var(--ok); } td.error { color: var(--error); font-weight: 600; } td.warn { color: var(--warn); font-weight: 600; }
td.skipped { color: var(--muted); }
td small { display: block; color: var(--muted); font-weight: 400; }
.page { border: 1px solid var(--line); border-radius: 8px; padding: 0 1rem 1rem; margin: 1.25rem 0; }
.shots { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
figure { margin: 0; max-width: 100%; }
figure img { display: block; max-width: min(34rem, 100%); height: auto; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 13px; margin-top: .25rem; }
.finding { border-left: 4px solid var(--line); padding: .25rem 0 .25rem 1rem; margin: 1.25rem 0; }
.finding.error { border-color: var(--error); } .finding.warn { border-color: var(--warn); }
.finding.baselined, .finding.allowed { border-color: var(--line); opacity: .8; }
.finding h4 { margin: .25rem 0; font-size: 1.05rem; }
.finding .pages { margin: .1rem 0; color: var(--muted); }
ul.page-findings { margin: .5rem 0; padding-left: 1.25rem; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: 12px; font-weight: 600; color: #fff; vertical-align: 2px; }
.badge.error { background: var(--error); } .badge.warn { background: var(--warn); } .badge.known { background: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.law { background: var(--soft); border-radius: 6px; padding: .5rem .75rem; margin: .5rem 0; }
.law small { display: block; color: var(--muted); margin-top: .25rem; }
ol.chain { margin: .25rem 0; padding-left: 1.5rem; }
ol.chain li span { color: var(--muted); font-size: 13px; margin-left: .5rem; }
details { margin: .25rem 0; }
summary { cursor: pointer; color: var(--muted); }
footer { color: var(--muted); font-size: 13px; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; }
@media print { .verdict { color: #000; background: none !important; border-bottom: 3px solid #000; } .page { break-inside: avoid-page; } }
`;

// src/report/html.ts
function lifetime(entry, words) {
  const said = words.html.lifetime;
  if (entry.kind === "storage") return said.storage;
  const days = entry.lifetimeDays;
  if (days === null) return said.session;
  if (days >= 365) return said.years(+(days / 365).toFixed(1), days);
  return said.days(days);
}
function siteName(gate) {
  return gate.target.name ?? [...new Set(gate.pages.map((p) => new URL(p.url).host))].join(", ");
}
function shownUrl(gate, url) {
  if (!gate.target.ephemeral) return url;
  const site = gate.pages.map((p) => new URL(p.url).origin);
  try {
    return site.includes(new URL(url).origin) ? pageLabel(url) : url;
  } catch {
    return url;
  }
}
function header(gate, words) {
  const { verdict } = gate;
  const said = words.html;
  const counts = [verdict.errors, verdict.warnings, verdict.scanErrors, verdict.baselined, verdict.allowed].map((n, i) => [n, said.counts[i]]);
  const meta = [new Date(gate.startedAt).toUTCString(), said.meta(gate.pages.length, gate.policy.jurisdiction, !gate.policy.path), said.builtWith(`${gate.tool.name} ${gate.tool.version}`, gate.browser.version)];
  return `<header class="verdict ${verdict.status}"><div>
<h1>${escapeMarkup(said.title(verdict.status, siteName(gate)))}</h1>
<p>${escapeMarkup(words.reason(verdict, gate.policy.failOn))}.</p>
<ul class="counts">${counts.map(([n, label]) => `<li><strong>${n}</strong> ${escapeMarkup(label)}</li>`).join("")}</ul>
<p class="coverage">${escapeMarkup(words.markdown.pagesLabel)}: ${escapeMarkup(coverageLine(gate.coverage, words))}.${coverageReasons(gate.coverage, words).map((reason) => ` ${escapeMarkup(reason)}`).join("")}</p>
<p class="meta">${escapeMarkup(meta.join(" \xB7 "))}</p>
</div></header>`;
}
function matrixCell(page, phase, findings2, words) {
  const scan = page.phases.find((s) => s.phase === phase);
  if (!scan) return `<td class="skipped">${escapeMarkup(page.skipped.find((s) => s.phase === phase)?.reason ?? words.html.notAskedFor)}</td>`;
  if (scan.error) return `<td class="error">${escapeMarkup(words.html.notScanned)}<small>${escapeMarkup(scan.error)}</small></td>`;
  const mine = findings2.filter((f) => f.phase === phase && f.status === "new");
  const errors = mine.filter((f) => f.severity === "error").length;
  const warnings = mine.length - errors;
  const text = errors || warnings ? [errors ? words.errors(errors) : "", warnings ? words.warnings(warnings) : ""].filter(Boolean).join(", ") : phase === "initial" ? words.clean : words.html.noFindings;
  const action = scan.action ? `<small>${escapeMarkup(scan.action.detail)}</small>` : "";
  return `<td class="${errors ? "error" : warnings ? "warn" : "ok"}">${escapeMarkup(text)}${action}</td>`;
}
function matrix(gate, anchors, words) {
  const said = words.html;
  const rows = gate.pages.map((page) => {
    const findings2 = gate.findings.filter((f) => f.page === page.url);
    return `<tr><th scope="row"><a href="#${anchors.get(page.url)}">${escapeMarkup(pageLabel(page.url))}</a></th>${VISITS.map((v) => matrixCell(page, v.id, findings2, words)).join("")}</tr>`;
  });
  return `<h2>${escapeMarkup(said.visitedHeading)}</h2>
<p>${escapeMarkup(said.visitedIntro(VISITS.map((v) => words.phase[v.id].summary).join("; ")))}</p>
<table><caption class="meta">${escapeMarkup(said.visitsCaption)}</caption><thead><tr><th>${escapeMarkup(said.pageHeading)}</th>${VISITS.map((v) => `<th>${escapeMarkup(words.phase[v.id].label)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}
function pagesLine(pages, anchors, words) {
  const links = pages.map((url) => `<a href="#${anchors.get(url)}">${escapeMarkup(pageLabel(url))}</a>`).join(", ");
  return `<p class="pages">${escapeMarkup(pages.length === 1 ? words.html.on : words.html.onPages(pages.length))} ${links}</p>`;
}
var badgeOf = (f, words) => words.html.badge[f.status === "new" ? f.severity : f.status];
function finding({ finding: f, pages }, id, anchors, gate, words) {
  const said = words.html;
  const rule = ruleWords(gate, f.rule, words);
  const known = f.status !== "new";
  const badge = `<span class="badge ${known ? "known" : f.severity}">${escapeMarkup(badgeOf(f, words))}</span>`;
  const party = f.party ? `, ${said.party[f.party]}` : "";
  const facts = [
    [said.found, words.phase[f.phase].label.toLowerCase()],
    ...f.subject.kind === "page" || f.subject.kind === "banner" ? [] : [[said.company, `${f.vendor ?? said.notKnown} \xB7 ${said.purpose[f.category]}${party}`]],
    ...f.because ? [[f.status === "allowed" ? said.allowedBecause : said.knownBecause, f.because]] : [],
    ...f.notes.map((note) => [said.note, note])
  ];
  const steps = chainSteps(f, words);
  const from = pages.length > 1 ? escapeMarkup(said.onPage(pageLabel(f.page))) : "";
  const chain = steps.length > 0 ? `<p><strong>${escapeMarkup(said.howItGotThere)}</strong>${from}</p><ol class="chain">${steps.map((s) => `<li><code>${escapeMarkup(shownUrl(gate, s.url))}</code><span>${escapeMarkup(s.how)}</span></li>`).join("")}</ol>` : "";
  return `<div class="finding ${known ? f.status : f.severity}" id="${id}">
<h4>${badge} ${escapeMarkup(rule?.title ?? f.rule)}: ${escapeMarkup(subjectLabel(f))}</h4>
${pagesLine(pages, anchors, words)}
<p>${escapeMarkup(findingMessage(f, words))}.</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeMarkup(k)}</dt><dd>${escapeMarkup(v)}</dd>`).join("")}</dl>
${rule ? `<div class="law"><strong>${escapeMarkup(said.whatTheLawAsks)}</strong> ${escapeMarkup(rule.plainWords)}<small>${escapeMarkup(rule.legalBasis)}</small></div>` : ""}
${chain}
<details><summary>${escapeMarkup(said.evidence(f.rule, f.fingerprint))}</summary><ul>${f.evidence.map((e) => `<li>${escapeMarkup(e)}</li>`).join("")}</ul></details>
</div>`;
}
var ORDER = (f) => f.status === "new" ? f.severity === "error" ? 0 : 1 : f.status === "baselined" ? 2 : 3;
function findings(groups, anchors, gate, words) {
  const heading = `<h2>${escapeMarkup(words.html.findingsHeading)}</h2>`;
  if (groups.length === 0) return `${heading}
<p>${escapeMarkup(words.html.nothingAnywhere)}</p>`;
  return `${heading}
${groups.map((group, i) => finding(group, `finding-${i + 1}`, anchors, gate, words)).join("\n")}`;
}
function pageSection(page, id, groups, gate, words) {
  const said = words.html;
  const mine = groups.map((group, i) => ({ group, id: `finding-${i + 1}` })).filter(({ group }) => group.pages.includes(page.url));
  const shots = page.phases[0]?.screenshots;
  const figures = [
    shots?.page ? `<figure><img src="${shots.page}" alt="${escapeMarkup(said.screenshotPage[0])}"><figcaption>${escapeMarkup(said.screenshotPage[1])}</figcaption></figure>` : "",
    shots?.banner ? `<figure><img src="${shots.banner}" alt="${escapeMarkup(said.screenshotBanner[0])}"><figcaption>${escapeMarkup(said.screenshotBanner[1])}</figcaption></figure>` : ""
  ].join("");
  const where = repoPath(gate.target.files[page.url]) ?? (gate.target.ephemeral ? null : page.url);
  const list = mine.length > 0 ? `<ul class="page-findings">${mine.map(({ group: { finding: f }, id: to }) => `<li><a href="#${to}">${escapeMarkup(ruleWords(gate, f.rule, words)?.title ?? f.rule)}: ${escapeMarkup(subjectLabel(f))}</a> <span class="meta">${escapeMarkup(badgeOf(f, words))}</span></li>`).join("")}</ul>` : `<p>${escapeMarkup(said.nothingOnPage)}</p>`;
  return `<section class="page" id="${id}"><h3>${escapeMarkup(pageLabel(page.url))}${where ? ` <span class="meta">${escapeMarkup(where)}</span>` : ""}</h3>
${figures ? `<div class="shots">${figures}</div>` : ""}
${list}
</section>`;
}
function inventory(gate, words) {
  const said = words.html;
  const heading = `<h2>${escapeMarkup(said.storedHeading)}</h2>`;
  const accepted = gate.pages.some((p) => p.phases.some((s) => s.phase === "after-accept" && s.action?.done));
  if (!accepted) return `${heading}<p>${escapeMarkup(said.noInventory)}</p>`;
  const rows = gate.inventory.map(
    (e) => `<tr><td><code>${escapeMarkup(e.name)}</code></td><td>${escapeMarkup(said.kind[e.kind])}</td><td>${escapeMarkup(e.vendor ?? said.notKnown)}</td><td>${escapeMarkup(said.purpose[e.category])}</td><td>${escapeMarkup(lifetime(e, words))}</td><td>${escapeMarkup(e.party === "first" ? said.party.first : said.thirdParty(e.domain))}</td><td>${escapeMarkup(e.pages.join(", "))}</td></tr>`
  );
  return `${heading}
<p>${escapeMarkup(said.storedIntro)}</p>
<table><caption class="meta">${escapeMarkup(said.storedCaption)}</caption><thead><tr>${said.storedHeadings.map((h) => `<th>${escapeMarkup(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n") || `<tr><td colspan="7">${escapeMarkup(said.nothingStored)}</td></tr>`}</tbody></table>`;
}
function fixed(gate, words) {
  const entries = gate.baseline.fixed;
  if (entries.length === 0) return "";
  const item = (e) => words.html.fixedEntry(e.rule, `${e.subject.kind} ${e.subject.name ?? e.subject.host ?? ""}`, e.pages.join(", "));
  return `<h2>${escapeMarkup(words.html.fixedHeading)}</h2><ul>${entries.map((e) => `<li>${escapeMarkup(item(e))}</li>`).join("")}</ul>`;
}
function formatHtml(gate, lang = "en") {
  const words = wordsFor(lang);
  const said = words.html;
  const groups = groupAcrossPages([...gate.findings].sort((a, b) => ORDER(a) - ORDER(b)));
  const anchors = new Map(gate.pages.map((page, i) => [page.url, `page-${i + 1}`]));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(said.title(gate.verdict.status, siteName(gate)))} \xB7 ${escapeMarkup(gate.tool.name)}</title>
<style>${HTML_STYLE}</style></head>
<body>
${header(gate, words)}
<main>
${matrix(gate, anchors, words)}
${findings(groups, anchors, gate, words)}
<h2>${escapeMarkup(said.pagesHeading)}</h2>
${gate.pages.map((page) => pageSection(page, anchors.get(page.url), groups, gate, words)).join("\n")}
${inventory(gate, words)}
${fixed(gate, words)}
<footer>${escapeMarkup(said.footer(`${gate.tool.name} ${gate.tool.version}`, (gate.durationMs / 1e3).toFixed(1), gate.data.thirdPartyWeb, gate.data.openCookieDatabase))}</footer>
</main>
</body></html>
`;
}
var html = { name: "html", file: "consent-gate.html", render: (gate, _place, lang) => formatHtml(gate, lang), screenshots: true };

// src/report/junit.ts
var seconds = (ms2) => (ms2 / 1e3).toFixed(3);
function testcase(finding2, fails, scanFailure) {
  const name = escapeMarkup(`${finding2.rule} (${finding2.phase}): ${subjectLabel(finding2)}`);
  const trail = chainSteps(finding2).map((step) => `  ${step.url}  (${step.how})`);
  const detail = [finding2.message, ...finding2.evidence, ...trail.length > 1 ? ["Chain from the page:", ...trail] : []].join("\n");
  const body = scanFailure ? `<error message="${escapeMarkup(finding2.message)}">${escapeMarkup(detail)}</error>` : finding2.status !== "new" ? `<skipped message="${escapeMarkup(`${finding2.status}: ${finding2.because ?? ""}`.trim())}"/>` : fails ? `<failure message="${escapeMarkup(finding2.message)}" type="${finding2.rule}">${escapeMarkup(detail)}</failure>` : `<system-out>${escapeMarkup(`${finding2.severity}: ${detail}`)}</system-out>`;
  return `    <testcase classname="${escapeMarkup(pageLabel(finding2.page))}" name="${name}">${body}</testcase>`;
}
var junit = {
  name: "junit",
  file: "consent-gate.junit.xml",
  render: (gate) => {
    const failed = (f) => isScanFailure(gate, f);
    const fails = (f) => !failed(f) && failsGate(f, gate.policy.failOn);
    const suites = gate.pages.map((page) => {
      const findings2 = gate.findings.filter((f) => f.page === page.url);
      const cases = findings2.map((f) => testcase(f, fails(f), failed(f)));
      if (findings2.length === 0) cases.push(`    <testcase classname="${escapeMarkup(pageLabel(page.url))}" name="no tracking before consent"/>`);
      return {
        name: pageLabel(page.url),
        cases,
        failures: findings2.filter(fails).length,
        errors: findings2.filter(failed).length,
        skipped: findings2.filter((f) => f.status !== "new" && !failed(f)).length,
        ms: page.phases.reduce((sum, p) => sum + p.durationMs, 0)
      };
    });
    const total = (key) => suites.reduce((n, s) => n + s[key], 0);
    const tests = suites.reduce((n, s) => n + s.cases.length, 0);
    const body = suites.map(
      (s) => `  <testsuite name="${escapeMarkup(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${seconds(s.ms)}">
${s.cases.join("\n")}
  </testsuite>`
    );
    const header2 = `<testsuites name="consent-gate" tests="${tests}" failures="${total("failures")}" errors="${total("errors")}" time="${seconds(gate.durationMs)}">`;
    return `<?xml version="1.0" encoding="UTF-8"?>
${header2}
${body.join("\n")}
</testsuites>
`;
  }
};

// src/report/sarif.ts
var LEVEL = { error: "error", warn: "warning" };
function result(finding2, at, gate) {
  const suppressed = finding2.status === "new" ? {} : { suppressions: [{ kind: "external", status: "accepted", justification: finding2.because ?? `${finding2.status} in consent-gate` }] };
  return {
    ruleId: finding2.rule,
    ruleIndex: gate.rules.findIndex((r) => r.id === finding2.rule),
    level: LEVEL[finding2.severity],
    message: { text: findingSentence(finding2, pageLabel(finding2.page)) },
    locations: [
      {
        // No file to point at is no physical location, rather than one at a file that does not exist.
        ...at ? { physicalLocation: { artifactLocation: { uri: at.path }, region: { startLine: at.line } } } : {},
        logicalLocations: [{ fullyQualifiedName: pageLabel(finding2.page), kind: "resource" }]
      }
    ],
    // v2: per page. v1 was the subject alone, which folded one tracker on every page into one alert.
    partialFingerprints: { "consentGate/v2": pageIdentity(finding2) },
    properties: { page: finding2.page, fingerprint: finding2.fingerprint, phase: finding2.phase, category: finding2.category, vendor: finding2.vendor, party: finding2.party, status: finding2.status, evidence: finding2.evidence, chain: finding2.chain },
    ...suppressed
  };
}
var sarif = {
  name: "sarif",
  file: "consent-gate.sarif",
  render: (gate) => {
    const log = {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: gate.tool.name,
              version: gate.tool.version,
              informationUri: "https://www.npmjs.com/package/consent-gate",
              rules: gate.rules.map((rule) => ({
                id: rule.id,
                name: rule.title,
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.description },
                help: { text: `${rule.description}
Legal basis: ${rule.legalBasis}` },
                helpUri: rule.docsUrl,
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
                properties: { legalBasis: rule.legalBasis, tags: ["privacy", "consent"] }
              }))
            }
          },
          results: gate.findings.map((f) => result(f, findingLocation(gate, f), gate)),
          properties: { verdict: gate.verdict }
        }
      ]
    };
    return JSON.stringify(log, null, 2) + "\n";
  }
};

// src/report/index.ts
var REPORT_FORMATS = [consoleFormat, json, html, sarif, junit, codequality, markdown];
var FORMAT_NAMES = REPORT_FORMATS.map((f) => f.name);
function reportFormat(name) {
  return REPORT_FORMATS.find((f) => f.name === name);
}
function needsScreenshots(names) {
  return names.some((name) => reportFormat(name)?.screenshots === true);
}

// src/entry/options.ts
var schema = policySchema();
var limits = (def, key) => {
  const { minimum, maximum } = schema.$defs[def].properties[key];
  return { ...minimum !== void 0 ? { min: minimum } : {}, ...maximum !== void 0 ? { max: maximum } : {} };
};
function oneOf(allowed, what) {
  return ([value], name) => {
    if (allowed.includes(value)) return value;
    throw new GateError(`${name} takes ${allowed.map((a) => `"${a}"`).join(" or ")}; got "${value}".${didYouMean(value, allowed)}${what}`);
  };
}
function commaList(allowed, noun) {
  return (values, name) => {
    const list = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    for (const item of list) {
      if (!allowed.includes(item)) throw new GateError(`${name}: unknown ${noun} "${item}".${didYouMean(item, allowed)} Choose from: ${allowed.join(", ")}.`);
    }
    return list;
  };
}
function headers(values, name) {
  const result2 = {};
  for (const item of values) {
    const at = item.indexOf(":");
    const header2 = item.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header2)) {
      throw new GateError(`${name} takes "Name: value" (e.g. "x-vercel-protection-bypass: $TOKEN"); the header named "${header2 || "(none)"}" is not one.`);
    }
    result2[header2] = item.slice(at + 1).trim();
  }
  return result2;
}
var ms = (n) => `${n}`;
var OPTIONS = [
  { flag: "url", input: "url", kind: "string", key: "url", group: "Target", arg: "URL", help: "an already running site (a deployed preview, a local server)" },
  { flag: "start", input: "start-command", kind: "string", key: "start", group: "Target", arg: "CMD", help: "run the project's preview command; with --wait-on and/or --ready-pattern" },
  { flag: "wait-on", input: "wait-on", kind: "string", key: "waitOn", group: "Target", arg: "URL", help: "with --start: ready once this URL answers; also the start page" },
  { flag: "ready-pattern", input: "ready-pattern", kind: "string", key: "readyPattern", group: "Target", arg: "RE", help: "with --start: ready once the command prints a line matching RE" },
  { flag: "start-timeout", input: "start-timeout", kind: "int", key: "startTimeout", group: "Target", arg: "MS", ...limits("target", "startTimeout"), help: "how long the preview may take to get ready (default 60000)" },
  { flag: "static", input: "static-dir", kind: "string", key: "static", group: "Target", arg: "DIR", help: "serve a built site (dist/, build/, out/, public/) on a free loopback port" },
  {
    flag: "base-path",
    input: "base-path",
    kind: "string",
    key: "basePath",
    group: "Target",
    arg: "PATH",
    help: "with --static: the path the site is built for, e.g. /my-repo/ (default: guessed from the asset URLs in its HTML, else /)"
  },
  { flag: "spa", input: "spa", kind: "boolean", key: "spa", group: "Target", help: "with --static: serve index.html for paths that match no file" },
  {
    flag: "header",
    input: "headers",
    kind: "strings",
    key: "headers",
    group: "Target",
    arg: '"N: V"',
    help: "request header for the target only, repeatable (bypass tokens, basic auth); values are never printed",
    parse: headers
  },
  { flag: "page", input: "pages", kind: "strings", inputCommas: true, key: "pages", group: "Pages", arg: "PATH", help: "a page to scan, repeatable; URLs given as arguments count too" },
  { flag: "include", kind: "strings", key: "include", group: "Pages", arg: "GLOB", help: "with --static: HTML files to take (default **/*.html), repeatable" },
  { flag: "exclude", kind: "strings", key: "exclude", group: "Pages", arg: "GLOB", help: "with --static: HTML files to leave out, repeatable" },
  { flag: "sitemap", input: "sitemap", kind: "string", key: "sitemap", group: "Pages", arg: "URL", help: 'read pages from a sitemap (or sitemap index); "auto" for /sitemap.xml' },
  { flag: "sitemap-find", kind: "string", key: "sitemapFind", group: "Pages", arg: "TEXT", help: "rewrite sitemap URLs: replace TEXT (e.g. the production host) \u2026" },
  { flag: "sitemap-replace", kind: "string", key: "sitemapReplace", group: "Pages", arg: "TEXT", help: "\u2026 with this (e.g. the preview host)" },
  { flag: "crawl", input: "crawl", kind: "boolean", key: "crawl", group: "Pages", help: "follow same-site links from the start page" },
  { flag: "depth", kind: "int", key: "depth", group: "Pages", arg: "N", ...limits("discover", "depth"), help: "crawl depth (default 1)" },
  { flag: "max-pages", input: "max-pages", kind: "int", key: "maxPages", group: "Pages", arg: "N", ...limits("discover", "maxPages"), help: "most pages found by glob, sitemap or crawl to scan (default 10)" },
  // Not a policy key: one policy file serves every shard of a run.
  {
    flag: "shard",
    input: "shard",
    kind: "string",
    key: "shard",
    group: "Pages",
    arg: "I/N",
    commands: ["scan"],
    help: "scan only part I of N of the pages found, for parallel CI jobs; a page always falls in the same part (by its path); combine the JSON reports with merge-reports",
    parse: ([value], name) => parseShard(value, name)
  },
  {
    flag: "config",
    short: "c",
    input: "config",
    kind: "string",
    key: "config",
    group: "Policy and baseline",
    arg: "FILE",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: "policy file (default: consent-gate.json or .consent-gate.json here)"
  },
  {
    flag: "baseline",
    input: "baseline",
    kind: "string",
    key: "baseline",
    group: "Policy and baseline",
    arg: "FILE",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: "baseline file (default: the policy's, else consent-gate.baseline.json)"
  },
  { flag: "update-baseline", kind: "boolean", key: "updateBaseline", group: "Policy and baseline", commands: ["scan", "judge", "merge-reports"], help: "scan, then record the findings in the baseline (as the baseline command)" },
  { flag: "prune", kind: "boolean", key: "prune", group: "Policy and baseline", commands: ["baseline", "scan", "judge", "merge-reports"], help: "with baseline: drop entries whose findings are gone" },
  {
    flag: "fail-on",
    input: "fail-on",
    kind: "string",
    key: "failOn",
    group: "Policy and baseline",
    arg: "LEVEL",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: "error or warn: the lowest severity of a new finding that fails (default: the policy's failOn, else error)",
    parse: oneOf(["error", "warn"], "")
  },
  {
    flag: "lang",
    input: "lang",
    kind: "string",
    key: "lang",
    group: "Output and browser",
    arg: "LANG",
    commands: ["scan", "baseline", "judge"],
    help: "en, nl or fr: the language of the console summary, markdown and HTML (default: the policy's lang, else nl for the nl jurisdictions, else en)",
    parse: oneOf(LANGS, "")
  },
  {
    flag: "format",
    input: "formats",
    kind: "list",
    key: "formats",
    group: "Output and browser",
    arg: "LIST",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: `${FORMAT_NAMES.join(", ")}; comma-separated (default console); html is one self-contained file with screenshots`,
    parse: commaList(FORMAT_NAMES, "format")
  },
  {
    flag: "report-dir",
    input: "report-dir",
    kind: "string",
    key: "reportDir",
    group: "Output and browser",
    arg: "DIR",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: "write each report format there (default: consent-gate-report when more than one file format is asked for)"
  },
  {
    flag: "output",
    short: "o",
    kind: "string",
    key: "output",
    group: "Output and browser",
    arg: "FILE",
    commands: ["scan", "baseline", "judge", "merge-reports"],
    help: "write the one report format asked for to FILE (json alone: default stdout)"
  },
  { flag: "browser-path", input: "browser-path", kind: "string", key: "browserPath", group: "Output and browser", arg: "PATH", help: "Chrome/Chromium to use (else $CONSENT_GATE_BROWSER, $CHROME_PATH, Playwright's, system)" },
  { flag: "browser-arg", input: "browser-args", kind: "strings", key: "browserArgs", group: "Output and browser", arg: "FLAG", help: "extra Chromium flag, repeatable (proxies, --host-resolver-rules=\u2026)" },
  { flag: "timeout", input: "timeout", kind: "int", key: "timeoutMs", group: "Output and browser", arg: "MS", min: 1e3, max: 6e5, help: `time a page may take to reach "load" (default ${ms(DEFAULT_SETTINGS.timeoutMs)})` },
  {
    flag: "max-time",
    input: "max-time",
    kind: "int",
    key: "maxTimeMs",
    group: "Output and browser",
    arg: "MS",
    min: 1e3,
    help: "time the whole run may take; then it stops and reports incomplete, exit 3 (default: 1 minute plus 2 per page)"
  },
  { flag: "concurrency", input: "concurrency", kind: "int", key: "concurrency", group: "Output and browser", arg: "N", min: 1, max: 16, help: "browser contexts at once, each one page visit (default: cores + 1, at most 4)" },
  {
    flag: "fast-forward",
    input: "fast-forward",
    kind: "int",
    key: "fastForwardMs",
    group: "Output and browser",
    arg: "MS",
    min: 0,
    max: 6e5,
    help: `fake-clock time run after load to fire delayed trackers (default ${ms(DEFAULT_SETTINGS.fastForwardMs)}; 0 waits ${DEFAULT_SETTINGS.settleCapMs / 1e3} s in real time instead, for sites the fake clock disturbs)`
  },
  {
    flag: "phases",
    input: "phases",
    kind: "list",
    key: "phases",
    group: "Output and browser",
    arg: "LIST",
    help: `visits per page (default all): ${PHASES.join(", ")}; initial always runs`,
    parse: commaList(PHASES, "phase")
  },
  {
    flag: "retries",
    input: "retries",
    kind: "int",
    key: "retries",
    group: "Output and browser",
    arg: "N",
    min: 0,
    max: 5,
    help: "retry a page load that failed for network reasons N times (default 0); findings are never retried away"
  },
  { flag: "quiet", short: "q", kind: "boolean", key: "quiet", group: "Output and browser", commands: ["scan", "baseline", "judge", "merge-reports"], help: "no progress output, only the summary" },
  { flag: "verbose", kind: "boolean", key: "verbose", group: "Output and browser", commands: ["scan", "baseline", "judge", "merge-reports"], help: "a line per visit (page \xD7 phase) while scanning, stack traces on errors" },
  { flag: "hook", kind: "boolean", key: "hook", group: "Policy and baseline", commands: ["init"], help: "with init: also install a git pre-push hook" },
  { flag: "force", kind: "boolean", key: "force", group: "Policy and baseline", commands: ["init"], help: "with init: overwrite an existing policy file" }
];
function convert(spec, raw, name) {
  if (spec.parse) return spec.parse(raw, name);
  const value = raw.at(-1);
  switch (spec.kind) {
    case "boolean":
      return value === "true";
    case "int": {
      const { min = 0, max } = spec;
      const range = max === void 0 ? `of at least ${min}` : `from ${min} to ${max}`;
      if (!/^\d+$/.test(value) || Number(value) < min || max !== void 0 && Number(value) > max) {
        throw new GateError(`${name} takes a whole number ${range}; got "${value}".`);
      }
      return Number(value);
    }
    case "strings":
      return raw;
    case "list":
      return raw.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    default:
      return value;
  }
}
var takes = (spec, command) => (spec.commands ?? ["scan", "baseline"]).includes(command);

// src/report/progress.ts
function duration(ms2) {
  const s = Math.round(ms2 / 1e3);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}
var PHASE_WIDTH = Math.max(...PHASES.map((p) => p.length));
var seconds2 = (ms2) => `${(ms2 / 1e3).toFixed(1)} s`;
function settleText({ settle }) {
  if (!settle) return null;
  const held = settle.heldBy && `, longest for ${settle.heldBy.resourceType} ${withoutQuery(settle.heldBy.url)} (${seconds2(settle.heldBy.heldMs)})`;
  return `waited ${seconds2(settle.waitedMs)} for the network${held ?? ""}`;
}
function visitLine(url, scan) {
  const what = scan.error ? `could not scan: ${scan.error}` : [scan.action?.detail, `${scan.requests.length} requests, ${scan.cookies.length} cookies, ${scan.storage.length} storage keys`, settleText(scan)].filter(Boolean).join(" \xB7 ");
  return `      ${scan.phase.padEnd(PHASE_WIDTH)}  ${seconds2(scan.durationMs).padStart(7)}  ${pageLabel(url)}  ${what}`;
}
function progressOutput(stream, verbose, now = Date.now) {
  const live = stream.isTTY === true;
  const started = now();
  const running = /* @__PURE__ */ new Map();
  let total = 0;
  let done = 0;
  let drawn = false;
  let stopped = false;
  const status = () => {
    const elapsed = now() - started;
    const left = done > 0 && done < total ? ` \xB7 about ${duration(elapsed / done * (total - done))} left` : "";
    const visiting = [...running].map(([url, phase]) => `${pageLabel(url)} ${phase}`).join(", ");
    return `${done}/${total} pages \xB7 ${duration(elapsed)}${left}${visiting ? ` \xB7 ${visiting}` : ""}`;
  };
  const draw = () => {
    if (!live || stopped) return;
    stream.write(`\r\x1B[2K${status().slice(0, Math.max(40, (stream.columns || 100) - 1))}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write("\r\x1B[2K");
    drawn = false;
  };
  const say = (text) => {
    if (stopped) return;
    clear();
    stream.write(`${text}
`);
    draw();
  };
  const ticker = live ? setInterval(draw, 1e3) : null;
  ticker?.unref();
  return {
    onPlan: ({ urls, notes }) => {
      total = urls.length;
      say([`scanning ${urls.length} page(s)`, ...notes.map((n) => `note: ${n}`)].join("\n"));
    },
    onVisit: (visit) => {
      if (visit.scan === null) {
        running.set(visit.url, visit.phase);
        draw();
      } else if (verbose) {
        say(visitLine(visit.url, visit.scan));
      }
    },
    onPage: (progress) => {
      done = progress.done;
      running.delete(progress.page.url);
      say(progressLine(progress));
    },
    stop: () => {
      stopped = true;
      if (ticker) clearInterval(ticker);
      clear();
    }
  };
}

// src/report/write.ts
import { basename, dirname, join, resolve as resolve2 } from "node:path";
var DEFAULT_REPORT_DIR = "consent-gate-report";
function checkReportTargets(names, where) {
  const files = names.filter((n) => n !== "console").map((n) => reportFormat(n));
  if (where.output !== void 0 && files.length !== 1) {
    throw new GateError(`--output names one file, but ${files.length} file formats were asked for (${files.map((f) => f.name).join(", ") || "none"}). Use --report-dir for several.`);
  }
  return files;
}
function writeReports(result2, names, where, cwd) {
  const files = checkReportTargets(names, where);
  if (where.output === void 0 && where.reportDir === void 0 && files.length === 1 && files[0].name === "json") return { files: /* @__PURE__ */ new Map(), stdout: files[0] };
  const dir = resolve2(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  const paths = new Map(
    where.output !== void 0 ? [[files[0].name, resolve2(cwd, where.output)]] : files.map((format) => [format.name, join(dir, format.file)])
  );
  const place = reportPlace(paths, where.runUrl);
  for (const format of files) writeFileAtomic(paths.get(format.name), format.render(result2, place, where.lang));
  return { files: paths, stdout: null };
}
function reportPlace(paths, runUrl) {
  const all = [...paths.values()];
  if (all.length === 0) return void 0;
  const dir = dirname(all[0]);
  return { dir: (repoPath(dir) ?? dir) || ".", files: all.map((path) => basename(path)), ...runUrl ? { runUrl } : {} };
}

export {
  gateOptions,
  findingLocation,
  findingSentence,
  markdown,
  needsScreenshots,
  OPTIONS,
  convert,
  takes,
  visitLine,
  progressOutput,
  checkReportTargets,
  writeReports,
  reportPlace
};
