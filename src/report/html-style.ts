/** The HTML report's only stylesheet, inlined: the file must open offline, from a mail or an artifact. */
export const HTML_STYLE = `
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
td.declared-no { color: var(--warn); font-weight: 600; } td.declared-unknown { color: var(--muted); }
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
