import type { Page } from 'playwright';
import type { ConsentModeCommand, ConsentSignals, GatheredRequest, TcfAnswer } from '../../types.js';
import { errorText } from '../../shared/errors.js';
import { withTimeout } from '../../shared/time.js';
import { FRAME_GONE } from '../isolated.js';
import { decodeTcString, googleConsentHit } from './signal-codes.js';

/**
 * Reads the consent the page's own signals claim: what its IAB TCF API answers, the Consent Mode
 * commands in its dataLayer, and what the Google hits of the visit said. `__tcfapi` and `dataLayer`
 * live in the page's own world, so, unlike our other in-page looks, these run there (Playwright's
 * evaluate): a page that fakes them only fakes its own signal, which is what is being judged.
 */

interface PageFacts {
  hasTcf: boolean;
  consentMode: ConsentModeCommand[];
}

type RawTcData = Pick<TcfAnswer, 'gdprApplies' | 'eventStatus' | 'cmpId' | 'tcString'>;

/** Run in the page: the dataLayer's consent commands (gtag pushes each call's `arguments`), and whether a TCF API is there. */
function pageFacts(): PageFacts {
  const w = window as unknown as { dataLayer?: unknown; __tcfapi?: unknown };
  const consentMode: ConsentModeCommand[] = [];
  const layer = w.dataLayer;
  if (Array.isArray(layer)) {
    for (const entry of layer as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const args = entry as Record<number, unknown>;
      const [kind, command, given] = [args[0], args[1], args[2]];
      if (kind !== 'consent' || (command !== 'default' && command !== 'update') || typeof given !== 'object' || given === null) continue;
      const state: ConsentModeCommand['state'] = {};
      for (const [key, value] of Object.entries(given)) if (value === 'granted' || value === 'denied') state[key] = value;
      consentMode.push({ command, state });
    }
  }
  return { hasTcf: typeof w.__tcfapi === 'function', consentMode };
}

/** Run in the page: getTCData as the IAB spec defines it, answered by callback, perhaps later; null when the CMP says it failed. */
function askTcf(): Promise<RawTcData | null> {
  const api = (window as unknown as { __tcfapi: (command: string, version: number, callback: (data: unknown, success: boolean) => void) => void }).__tcfapi;
  return new Promise((resolve) => {
    try {
      api('getTCData', 2, (data, success) => {
        const d = (data ?? {}) as Record<string, unknown>;
        if (!success || typeof data !== 'object') resolve(null);
        else
          resolve({
            gdprApplies: typeof d['gdprApplies'] === 'boolean' ? d['gdprApplies'] : null,
            eventStatus: typeof d['eventStatus'] === 'string' ? d['eventStatus'] : null,
            cmpId: typeof d['cmpId'] === 'number' ? d['cmpId'] : null,
            tcString: typeof d['tcString'] === 'string' && d['tcString'] !== '' ? d['tcString'] : null,
          });
      });
    } catch {
      resolve(null);
    }
  });
}

const UNANSWERED: TcfAnswer = { answered: false, gdprApplies: null, eventStatus: null, cmpId: null, tcString: null, purposeConsents: [], vendorConsents: [], decodeError: null };

/**
 * The page's consent signals now, and the Google hits among `requests` (the visit's window). A CMP
 * that does not answer within `timeoutMs` is recorded as unanswered; a page that does not answer at
 * all fails the visit, as any look that could hide a finding does.
 */
export async function readConsentSignals(page: Page, requests: readonly GatheredRequest[], timeoutMs: number): Promise<ConsentSignals> {
  const googleHits = requests.flatMap((request) => googleConsentHit(request.url) ?? []);
  let facts: PageFacts | null;
  try {
    facts = await withTimeout(page.evaluate(pageFacts), timeoutMs);
  } catch (error) {
    // The page navigated away as we asked: its signals went with it.
    if (FRAME_GONE.test(errorText(error))) return { tcf: null, consentMode: [], googleHits };
    throw new Error(`reading the page's consent signals failed: ${errorText(error)}`, { cause: error });
  }
  if (!facts) throw new Error(`the page did not answer within ${timeoutMs / 1000} s when its consent signals (dataLayer, __tcfapi) were read`);
  let tcf: TcfAnswer | null = null;
  if (facts.hasTcf) {
    const raw = await withTimeout(page.evaluate(askTcf), timeoutMs).catch(() => null);
    tcf = raw ? { answered: true, ...raw, ...(raw.tcString ? decodeTcString(raw.tcString) : { purposeConsents: [], vendorConsents: [], decodeError: null }) } : UNANSWERED;
  }
  return { tcf, consentMode: facts.consentMode, googleHits };
}
