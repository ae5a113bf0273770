// GitHub's REST API through the toolkit's own client (@actions/github: Octokit with the runner's
// proxy settings and GITHUB_API_URL as its base, so GitHub Enterprise Server works too). Loaded only
// when a comment or an issue is written: a scan that posts nothing never evaluates it.
import type { getOctokit } from '@actions/github';
import { errorText } from '../shared/errors.js';
import type { Cleared } from '../shared/secrets.js';
import type { IssueHost, IssueRef } from './watch-issue.js';

type Octokit = ReturnType<typeof getOctokit>;

interface Repo {
  owner: string;
  repo: string;
}

async function client(token: string): Promise<{ octokit: Octokit; repo: Repo }> {
  if (!token) throw new Error('input "github-token" is empty');
  const github = await import('@actions/github');
  return { octokit: github.getOctokit(token), repo: github.context.repo };
}

/** What GitHub answered, for a person: "403 Resource not accessible by integration". */
export function apiReason(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  // Octokit appends the documentation URL after " - ".
  const message = errorText(error).split(' - https://')[0]!;
  return typeof status === 'number' ? `GitHub answered ${status} ${message}` : message;
}

/**
 * The pull request's one comment from this gate (per working directory), found by its hidden marker
 * and edited in place on every push. With `mayCreate` false (comment: on-failure, and the run passed),
 * an earlier comment is still brought up to date, so a red verdict never outlives its fix; none is started.
 */
export async function stickyComment(
  token: string,
  pullRequest: number,
  marker: string,
  body: Cleared,
  mayCreate: boolean,
): Promise<{ action: 'created' | 'updated'; url: string } | null> {
  const { octokit, repo } = await client(token);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pullRequest, per_page: 100 });
  const mine = comments.find((comment) => comment.body?.includes(marker));
  if (mine) {
    const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
    return { action: 'updated', url: data.html_url };
  }
  if (!mayCreate) return null;
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: pullRequest, body });
  return { action: 'created', url: data.html_url };
}

/** The repository's issues, for the watch. The list endpoint returns pull requests too: they are skipped. */
export async function githubIssues(token: string): Promise<IssueHost> {
  const { octokit, repo } = await client(token);
  return {
    findOpen: async (marker) => {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'open', per_page: 100 });
      const found = issues.find((issue) => !issue.pull_request && issue.body?.includes(marker));
      return found ? { number: found.number, url: found.html_url } : null;
    },
    open: async (title, body): Promise<IssueRef> => {
      const { data } = await octokit.rest.issues.create({ ...repo, title, body });
      return { number: data.number, url: data.html_url };
    },
    update: async (issue, title, body) => {
      await octokit.rest.issues.update({ ...repo, issue_number: issue.number, title, body });
    },
    close: async (issue, comment) => {
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    },
  };
}
