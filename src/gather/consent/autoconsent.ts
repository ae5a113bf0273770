import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright';
import { withTimeout } from '../../shared/time.js';

/**
 * DuckDuckGo's autoconsent (MPL-2.0) knows how to refuse or accept in hundreds of consent managers.
 * It is the fallback when the policy's selectors and our own heuristic find no control to click.
 * Its cosmetic rules and pre-hiding stay off: hiding a banner is not a choice.
 */

const BINDING = 'autoconsentSendMessage';

interface Assets {
  script: string;
  rules: unknown;
}

let assets: Assets | null = null;

/** Read once per process; the package is copied beside dist/ by the build, as playwright-core is. */
function load(): Assets {
  if (assets) return assets;
  const resolveModule = createRequire(import.meta.url).resolve;
  // Only the package's main entry and its rules are exported; the Playwright script sits beside the entry.
  const script = readFileSync(join(dirname(resolveModule('@duckduckgo/autoconsent')), 'autoconsent.playwright.js'), 'utf8');
  const rules = JSON.parse(readFileSync(resolveModule('@duckduckgo/autoconsent/rules/rules.json'), 'utf8')) as unknown;
  assets = { script, rules };
  return assets;
}

function config(action: 'optOut' | 'optIn'): object {
  return {
    enabled: true,
    autoAction: action,
    disabledCmps: [],
    enablePrehide: false,
    enableCosmeticRules: false,
    enableGeneratedRules: true,
    enableHeuristicDetection: true,
    enablePopupMutationObserver: false,
    detectRetries: 20,
    isMainWorld: false,
    prehideTimeout: 2_000,
    visualTest: false,
    performanceLoggingEnabled: false,
    heuristicPopupSearchTimeout: 2_000,
    heuristicMode: 'tier2',
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
  };
}

interface Message {
  type: string;
  id?: string;
  code?: string;
  cmp?: string;
  result?: boolean;
  mainFrame?: boolean;
  state?: { lifecycle?: string };
}

const send = (frame: Frame, message: object): Promise<unknown> =>
  frame
    .evaluate((m) => (window as unknown as { autoconsentReceiveMessage?: (m: unknown) => unknown }).autoconsentReceiveMessage?.(m), message)
    .catch(() => undefined);

/** Call once when the context is made: the binding must exist before autoconsent speaks. */
export async function prepareAutoconsent(context: BrowserContext, answerMs: number): Promise<{ run(page: Page, action: 'optOut' | 'optIn'): Promise<{ cmp: string; done: boolean } | null> }> {
  let action: 'optOut' | 'optIn' = 'optOut';
  let settle: ((value: { cmp: string; done: boolean } | null) => void) | null = null;
  await context.exposeBinding(BINDING, async ({ frame }, message: Message) => {
    switch (message.type) {
      case 'init':
        return send(frame, { type: 'initResp', config: config(action), rules: load().rules });
      case 'eval': {
        const result = await frame.evaluate(message.code ?? 'undefined').catch(() => false);
        return send(frame, { type: 'evalResp', id: message.id, result });
      }
      case 'optOutResult':
      case 'optInResult':
        if (message.result !== undefined) settle?.({ cmp: message.cmp ?? 'unknown', done: message.result });
        return undefined;
      case 'report':
        // The page itself found no consent manager: do not wait for a result that will not come.
        if (message.mainFrame && message.state?.lifecycle === 'nothingDetected') settle?.(null);
        return undefined;
      default:
        return undefined;
    }
  });
  return {
    /** Injects autoconsent into every frame and lets it act; null when it recognised no consent manager. */
    async run(page, wanted) {
      action = wanted;
      const outcome = new Promise<{ cmp: string; done: boolean } | null>((resolve) => {
        settle = resolve;
      });
      const { script } = load();
      for (const frame of page.frames()) await frame.evaluate(script).catch(() => undefined);
      return (await withTimeout(outcome, answerMs)) ?? null;
    },
  };
}
