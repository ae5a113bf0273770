// GitLab's issues API for the watch (consent-gate … --gitlab-issue in a scheduled pipeline): the
// project and the API from GitLab's predefined CI/CD variables, the token from a variable of the
// project's own, since a job token may not write issues.
import { relative } from 'node:path';
import { GateError, errorText } from '../shared/errors.js';
import type { IssueHost, IssueRef } from './watch-issue.js';

export const TOKEN_VARIABLE = 'CONSENT_GATE_GITLAB_TOKEN';

export interface GitLabProject {
  /** CI_API_V4_URL: https://gitlab.example/api/v4 */
  api: string;
  /** CI_PROJECT_ID. */
  project: string;
  token: string;
  /** CI_JOB_URL: the job's page, where its artifacts are. */
  jobUrl?: string;
  /** The site's folder in the repository (CI_PROJECT_DIR): one issue per site of a monorepo. */
  dir: string;
}

/** Read before the scan: a missing variable should cost a second, not a scan. */
export function gitlabProject(cwd: string, env: NodeJS.ProcessEnv = process.env): GitLabProject {
  const missing = ['CI_API_V4_URL', 'CI_PROJECT_ID', TOKEN_VARIABLE].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new GateError(
      `--gitlab-issue needs ${missing.join(', ')}. GitLab sets CI_API_V4_URL and CI_PROJECT_ID in every job; ${TOKEN_VARIABLE} is a CI/CD variable you add (Settings → CI/CD → Variables, masked): a project access token with the api scope and at least the Reporter role.`,
    );
  }
  return {
    api: env['CI_API_V4_URL']!.replace(/\/+$/, ''),
    project: env['CI_PROJECT_ID']!,
    token: env[TOKEN_VARIABLE]!,
    ...(env['CI_JOB_URL'] ? { jobUrl: env['CI_JOB_URL'] } : {}),
    dir: relative(env['CI_PROJECT_DIR'] ?? cwd, cwd).split('\\').join('/') || '.',
  };
}

interface GitLabIssue {
  iid: number;
  web_url: string;
  description: string | null;
}

/** The project's issues through GitLab's REST API v4, with the token in PRIVATE-TOKEN. */
export function gitlabIssues(project: GitLabProject): IssueHost {
  const base = `${project.api}/projects/${encodeURIComponent(project.project)}`;
  async function call(method: string, path: string, body?: object): Promise<{ data: unknown; headers: Headers }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { 'PRIVATE-TOKEN': project.token, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new Error(`${method} ${base}${path} failed: ${errorText((error as Error).cause ?? error)}`);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        const said = (JSON.parse(text) as { message?: unknown; error?: unknown }) ?? {};
        const what = said.message ?? said.error ?? said;
        message = typeof what === 'string' ? what : JSON.stringify(what);
      } catch {
        // Not JSON (a proxy's error page): its first words say enough.
      }
      throw new Error(`GitLab answered ${response.status} to ${method} ${path.split('?')[0]}: ${message}`);
    }
    return { data: text ? JSON.parse(text) : null, headers: response.headers };
  }
  const ref = (issue: GitLabIssue): IssueRef => ({ number: issue.iid, url: issue.web_url });
  return {
    findOpen: async (marker) => {
      // Every page of open issues: GitLab says the next one in x-next-page, empty on the last.
      for (let page = '1'; page; ) {
        const { data, headers } = await call('GET', `/issues?state=opened&per_page=100&page=${page}`);
        const found = (data as GitLabIssue[]).find((issue) => issue.description?.includes(marker));
        if (found) return ref(found);
        page = headers.get('x-next-page') ?? '';
      }
      return null;
    },
    open: async (title, description) => ref((await call('POST', '/issues', { title, description })).data as GitLabIssue),
    update: async (issue, title, description) => {
      await call('PUT', `/issues/${issue.number}`, { title, description });
    },
    close: async (issue, comment) => {
      await call('POST', `/issues/${issue.number}/notes`, { body: comment });
      await call('PUT', `/issues/${issue.number}`, { state_event: 'close' });
    },
  };
}
