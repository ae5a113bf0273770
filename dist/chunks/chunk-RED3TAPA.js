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
  escapeMarkup,
  failsGate,
  findingMessage,
  hostOf,
  isScanFailure,
  json,
  judgeSaved,
  pageKey,
  pageLabel,
  parseShard,
  placeOf,
  policySchema,
  progressLine,
  readReport,
  ruleWords,
  shardOfPath,
  shortChain,
  subjectLabel,
  urlPath,
  withoutQuery,
  wordsFor,
  writeFileAtomic
} from "./chunk-EXPOU2S5.js";

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
function findingLocation(result2, finding) {
  const policy = repoPath(result2.policy.path);
  if (policy) return { path: policy, line: 1 };
  const page = repoPath(result2.target.files[finding.page]);
  if (!page) return null;
  const tag = finding.chain[1];
  return { path: page, line: tag?.via === "html" && tag.line ? tag.line : 1 };
}
function repoPath(file) {
  if (!file) return null;
  const path = relative(process.cwd(), file);
  return path.startsWith("..") || isAbsolute(path) ? null : path.split("\\").join("/");
}
var pageIdentity = (finding) => `${finding.fingerprint}:${pageLabel(finding.page)}`;

// src/report/text/sentence.ts
function findingSentence(finding, page) {
  const chain = shortChain(finding);
  return [`${finding.message} on ${page} (${finding.phase}).`, finding.evidence[0] ?? "", chain ? `Loaded via ${chain}.` : ""].filter(Boolean).join(" ");
}

// src/report/text/cause.ts
function pageFile(gate, page) {
  return repoPath(gate.target.files[page]) ?? pageLabel(page);
}
function causeTitle(group, gate, words) {
  const said = words.cause;
  const { cause } = group;
  if (cause) {
    switch (cause.kind) {
      case "tag":
        return said.tag(cause.vendor, pageFile(gate, group.findings[0].page), cause.line, group.pages.length - 1);
      case "container":
        return said.container(cause.vendor, cause.id ?? "");
      case "script":
        return said.script(urlPath(cause.url));
      case "server":
        return said.server(hostOf(cause.url));
    }
  }
  if (group.kind === "banner") return said.banner(group.label !== null);
  if (group.kind === "page") return said.page(pageLabel(group.label ?? ""));
  return said.vendor(group.label);
}
var sameStep = (a, b) => a.url === b.url && a.via === b.via;
function sharedChain(group) {
  const first = group.findings[0]?.chain ?? [];
  let shared = first.length;
  for (const { chain } of group.findings) {
    let i = 1;
    while (i < shared && i < chain.length && sameStep(chain[i], first[i])) i++;
    shared = Math.min(shared, i);
  }
  return shared >= 2 ? first.slice(0, shared) : [];
}

// src/report/text/group.ts
function groupAcrossPages(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = [finding.fingerprint, finding.status, finding.severity, finding.subject.kind === "page" ? finding.page : ""].join("\n");
    const group = groups.get(key);
    if (!group) groups.set(key, { finding, pages: [finding.page] });
    else if (!group.pages.includes(finding.page)) group.pages.push(finding.page);
  }
  return [...groups.values()];
}
var findingOrder = (f) => f.status === "new" ? f.severity === "error" ? 0 : 1 : f.status === "baselined" ? 2 : 3;
function bannerOf(gate, page) {
  const initial = gate.pages.find((p) => p.url === page)?.phases.find((s) => s.phase === "initial");
  const text = initial?.banner?.text ?? initial?.bannerUnrecognised ?? null;
  return text === null ? null : text.replace(/\s+/g, " ").trim().slice(0, 160);
}
function cardOf(gate, f) {
  const { cause } = f;
  if (cause) {
    const what = cause.kind === "container" ? cause.id : cause.kind === "server" ? hostOf(cause.url) : cause.kind === "tag" ? cause.url : placeOf(cause.url);
    return { key: `${cause.kind}
${what}`, kind: cause.kind, label: null };
  }
  if (isScanFailure(gate, f)) return { key: `page
${f.page}`, kind: "page", label: f.page };
  if (f.subject.kind === "banner" || f.subject.kind === "page") {
    const banner = bannerOf(gate, f.page);
    return { key: `banner
${banner ?? ""}`, kind: "banner", label: banner };
  }
  const label = f.vendor ?? f.subject.host ?? null;
  return { key: `vendor
${label ?? ""}`, kind: "vendor", label };
}
function groupByCause(gate, findings = gate.findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const { key, kind, label } = cardOf(gate, finding);
    const group = groups.get(key) ?? { kind, cause: finding.cause, label, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const worst = (group) => Math.min(...group.findings.map(findingOrder));
  return [...groups.values()].map((group) => {
    const sorted = [...group.findings].sort((a, b) => findingOrder(a) - findingOrder(b));
    return { ...group, entries: groupAcrossPages(sorted), pages: [...new Set(group.findings.map((f) => f.page))] };
  }).sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length);
}

// src/report/markdown.ts
var MAX_ROWS = 20;
var MAX_NAMED = 5;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
function verdictLine(gate, words = EN) {
  const { verdict } = gate;
  const icon = verdict.status === "passed" ? "\u2705" : verdict.status === "failed" ? "\u274C" : "\u26A0\uFE0F";
  return `${icon} ${words.markdown.verdict(verdict.status, verdict.errors, verdict.warnings, gate.pages.length, words.reason(verdict, gate.policy.failOn))}`;
}
function namedPages(pages, words, show = (label) => label) {
  return firstFew(pages.map((page) => show(pageLabel(page))), words);
}
function firstFew(items, words) {
  const named = items.slice(0, MAX_NAMED).join(", ");
  return items.length > MAX_NAMED ? words.markdown.andMore(named, items.length - MAX_NAMED) : named;
}
var unique = (items) => [...new Set(items)];
function causeRow(group, gate, words) {
  const errors = group.findings.filter((f) => f.severity === "error").length;
  const counts2 = [errors ? words.errors(errors) : "", errors < group.findings.length ? words.warnings(group.findings.length - errors) : ""].filter(Boolean).join(", ");
  const subjects = unique(group.findings.map((f) => group.kind === "page" ? findingMessage(f, words) : subjectLabel(f)));
  const what = firstFew(subjects, words);
  const visits = unique(group.findings.map((f) => words.phase[f.phase].short)).join(", ");
  const companies = unique(group.findings.filter((f) => f.vendor !== null || f.category !== "unknown").map((f) => words.vendor(f.vendor, f.category))).join(", ");
  const cause = `${errors ? "\u{1F534}" : "\u{1F7E1}"} ${causeTitle(group, gate, words)}`;
  return `| ${[cause, namedPages(group.pages, words), visits, what ? words.markdown.caused(counts2, what) : counts2, companies].map(cell).join(" | ")} |`;
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
    const groups = groupByCause(gate, gate.findings.filter((f) => f.status === "new"));
    if (groups.length > 0) {
      lines.push(`| ${said.headings.join(" | ")} |`, "| --- | --- | --- | --- | --- |");
      for (const group of groups.slice(0, MAX_ROWS)) lines.push(causeRow(group, gate, words));
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

// src/report/html-causes.ts
var originsOf = /* @__PURE__ */ new WeakMap();
function siteOrigins(gate) {
  let origins = originsOf.get(gate);
  if (!origins) originsOf.set(gate, origins = new Set(gate.pages.map((p) => new URL(p.url).origin)));
  return origins;
}
function shownUrl(gate, url) {
  if (!gate.target.ephemeral) return url;
  try {
    return siteOrigins(gate).has(new URL(url).origin) ? pageLabel(url) : url;
  } catch {
    return url;
  }
}
var ruleAnchor = (rule) => `rule-${rule}`;
var statusOf = (f) => f.status === "new" ? f.severity : "known";
var badgeOf = (f, words) => words.html.badge[f.status === "new" ? f.severity : f.status];
var badge = (f, words) => `<span class="badge ${statusOf(f)}">${escapeMarkup(badgeOf(f, words))}</span>`;
function pageLinks(pages, anchors) {
  return pages.map((url) => `<a href="#${anchors.get(url)}">${escapeMarkup(pageLabel(url))}</a>`).join(", ");
}
function chainList(steps, gate) {
  return `<ol class="chain">${steps.map((s) => `<li><code>${escapeMarkup(shownUrl(gate, s.url))}</code><span>${escapeMarkup(s.how)}</span></li>`).join("")}</ol>`;
}
function counts(findings, words) {
  const fresh = findings.filter((f) => f.status === "new");
  const errors = fresh.filter((f) => f.severity === "error").length;
  const parts = [
    errors ? `<span class="badge error">${escapeMarkup(words.errors(errors))}</span>` : "",
    fresh.length > errors ? `<span class="badge warn">${escapeMarkup(words.warnings(fresh.length - errors))}</span>` : "",
    ...["baselined", "allowed"].map((status) => {
      const n = findings.filter((f) => f.status === status).length;
      return n ? `<span class="badge known">${escapeMarkup(words.known(n, status))}</span>` : "";
    })
  ];
  return parts.filter(Boolean).join(" ");
}
var isAboutPage = (f) => f.subject.kind === "page" || f.subject.kind === "banner";
function row({ finding: f, pages }, detail, columns, anchors, gate, words) {
  const said = words.html;
  const title = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  const company = isAboutPage(f) ? "" : `${f.vendor ?? said.notKnown} \xB7 ${said.purpose[f.category]}`;
  const seen = f.firstSeenMs === null ? "" : words.time(f.firstSeenMs);
  const cells = [
    `<td><a href="#${ruleAnchor(f.rule)}">${escapeMarkup(title)}</a></td>`,
    columns.company ? `<td>${escapeMarkup(company)}</td>` : "",
    columns.visit ? `<td>${escapeMarkup(words.phase[f.phase].label)}</td>` : "",
    columns.pages ? `<td>${pageLinks(pages, anchors)}</td>` : "",
    columns.time ? `<td class="time">${escapeMarkup(seen)}</td>` : ""
  ];
  return `<tr class="${statusOf(f)}"><th scope="row">${badge(f, words)} <a href="#${detail}">${escapeMarkup(subjectLabel(f))}</a></th>${cells.join("")}</tr>`;
}
function details({ finding: f, pages }, id, anchors, gate, words) {
  const said = words.html;
  const party = f.party ? `, ${said.party[f.party]}` : "";
  const facts = [
    [said.found, words.phase[f.phase].label.toLowerCase()],
    ...isAboutPage(f) ? [] : [[said.company, `${f.vendor ?? said.notKnown} \xB7 ${said.purpose[f.category]}${party}`]],
    ...f.because ? [[f.status === "allowed" ? said.allowedBecause : said.knownBecause, f.because]] : [],
    ...f.notes.map((note) => [said.note, note])
  ];
  const steps = chainSteps(f, words);
  const from = pages.length > 1 ? escapeMarkup(said.onPage(pageLabel(f.page))) : "";
  const chain = steps.length > 0 ? `<p><strong>${escapeMarkup(said.howItGotThere)}</strong>${from}</p>${chainList(steps, gate)}` : "";
  const rule = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  return `<div class="finding ${f.status === "new" ? f.severity : f.status}" id="${id}">
<h4>${badge(f, words)} ${escapeMarkup(rule)}: ${escapeMarkup(subjectLabel(f))}</h4>
<p class="pages">${escapeMarkup(pages.length === 1 ? said.on : said.onPages(pages.length))} ${pageLinks(pages, anchors)}</p>
<p>${escapeMarkup(findingMessage(f, words))}. <a href="#${ruleAnchor(f.rule)}">${escapeMarkup(said.whatTheLawAsks)} ${escapeMarkup(said.seeRule)}</a></p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeMarkup(k)}</dt><dd>${escapeMarkup(v)}</dd>`).join("")}</dl>
${chain}
<p class="meta">${escapeMarkup(said.evidence(f.rule, f.fingerprint))}</p><ul class="evidence">${f.evidence.map((e) => `<li>${escapeMarkup(e)}</li>`).join("")}</ul>
</div>`;
}
function card(group, id, firstDetail, anchors, gate, words) {
  const said = words.html;
  const worst = [...group.findings].sort((a, b) => findingOrder(a) - findingOrder(b))[0];
  const companies = [...new Set(group.findings.filter((f) => f.vendor !== null || f.category !== "unknown").map((f) => `${f.vendor ?? said.notKnown} (${said.purpose[f.category]})`))];
  const visits = [...new Set(group.findings.map((f) => words.phase[f.phase].label.toLowerCase()))];
  const summary = [counts(group.findings, words), `${escapeMarkup(group.pages.length === 1 ? said.on : said.onPages(group.pages.length))} ${pageLinks(group.pages, anchors)}`, escapeMarkup(visits.join(", ")), escapeMarkup(companies.join(", "))];
  const detail = (i) => `finding-${firstDetail + i}`;
  const shared = sharedChain(group);
  const steps = chainSteps(group.findings[0], words).slice(0, shared.length);
  const chain = steps.length > 0 ? `<div class="trail"><strong>${escapeMarkup(said.howItGotThere)}:</strong> ${chainList(steps, gate)}</div>` : "";
  const columns = {
    company: group.findings.some((f) => !isAboutPage(f)),
    visit: new Set(group.entries.map((e) => e.finding.phase)).size > 1,
    pages: group.entries.some((e) => e.pages.length !== group.pages.length),
    time: group.findings.some((f) => f.firstSeenMs !== null)
  };
  const [what, rule, company, visit, pages, seen] = said.causeHeadings;
  const headings = [what, rule, columns.company && company, columns.visit && visit, columns.pages && pages, columns.time && seen].filter((h) => typeof h === "string");
  const quote = group.kind === "banner" && group.label ? `<blockquote>${escapeMarkup(group.label)}</blockquote>` : "";
  return `<section class="cause ${statusOf(worst)}" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${escapeMarkup(causeTitle(group, gate, words))}</h3>
<p class="summary">${summary.filter(Boolean).join(" \xB7 ")}</p>
${quote}${chain}
<table class="caused"><caption>${escapeMarkup(said.causesCaption)}</caption><thead><tr>${headings.map((h) => `<th scope="col">${escapeMarkup(h)}</th>`).join("")}</tr></thead>
<tbody>${group.entries.map((entry, i) => row(entry, detail(i), columns, anchors, gate, words)).join("\n")}</tbody></table>
<details><summary>${escapeMarkup(said.detailsOf(group.findings.length))}</summary>
${group.entries.map((entry, i) => details(entry, detail(i), anchors, gate, words)).join("\n")}
</details>
</section>`;
}
function causeCards(groups, anchors, gate, words) {
  const said = words.html;
  const heading = `<h2 id="to-fix">${escapeMarkup(said.findingsHeading)}</h2>`;
  if (groups.length === 0) return `${heading}
<p>${escapeMarkup(said.nothingAnywhere)}</p>`;
  let next = 1;
  const cards = groups.map((group, i) => {
    const html3 = card(group, `cause-${i + 1}`, next, anchors, gate, words);
    next += group.entries.length;
    return html3;
  });
  const findings = groups.reduce((sum, g) => sum + g.findings.length, 0);
  return `${heading}
<p>${escapeMarkup(said.findingsIntro(findings, groups.length))}</p>
${cards.join("\n")}`;
}
function ruleLegend(gate, words) {
  const shown = new Set(gate.findings.map((f) => f.rule));
  const rules = gate.rules.filter((rule) => shown.has(rule.id));
  if (rules.length === 0) return "";
  const said = words.html;
  const entries = rules.map((rule) => {
    const text = ruleWords(gate, rule.id, words) ?? rule;
    return `<div><dt id="${ruleAnchor(rule.id)}">${escapeMarkup(text.title)} <code>${escapeMarkup(rule.id)}</code></dt><dd>${escapeMarkup(text.plainWords)}<small>${escapeMarkup(text.legalBasis)}</small></dd></div>`;
  });
  return `<h2>${escapeMarkup(said.rulesHeading)}</h2>
<p>${escapeMarkup(said.rulesIntro)}</p>
<dl class="legend">${entries.join("\n")}</dl>`;
}

// src/report/html-style.ts
var HTML_STYLE = `
:root { --ok: #1a7f37; --error: #c62828; --warn: #a86400; --muted: #5f6b7a; --line: #d8dee4; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
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
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: 14px; line-height: 1.4; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.ok { color: var(--ok); } td.error { color: var(--error); font-weight: 600; } td.warn { color: var(--warn); font-weight: 600; }
td.declared-no { color: var(--warn); font-weight: 600; } td.declared-unknown { color: var(--muted); }
td.skipped { color: var(--muted); }
td small { display: block; color: var(--muted); font-weight: 400; font-size: 12px; }
.page { border: 1px solid var(--line); border-radius: 8px; padding: 0 1rem 1rem; margin: 1.25rem 0; }
.page-body { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.shots { display: flex; flex-direction: column; gap: .5rem; width: 13rem; max-width: 100%; }
.timelines { flex: 1 1 36rem; min-width: 0; }
figure { margin: 0; max-width: 100%; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 12px; line-height: 1.35; margin-top: .2rem; }
.cause { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px; padding: .1rem 1rem .5rem; margin: 1rem 0; }
.cause.error { border-left-color: var(--error); } .cause.warn { border-left-color: var(--warn); }
.cause h3 { margin: .6rem 0 .2rem; font-size: 1.15rem; }
.cause .summary { margin: .2rem 0; color: var(--muted); }
.cause blockquote { margin: .3rem 0; padding-left: .75rem; border-left: 3px solid var(--line); color: var(--muted); font-style: italic; }
.trail { margin: .3rem 0; }
.trail ol.chain { display: inline; padding: 0; }
.trail ol.chain li { display: inline; }
.trail ol.chain li + li::before { content: " \u2192 "; color: var(--muted); }
.trail ol.chain li span { margin-left: .3rem; }
table.caused { margin: .4rem 0; font-size: 14px; }
table.caused caption { text-align: left; color: var(--muted); font-size: 13px; }
table.caused th, table.caused td { padding: .1rem .5rem; }
table.caused td.time { white-space: nowrap; }
table.caused tbody th { background: none; font-weight: 400; }
.finding { border-left: 4px solid var(--line); padding: .25rem 0 .25rem 1rem; margin: 1rem 0; }
.finding.error { border-color: var(--error); } .finding.warn { border-color: var(--warn); }
.finding.baselined, .finding.allowed { border-color: var(--line); opacity: .8; }
.finding h4 { margin: .25rem 0; font-size: 1.05rem; }
.finding .pages { margin: .1rem 0; color: var(--muted); }
ul.page-causes { margin: .25rem 0 .75rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: 12px; font-weight: 600; color: #fff; vertical-align: 2px; }
.badge.error { background: var(--error); } .badge.warn { background: var(--warn); } .badge.known { background: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
ul.evidence { margin: .1rem 0; }
dl.legend { margin: .5rem 0; column-count: 2; column-gap: 2rem; }
dl.legend > div { break-inside: avoid; padding-bottom: .5rem; }
dl.legend dt { font-weight: 600; }
dl.legend dd { margin: .1rem 0 0; font-size: 14px; line-height: 1.4; }
dl.legend small { display: block; color: var(--muted); font-size: 12px; }
figure.timeline { margin: .75rem 0; }
figure.timeline svg { display: block; max-width: 100%; height: auto; }
.timeline text { font-size: 12px; fill: #1f2328; }
.timeline .vendor { text-anchor: end; }
.timeline .tick-label { text-anchor: middle; fill: var(--muted); }
.timeline .tick { stroke: var(--line); }
.timeline .lane { stroke: var(--soft); stroke-width: 10; }
.timeline .band { fill: #ffebe9; }
.timeline .band-label { fill: #a40e26; font-weight: 600; }
.timeline .moment { stroke-width: 2; }
.timeline .moment.banner { stroke: #0550ae; stroke-dasharray: 5 3; }
.timeline .moment.action { stroke: #1f2328; }
.timeline .moment-label { font-weight: 600; }
.timeline .mark { stroke: #fff; stroke-width: 1.5; }
.timeline .mark.flagged { stroke: #a40e26; stroke-width: 2.5; }
.cat-analytics { --cat: #0969da; } .cat-marketing { --cat: #bf3989; } .cat-social { --cat: #8250df; }
.cat-preferences { --cat: #1a7f37; } .cat-necessary { --cat: #57606a; } .cat-unknown { --cat: #953800; }
circle.mark { fill: var(--cat); }
.key::before { content: ""; display: inline-block; width: .7em; height: .7em; border-radius: 50%; background: var(--cat); margin: 0 .3em 0 .2em; }
ol.chain { margin: .25rem 0; padding-left: 1.5rem; }
ol.chain li span { color: var(--muted); font-size: 13px; margin-left: .5rem; }
details { margin: .25rem 0; }
summary { cursor: pointer; color: var(--muted); }
footer { color: var(--muted); font-size: 13px; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; }
@media (max-width: 50rem) { dl.legend { column-count: 1; } }
@media print { .verdict { color: #000; background: none !important; border-bottom: 3px solid #000; } .page, .cause { break-inside: avoid-page; } }
`;

// src/report/html-timeline.ts
var WIDTH = 960;
var LABELS = 200;
var RIGHT = 24;
var TOP = 40;
var ROW = 22;
var AXIS = 28;
var STEPS = [100, 200, 250, 500, 1e3, 2e3, 2500, 5e3, 1e4, 2e4, 3e4, 6e4];
function rowsOf(findings) {
  const rows = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.firstSeenMs === null) continue;
    const vendor = f.vendor ?? f.subject.host ?? subjectLabel(f);
    const row2 = rows.get(vendor) ?? { vendor, category: f.category, marks: [] };
    const what = subjectLabel(f);
    const mark = row2.marks.find((m) => m.what === what);
    if (!mark) row2.marks.push({ what, ms: f.firstSeenMs });
    else mark.ms = Math.min(mark.ms, f.firstSeenMs);
    rows.set(vendor, row2);
  }
  const first = (row2) => Math.min(...row2.marks.map((m) => m.ms));
  return [...rows.values()].sort((a, b) => first(a) - first(b));
}
function momentsOf(page, scan, times) {
  const before = times.from === scan.phase ? null : page.phases.find((s) => s.phase === times.from)?.times;
  const banner = times.bannerShownMs ?? before?.bannerShownMs ?? null;
  const action = scan.action?.done && times.actionMs !== null ? { kind: scan.action.kind, ms: times.actionMs } : null;
  return { banner, action };
}
function storedChoice(scan) {
  const first = scan.action?.steps[0];
  return first?.do === "stored" && !first.bannerAgain ? first.choice : null;
}
function bandsOf(banner, action, end, stored) {
  if (stored) return stored === "accept" ? [] : [{ from: 0, to: end, name: "afterRefusal" }];
  const bands = [];
  if (banner === null && (!action || action.kind === "scroll")) return [{ from: 0, to: end, name: "noBanner" }];
  if (banner !== null && action?.kind !== "withdraw") bands.push({ from: 0, to: banner, name: "beforeBanner" });
  if (action && action.kind !== "accept") bands.push({ from: action.ms, to: end, name: action.kind === "scroll" ? "afterScroll" : "afterRefusal" });
  return bands;
}
function scaleOf(last) {
  const span = Math.max(last * 1.08, 500);
  const step = STEPS.find((s) => span / s <= 8) ?? STEPS.at(-1);
  return { end: Math.ceil(span / step) * step, step };
}
function timeline(page, scan, findings, id, pageName, words) {
  if (!scan.times) return "";
  const said = words.html;
  const rows = rowsOf(findings);
  const { banner, action } = momentsOf(page, scan, scan.times);
  const times = [...rows.flatMap((r) => r.marks.map((m) => m.ms)), banner ?? 0, action?.ms ?? 0];
  const { end, step } = scaleOf(Math.max(...times));
  const bands = bandsOf(banner, action, end, storedChoice(scan));
  const x = (ms2) => +(LABELS + Math.min(ms2, end) / end * (WIDTH - LABELS - RIGHT)).toFixed(1);
  const height = TOP + Math.max(rows.length, 1) * ROW + AXIS;
  const bottom = height - AXIS;
  const bandOf = (ms2) => bands.find((b) => ms2 >= b.from && (b.name === "beforeBanner" ? ms2 < b.to : ms2 <= b.to));
  const sentence = (vendor, m) => {
    const band = bandOf(m.ms);
    return said.mark(vendor, m.what, words.time(m.ms), band ? said.band[band.name] : null);
  };
  const parts = [];
  for (const band of bands) {
    parts.push(`<rect class="band" x="${x(band.from)}" y="${TOP - 6}" width="${(x(band.to) - x(band.from)).toFixed(1)}" height="${bottom - TOP + 6}"/>`);
    parts.push(`<text class="band-label" x="${x(band.from) + 4}" y="14">${escapeMarkup(said.band[band.name])}</text>`);
  }
  for (let ms2 = 0; ms2 <= end; ms2 += step) {
    parts.push(`<line class="tick" x1="${x(ms2)}" y1="${TOP - 6}" x2="${x(ms2)}" y2="${bottom + 4}"/><text class="tick-label" x="${x(ms2)}" y="${bottom + 18}">${escapeMarkup(words.time(ms2))}</text>`);
  }
  rows.forEach((row2, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const marks2 = row2.marks.map(
      (m) => `<circle class="mark cat-${row2.category}${bandOf(m.ms) ? " flagged" : ""}" cx="${x(m.ms)}" cy="${y}" r="6"><title>${escapeMarkup(sentence(row2.vendor, m))}</title></circle>`
    );
    parts.push(`<g class="row"><text class="vendor" x="${LABELS - 10}" y="${y + 4}">${escapeMarkup(row2.vendor)}</text><line class="lane" x1="${LABELS}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}"/>${marks2.join("")}</g>`);
  });
  const moments = [];
  if (banner !== null) {
    parts.push(`<line class="moment banner" x1="${x(banner)}" y1="${TOP - 6}" x2="${x(banner)}" y2="${bottom}"/><text class="moment-label" x="${x(banner) - 4}" y="31" text-anchor="end">${escapeMarkup(said.bannerSeen)}</text>`);
    moments.push(said.at(said.bannerSeen, words.time(banner)));
  }
  if (action) {
    parts.push(`<line class="moment action" x1="${x(action.ms)}" y1="${TOP - 6}" x2="${x(action.ms)}" y2="${bottom}"/><text class="moment-label" x="${x(action.ms) + 4}" y="31">${escapeMarkup(said.action[action.kind])}</text>`);
    moments.push(said.at(said.action[action.kind], words.time(action.ms)));
  }
  const marks = rows.flatMap((row2) => row2.marks.map((m) => ({ ms: m.ms, text: sentence(row2.vendor, m) }))).sort((a, b) => a.ms - b.ms);
  const described = [...moments, ...marks.map((m) => m.text)];
  const title = said.timelineTitle(pageName, words.phase[scan.phase].label);
  const categories = [...new Set(rows.map((r) => r.category))].map((c) => `<span class="key cat-${c}">${escapeMarkup(said.purpose[c])}</span>`).join(" ");
  return `<figure class="timeline">
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeMarkup(title)}</title><desc id="${id}-desc">${escapeMarkup(described.join("; "))}.</desc>
${parts.join("\n")}
</svg>
<figcaption>${escapeMarkup(words.phase[scan.phase].label)}${categories ? ` \xB7 ${categories}` : ""}</figcaption>
</figure>`;
}

// src/report/text/site.ts
function siteName(gate) {
  return gate.target.name ?? [...new Set(gate.pages.map((p) => new URL(p.url).host))].join(", ");
}

// src/report/html.ts
function lifetime(entry, words) {
  const said = words.html.lifetime;
  if (entry.kind === "storage") return said.storage;
  const days = entry.lifetimeDays;
  if (days === null) return said.session;
  if (days >= 365) return said.years(+(days / 365).toFixed(1), days);
  return said.days(days);
}
function header(gate, words) {
  const { verdict } = gate;
  const said = words.html;
  const counts2 = [verdict.errors, verdict.warnings, verdict.scanErrors, verdict.baselined, verdict.allowed].map((n, i) => [n, said.counts[i]]);
  const meta = [new Date(gate.startedAt).toUTCString(), said.meta(gate.pages.length, gate.policy.jurisdiction, !gate.policy.path), said.builtWith(`${gate.tool.name} ${gate.tool.version}`, gate.browser.version)];
  return `<header class="verdict ${verdict.status}"><div>
<h1>${escapeMarkup(said.title(verdict.status, siteName(gate)))}</h1>
<p>${escapeMarkup(words.reason(verdict, gate.policy.failOn))}.</p>
<ul class="counts">${counts2.map(([n, label]) => `<li><strong>${n}</strong> ${escapeMarkup(label)}</li>`).join("")}</ul>
<p class="coverage">${escapeMarkup(words.markdown.pagesLabel)}: ${escapeMarkup(coverageLine(gate.coverage, words))}.${coverageReasons(gate.coverage, words).map((reason) => ` ${escapeMarkup(reason)}`).join("")}</p>
<p class="meta">${escapeMarkup(meta.join(" \xB7 "))}</p>
</div></header>`;
}
function matrixCell(page, phase, findings, words) {
  const scan = page.phases.find((s) => s.phase === phase);
  if (!scan) return `<td class="skipped">${escapeMarkup(page.skipped.find((s) => s.phase === phase)?.reason ?? words.html.notAskedFor)}</td>`;
  if (scan.error) return `<td class="error">${escapeMarkup(words.html.notScanned)}<small>${escapeMarkup(scan.error)}</small></td>`;
  const mine = findings.filter((f) => f.phase === phase && f.status === "new");
  const errors = mine.filter((f) => f.severity === "error").length;
  const warnings = mine.length - errors;
  const text = errors || warnings ? [errors ? words.errors(errors) : "", warnings ? words.warnings(warnings) : ""].filter(Boolean).join(", ") : phase === "initial" ? words.clean : words.html.noFindings;
  const action = scan.action ? `<small>${escapeMarkup(words.action(scan.action))}</small>` : "";
  return `<td class="${errors ? "error" : warnings ? "warn" : "ok"}">${escapeMarkup(text)}${action}</td>`;
}
function matrix(gate, anchors, words) {
  const said = words.html;
  const rows = gate.pages.map((page) => {
    const findings = gate.findings.filter((f) => f.page === page.url);
    return `<tr><th scope="row"><a href="#${anchors.get(page.url)}">${escapeMarkup(pageLabel(page.url))}</a></th>${VISITS.map((v) => matrixCell(page, v.id, findings, words)).join("")}</tr>`;
  });
  return `<h2>${escapeMarkup(said.visitedHeading)}</h2>
<details><summary>${escapeMarkup(said.visitedSummary)}</summary><p>${escapeMarkup(said.visitedIntro(VISITS.map((v) => words.phase[v.id].summary).join("; ")))}</p></details>
<table><caption class="meta">${escapeMarkup(said.visitsCaption)}</caption><thead><tr><th scope="col">${escapeMarkup(said.pageHeading)}</th>${VISITS.map((v) => `<th scope="col">${escapeMarkup(words.phase[v.id].label)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}
function pageSection(page, id, groups, gate, words) {
  const said = words.html;
  const mine = groups.map((group, i) => ({ group, id: `cause-${i + 1}` })).filter(({ group }) => group.pages.includes(page.url));
  const shots = page.phases[0]?.screenshots;
  const figures = [
    shots?.page ? `<figure><img src="${shots.page}" alt="${escapeMarkup(said.screenshotPage[0])}"><figcaption>${escapeMarkup(said.screenshotPage[1])}</figcaption></figure>` : "",
    shots?.banner ? `<figure><img src="${shots.banner}" alt="${escapeMarkup(said.screenshotBanner[0])}"><figcaption>${escapeMarkup(said.screenshotBanner[1])}</figcaption></figure>` : ""
  ].join("");
  const where = repoPath(gate.target.files[page.url]) ?? (gate.target.ephemeral ? null : page.url);
  const findings = gate.findings.filter((f) => f.page === page.url);
  const timelines = page.phases.filter((scan) => scan.error === null && findings.some((f) => f.phase === scan.phase)).map((scan) => timeline(page, scan, findings.filter((f) => f.phase === scan.phase), `${id}-${scan.phase}`, pageLabel(page.url), words)).join("\n");
  const list = mine.length > 0 ? `<ul class="page-causes">${mine.map(({ group, id: to }) => `<li><a href="#${to}">${escapeMarkup(causeTitle(group, gate, words))}</a></li>`).join("")}</ul>` : `<p>${escapeMarkup(said.nothingOnPage)}</p>`;
  return `<section class="page" id="${id}"><h3>${escapeMarkup(pageLabel(page.url))}${where ? ` <span class="meta">${escapeMarkup(where)}</span>` : ""}</h3>
<div class="page-body">${figures ? `<div class="shots">${figures}</div>` : ""}<div class="timelines">${list}
${timelines}</div></div>
</section>`;
}
function declaredCell(entry, words) {
  const state = entry.declared === true ? "yes" : entry.declared === false ? "no" : "unknown";
  return `<td class="declared-${state}">${escapeMarkup(words.html.declared[state])}</td>`;
}
function inventory(gate, words) {
  const said = words.html;
  const heading = `<h2>${escapeMarkup(said.storedHeading)}</h2>`;
  const accepted = gate.inventory.length > 0 || gate.pages.some((p) => p.phases.some((s) => s.phase === "after-accept" && s.action?.done));
  if (!accepted) return `${heading}<p>${escapeMarkup(said.noInventory)}</p>`;
  const rows = gate.inventory.map(
    (e) => `<tr><td><code>${escapeMarkup(e.name)}</code></td><td>${escapeMarkup(said.kind[e.kind])}</td><td>${escapeMarkup(e.vendor ?? said.notKnown)}</td><td>${escapeMarkup(said.purpose[e.category])}</td><td>${escapeMarkup(lifetime(e, words))}</td><td>${escapeMarkup(e.party === "first" ? said.party.first : said.thirdParty(e.domain))}</td>${declaredCell(e, words)}<td>${escapeMarkup(e.pages.join(", "))}</td></tr>`
  );
  return `${heading}
<p>${escapeMarkup(said.storedIntro)}</p>
<details><summary>${escapeMarkup(said.storedSummary(gate.inventory.length))}</summary>
<table><caption class="meta">${escapeMarkup(said.storedCaption)}</caption><thead><tr>${said.storedHeadings.map((h) => `<th scope="col">${escapeMarkup(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n") || `<tr><td colspan="8">${escapeMarkup(said.nothingStored)}</td></tr>`}</tbody></table></details>`;
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
  const groups = groupByCause(gate);
  const anchors = new Map(gate.pages.map((page, i) => [page.url, `page-${i + 1}`]));
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(said.title(gate.verdict.status, siteName(gate)))} \xB7 ${escapeMarkup(gate.tool.name)}</title>
<style>${HTML_STYLE}</style></head>
<body>
${header(gate, words)}
<main>
${causeCards(groups, anchors, gate, words)}
<h2>${escapeMarkup(said.pagesHeading)}</h2>
<p>${escapeMarkup(said.timelineIntro)}</p>
${gate.pages.map((page) => pageSection(page, anchors.get(page.url), groups, gate, words)).join("\n")}
${matrix(gate, anchors, words)}
${inventory(gate, words)}
${ruleLegend(gate, words)}
${fixed(gate, words)}
<footer>${escapeMarkup(said.footer(`${gate.tool.name} ${gate.tool.version}`, (gate.durationMs / 1e3).toFixed(1), gate.data.thirdPartyWeb, gate.data.openCookieDatabase))}</footer>
</main>
</body></html>
`;
}
var html = { name: "html", file: "consent-gate.html", render: (gate, _place, lang) => formatHtml(gate, lang), screenshots: true };

// src/report/junit.ts
var seconds = (ms2) => (ms2 / 1e3).toFixed(3);
function testcase(finding, fails, scanFailure) {
  const name = escapeMarkup(`${finding.rule} (${finding.phase}): ${subjectLabel(finding)}`);
  const trail = chainSteps(finding).map((step) => `  ${step.url}  (${step.how})`);
  const detail = [finding.message, ...finding.evidence, ...trail.length > 1 ? ["Chain from the page:", ...trail] : []].join("\n");
  const body = scanFailure ? `<error message="${escapeMarkup(finding.message)}">${escapeMarkup(detail)}</error>` : finding.status !== "new" ? `<skipped message="${escapeMarkup(`${finding.status}: ${finding.because ?? ""}`.trim())}"/>` : fails ? `<failure message="${escapeMarkup(finding.message)}" type="${finding.rule}">${escapeMarkup(detail)}</failure>` : `<system-out>${escapeMarkup(`${finding.severity}: ${detail}`)}</system-out>`;
  return `    <testcase classname="${escapeMarkup(pageLabel(finding.page))}" name="${name}">${body}</testcase>`;
}
var junit = {
  name: "junit",
  file: "consent-gate.junit.xml",
  render: (gate) => {
    const failed = (f) => isScanFailure(gate, f);
    const fails = (f) => !failed(f) && failsGate(f, gate.policy.failOn);
    const suites = gate.pages.map((page) => {
      const findings = gate.findings.filter((f) => f.page === page.url);
      const cases = findings.map((f) => testcase(f, fails(f), failed(f)));
      if (findings.length === 0) cases.push(`    <testcase classname="${escapeMarkup(pageLabel(page.url))}" name="no tracking before consent"/>`);
      return {
        name: pageLabel(page.url),
        cases,
        failures: findings.filter(fails).length,
        errors: findings.filter(failed).length,
        skipped: findings.filter((f) => f.status !== "new" && !failed(f)).length,
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
function result(finding, at, gate) {
  const suppressed = finding.status === "new" ? {} : { suppressions: [{ kind: "external", status: "accepted", justification: finding.because ?? `${finding.status} in consent-gate` }] };
  return {
    ruleId: finding.rule,
    ruleIndex: gate.rules.findIndex((r) => r.id === finding.rule),
    level: LEVEL[finding.severity],
    message: { text: findingSentence(finding, pageLabel(finding.page)) },
    locations: [
      {
        // No file to point at is no physical location, rather than one at a file that does not exist.
        ...at ? { physicalLocation: { artifactLocation: { uri: at.path }, region: { startLine: at.line } } } : {},
        logicalLocations: [{ fullyQualifiedName: pageLabel(finding.page), kind: "resource" }]
      }
    ],
    // v2: per page. v1 was the subject alone, which folded one tracker on every page into one alert.
    partialFingerprints: { "consentGate/v2": pageIdentity(finding) },
    properties: { page: finding.page, fingerprint: finding.fingerprint, phase: finding.phase, category: finding.category, vendor: finding.vendor, party: finding.party, status: finding.status, evidence: finding.evidence, chain: finding.chain },
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

// src/report/declaration/words.ts
var DECLARATION_WORDS = {
  nl: {
    title: "Cookieverklaring",
    intro: "Deze website gebruikt de volgende cookies en gelijkaardige technieken (gegevens die in uw browser worden opgeslagen), per doel.",
    group: {
      necessary: { title: "Strikt noodzakelijk", about: "Nodig om de website te laten werken (beveiliging, formulieren, uw cookiekeuze). Hiervoor is geen toestemming nodig.", purpose: "nodig voor de werking van de website" },
      preferences: { title: "Voorkeuren", about: "Onthouden uw keuzes, zoals taal of weergave.", purpose: "onthoudt uw voorkeuren" },
      analytics: { title: "Statistieken", about: "Meten hoe bezoekers de website gebruiken, om haar te verbeteren. Alleen met uw toestemming.", purpose: "bezoekersstatistieken" },
      marketing: { title: "Marketing", about: "Volgen uw bezoek om advertenties te tonen en te meten, ook op andere websites. Alleen met uw toestemming.", purpose: "advertenties" },
      social: { title: "Sociale media", about: "Laten knoppen van sociale media en ingesloten inhoud (video's, kaarten) werken, en laten die diensten u herkennen. Alleen met uw toestemming.", purpose: "sociale media en ingesloten inhoud" },
      unknown: { title: "Nog niet ingedeeld", about: "Het doel van deze cookies is nog niet bekend: vul het aan voor u deze verklaring publiceert.", purpose: "doel nog aan te vullen" }
    },
    columns: { name: "Naam", provider: "Aanbieder", party: "Partij", purpose: "Doel", retention: "Bewaartermijn", sentTo: "Gedeeld met" },
    party: { first: "eerste partij", third: "derde partij" },
    thisSite: "deze website",
    removal: "U kunt uw toestemming op elk moment intrekken of aanpassen via de cookie-instellingen van deze website. Cookies verwijdert u in de instellingen van uw browser; daarna vragen wij uw toestemming opnieuw.",
    madeBy: (tool, site, date, pages) => `Opgesteld met ${tool} uit een scan van ${site} op ${date} (${pages} ${pages === 1 ? "pagina" : "pagina's"}). Controleer elk doel voor u deze verklaring publiceert.`,
    nothing: "Deze website slaat niets op in uw browser.",
    csv: { category: "Categorie", kind: "Soort", lifetimeDays: "Bewaartermijn in dagen", domains: "Domeinen" }
  },
  fr: {
    title: "D\xE9claration de cookies",
    intro: "Ce site utilise les cookies et techniques similaires (donn\xE9es enregistr\xE9es dans votre navigateur) suivants, par finalit\xE9.",
    group: {
      necessary: { title: "Strictement n\xE9cessaires", about: "N\xE9cessaires au fonctionnement du site (s\xE9curit\xE9, formulaires, votre choix en mati\xE8re de cookies). Ils ne demandent pas de consentement.", purpose: "n\xE9cessaire au fonctionnement du site" },
      preferences: { title: "Pr\xE9f\xE9rences", about: "Retiennent vos choix, comme la langue ou l'affichage.", purpose: "retient vos pr\xE9f\xE9rences" },
      analytics: { title: "Statistiques", about: "Mesurent l'utilisation du site pour l'am\xE9liorer. Uniquement avec votre consentement.", purpose: "mesure d'audience" },
      marketing: { title: "Marketing", about: "Suivent votre visite pour afficher et mesurer des publicit\xE9s, y compris sur d'autres sites. Uniquement avec votre consentement.", purpose: "publicit\xE9" },
      social: { title: "R\xE9seaux sociaux", about: "Font fonctionner les boutons de r\xE9seaux sociaux et les contenus int\xE9gr\xE9s (vid\xE9os, cartes), et permettent \xE0 ces services de vous reconna\xEEtre. Uniquement avec votre consentement.", purpose: "r\xE9seaux sociaux et contenus int\xE9gr\xE9s" },
      unknown: { title: "Non class\xE9s", about: "La finalit\xE9 de ces cookies n'est pas encore connue : compl\xE9tez-la avant de publier cette d\xE9claration.", purpose: "finalit\xE9 \xE0 compl\xE9ter" }
    },
    columns: { name: "Nom", provider: "Fournisseur", party: "Partie", purpose: "Finalit\xE9", retention: "Dur\xE9e de conservation", sentTo: "Transmis \xE0" },
    party: { first: "premi\xE8re partie", third: "tierce partie" },
    thisSite: "ce site",
    removal: "Vous pouvez retirer ou modifier votre consentement \xE0 tout moment dans les param\xE8tres des cookies de ce site. Vous supprimez les cookies dans les r\xE9glages de votre navigateur ; nous vous demanderons alors \xE0 nouveau votre consentement.",
    madeBy: (tool, site, date, pages) => `\xC9tablie avec ${tool} \xE0 partir d'une analyse de ${site} le ${date} (${pages} page${pages === 1 ? "" : "s"}). V\xE9rifiez chaque finalit\xE9 avant de publier cette d\xE9claration.`,
    nothing: "Ce site n'enregistre rien dans votre navigateur.",
    csv: { category: "Cat\xE9gorie", kind: "Type", lifetimeDays: "Dur\xE9e de conservation en jours", domains: "Domaines" }
  },
  en: {
    title: "Cookie declaration",
    intro: "This website uses the following cookies and similar techniques (data stored in your browser), by purpose.",
    group: {
      necessary: { title: "Strictly necessary", about: "Needed for the website to work (security, forms, your cookie choice). They need no consent.", purpose: "needed for the website to work" },
      preferences: { title: "Preferences", about: "Remember your choices, such as language or display.", purpose: "remembers your preferences" },
      analytics: { title: "Statistics", about: "Measure how visitors use the website, to improve it. Only with your consent.", purpose: "visitor statistics" },
      marketing: { title: "Marketing", about: "Follow your visit to show and measure advertising, also on other websites. Only with your consent.", purpose: "advertising" },
      social: { title: "Social media", about: "Make social media buttons and embedded content (videos, maps) work, and let those services recognise you. Only with your consent.", purpose: "social media and embedded content" },
      unknown: { title: "Not yet classified", about: "What these cookies are for is not known yet: fill it in before you publish this declaration.", purpose: "purpose to be filled in" }
    },
    columns: { name: "Name", provider: "Provider", party: "Party", purpose: "Purpose", retention: "Retention", sentTo: "Shared with" },
    party: { first: "first party", third: "third party" },
    thisSite: "this website",
    removal: "You can withdraw or change your consent at any time in this website's cookie settings. You remove cookies in your browser's settings; we will then ask for your consent again.",
    madeBy: (tool, site, date, pages) => `Made with ${tool} from a scan of ${site} on ${date} (${pages} page${pages === 1 ? "" : "s"}). Check each purpose before you publish this declaration.`,
    nothing: "This website stores nothing in your browser.",
    csv: { category: "Category", kind: "Kind", lifetimeDays: "Retention in days", domains: "Domains" }
  }
};

// src/report/declaration/formats.ts
var storageNote = (item) => item.storage ? ` (${item.storage})` : "";
var sentTo = (item) => item.sentTo.join(", ") || "\u2014";
var cell2 = (text) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
function markdown2(d) {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const groups = d.groups.map((group) => {
    const rows = group.items.map(
      (item) => `| \`${item.name}\`${storageNote(item)} | ${cell2(item.provider)} | ${words.party[item.party]} | ${cell2(item.purpose)} | ${item.retention} | ${cell2(sentTo(item))} |`
    );
    return `## ${group.title}

${group.about}

| ${c.name} | ${c.provider} | ${c.party} | ${c.purpose} | ${c.retention} | ${c.sentTo} |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
  });
  return `# ${d.title}

${d.groups.length > 0 ? d.intro : words.nothing}

${groups.join("\n")}${groups.length > 0 ? "\n" : ""}${d.removal}

_${d.madeBy}_
`;
}
function html2(d) {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const head = `<thead><tr>${[c.name, c.provider, c.party, c.purpose, c.retention, c.sentTo].map((h) => `<th scope="col">${escapeMarkup(h)}</th>`).join("")}</tr></thead>`;
  const groups = d.groups.map((group) => {
    const rows = group.items.map((item) => {
      const english = item.purposeFrom === "open-cookie-database" && d.lang !== "en" ? ' lang="en"' : "";
      return `<tr><td><code>${escapeMarkup(item.name)}</code>${escapeMarkup(storageNote(item))}</td><td>${escapeMarkup(item.provider)}</td><td>${escapeMarkup(words.party[item.party])}</td><td${english}>${escapeMarkup(item.purpose)}</td><td>${escapeMarkup(item.retention)}</td><td>${escapeMarkup(sentTo(item))}</td></tr>`;
    });
    return `<h3>${escapeMarkup(group.title)}</h3>
<p>${escapeMarkup(group.about)}</p>
<table>
${head}
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  });
  return `<!-- ${escapeMarkup(d.madeBy).replace(/--/g, "- -")} -->
<section class="cookie-declaration" lang="${d.lang}">
<h2>${escapeMarkup(d.title)}</h2>
<p>${escapeMarkup(d.groups.length > 0 ? d.intro : words.nothing)}</p>
${groups.join("\n")}${groups.length > 0 ? "\n" : ""}<p>${escapeMarkup(d.removal)}</p>
</section>
`;
}
var field = (value) => {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
function csv(d) {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const header2 = [words.csv.category, c.name, words.csv.kind, c.provider, c.party, c.purpose, c.retention, words.csv.lifetimeDays, c.sentTo, words.csv.domains];
  const rows = d.groups.flatMap(
    (group) => group.items.map((item) => [group.title, item.name, item.storage ?? item.kind, item.provider, words.party[item.party], item.purpose, item.retention, item.lifetimeDays, item.sentTo.join(" "), item.domains.join(" ")])
  );
  return [header2, ...rows].map((row2) => row2.map(field).join(",")).join("\r\n") + "\r\n";
}
var json2 = (d) => JSON.stringify(d, null, 2) + "\n";
var DECLARATION_FORMATS = [
  { name: "markdown", file: "cookie-declaration.md", render: markdown2 },
  { name: "html", file: "cookie-declaration.html", render: html2 },
  { name: "csv", file: "cookie-declaration.csv", render: csv },
  { name: "json", file: "cookie-declaration.json", render: json2 }
];
var DECLARATION_FORMAT_NAMES = DECLARATION_FORMATS.map((f) => f.name);

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
    commands: ["scan", "baseline", "judge", "merge-reports", "declaration"],
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
    commands: ["scan", "baseline", "judge", "declaration"],
    help: "en, nl or fr: the language of the console summary, markdown and HTML, and of a cookie declaration (default: the policy's lang, else nl for the nl jurisdictions, else en)",
    parse: oneOf(LANGS, "")
  },
  {
    flag: "format",
    input: "formats",
    kind: "list",
    key: "formats",
    group: "Output and browser",
    arg: "LIST",
    commands: ["scan", "baseline", "judge", "merge-reports", "declaration"],
    help: `${FORMAT_NAMES.join(", ")}; comma-separated (default console); html is one self-contained file with screenshots. With declaration: ${DECLARATION_FORMAT_NAMES.join(", ")} (default markdown)`,
    parse: (values, name, command) => (command === "declaration" ? commaList(DECLARATION_FORMAT_NAMES, "declaration format") : commaList(FORMAT_NAMES, "format"))(values, name)
  },
  {
    flag: "report-dir",
    input: "report-dir",
    kind: "string",
    key: "reportDir",
    group: "Output and browser",
    arg: "DIR",
    commands: ["scan", "baseline", "judge", "merge-reports", "declaration"],
    help: "write each report format there (default: consent-gate-report when more than one file format is asked for)"
  },
  {
    flag: "output",
    short: "o",
    kind: "string",
    key: "output",
    group: "Output and browser",
    arg: "FILE",
    commands: ["scan", "baseline", "judge", "merge-reports", "declaration"],
    help: "write the one report format asked for to FILE (json alone, or one declaration format: default stdout)"
  },
  {
    flag: "gitlab-issue",
    kind: "boolean",
    key: "gitlabIssue",
    group: "Output and browser",
    commands: ["scan", "judge", "merge-reports"],
    help: "keep one GitLab issue up to date with what fails the gate (a scheduled watch of the live site): opened, updated, closed when a run passes; needs CI_API_V4_URL, CI_PROJECT_ID and CONSENT_GATE_GITLAB_TOKEN"
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
    commands: ["scan", "baseline"],
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
  { flag: "quiet", short: "q", kind: "boolean", key: "quiet", group: "Output and browser", commands: ["scan", "baseline", "judge", "merge-reports", "declaration"], help: "no progress output, only the summary" },
  { flag: "verbose", kind: "boolean", key: "verbose", group: "Output and browser", commands: ["scan", "baseline", "judge", "merge-reports", "declaration"], help: "a line per visit (page \xD7 phase) while scanning, stack traces on errors" },
  { flag: "hook", kind: "boolean", key: "hook", group: "Policy and baseline", commands: ["init"], help: "with init: also install a git pre-push hook" },
  { flag: "force", kind: "boolean", key: "force", group: "Policy and baseline", commands: ["init"], help: "with init: overwrite an existing policy file" }
];
function convert(spec, raw, name, command = "scan") {
  if (spec.parse) return spec.parse(raw, name, command);
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
var SCANNING = ["scan", "baseline", "declaration"];
var takes = (spec, command) => (spec.commands ?? SCANNING).includes(command);

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
  const cut = settle.cutShort ? ", cut short at the visit's wait budget" : "";
  const { opened, refused } = settle.windows;
  const windows = opened + refused > 0 ? ` \xB7 ${opened} window(s) followed${refused > 0 ? `, ${refused} not opened` : ""}` : "";
  return `waited ${seconds2(settle.waitedMs)} for the network${held ?? ""}${cut}${windows}`;
}
function visitLine(url, scan) {
  const what = scan.error ? `could not scan: ${scan.error}` : [scan.action?.detail, `${scan.requests.length} requests, ${scan.cookies.length} cookies, ${scan.storage.length} storage keys`, settleText(scan)].filter(Boolean).join(" \xB7 ");
  return `      ${scan.phase.padEnd(PHASE_WIDTH)}  ${seconds2(scan.durationMs).padStart(7)}  ${pageLabel(url)}  ${what}`;
}
function progressOutput(stream, verbose, now = Date.now) {
  const live = stream.isTTY;
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
function outputKind(format) {
  if (/\.(json|sarif)$/.test(format.file)) return "json";
  return /\.(html|xml)$/.test(format.file) ? "markup" : "text";
}
function checkReportTargets(names, where) {
  const files = names.filter((n) => n !== "console").map((n) => reportFormat(n));
  if (where.output !== void 0 && files.length !== 1) {
    throw new GateError(`--output names one file, but ${files.length} file formats were asked for (${files.map((f) => f.name).join(", ") || "none"}). Use --report-dir for several.`);
  }
  return files;
}
function writeReports(result2, names, where, cwd, secrets) {
  const files = checkReportTargets(names, where);
  if (where.output === void 0 && where.reportDir === void 0 && files.length === 1 && files[0].name === "json") return { files: /* @__PURE__ */ new Map(), stdout: files[0] };
  const dir = resolve2(cwd, where.reportDir ?? DEFAULT_REPORT_DIR);
  const paths = new Map(
    where.output !== void 0 ? [[files[0].name, resolve2(cwd, where.output)]] : files.map((format) => [format.name, join(dir, format.file)])
  );
  const place = reportPlace(paths, where.runUrl);
  for (const format of files) writeFileAtomic(paths.get(format.name), secrets.clear(format.render(result2, place, where.lang), outputKind(format)));
  return { files: paths, stdout: null };
}
function reportPlace(paths, runUrl) {
  const all = [...paths.values()];
  if (all.length === 0) return void 0;
  const dir = dirname(all[0]);
  return { dir: (repoPath(dir) ?? dir) || ".", files: all.map((path) => basename(path)), ...runUrl ? { runUrl } : {} };
}

// src/report/comment.ts
var BODY_LIMIT = 65536;
var MAX_GROUPS = 50;
var MAX_FIXED = 20;
var MORE_ROOM = 300;
var hiddenMarker = (marker) => `<!-- ${marker} -->`;
var bytes = (text) => Buffer.byteLength(text, "utf8");
function codeSpan(text) {
  const flat = text.replace(/\s+/g, " ");
  const fence = "`".repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function inert(text) {
  return text.replace(/[\\`*_[\]<>|~!]/g, "\\$&").replace(/([@#])/g, "$1\u200B");
}
function groupItem(gate, { finding: f, pages }, words) {
  const said = words.comment;
  const title = ruleWords(gate, f.rule, words)?.title ?? f.rule;
  const what = [
    `${f.severity === "error" ? "\u{1F534}" : "\u{1F7E1}"} ${inert(title)}: ${codeSpan(subjectLabel(f))}`,
    inert(words.vendor(f.vendor, f.category)),
    words.phase[f.phase].short,
    `${said.on} ${namedPages(pages, words, codeSpan)}`
  ].join(" \xB7 ");
  const chain = shortChain(f);
  const detail = isScanFailure(gate, f) ? inert(findingMessage(f, words)) : chain ? `${said.loadedVia} ${codeSpan(chain)}` : null;
  return detail ? `- ${what}\\
  ${detail}` : `- ${what}`;
}
function ruleNote(gate, rule, words) {
  const said = ruleWords(gate, rule, words);
  const docs = gate.rules.find((r) => r.id === rule)?.docsUrl;
  const title = said ? docs ? `[${said.title}](${docs})` : said.title : rule;
  return `> **${title}** \xB7 \`${rule}\`${said?.plainWords ? `: ${said.plainWords}` : ""}`;
}
function findingBlocks(gate, words) {
  const explained = /* @__PURE__ */ new Set();
  return groupByCause(gate, gate.findings.filter((f) => f.status === "new")).flatMap((group) => {
    const worst = group.findings.some((f) => f.severity === "error") ? "\u{1F534}" : "\u{1F7E1}";
    const fresh = [...new Set(group.entries.map((entry) => entry.finding.rule))].filter((rule) => !explained.has(rule));
    for (const rule of fresh) explained.add(rule);
    const notes = fresh.map((rule) => ruleNote(gate, rule, words)).join("\n>\n");
    const heading = ["", `#### ${worst} ${inert(causeTitle(group, gate, words))}`, "", ...notes ? [notes, ""] : []].join("\n");
    return group.entries.map((entry, i) => `${i === 0 ? `${heading}
` : ""}${groupItem(gate, entry, words)}`);
  });
}
function fixedItem(gate, entry, words) {
  const title = ruleWords(gate, entry.rule, words)?.title ?? entry.rule;
  return `- ${title}: ${codeSpan(subjectLabel(entry))} ${words.comment.on} ${namedPages(entry.pages, words, codeSpan)}`;
}
function fitting(blocks, room, max) {
  const taken = [];
  let used = 0;
  for (const block of blocks.slice(0, max)) {
    used += bytes(block) + 1;
    if (used > room) break;
    taken.push(block);
  }
  return taken;
}
function reviewBody(gate, options) {
  const words = wordsFor(options.lang);
  const said = words.markdown;
  const limit = options.limit ?? BODY_LIMIT;
  const { verdict } = gate;
  const head = [
    hiddenMarker(options.marker),
    verdictLine(gate, words),
    "",
    `**${said.pagesLabel}:** ${inert(coverageLine(gate.coverage, words))}.`,
    ...coverageReasons(gate.coverage, words).map((reason) => `- ${inert(reason)}`)
  ].join("\n");
  const trailer = fullReport(options.place, words) ?? (options.runUrl ? words.comment.run(options.runUrl) : null);
  const when = `${gate.startedAt.slice(0, 16).replace("T", " ")} UTC`;
  const tail = ["", `${said.counts(verdict.baselined, verdict.allowed, verdict.fixed)}${verdict.fixed > 0 ? said.pruneHint : ""}`, "", [trailer, words.comment.checked(when)].filter(Boolean).join(" ")].join("\n");
  let room = limit - bytes(head) - bytes(tail) - 2 * MORE_ROOM;
  const found = findingBlocks(gate, words);
  const fixed2 = gate.baseline.fixed.map((entry) => fixedItem(gate, entry, words));
  const fixedHeading = `
#### ${words.comment.fixedHeading(fixed2.length)}
`;
  const shown = fitting(found, room - (fixed2.length > 0 ? bytes(fixedHeading) + Math.min(bytes(fixed2.join("\n")), 2e3) : 0), MAX_GROUPS);
  room -= bytes(shown.join("\n")) + shown.length;
  const lines = [head, ...shown];
  if (shown.length < found.length) lines.push("", words.comment.moreFindings(found.length - shown.length));
  if (fixed2.length > 0) {
    const listed = fitting(fixed2, room - bytes(fixedHeading), MAX_FIXED);
    lines.push(fixedHeading, ...listed);
    if (listed.length < fixed2.length) lines.push(words.comment.moreFixed(fixed2.length - listed.length));
  }
  return `${lines.join("\n")}
${tail}
`;
}
function reviewTitle(gate, lang) {
  return wordsFor(lang).html.title(gate.verdict.status, siteName(gate));
}

// src/entry/merge-reports.ts
import { readdirSync, statSync } from "node:fs";
import { basename as basename2, join as join2, relative as relative2 } from "node:path";

// src/verdict/shards.ts
var SAME_RUN = [
  ["the settings (target, pages, phases, time budgets, first-party domains, consent selectors)", (p) => p.shard.settings],
  ["the consent-gate version", (p) => p.run.tool.version],
  ["the pages found", (p) => [p.run.coverage.found, p.shard.of, p.run.coverage.leftOut]],
  ["the site", (p) => [p.run.target.name, p.run.target.ephemeral]]
];
function combineShards(reports) {
  const parts = reports.map(checkPart);
  const first = parts[0];
  if (!first) throw new GateError("No shard report was given, so no page was checked (never a pass). Give the folder the shards' reports were downloaded to.", 3);
  const byIndex = /* @__PURE__ */ new Map();
  for (const part of parts) {
    if (part.shard.total !== first.shard.total) {
      throw new GateError(`${part.name} is shard ${part.shard.index} of ${part.shard.total}, but ${first.name} is shard ${first.shard.index} of ${first.shard.total}: these are parts of different splits. Merge the shards of one run.`);
    }
    const differ = SAME_RUN.filter(([, of2]) => JSON.stringify(of2(part)) !== JSON.stringify(of2(first))).map(([what]) => what);
    if (differ.length > 0) {
      throw new GateError(`${part.name} is not from the same run as ${first.name}: ${differ.join(" and ")} differ. Run every shard with the same command, policy and consent-gate version, and merge the reports of one run.`);
    }
    const twin = byIndex.get(part.shard.index);
    if (twin) {
      throw new GateError(`Shard ${part.shard.index} of ${part.shard.total} was given twice (${twin.name} and ${part.name}). Give each shard's report once: an old artifact may lie beside a re-run's.`);
    }
    byIndex.set(part.shard.index, part);
  }
  const { total, of } = first.shard;
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new GateError(
      `${missing.length === 1 ? "Shard" : "Shards"} ${missing.join(", ")} of ${total} sent no report (read: ${parts.map((p) => p.name).join(", ")}): ${missing.length === 1 ? "its" : "their"} pages were not scanned, so the run is incomplete (never a pass). Run the merge even when a shard's job fails, and re-run the failed shard.`,
      3
    );
  }
  const ordered = [...byIndex.values()];
  const scanned = ordered.reduce((sum, p) => sum + p.shard.pages.length, 0);
  if (scanned !== of) {
    throw new GateError(`The shards scanned ${scanned} pages together, but each found ${of} to share out: the site changed between the shards' jobs. Scan the same build in every shard.`, 3);
  }
  const byPath = (key) => (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const starts = ordered.map((p) => Date.parse(p.run.startedAt));
  const ends = ordered.map((p) => Date.parse(p.run.startedAt) + p.run.durationMs);
  const { shard: _split, ...coverage } = first.run.coverage;
  return {
    tool: first.run.tool,
    data: first.run.data,
    browser: first.run.browser,
    startedAt: new Date(Math.min(...starts)).toISOString(),
    durationMs: Math.max(...ends) - Math.min(...starts),
    coverage: { ...coverage, scanned },
    target: {
      ...first.run.target,
      urls: ordered.flatMap((p) => p.run.target.urls).sort(byPath(pageKey)),
      files: Object.assign({}, ...ordered.map((p) => p.run.target.files))
    },
    pages: ordered.flatMap((p) => p.run.pages).sort(byPath((page) => pageKey(page.url)))
  };
}
function checkPart({ name, run }) {
  const shard = run.coverage.shard;
  if (!shard) {
    throw new GateError(`${name} is not a shard's report: it was scanned without --shard. merge-reports combines the reports of scan --shard 1/N \u2026 N/N; judge a whole run's report with: consent-gate judge ${name}`);
  }
  const strays = shard.pages.filter((path) => shardOfPath(path, shard.total) !== shard.index);
  if (run.pages.length !== shard.pages.length || strays.length > 0) {
    const why = strays.length > 0 ? `lists ${strays[0]}, which falls to shard ${shardOfPath(strays[0], shard.total)}` : `drew ${shard.pages.length} pages but holds results for ${run.pages.length}`;
    throw new GateError(`${name} is damaged or from another consent-gate version: shard ${shard.index} of ${shard.total} ${why}. Scan that shard again.`);
  }
  return { name, run, shard };
}

// src/entry/merge-reports.ts
function mergeReports(paths, policy, options = {}) {
  const files = paths.flatMap(reportFiles);
  const reports = files.map((file) => ({ name: relative2(process.cwd(), file) || file, run: readReport(file) }));
  return judgeSaved(combineShards(reports), policy, options);
}
function reportFiles(path) {
  let folder;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new GateError(`${relative2(process.cwd(), path) || path}: no such file or folder. Give the shards' JSON reports, or the folder their artifacts were downloaded to.`);
  }
  if (!folder) return [path];
  const found = readdirSync(path, { recursive: true, encoding: "utf8" }).filter((file) => basename2(file) === json.file).sort().map((file) => join2(path, file));
  if (found.length === 0) throw new GateError(`${relative2(process.cwd(), path) || path} holds no ${json.file}: no shard reported, so no page was checked (never a pass). Write each shard's with --format json.`, 3);
  return found;
}

// src/entry/watch-issue.ts
var watchMarker = (dir) => `consent-gate watch ${dir}`;
var commentMarker = (dir) => `consent-gate pull-request ${dir}`;
async function keepWatchIssue(host, gate, options, secrets) {
  const { dir, ...rest } = options;
  const marker = watchMarker(dir);
  const body = secrets.clear(reviewBody(gate, { ...rest, marker }), "text");
  const open = await host.findOpen(hiddenMarker(marker));
  if (gate.verdict.status === "passed") {
    if (!open) return { action: "none", issue: null };
    await host.close(open, body);
    return { action: "closed", issue: open };
  }
  const title = secrets.clear(reviewTitle(gate, options.lang), "text");
  if (open) {
    await host.update(open, title, body);
    return { action: "updated", issue: open };
  }
  return { action: "opened", issue: await host.open(title, body) };
}

export {
  gateOptions,
  findingLocation,
  findingSentence,
  siteName,
  markdown,
  needsScreenshots,
  DECLARATION_WORDS,
  DECLARATION_FORMATS,
  OPTIONS,
  convert,
  SCANNING,
  takes,
  visitLine,
  progressOutput,
  DEFAULT_REPORT_DIR,
  outputKind,
  checkReportTargets,
  writeReports,
  reportPlace,
  hiddenMarker,
  reviewBody,
  mergeReports,
  commentMarker,
  keepWatchIssue
};
