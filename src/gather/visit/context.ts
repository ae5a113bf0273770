import type { Page } from 'playwright';
import type { Settings } from '../../config/settings.js';
import type { TargetHeaders } from '../../shared/origin-headers.js';
import type { RunSecrets } from '../../shared/secrets.js';
import type { PhaseScan } from '../../types.js';
import type { Collector, Mark } from '../collector.js';
import type { prepareAutoconsent } from '../consent/autoconsent.js';
import type { Banner, ConsentSelectors } from '../consent/banner.js';
import type { DeclarationSettings } from '../consent/declarations.js';

/** What the gather stage needs besides the settings: the policy's consent selectors, headers, pictures. */
export interface GatherOptions extends Settings {
  /** Extra request headers, sent to this origin only: a preview's bypass token must not reach trackers. */
  headers?: TargetHeaders;
  /** Values the user gave (header values, a password): redacted wherever the site echoes them. */
  secrets: string[];
  /** The run's last check before writing: the identifiers held in each visit's cookies and storage are added to it. */
  runSecrets: RunSecrets;
  /** The policy's selectors for the consent banner; the heuristic fills in the rest. */
  consent: ConsentSelectors;
  /** Where the policy says the cookie declaration is, when the pages do not link it. */
  declaration?: DeclarationSettings;
  /** Pictures of the first screen and the banner, for the HTML report. */
  screenshots: boolean;
}

/** One browser context's run through one or more visits: what the steps share. */
export interface Session {
  url: string;
  page: Page;
  collector: Collector;
  options: GatherOptions;
  /** Reject and accept visits only: the fallback that knows hundreds of consent managers. */
  autoconsent: Awaited<ReturnType<typeof prepareAutoconsent>> | null;
  /** The banner as last found on the page, if any. */
  banner: Banner | null;
  /** A consent notice whose controls we could not recognise. */
  unrecognised: string | null;
  /** Policy links seen next to the banner or on the page. */
  policyLinks: { text: string; url: string }[];
  /** The scan of the visit under way: steps fill it in. */
  scan: PhaseScan;
  /** The first visit's scan: its banner facts are completed by closing steps. */
  first: PhaseScan;
  /** The start of the current visit's recording window; null records everything since the context opened. */
  since: Mark | null;
  /**
   * Loading other pages with a choice stored: what the first look at the banner's first page showed
   * (a banner, or a notice we could not use), which must not show again. Null before then.
   */
  storedNotice: 'banner' | 'unrecognised' | null;
}

/** A step may end its visit early (nothing left to do but record what happened). */
export type StepResult = void | 'stop';
export type Step = (session: Session) => Promise<StepResult>;
