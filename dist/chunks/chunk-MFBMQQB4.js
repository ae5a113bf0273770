import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  GateError,
  PHASES,
  RULES,
  chainSteps,
  consoleFormat,
  didYouMean,
  json,
  offersChoice,
  pageLabel,
  plural,
  progressLine,
  shortChain,
  subjectLabel,
  writeFileAtomic
} from "./chunk-6A6K3BLV.js";

// src/report/text/location.ts
import { relative } from "node:path";
function anchorFile(result2) {
  return result2.policy.path ? relative(process.cwd(), result2.policy.path).split("\\").join("/") : "consent-gate.json";
}

// src/report/text/sentence.ts
function findingSentence(finding2, page) {
  const chain = shortChain(finding2);
  return [`${finding2.message} on ${page} (${finding2.phase}).`, finding2.evidence[0] ?? "", chain ? `Loaded via ${chain}.` : ""].filter(Boolean).join(" ");
}

// src/report/markdown.ts
var MAX_ROWS = 20;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
function verdictLine(gate) {
  const { verdict } = gate;
  const icon = verdict.status === "passed" ? "\u2705" : verdict.status === "failed" ? "\u274C" : "\u26A0\uFE0F";
  const word = verdict.status === "passed" ? "passed" : verdict.status === "failed" ? "failed" : "incomplete";
  return `${icon} **consent-gate ${word}**: ${verdict.errors} new error(s), ${verdict.warnings} new warning(s) on ${gate.pages.length} page(s) \u2014 ${verdict.reason}.`;
}
var markdown = {
  name: "markdown",
  file: "consent-gate.md",
  render: (gate) => {
    const lines = [verdictLine(gate), ""];
    const fresh = gate.findings.filter((f) => f.status === "new");
    if (fresh.length > 0) {
      lines.push("| Page | Phase | Rule | Subject | Vendor | Loaded via |", "| --- | --- | --- | --- | --- | --- |");
      for (const f of fresh.slice(0, MAX_ROWS)) {
        const vendor = f.vendor ? `${f.vendor} (${f.category})` : f.category;
        lines.push(`| ${cell(pageLabel(f.page))} | ${f.phase} | ${f.severity === "error" ? "\u{1F534}" : "\u{1F7E1}"} \`${f.rule}\` | ${cell(subjectLabel(f))} | ${cell(vendor)} | ${cell(shortChain(f) ?? "")} |`);
      }
      if (fresh.length > MAX_ROWS) lines.push("", `\u2026and ${fresh.length - MAX_ROWS} more new finding(s): see the JSON or SARIF report.`);
      lines.push("");
    }
    const { verdict } = gate;
    lines.push(`Baselined: ${verdict.baselined} \xB7 Allowed: ${verdict.allowed} \xB7 Fixed since the baseline: ${verdict.fixed}${verdict.fixed > 0 ? " (prune with `consent-gate baseline --prune`)" : ""}`);
    return lines.join("\n") + "\n";
  }
};

// src/report/codequality.ts
var codequality = {
  name: "codequality",
  file: "consent-gate.codequality.json",
  render: (gate) => {
    const path = anchorFile(gate);
    const issues = gate.findings.filter((f) => f.status !== "allowed").map((f) => ({
      description: findingSentence(f, pageLabel(f.page)),
      check_name: f.rule,
      // One finding on several pages is several issues: the page is part of the identity here.
      fingerprint: `${f.fingerprint}:${pageLabel(f.page)}`,
      severity: f.rule === "scan-error" ? "blocker" : f.severity === "error" ? "critical" : "minor",
      location: { path, lines: { begin: 1 } }
    }));
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
var PHASE_LABEL = {
  initial: "Before any choice",
  "after-scroll": "After scrolling",
  "after-reject": "After refusing",
  "after-accept": "After accepting"
};
var PURPOSE = {
  necessary: "Strictly necessary",
  preferences: "Preferences",
  analytics: "Statistics (analytics)",
  marketing: "Marketing",
  social: "Social media",
  unknown: "Unknown"
};
var RULE_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
function lifetime(entry) {
  if (entry.kind === "storage") return "no expiry (browser storage)";
  const days = entry.lifetimeDays;
  if (days === null) return "until the browser closes";
  if (days >= 365) return `${+(days / 365).toFixed(1)} years (${days} days)`;
  return plural(days, "day");
}
function header(gate) {
  const { verdict } = gate;
  const hosts = [...new Set(gate.pages.map((p) => new URL(p.url).host))].join(", ");
  const counts = [
    [verdict.errors, "new errors"],
    [verdict.warnings, "new warnings"],
    [verdict.scanErrors, "pages not scanned"],
    [verdict.baselined, "known (baseline)"],
    [verdict.allowed, "allowed by policy"]
  ];
  return `<header class="verdict ${verdict.status}"><div>
<h1>Consent check ${escapeMarkup(verdict.status)}: ${escapeMarkup(hosts)}</h1>
<p>${escapeMarkup(verdict.reason)}.</p>
<ul class="counts">${counts.map(([n, label]) => `<li><strong>${n}</strong> ${escapeMarkup(label)}</li>`).join("")}</ul>
<p class="meta">${escapeMarkup(new Date(gate.startedAt).toUTCString())} \xB7 ${plural(gate.pages.length, "page")} \xB7 rules of the ${escapeMarkup(gate.policy.jurisdiction)} policy${gate.policy.path ? "" : " (defaults)"} \xB7 ${escapeMarkup(gate.tool.name)} ${escapeMarkup(gate.tool.version)} with Chromium ${escapeMarkup(gate.browser.version)}</p>
</div></header>`;
}
function matrixCell(page, phase, findings) {
  const scan = page.phases.find((s) => s.phase === phase);
  if (!scan) {
    const initial = page.phases[0];
    const answers = phase === "after-reject" || phase === "after-accept";
    const why = initial?.error ? "page not scanned" : answers && initial && !offersChoice(initial) ? "no banner to answer" : "not visited";
    return `<td class="skipped">${why}</td>`;
  }
  if (scan.error) return `<td class="error">not scanned<small>${escapeMarkup(scan.error)}</small></td>`;
  const mine = findings.filter((f) => f.phase === phase && f.status === "new");
  const errors = mine.filter((f) => f.severity === "error").length;
  const warnings = mine.length - errors;
  const text = errors || warnings ? [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ") : phase === "initial" ? "clean" : "no findings";
  const action = scan.action ? `<small>${escapeMarkup(scan.action.detail)}</small>` : "";
  return `<td class="${errors ? "error" : warnings ? "warn" : "ok"}">${text}${action}</td>`;
}
function matrix(gate) {
  const rows = gate.pages.map((page, i) => {
    const findings = gate.findings.filter((f) => f.page === page.url);
    return `<tr><th scope="row"><a href="#page-${i + 1}">${escapeMarkup(pageLabel(page.url))}</a></th>${PHASES.map((phase) => matrixCell(page, phase, findings)).join("")}</tr>`;
  });
  return `<h2>What was visited</h2>
<p>Each page was opened in a fresh browser as a first-time visitor: once without touching anything, once after scrolling and moving on, once after refusing in the consent banner and once after accepting.</p>
<table><caption class="meta">Pages and visits</caption><thead><tr><th>Page</th>${PHASES.map((p) => `<th>${PHASE_LABEL[p]}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}
function finding(f) {
  const rule = RULE_BY_ID.get(f.rule);
  const known = f.status !== "new";
  const badge = known ? `<span class="badge known">${f.status}</span>` : `<span class="badge ${f.severity}">${f.severity === "error" ? "error" : "warning"}</span>`;
  const party = f.party ? `, ${f.party} party` : "";
  const facts = [
    ["Found", PHASE_LABEL[f.phase].toLowerCase()],
    ...f.subject.kind === "page" || f.subject.kind === "banner" ? [] : [["Company", `${f.vendor ?? "not known"} \xB7 ${PURPOSE[f.category]}${party}`]],
    ...f.because ? [[f.status === "allowed" ? "Allowed because" : "Known because", f.because]] : [],
    ...f.notes.map((note) => ["Note", note])
  ];
  const steps = chainSteps(f);
  const chain = steps.length > 0 ? `<p><strong>How it got there</strong></p><ol class="chain">${steps.map((s) => `<li><code>${escapeMarkup(s.url)}</code><span>${escapeMarkup(s.how)}</span></li>`).join("")}</ol>` : "";
  return `<div class="finding ${known ? f.status : f.severity}">
<h4>${badge} ${escapeMarkup(rule?.title ?? f.rule)}: ${escapeMarkup(subjectLabel(f))}</h4>
<p>${escapeMarkup(f.message)}.</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeMarkup(k)}</dt><dd>${escapeMarkup(v)}</dd>`).join("")}</dl>
${rule ? `<div class="law"><strong>What the law asks:</strong> ${escapeMarkup(rule.plainWords)}<small>${escapeMarkup(rule.legalBasis)}</small></div>` : ""}
${chain}
<details><summary>Evidence (${escapeMarkup(f.rule)}, fingerprint ${escapeMarkup(f.fingerprint)})</summary><ul>${f.evidence.map((e) => `<li>${escapeMarkup(e)}</li>`).join("")}</ul></details>
</div>`;
}
var ORDER = (f) => f.status === "new" ? f.severity === "error" ? 0 : 1 : f.status === "baselined" ? 2 : 3;
function pageSection(page, index, gate) {
  const findings = gate.findings.filter((f) => f.page === page.url).sort((a, b) => ORDER(a) - ORDER(b));
  const shots = page.phases[0]?.screenshots;
  const figures = [
    shots?.page ? `<figure><img src="${shots.page}" alt="The page as a first-time visitor saw it"><figcaption>What a first-time visitor saw, before any choice</figcaption></figure>` : "",
    shots?.banner ? `<figure><img src="${shots.banner}" alt="The consent banner"><figcaption>The consent banner</figcaption></figure>` : ""
  ].join("");
  const body = findings.length > 0 ? findings.map(finding).join("\n") : "<p>Nothing to report: no tracking was seen on this page in any visit.</p>";
  return `<section class="page" id="page-${index + 1}"><h3>${escapeMarkup(pageLabel(page.url))} <span class="meta">${escapeMarkup(page.url)}</span></h3>
${figures ? `<div class="shots">${figures}</div>` : ""}
${body}
</section>`;
}
function inventory(gate) {
  const accepted = gate.pages.some((p) => p.phases.some((s) => s.phase === "after-accept" && s.action?.done));
  if (!accepted) return "<h2>Stored after accepting</h2><p>No visit could accept a consent banner, so there is no inventory of what the site stores with consent.</p>";
  const rows = gate.inventory.map(
    (e) => `<tr><td><code>${escapeMarkup(e.name)}</code></td><td>${e.kind === "cookie" ? "cookie" : "browser storage"}</td><td>${escapeMarkup(e.vendor ?? "not known")}</td><td>${PURPOSE[e.category]}</td><td>${escapeMarkup(lifetime(e))}</td><td>${e.party === "first" ? "first party" : `third party (${escapeMarkup(e.domain)})`}</td><td>${escapeMarkup(e.pages.join(", "))}</td></tr>`
  );
  return `<h2>Stored after accepting</h2>
<p>Everything the site stored once the visitor accepted: the table a cookie policy must carry. Copy it into the policy and check each purpose.</p>
<table><caption class="meta">Cookies and storage after accepting</caption><thead><tr><th>Name</th><th>Kind</th><th>Company</th><th>Purpose</th><th>Lifetime</th><th>Party</th><th>Pages</th></tr></thead>
<tbody>${rows.join("\n") || '<tr><td colspan="7">Nothing was stored.</td></tr>'}</tbody></table>`;
}
function fixed(gate) {
  const entries = gate.baseline.fixed;
  if (entries.length === 0) return "";
  return `<h2>Fixed since the baseline</h2><ul>${entries.map((e) => `<li>${escapeMarkup(e.rule)}: ${escapeMarkup(e.subject.kind)} ${escapeMarkup(e.subject.name ?? e.subject.host ?? "")} on ${escapeMarkup(e.pages.join(", "))}</li>`).join("")}</ul>`;
}
function formatHtml(gate) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent check ${escapeMarkup(gate.verdict.status)} \xB7 ${escapeMarkup(gate.tool.name)}</title>
<style>${HTML_STYLE}</style></head>
<body>
${header(gate)}
<main>
${matrix(gate)}
<h2>Findings</h2>
${gate.pages.map((page, i) => pageSection(page, i, gate)).join("\n")}
${inventory(gate)}
${fixed(gate)}
<footer>Made by ${escapeMarkup(gate.tool.name)} ${escapeMarkup(gate.tool.version)} in ${(gate.durationMs / 1e3).toFixed(1)} s. Vendors and purposes from third-party-web ${escapeMarkup(gate.data.thirdPartyWeb)} and the Open Cookie Database ${escapeMarkup(gate.data.openCookieDatabase)}. Cookie values and visitor identifiers are never shown.</footer>
</main>
</body></html>
`;
}
var html = { name: "html", file: "consent-gate.html", render: formatHtml, screenshots: true };

// src/report/junit.ts
var seconds = (ms) => (ms / 1e3).toFixed(3);
function testcase(finding2, page, fails) {
  const name = escapeMarkup(`${finding2.rule} (${finding2.phase}): ${subjectLabel(finding2)}`);
  const trail = chainSteps(finding2).map((step) => `  ${step.url}  (${step.how})`);
  const detail = escapeMarkup([finding2.message, ...finding2.evidence, ...trail.length > 1 ? ["Chain from the page:", ...trail] : []].join("\n"));
  const body = finding2.rule === "scan-error" ? `<error message="${escapeMarkup(finding2.message)}">${detail}</error>` : finding2.status !== "new" ? `<skipped message="${escapeMarkup(`${finding2.status}: ${finding2.because ?? ""}`.trim())}"/>` : fails ? `<failure message="${escapeMarkup(finding2.message)}" type="${finding2.rule}">${detail}</failure>` : `<system-out>${escapeMarkup(`${finding2.severity}: ${detail}`)}</system-out>`;
  return `    <testcase classname="${escapeMarkup(page)}" name="${name}">${body}</testcase>`;
}
var junit = {
  name: "junit",
  file: "consent-gate.junit.xml",
  render: (gate) => {
    const failOnWarn = gate.policy.failOn === "warn";
    const fails = (f) => f.status === "new" && f.rule !== "scan-error" && (f.severity === "error" || failOnWarn);
    const suites = gate.pages.map((page) => {
      const findings = gate.findings.filter((f) => f.page === page.url);
      const cases = findings.map((f) => testcase(f, page.url, fails(f)));
      if (findings.length === 0) cases.push(`    <testcase classname="${escapeMarkup(page.url)}" name="no tracking before consent"/>`);
      return {
        name: page.url,
        cases,
        failures: findings.filter(fails).length,
        errors: findings.filter((f) => f.rule === "scan-error").length,
        skipped: findings.filter((f) => f.status !== "new" && f.rule !== "scan-error").length,
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
function result(finding2, anchor) {
  const suppressed = finding2.status === "new" ? {} : { suppressions: [{ kind: "external", status: "accepted", justification: finding2.because ?? `${finding2.status} in consent-gate` }] };
  return {
    ruleId: finding2.rule,
    ruleIndex: RULES.findIndex((r) => r.id === finding2.rule),
    level: LEVEL[finding2.severity],
    message: { text: findingSentence(finding2, pageLabel(finding2.page)) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: anchor }, region: { startLine: 1 } },
        logicalLocations: [{ fullyQualifiedName: finding2.page, kind: "resource" }]
      }
    ],
    partialFingerprints: { "consentGate/v1": finding2.fingerprint },
    properties: { page: finding2.page, phase: finding2.phase, category: finding2.category, vendor: finding2.vendor, party: finding2.party, status: finding2.status, evidence: finding2.evidence, chain: finding2.chain },
    ...suppressed
  };
}
var sarif = {
  name: "sarif",
  file: "consent-gate.sarif",
  render: (gate) => {
    const anchor = anchorFile(gate);
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
              rules: RULES.map((rule) => ({
                id: rule.id,
                name: rule.title,
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.description },
                help: { text: `${rule.description}
Legal basis: ${rule.legalBasis}` },
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
                properties: { legalBasis: rule.legalBasis, tags: ["privacy", "consent"] }
              }))
            }
          },
          results: gate.findings.map((f) => result(f, anchor)),
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

// src/entry/config.ts
import { resolve } from "node:path";
function parseFailOn(value, name) {
  if (value === void 0 || value === "error" || value === "warn") return value;
  throw new GateError(`${name} takes "error" or "warn"; got "${value}".${didYouMean(value, ["error", "warn"])}`);
}
function parsePhases(value, name) {
  if (value === void 0) return void 0;
  const list = value.split(",").map((p) => p.trim()).filter(Boolean);
  for (const phase of list) {
    if (!PHASES.includes(phase)) throw new GateError(`${name}: unknown phase "${phase}".${didYouMean(phase, PHASES)} Phases: ${PHASES.join(", ")}.`);
  }
  return list;
}
function parseFormats(value, name) {
  const list = value.split(",").map((f) => f.trim()).filter(Boolean);
  for (const f of list) {
    if (!FORMAT_NAMES.includes(f)) throw new GateError(`${name}: unknown format "${f}".${didYouMean(f, FORMAT_NAMES)} Choose from: ${FORMAT_NAMES.join(", ")}.`);
  }
  return list;
}
var TARGET_KEYS = ["url", "start", "static"];
function gateOptions(flags, policy, cwd) {
  const fromFile = TARGET_KEYS.some((key) => flags[key] !== void 0) ? {} : policy.target;
  const keys = ["url", "start", "waitOn", "readyPattern", "static", "spa"];
  const startTimeoutMs = flags.startTimeout ?? fromFile.startTimeout;
  const target = { ...pick(fromFile, keys), ...pick(flags, keys), ...startTimeoutMs !== void 0 ? { startTimeoutMs } : {} };
  return {
    policy: {
      ...policy,
      ...flags.baseline !== void 0 ? { baselinePath: resolve(cwd, flags.baseline) } : {},
      ...flags.failOn !== void 0 ? { failOn: flags.failOn } : {}
    },
    target,
    discover: {
      ...policy.discover,
      ...pick(flags, ["include", "exclude", "sitemap", "sitemapFind", "sitemapReplace", "crawl", "depth", "maxPages"]),
      pages: flags.pages ?? policy.pages
    },
    cwd,
    ...pick(flags, ["headers", "updateBaseline", "browserPath", "browserArgs", "timeoutMs", "concurrency", "fastForwardMs", "phases", "retries"])
  };
}
function pick(value, keys) {
  return Object.fromEntries(keys.filter((k) => value[k] !== void 0).map((k) => [k, value[k]]));
}

// src/report/progress.ts
function duration(ms) {
  const s = Math.round(ms / 1e3);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}
var PHASE_WIDTH = Math.max(...PHASES.map((p) => p.length));
function visitLine(url, scan) {
  const what = scan.error ? `could not scan: ${scan.error}` : [scan.action?.detail, `${scan.requests.length} requests, ${scan.cookies.length} cookies, ${scan.storage.length} storage keys`].filter(Boolean).join(" \xB7 ");
  return `      ${scan.phase.padEnd(PHASE_WIDTH)}  ${(scan.durationMs / 1e3).toFixed(1).padStart(5)} s  ${pageLabel(url)}  ${what}`;
}
function progressOutput(stream, verbose, now = Date.now) {
  const live = stream.isTTY === true;
  const started = now();
  const running = /* @__PURE__ */ new Map();
  let total = 0;
  let done = 0;
  let drawn = false;
  const status = () => {
    const elapsed = now() - started;
    const left = done > 0 && done < total ? ` \xB7 about ${duration(elapsed / done * (total - done))} left` : "";
    const visiting = [...running].map(([url, phase]) => `${pageLabel(url)} ${phase}`).join(", ");
    return `${done}/${total} pages \xB7 ${duration(elapsed)}${left}${visiting ? ` \xB7 ${visiting}` : ""}`;
  };
  const draw = () => {
    if (!live) return;
    stream.write(`\r\x1B[2K${status().slice(0, Math.max(40, (stream.columns || 100) - 1))}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write("\r\x1B[2K");
    drawn = false;
  };
  const say = (text) => {
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
      if (ticker) clearInterval(ticker);
      clear();
    }
  };
}

// src/report/write.ts
import { join, resolve as resolve2 } from "node:path";
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
  const written = /* @__PURE__ */ new Map();
  if (where.output !== void 0) {
    const path = resolve2(cwd, where.output);
    writeFileAtomic(path, files[0].render(result2));
    written.set(files[0].name, path);
    return written;
  }
  if (where.reportDir === void 0 && files.length === 1 && files[0].name === "json") return written;
  const dir = resolve2(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  for (const format of files) {
    const path = join(dir, format.file);
    writeFileAtomic(path, format.render(result2));
    written.set(format.name, path);
  }
  return written;
}

export {
  anchorFile,
  findingSentence,
  markdown,
  needsScreenshots,
  parseFailOn,
  parsePhases,
  parseFormats,
  gateOptions,
  visitLine,
  progressOutput,
  checkReportTargets,
  writeReports
};
