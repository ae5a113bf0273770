// The last check before anything leaves the process (src/shared/secrets.ts), without a browser: what
// it replaces in each kind of output, and that nothing in src/ can write around it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { RunSecrets } from '../src/shared/secrets.js';
import { escapeMarkup } from '../src/shared/text.js';
import { ROOT } from './support/fixtures.js';

const secrets = (...values: string[]): RunSecrets => {
  const known = new RunSecrets();
  known.add(...values);
  return known;
};

describe('the run\'s secret check', () => {
  it('replaces a secret wherever it stands in text, as given, percent-encoded or form-encoded', () => {
    const known = secrets('tok en/Secret&93');
    expect(known.clear('a tok en/Secret&93 b', 'text')).toBe('a <redacted> b');
    expect(known.clear(`?t=${encodeURIComponent('tok en/Secret&93')}`, 'text')).toBe('?t=<redacted>');
    expect(known.clear('?t=tok+en%2FSecret%2693', 'text')).toBe('?t=<redacted>');
    expect(known.clear('xxtok en/Secret&93yy', 'text')).toBe('xx<redacted>yy');
  });

  it('keeps JSON valid: only string values change, in the escaped form JSON writes them', () => {
    const known = secrets('true', 'say "hi"\\now');
    const document = JSON.stringify({ httpOnly: true, url: 'https://x/?consent=true', quote: 'say "hi"\\now', list: [true] }, null, 2);
    const cleared = known.clear(document, 'json');
    expect(JSON.parse(cleared)).toEqual({ httpOnly: true, url: 'https://x/?consent=<redacted>', quote: '<redacted>', list: [true] });
  });

  it('keeps HTML and XML well formed: text and attribute values change, in their escaped form', () => {
    const known = secrets('div', 'a<b&"c"');
    const page = `<div class="x"><a href="/p?q=div">div</a> ${escapeMarkup('a<b&"c"')}</div>`;
    expect(known.clear(page, 'markup')).toBe('<div class="x"><a href="/p?q=&lt;redacted&gt;">&lt;redacted&gt;</a> &lt;redacted&gt;</div>');
  });

  it('hides a short value only where it stands alone, never inside a word or a number', () => {
    const known = secrets('nl', '1');
    expect(known.clear('only 1 page: lang=nl, 100 ms', 'text')).toBe('only <redacted> page: lang=<redacted>, 100 ms');
  });

  it('hides a longer secret inside another, and the longer of two overlapping secrets whole', () => {
    const known = secrets('Opensesame42', 'sesame42');
    expect(known.clear('xOpensesame42y and xsesame42', 'text')).toBe('x<redacted>y and x<redacted>');
  });

  it('changes nothing while it knows no secret, and learns new ones as the run goes', () => {
    const known = new RunSecrets();
    expect(known.clear('GA1.1.555123987.1700000000', 'text')).toBe('GA1.1.555123987.1700000000');
    known.add('555123987.1700000000', '');
    expect(known.clear('GA1.1.555123987.1700000000', 'text')).toBe('GA1.1.<redacted>');
    expect(known.size).toBe(1);
  });
});

describe('every write of src/ goes through the check', () => {
  // What writes to a stream, a file or the runner, and the one file each may do it in.
  const WRITERS: [RegExp, string[]][] = [
    [/process\.(stdout|stderr)\.write\(/, ['shared/outlet.ts', 'shared/lifecycle.ts']],
    [/\bconsole\.(log|info|warn|error)\(/, []],
    [/\bwrite(File|FileSync|Sync)\(|createWriteStream\(/, ['shared/files.ts', 'browser/launch.ts']],
    [/\bcore\.(info|notice|warning|error|debug|setOutput|setFailed|summary)\b/, ['entry/action-outlet.ts']],
  ];
  // lifecycle.ts says only its own fixed words at a signal; launch.ts writes the browser profile's preferences.

  it('has no writer outside the files that check what they write', () => {
    const src = join(ROOT, 'src');
    const found = globSync('**/*.ts', { cwd: src }).flatMap((file) => {
      const text = readFileSync(join(src, file), 'utf8');
      return WRITERS.filter(([pattern, allowed]) => pattern.test(text) && !allowed.includes(file)).map(([pattern]) => `${file}: ${pattern.source}`);
    });
    expect(found).toEqual([]);
  });
});
