import { PHASES, type ClassifiedScan, type PageProgress, type Phase, type VisitProgress } from '../types.js';
import { progressLine } from './console.js';
import { pageLabel } from '../shared/url.js';
import { withoutQuery } from '../rules/evidence.js';
import type { CheckedStream } from '../shared/outlet.js';

export interface ProgressOutput {
  onPlan(plan: { urls: string[]; notes: string[] }): void;
  onVisit(visit: VisitProgress): void;
  onPage(progress: PageProgress): void;
  /** Takes the live line away, so the summary starts on a clean line. */
  stop(): void;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const PHASE_WIDTH = Math.max(...PHASES.map((p) => p.length));

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** How long the visit waited for the network and, when one request held a wait, which. */
function settleText({ settle }: ClassifiedScan): string | null {
  if (!settle) return null;
  const held = settle.heldBy && `, longest for ${settle.heldBy.resourceType} ${withoutQuery(settle.heldBy.url)} (${seconds(settle.heldBy.heldMs)})`;
  const cut = settle.cutShort ? ', cut short at the visit\'s wait budget' : '';
  const { opened, refused } = settle.windows;
  const windows = opened + refused > 0 ? ` · ${opened} window(s) followed${refused > 0 ? `, ${refused} not opened` : ''}` : '';
  return `waited ${seconds(settle.waitedMs)} for the network${held ?? ''}${cut}${windows}`;
}

/** One finished visit, for --verbose: what it did, how much it saw and what it waited for. */
export function visitLine(url: string, scan: ClassifiedScan): string {
  const what = scan.error
    ? `could not scan: ${scan.error}`
    : [scan.action?.detail, `${scan.requests.length} requests, ${scan.cookies.length} cookies, ${scan.storage.length} storage keys`, settleText(scan)].filter(Boolean).join(' · ');
  return `      ${scan.phase.padEnd(PHASE_WIDTH)}  ${seconds(scan.durationMs).padStart(7)}  ${pageLabel(url)}  ${what}`;
}

/**
 * What a person watching a scan sees on stderr. Always one line per finished page, so a CI log is
 * never silent for minutes; on a terminal also a live line under them (pages done, what is being
 * visited, time so far and time left); with verbose, a line per finished visit as well.
 */
export function progressOutput(stream: CheckedStream, verbose: boolean, now: () => number = Date.now): ProgressOutput {
  const live = stream.isTTY;
  const started = now();
  const running = new Map<string, Phase>();
  let total = 0;
  let done = 0;
  let drawn = false;
  // Once stopped (also by Ctrl-C, while visits still wind down) nothing more is said.
  let stopped = false;

  const status = (): string => {
    const elapsed = now() - started;
    const left = done > 0 && done < total ? ` · about ${duration((elapsed / done) * (total - done))} left` : '';
    const visiting = [...running].map(([url, phase]) => `${pageLabel(url)} ${phase}`).join(', ');
    return `${done}/${total} pages · ${duration(elapsed)}${left}${visiting ? ` · ${visiting}` : ''}`;
  };
  const draw = (): void => {
    if (!live || stopped) return;
    // A terminal that does not say its width (columns 0) still gets a useful line.
    stream.write(`\r\x1b[2K${status().slice(0, Math.max(40, (stream.columns || 100) - 1))}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const say = (text: string): void => {
    if (stopped) return;
    clear();
    stream.write(`${text}\n`);
    draw();
  };
  const ticker = live ? setInterval(draw, 1_000) : null;
  ticker?.unref();

  return {
    onPlan: ({ urls, notes }) => {
      total = urls.length;
      say([`scanning ${urls.length} page(s)`, ...notes.map((n) => `note: ${n}`)].join('\n'));
    },
    onVisit: (visit) => {
      if (visit.scan === null) {
        running.set(visit.url, visit.phase);
        draw();
      } else if (verbose) {
        say(visitLine(visit.url, visit.scan));
      }
    },
    onPage: (progress) => {
      done = progress.done;
      running.delete(progress.page.url);
      say(progressLine(progress));
    },
    stop: () => {
      stopped = true;
      if (ticker) clearInterval(ticker);
      clear();
    },
  };
}
