import { escapeMarkup as esc } from '../text/escape.js';
import type { CookieDeclaration, DeclarationItem } from './build.js';
import { DECLARATION_WORDS } from './words.js';

/** One way of writing the declaration: the same data in, one file's text out. */
export interface DeclarationFormat {
  name: 'markdown' | 'html' | 'csv' | 'json';
  file: string;
  render(declaration: CookieDeclaration): string;
}

const storageNote = (item: DeclarationItem): string => (item.storage ? ` (${item.storage})` : '');
const sentTo = (item: DeclarationItem): string => item.sentTo.join(', ') || '—';

/** A table cell's text: a pipe would end the cell, a line break the row. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function markdown(d: CookieDeclaration): string {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const groups = d.groups.map((group) => {
    const rows = group.items.map((item) =>
      `| \`${item.name}\`${storageNote(item)} | ${cell(item.provider)} | ${words.party[item.party]} | ${cell(item.purpose)} | ${item.retention} | ${cell(sentTo(item))} |`,
    );
    return `## ${group.title}\n\n${group.about}\n\n| ${c.name} | ${c.provider} | ${c.party} | ${c.purpose} | ${c.retention} | ${c.sentTo} |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
  });
  return `# ${d.title}\n\n${d.groups.length > 0 ? d.intro : words.nothing}\n\n${groups.join('\n')}${groups.length > 0 ? '\n' : ''}${d.removal}\n\n_${d.madeBy}_\n`;
}

/**
 * A fragment to paste into the site's policy page: no scripts, no styles of its own, one table per
 * purpose. A purpose in the Open Cookie Database's English is marked as such for screen readers.
 */
function html(d: CookieDeclaration): string {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const head = `<thead><tr>${[c.name, c.provider, c.party, c.purpose, c.retention, c.sentTo].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const groups = d.groups.map((group) => {
    const rows = group.items.map((item) => {
      const english = item.purposeFrom === 'open-cookie-database' && d.lang !== 'en' ? ' lang="en"' : '';
      return `<tr><td><code>${esc(item.name)}</code>${esc(storageNote(item))}</td><td>${esc(item.provider)}</td><td>${esc(words.party[item.party])}</td><td${english}>${esc(item.purpose)}</td><td>${esc(item.retention)}</td><td>${esc(sentTo(item))}</td></tr>`;
    });
    return `<h3>${esc(group.title)}</h3>\n<p>${esc(group.about)}</p>\n<table>\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  });
  return `<!-- ${esc(d.madeBy).replace(/--/g, '- -')} -->
<section class="cookie-declaration" lang="${d.lang}">
<h2>${esc(d.title)}</h2>
<p>${esc(d.groups.length > 0 ? d.intro : words.nothing)}</p>
${groups.join('\n')}${groups.length > 0 ? '\n' : ''}<p>${esc(d.removal)}</p>
</section>
`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end in CRLF. */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function csv(d: CookieDeclaration): string {
  const words = DECLARATION_WORDS[d.lang];
  const c = words.columns;
  const header = [words.csv.category, c.name, words.csv.kind, c.provider, c.party, c.purpose, c.retention, words.csv.lifetimeDays, c.sentTo, words.csv.domains];
  const rows = d.groups.flatMap((group) =>
    group.items.map((item) => [group.title, item.name, item.storage ?? item.kind, item.provider, words.party[item.party], item.purpose, item.retention, item.lifetimeDays, item.sentTo.join(' '), item.domains.join(' ')]),
  );
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const json = (d: CookieDeclaration): string => JSON.stringify(d, null, 2) + '\n';

export const DECLARATION_FORMATS: readonly DeclarationFormat[] = [
  { name: 'markdown', file: 'cookie-declaration.md', render: markdown },
  { name: 'html', file: 'cookie-declaration.html', render: html },
  { name: 'csv', file: 'cookie-declaration.csv', render: csv },
  { name: 'json', file: 'cookie-declaration.json', render: json },
];
export const DECLARATION_FORMAT_NAMES = DECLARATION_FORMATS.map((f) => f.name);

