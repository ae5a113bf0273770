// Where reviewers look: the built Action's pull-request comment and watch issue against GitHub's
// REST API on loopback (GITHUB_API_URL), and the CLI's GitLab watch issue against GitLab's
// (CI_API_V4_URL). Three real scans (a pull request's, and a failing and a clean shard); every other
// run judges those shards' reports, as the merge step of the sharded workflows does.
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendors } from '../examples/vendors/serve.mjs';
import { codeSpan, reviewBody, reviewTitle } from '../src/report/comment.js';
import { groupAcrossPages } from '../src/report/text/group.js';
import { subjectLabel } from '../src/report/text/subject.js';
import { namedPages } from '../src/report/markdown.js';
import { wordsFor } from '../src/report/words/index.js';
import type { GateResult } from '../src/types.js';
import { installAction, runAction as runActionIn, type Run, type RunSetup } from './support/action.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/fixtures.js';
import { startFakeGitHub, type FakeGitHub } from './support/github-api.js';
import { startFakeGitLab, type FakeGitLab } from './support/gitlab-api.js';

const DIRTY = join(ROOT, 'test', 'fixtures', 'static-site');
const CLEAN = join(ROOT, 'examples', 'site-clean');
const PULL = 7;
const RUN_PAGE = 'https://github.example/octo/site/actions/runs/4711';

let action: string;
let vendorArgs: string;
let closeVendors: () => Promise<unknown>;
let github: FakeGitHub;

beforeAll(async () => {
  action = installAction();
  const vendors = await startVendors();
  vendorArgs = vendors.browserArgs.join('\n');
  closeVendors = vendors.close;
  github = await startFakeGitHub('octo', 'site');
  // The pull request, with a long discussion: the gate's comment lands on the list's second page.
  github.issues.push({ number: PULL, title: 'New header with the municipality logo', body: '', state: 'open', state_reason: null, pull: true });
  for (let i = 0; i < 120; i++) github.comments.push({ id: 1 + i, issue: PULL, body: `Looks good to me (${i})`, user: 'alderman' });
  github.issues.push({ number: 8, title: 'Typo on the contact page', body: 'Contact us is spelled wrong.', state: 'open', state_reason: null, pull: false });
  // An incident a past watch closed: a new one is a new issue, never this one reopened.
  github.issues.push({ number: 3, title: 'Consent check failed: old', body: '<!-- consent-gate watch . -->\nold', state: 'closed', state_reason: 'completed', pull: false });
});
afterAll(async () => {
  await closeVendors?.();
  await github?.close();
});

const runAction = (inputs: Record<string, string>, setup?: RunSetup): Promise<Run> => runActionIn(action, inputs, setup);
const env = (): NodeJS.ProcessEnv => ({ GITHUB_API_URL: github.url, GITHUB_SERVER_URL: github.server, GITHUB_REPOSITORY: 'octo/site', GITHUB_RUN_ID: '4711' });
const pullRequest = (number = PULL): RunSetup['event'] => ({ name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number } } });
const schedule: RunSetup['event'] = { name: 'schedule', payload: { schedule: '17 4 * * *' } };

/** The calls a run made, from `from` on. */
const since = (from: number) => github.calls.slice(from);
const report = (run: Run): GateResult => JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as GateResult;

/**
 * A result as a run in `dir` names its served files: relative to its working folder, so one outside
 * it has no name there, and has none here either (this test process runs in the repository, the run
 * did not).
 */
function asSeenFrom(gate: GateResult, dir: string): GateResult {
  const named = Object.entries(gate.target.files).filter(([, file]) => !relative(dir, file).startsWith('..'));
  return { ...gate, target: { ...gate.target, files: Object.fromEntries(named) } };
}

/** The body the run should have posted: its own JSON report through the body builder, with the files it wrote. */
function expectedBody(run: Run, marker: string, lang: 'en' | 'nl' = 'en'): string {
  const files = Object.entries(run.outputs).filter(([name]) => name.startsWith('report-')).map(([, path]) => path);
  return reviewBody(asSeenFrom(report(run), run.workspace), { lang, marker, place: { dir: basename(dirname(files[0]!)), files: files.map((f) => basename(f)), runUrl: RUN_PAGE }, runUrl: RUN_PAGE });
}

/** What a download-artifact step leaves: the shard's report folder under shards/. */
const withShard = (reportJson: string) => (workspace: string) => {
  mkdirSync(join(workspace, 'shards'));
  cpSync(dirname(reportJson), join(workspace, 'shards', 'consent-gate-shard-1'), { recursive: true });
};

let failingShard: string;
let cleanShard: string;
let commentId: number;

describe('the pull-request comment', () => {
  it('the first run on a pull request posts one comment: the verdict, and each new finding with its pages and chain', async () => {
    const from = github.calls.length;
    const run = await runAction(
      { 'static-dir': DIRTY, pages: '/news/2026/item.html', phases: 'initial', 'browser-args': vendorArgs, 'github-token': github.token },
      { event: pullRequest(), env: env() },
    );
    expect(run.code).toBe(1);
    const calls = since(from);
    // Both pages of the pull request's comments read, then one comment created.
    expect(calls.map((c) => `${c.method} ${c.path} ${c.query['page'] ?? ''}`)).toEqual([
      `GET /repos/octo/site/issues/${PULL}/comments `,
      `GET /repos/octo/site/issues/${PULL}/comments 2`,
      `POST /repos/octo/site/issues/${PULL}/comments `,
    ]);
    const body = String(calls[2]!.body!['body']);
    expect(Object.keys(calls[2]!.body!)).toEqual(['body']);
    expect(body).toBe(expectedBody(run, 'consent-gate pull-request .'));
    // What the scan found is what the reviewer reads.
    const found = report(run);
    expect(body.split('\n').slice(0, 2)).toEqual(['<!-- consent-gate pull-request . -->', `❌ **consent-gate failed**: ${found.verdict.errors} new error(s), 0 new warning(s) on 1 page(s) — ${found.verdict.reason}.`]);
    const groups = groupAcrossPages(found.findings.filter((f) => f.status === 'new'));
    expect(groups.length).toBeGreaterThan(0);
    for (const { finding } of groups) expect(body).toContain(`${codeSpan(subjectLabel(finding))} · `);
    for (const { pages } of groups) expect(body).toContain(`on ${namedPages(pages, wordsFor('en'), codeSpan)}`);
    expect(body).toContain('- 🔴 Tracking cookie before consent: `cookie _fbp` · Facebook (marketing) · initial · on `/news/2026/item.html`');
    expect(body).toContain(`on [the run's page](${RUN_PAGE})`);
    const posted = github.comments.filter((c) => c.body.includes('<!-- consent-gate pull-request . -->'));
    expect(posted).toHaveLength(1);
    commentId = posted[0]!.id;
    expect(run.summary).toContain(`Pull-request comment created: https://github.example/octo/site/pull/${PULL}#issuecomment-${commentId}`);
  });

  it("a shard posts nothing: its pages are part of the site, and the merge step comments", async () => {
    const from = github.calls.length;
    const [failing, clean] = [
      await runAction({ 'static-dir': DIRTY, pages: '/news/2026/item.html', phases: 'initial', 'browser-args': vendorArgs, shard: '1/1', formats: 'json', 'github-token': github.token }, { event: pullRequest(), env: env() }),
      await runAction({ 'static-dir': CLEAN, pages: '/', phases: 'initial', 'browser-args': vendorArgs, shard: '1/1', formats: 'json', 'github-token': github.token }, { event: pullRequest(), env: env() }),
    ];
    expect([failing.code, clean.code]).toEqual([1, 0]);
    expect(since(from)).toEqual([]);
    expect(failing.stdout).toContain('The pull-request comment is left to the step that merges the shards (input "merge-reports")');
    failingShard = failing.outputs['report-json']!;
    cleanShard = clean.outputs['report-json']!;
  });

  it('the next push updates the same comment in place, never a second one', async () => {
    const from = github.calls.length;
    const run = await runAction({ 'merge-reports': 'shards', 'github-token': github.token }, { event: pullRequest(), env: env(), prepare: withShard(failingShard) });
    expect(run.code).toBe(1);
    const writes = since(from).filter((c) => c.method !== 'GET');
    expect(writes).toEqual([{ method: 'PATCH', path: `/repos/octo/site/issues/comments/${commentId}`, query: {}, body: { body: expectedBody(run, 'consent-gate pull-request .') } }]);
    expect(github.comments.filter((c) => c.body.includes('consent-gate pull-request'))).toHaveLength(1);
    expect(run.summary).toContain(`Pull-request comment updated: https://github.example/octo/site/pull/${PULL}#issuecomment-${commentId}`);
  });

  it('a clean run turns the same comment to passed', async () => {
    const from = github.calls.length;
    const run = await runAction({ 'merge-reports': 'shards', 'github-token': github.token }, { event: pullRequest(), env: env(), prepare: withShard(cleanShard) });
    expect(run.code).toBe(0);
    const writes = since(from).filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /repos/octo/site/issues/comments/${commentId}`]);
    const body = String(writes[0]!.body!['body']);
    expect(body).toBe(expectedBody(run, 'consent-gate pull-request .'));
    expect(body.split('\n')[1]).toMatch(/^✅ \*\*consent-gate passed\*\*: 0 new error\(s\), 0 new warning\(s\) on 1 page\(s\)/);
    expect(body).not.toMatch(/^- 🔴/m);
  });

  it('comment: on-failure starts no comment for a passing run; a site in a monorepo folder has a comment of its own', async () => {
    github.issues.push({ number: 9, title: 'Footer links', body: '', state: 'open', state_reason: null, pull: true });
    const from = github.calls.length;
    const quiet = await runAction({ 'merge-reports': 'shards', comment: 'on-failure', 'github-token': github.token }, { event: pullRequest(9), env: env(), prepare: withShard(cleanShard) });
    expect(quiet.code).toBe(0);
    expect(since(from).filter((c) => c.method !== 'GET')).toEqual([]);
    const site = await runAction(
      { 'working-directory': 'sites/museum', 'merge-reports': 'shards', comment: 'on-failure', 'github-token': github.token },
      {
        event: pullRequest(9),
        env: env(),
        prepare: (workspace) => {
          mkdirSync(join(workspace, 'sites', 'museum'), { recursive: true });
          withShard(failingShard)(join(workspace, 'sites', 'museum'));
        },
      },
    );
    expect(site.code).toBe(1);
    const created = since(from).filter((c) => c.method === 'POST');
    expect(created.map((c) => c.path)).toEqual(['/repos/octo/site/issues/9/comments']);
    expect(String(created[0]!.body!['body']).split('\n')[0]).toBe('<!-- consent-gate pull-request sites/museum -->');
  });

  it("on a fork's read-only token the comment is refused with 403: the verdict stands, and the summary says why", async () => {
    github.readOnly = true;
    try {
      const from = github.calls.length;
      const run = await runAction({ 'merge-reports': 'shards', 'github-token': github.token }, { event: pullRequest(), env: env(), prepare: withShard(failingShard) });
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'failed', 'exit-code': '1' });
      expect(since(from).filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /repos/octo/site/issues/comments/${commentId}`]);
      expect(run.summary).toMatch(/^❌ \*\*consent-gate failed\*\*/);
      expect(run.summary).toContain(
        'The pull-request comment could not be posted: GitHub answered 403 Resource not accessible by integration. A pull request from a fork gets a read-only token; otherwise give the job `permissions: pull-requests: write`. The verdict above stands.',
      );
      expect(run.stdout).toContain('::warning::The pull-request comment could not be posted: GitHub answered 403 Resource not accessible by integration.');
      expect(run.stdout).toContain('::error::consent-gate failed:');
    } finally {
      github.readOnly = false;
    }
  });
});

describe('the watch issue on a scheduled run', () => {
  const watch = (shard: () => string, inputs: Record<string, string> = {}) =>
    runAction({ 'merge-reports': 'shards', 'watch-issue': 'true', lang: 'nl', 'github-token': github.token, ...inputs }, { event: schedule, env: env(), prepare: withShard(shard()) });
  let number: number;

  it('opens one issue when something fails the gate, with the same body as the comment, in the report language', async () => {
    const from = github.calls.length;
    const run = await watch(() => failingShard);
    expect(run.code).toBe(1);
    const calls = since(from);
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/repos/octo/site/issues', query: { state: 'open', per_page: '100' } });
    const writes = calls.filter((c) => c.method !== 'GET');
    const body = expectedBody(run, 'consent-gate watch .', 'nl');
    expect(writes).toEqual([{ method: 'POST', path: '/repos/octo/site/issues', query: {}, body: { title: reviewTitle(report(run), 'nl'), body } }]);
    expect(String(writes[0]!.body!['title'])).toMatch(/^Toestemmingscontrole afgekeurd: /);
    expect(body).toContain('> **[Trackingcookie vóór toestemming]');
    number = github.issues.at(-1)!.number;
    expect(number).not.toBe(3);
    expect(run.summary).toContain(`Bewakingsissue geopend: https://github.example/octo/site/issues/${number}`);
  });

  it('updates that issue while the finding stays', async () => {
    const from = github.calls.length;
    const run = await watch(() => failingShard);
    expect(run.code).toBe(1);
    const writes = since(from).filter((c) => c.method !== 'GET');
    expect(writes).toEqual([{ method: 'PATCH', path: `/repos/octo/site/issues/${number}`, query: {}, body: { title: reviewTitle(report(run), 'nl'), body: expectedBody(run, 'consent-gate watch .', 'nl') } }]);
    expect(github.issues.filter((i) => i.state === 'open' && i.body.includes('consent-gate watch'))).toHaveLength(1);
  });

  it('closes it with a comment saying what is fixed once the site is clean, and then has nothing to do', async () => {
    const from = github.calls.length;
    const run = await watch(() => cleanShard);
    expect(run.code).toBe(0);
    const writes = since(from).filter((c) => c.method !== 'GET');
    expect(writes).toEqual([
      { method: 'POST', path: `/repos/octo/site/issues/${number}/comments`, query: {}, body: { body: expectedBody(run, 'consent-gate watch .', 'nl') } },
      { method: 'PATCH', path: `/repos/octo/site/issues/${number}`, query: {}, body: { state: 'closed', state_reason: 'completed' } },
    ]);
    expect(String(writes[0]!.body!['body']).split('\n')[1]).toMatch(/^✅ \*\*consent-gate geslaagd\*\*/);
    expect(run.summary).toContain(`Bewakingsissue gesloten: https://github.example/octo/site/issues/${number}`);
    const again = github.calls.length;
    const quiet = await watch(() => cleanShard);
    expect(quiet.code).toBe(0);
    expect(since(again).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(quiet.summary).toContain('Er staat geen bewakingsissue open en er is er geen nodig');
  });

  it('fails the step when it cannot write its issue: a watch that tells no one is no watch', async () => {
    github.readOnly = true;
    try {
      const run = await watch(() => failingShard, { lang: 'en' });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::error::The watch issue could not be kept up to date: GitHub answered 403 Resource not accessible by integration. Give the job permissions: issues: write.');
      expect(run.summary).toContain('The watch issue could not be kept up to date: GitHub answered 403 Resource not accessible by integration.');
    } finally {
      github.readOnly = false;
    }
  });

  it('refuses, before scanning, a watch or a merge on a shard, a merge given a target, and an unknown comment mode', async () => {
    for (const [inputs, message] of [
      [{ 'static-dir': DIRTY, shard: '1/2', 'watch-issue': 'true' }, 'Input "watch-issue" is for the step that sees every page, and a shard sees part of them'],
      [{ 'static-dir': DIRTY, 'merge-reports': 'shards' }, 'Input "merge-reports" judges the shards\' reports and scans nothing'],
      [{ 'static-dir': DIRTY, comment: 'on-fail' }, 'Input "comment" takes "always", "on-failure", "off"; got "on-fail". Did you mean "on-failure"?'],
    ] as const) {
      const run = await runAction(inputs, { env: env() });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(`::error::${message}`);
      expect(run.stdout).not.toContain('scanning');
    }
  });
});

describe('the watch issue on GitLab (consent-gate merge-reports --gitlab-issue)', () => {
  let gitlab: FakeGitLab;
  let project: string;
  beforeAll(async () => {
    gitlab = await startFakeGitLab('4242');
    gitlab.issues.push({ iid: 1, title: 'Update the opening hours', description: 'Page /contact', state: 'opened', notes: [] });
    project = mkdtempSync(join(tmpdir(), 'cg-gitlab-'));
  });
  afterAll(async () => gitlab?.close());

  const gitlabEnv = (token = gitlab.token): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI_API_V4_URL: gitlab.url,
    CI_PROJECT_ID: '4242',
    CI_PROJECT_DIR: project,
    CI_JOB_URL: 'https://gitlab.example/group/site/-/jobs/99',
    CONSENT_GATE_GITLAB_TOKEN: token,
  });
  const merge = (shard: string, token?: string) => runCli(['merge-reports', shard, '--gitlab-issue', '--format', 'json,html', '--report-dir', 'consent-gate-report'], { cwd: project, env: gitlabEnv(token) });

  it('opens the issue, updates it while the findings stay, and closes it with a note once clean', async () => {
    const opened = await merge(failingShard);
    expect(opened.code).toBe(1);
    const result = JSON.parse(readFileSync(join(project, 'consent-gate-report', 'consent-gate-report.json'), 'utf8')) as GateResult;
    const place = { dir: 'consent-gate-report', files: ['consent-gate-report.json', 'consent-gate.html'], runUrl: 'https://gitlab.example/group/site/-/jobs/99' };
    const body = reviewBody(asSeenFrom(result, project), { lang: 'en', marker: 'consent-gate watch .', place, runUrl: place.runUrl });
    expect(gitlab.calls[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects/4242/issues', query: { state: 'opened', per_page: '100', page: '1' } });
    expect(gitlab.writes()).toEqual([{ method: 'POST', path: '/api/v4/projects/4242/issues', query: {}, body: { title: reviewTitle(result, 'en'), description: body } }]);
    expect(opened.stderr).toContain('watch issue opened: https://gitlab.example/group/site/-/issues/2');

    const from = gitlab.calls.length;
    expect((await merge(failingShard)).code).toBe(1);
    expect(gitlab.calls.slice(from).filter((c) => c.method !== 'GET')).toEqual([{ method: 'PUT', path: '/api/v4/projects/4242/issues/2', query: {}, body: { title: reviewTitle(result, 'en'), description: body } }]);

    const closing = gitlab.calls.length;
    const clean = await merge(cleanShard);
    expect(clean.code).toBe(0);
    const writes = gitlab.calls.slice(closing).filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v4/projects/4242/issues/2/notes', 'PUT /api/v4/projects/4242/issues/2']);
    expect(String(writes[0]!.body!['body']).split('\n')[1]).toMatch(/^✅ \*\*consent-gate passed\*\*/);
    expect(writes[1]!.body).toEqual({ state_event: 'close' });
    expect(gitlab.issues.map((i) => [i.iid, i.state])).toEqual([
      [1, 'opened'],
      [2, 'closed'],
    ]);
  });

  it('without its token variable it stops before judging, naming the variable and where to set it', async () => {
    const from = gitlab.calls.length;
    const run = await merge(failingShard, '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--gitlab-issue needs CONSENT_GATE_GITLAB_TOKEN. GitLab sets CI_API_V4_URL and CI_PROJECT_ID in every job; CONSENT_GATE_GITLAB_TOKEN is a CI/CD variable you add');
    expect(gitlab.calls.length).toBe(from);
  });

  it('fails the job when GitLab refuses the write (a token without the Reporter role)', async () => {
    gitlab.readOnly = true;
    try {
      const run = await merge(failingShard);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--gitlab-issue: the watch issue could not be kept up to date: GitLab answered 403 to POST /issues: 403 Forbidden.');
    } finally {
      gitlab.readOnly = false;
    }
  });
});
