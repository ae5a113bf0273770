import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStatic } from '../../src/target/static.js';
import { startVendors } from '../../examples/vendors/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SITES = join(ROOT, 'test', 'fixtures', 'sites');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const CONSENT = join(ROOT, 'test', 'fixtures', 'consent');

/** A consent-manager fixture in a temporary folder, with the manager's own files from npm beside it. */
export function managerSite(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cg-${name}-`));
  // vanilla-odd is vanilla-ok with other button words: only its consent.js differs; vanilla-withdraw-ignored
  // is vanilla-withdraw with a tag that ignores the refusal: only its tag.js differs.
  const bases: Record<string, string> = { 'vanilla-odd': 'vanilla-ok', 'vanilla-withdraw-ignored': 'vanilla-withdraw' };
  const base = bases[name];
  if (base) cpSync(join(CONSENT, base), dir, { recursive: true });
  cpSync(join(CONSENT, name), dir, { recursive: true });
  const modules = join(ROOT, 'node_modules');
  if (name.startsWith('vanilla')) {
    for (const file of ['cookieconsent.umd.js', 'cookieconsent.css']) cpSync(join(modules, 'vanilla-cookieconsent', 'dist', file), join(dir, file));
  } else {
    cpSync(join(modules, 'klaro', 'dist', 'klaro.js'), join(dir, 'klaro.js'));
  }
  return dir;
}

/** A site with the home-made banner of test/fixtures/consent/kit, flawed by the script tag's attributes (see kit.js). */
export function kitSite(attributes: string, policyFooter: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-kit-'));
  cpSync(join(CONSENT, 'kit', 'kit.js'), join(dir, 'kit.js'));
  const footer = policyFooter ? '<footer><a href="/cookies.html">Cookie policy</a></footer>' : '<footer>© Gemeente</footer>';
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><h1>Home</h1><p><a href="/contact.html">Contact</a></p><div style="height:3000px"></div>${footer}<script src="/kit.js" ${attributes}></script></body></html>`);
  writeFileSync(join(dir, 'contact.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact</title></head><body><h1>Contact</h1>${footer}<script src="/kit.js" ${attributes}></script></body></html>`);
  writeFileSync(join(dir, 'cookies.html'), cookiePolicyPage(KIT_DECLARED));
  return dir;
}

/** What the kit stores once accepted, as its sites' policy declares it: its consent cookie and the Meta pixel's. */
export const KIT_DECLARED: readonly string[][] = [['consent', 'this website', 'your cookie choice', '6 months'], ['_fbp', 'Meta', 'advertising', '3 months'], ['fr', 'Meta (facebook.com)', 'advertising', '3 months']];

/** A cookie policy page whose table declares these rows: cookie, provider, purpose, retention. */
export function cookiePolicyPage(rows: readonly (readonly string[])[]): string {
  const table = `<table><tr><th>Cookie</th><th>Provider</th><th>Purpose</th><th>Retention</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookies</title></head><body><h1>Cookie policy</h1>${table}</body></html>`;
}

export interface Served {
  /** Base URL of the fixture site, ending in "/". */
  url: string;
  /** Browser flags that route vendor hosts to the local stand-ins. */
  browserArgs: string[];
  close(): Promise<void>;
}

/** A fixture folder on loopback, with every vendor host it uses answered locally. */
export async function serve(folder = SITES): Promise<Served> {
  const site = await startStatic(folder);
  const vendors = await startVendors();
  return {
    url: site.url,
    browserArgs: vendors.browserArgs,
    close: async () => {
      await Promise.all([site.close(), vendors.close()]);
    },
  };
}
