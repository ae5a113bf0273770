import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStatic } from '../../src/target/static.js';
import { startVendors } from '../../examples/vendors/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SITES = join(ROOT, 'test', 'fixtures', 'sites');
export const CLI = join(ROOT, 'dist', 'cli.js');

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
