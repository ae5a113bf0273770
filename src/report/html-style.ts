/** The HTML report's only stylesheet, inlined: the file must open offline, from a mail or an artifact. */
export const HTML_STYLE = `
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
.trail ol.chain li + li::before { content: " → "; color: var(--muted); }
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
