import type { ActionStep, BannerControl, PhaseScan, Reopened } from '../types.js';
import { secretRedactor } from './redact.js';

function redactReopened(reopened: Reopened, r: (text: string) => string): Reopened {
  return { ...reopened, control: r(reopened.control), place: reopened.place && { ...reopened.place, frameUrl: reopened.place.frameUrl && r(reopened.place.frameUrl) } };
}

/** The names of what was clicked and where a link led: text the site controls. */
function redactStep(step: ActionStep, r: (text: string) => string): ActionStep {
  switch (step.do) {
    case 'click':
      return { ...step, control: r(step.control) };
    case 'follow':
      return { ...step, path: r(step.path) };
    case 'reopen':
      return { ...step, reopened: redactReopened(step.reopened, r) };
    case 'stored':
      return { ...step, on: r(step.on) };
    default:
      return step;
  }
}

/**
 * A visit with every value the user gave us (header values, a password) replaced wherever the site
 * echoed it: into a redirect, a beacon's path, a link, an error. Only strings the site controls are
 * touched, so a short value cannot rename a phase or a hash.
 */
export function redactScan(scan: PhaseScan, secrets: readonly string[]): PhaseScan {
  if (secrets.length === 0) return scan;
  const r = secretRedactor(secrets);
  const orNull = (text: string | null): string | null => text && r(text);
  const control = (c: BannerControl | null): BannerControl | null => c && { ...c, text: r(c.text) };
  const { banner, action } = scan;
  return {
    ...scan,
    url: r(scan.url),
    finalUrl: r(scan.finalUrl),
    error: orNull(scan.error),
    bannerUnrecognised: orNull(scan.bannerUnrecognised),
    banner: banner && {
      ...banner,
      frameUrl: orNull(banner.frameUrl),
      text: r(banner.text),
      accept: control(banner.accept),
      reject: control(banner.reject),
      settings: control(banner.settings),
      toggles: banner.toggles.map((t) => ({ ...t, label: r(t.label) })),
    },
    policyLinks: scan.policyLinks.map((l) => ({ ...l, text: r(l.text), url: r(l.url) })),
    declarations: scan.declarations.map((d) => ({ ...d, url: r(d.url), reason: orNull(d.reason), blocks: d.blocks.map((block) => block.map(r)), expressions: d.expressions.map(r) })),
    action: action && {
      ...action,
      detail: r(action.detail),
      failure: orNull(action.failure),
      steps: action.steps.map((step) => redactStep(step, r)),
      ...(action.reopened ? { reopened: redactReopened(action.reopened, r) } : {}),
    },
    cookies: scan.cookies.map((c) => ({ ...c, name: r(c.name), domain: r(c.domain), path: r(c.path), sources: c.sources.map((s) => ({ ...s, url: r(s.url) })) })),
    cookieDeletions: scan.cookieDeletions.map((d) => ({ ...d, name: r(d.name), domain: r(d.domain), path: r(d.path), url: r(d.url) })),
    storage: scan.storage.map((s) => ({ ...s, origin: r(s.origin), key: r(s.key), writtenBy: s.writtenBy.map(r) })),
    requests: scan.requests.map((q) => ({ ...q, url: r(q.url), frameUrl: orNull(q.frameUrl), failure: orNull(q.failure), initiator: q.initiator && { ...q.initiator, url: orNull(q.initiator.url) } })),
    frames: scan.frames.map((f) => ({ url: r(f.url), parentUrl: orNull(f.parentUrl) })),
    fingerprinting: scan.fingerprinting.map((f) => ({ ...f, script: r(f.script) })),
    consentSignals: scan.consentSignals && { ...scan.consentSignals, googleHits: scan.consentSignals.googleHits.map((h) => ({ ...h, url: r(h.url) })) },
    identifiers: scan.identifiers.map((i) => ({ ...i, name: r(i.name), requestUrl: r(i.requestUrl), initiator: i.initiator && { ...i.initiator, url: orNull(i.initiator.url) } })),
  };
}
