// The watch on production: tracking that arrives without a commit (a tag-manager container or a
// consent manager's settings changed in a web console) is seen only by a scheduled scan, and one
// issue, kept up to date, is where people learn of it. GitHub's and GitLab's issues, the same way.
import { hiddenMarker, reviewBody, reviewTitle, type BodyOptions } from '../report/comment.js';
import type { Cleared, RunSecrets } from '../shared/secrets.js';
import type { GateResult } from '../types.js';

export interface IssueRef {
  /** The number people use: GitHub's issue number, GitLab's iid. */
  number: number;
  url: string;
}

/** An issue tracker, as much of it as the watch needs. What it posts has passed the run's secret check (Cleared). */
export interface IssueHost {
  /** The open issue whose body carries `marker` (the hidden line), if any. */
  findOpen(marker: string): Promise<IssueRef | null>;
  open(title: Cleared, body: Cleared): Promise<IssueRef>;
  update(issue: IssueRef, title: Cleared, body: Cleared): Promise<void>;
  /** Says why in a comment, then closes it. */
  close(issue: IssueRef, comment: Cleared): Promise<void>;
}

export type WatchOutcome = { action: 'opened' | 'updated' | 'closed'; issue: IssueRef } | { action: 'none'; issue: null };

/** The marker of a watch: one issue per site, as one comment per site of a monorepo. */
const watchMarker = (dir: string): string => `consent-gate watch ${dir}`;
export const commentMarker = (dir: string): string => `consent-gate pull-request ${dir}`;

/**
 * What fails the gate opens the issue, or updates the one open; a run that passes closes it with the
 * passing body as its comment, so the issue says what was fixed. A run that could not scan a page is
 * not a pass: it updates or opens the issue too (a site that is down is news for a watch).
 */
export async function keepWatchIssue(host: IssueHost, gate: GateResult, options: Omit<BodyOptions, 'marker'> & { dir: string }, secrets: RunSecrets): Promise<WatchOutcome> {
  const { dir, ...rest } = options;
  const marker = watchMarker(dir);
  // What is posted passes the run's secret check, as everything the gate writes does.
  const body = secrets.clear(reviewBody(gate, { ...rest, marker }), 'text');
  const open = await host.findOpen(hiddenMarker(marker));
  if (gate.verdict.status === 'passed') {
    if (!open) return { action: 'none', issue: null };
    await host.close(open, body);
    return { action: 'closed', issue: open };
  }
  const title = secrets.clear(reviewTitle(gate, options.lang), 'text');
  if (open) {
    await host.update(open, title, body);
    return { action: 'updated', issue: open };
  }
  return { action: 'opened', issue: await host.open(title, body) };
}
