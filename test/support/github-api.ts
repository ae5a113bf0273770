// GitHub's REST API for issues and their comments, as documented (docs.github.com/rest/issues), on
// loopback: the Action is pointed at it by GITHUB_API_URL, as on GitHub Enterprise Server. It keeps
// the issues and comments it is given, pages its lists with Link headers, checks the token, answers a
// read-only token's writes with GitHub's 403, and records every call.
import type { ServerResponse } from 'node:http';
import { sendJson as json, serveRest, type ApiCall } from './rest-api.js';

export type { ApiCall } from './rest-api.js';

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  /** A pull request: the issues list shows it too, with a pull_request key. */
  pull: boolean;
}

export interface FakeGitHub {
  /** For GITHUB_API_URL. */
  url: string;
  /** For GITHUB_SERVER_URL: where html_url links point. */
  server: string;
  owner: string;
  repo: string;
  token: string;
  calls: ApiCall[];
  comments: Comment[];
  issues: Issue[];
  /** The token of a pull request from a fork: it reads, and every write is refused. */
  readOnly: boolean;
  /** Calls that change something. */
  writes(): ApiCall[];
  close(): Promise<void>;
}

export async function startFakeGitHub(owner = 'octo', repo = 'site'): Promise<FakeGitHub> {
  const server = 'https://github.example';
  const api: FakeGitHub = {
    url: '',
    close: async () => {},
    server,
    owner,
    repo,
    token: 'ghs_fake-installation-token',
    calls: [],
    comments: [],
    issues: [],
    readOnly: false,
    writes: () => api.calls.filter((call) => call.method !== 'GET'),
  };
  let nextId = 1000;
  const commentJson = (c: Comment): object => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `${server}/${owner}/${repo}/${api.issues.find((i) => i.number === c.issue)?.pull ? 'pull' : 'issues'}/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: 'NONE',
  });
  const issueJson = (i: Issue): object => ({
    id: 500_000 + i.number,
    number: i.number,
    url: `${base}/repos/${owner}/${repo}/issues/${i.number}`,
    html_url: `${server}/${owner}/${repo}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    ...(i.pull ? { pull_request: { url: `${base}/repos/${owner}/${repo}/pulls/${i.number}` } } : {}),
  });
  /** A list endpoint's page (per_page default 30, at most 100) with the Link header GitHub sends. */
  const page = (res: ServerResponse, url: URL, items: object[]): void => {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const number = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const next = new URL(url);
      next.searchParams.set('page', String(n));
      return `<${base}${next.pathname}${next.search}>; rel="${rel}"`;
    };
    const links = [...(number < last ? [link(number + 1, 'next'), link(last, 'last')] : []), ...(number > 1 ? [link(1, 'first'), link(number - 1, 'prev')] : [])];
    json(res, 200, items.slice((number - 1) * perPage, number * perPage), links.length ? { link: links.join(', ') } : {});
  };

  const rest = await serveRest(({ body }, req, res, url) => {
    if (req.headers.authorization !== `token ${api.token}`) return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const prefix = `/repos/${owner}/${repo}/issues`;
    if (!url.pathname.startsWith(prefix)) return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const tail = url.pathname.slice(prefix.length);
    if (req.method !== 'GET' && api.readOnly) {
      return json(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' });
    }
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && tail === '') {
      const state = url.searchParams.get('state') ?? 'open';
      return page(res, url, api.issues.filter((i) => state === 'all' || i.state === state).map(issueJson));
    }
    if (req.method === 'POST' && tail === '') {
      const issue: Issue = { number: Math.max(0, ...api.issues.map((i) => i.number)) + 1, title: String(body?.['title']), body: String(body?.['body'] ?? ''), state: 'open', state_reason: null, pull: false };
      api.issues.push(issue);
      return json(res, 201, issueJson(issue));
    }
    if ((m = /^\/(\d+)$/.exec(tail)) && req.method === 'PATCH') {
      const issue = api.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return json(res, 404, { message: 'Not Found', status: '404' });
      if (typeof body?.['title'] === 'string') issue.title = body['title'];
      if (typeof body?.['body'] === 'string') issue.body = body['body'];
      if (body?.['state'] === 'open' || body?.['state'] === 'closed') issue.state = body['state'];
      if (typeof body?.['state_reason'] === 'string') issue.state_reason = body['state_reason'];
      return json(res, 200, issueJson(issue));
    }
    if ((m = /^\/(\d+)\/comments$/.exec(tail))) {
      const number = Number(m[1]);
      if (!api.issues.some((i) => i.number === number)) return json(res, 404, { message: 'Not Found', status: '404' });
      if (req.method === 'GET') return page(res, url, api.comments.filter((c) => c.issue === number).map(commentJson));
      if (req.method === 'POST') {
        if (typeof body?.['body'] !== 'string') return json(res, 422, { message: 'Invalid request.', status: '422' });
        if (body['body'].length > 65_536) return json(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], status: '422' });
        const comment: Comment = { id: nextId++, issue: number, body: body['body'], user: 'github-actions[bot]' };
        api.comments.push(comment);
        return json(res, 201, commentJson(comment));
      }
    }
    if ((m = /^\/comments\/(\d+)$/.exec(tail)) && req.method === 'PATCH') {
      const comment = api.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return json(res, 404, { message: 'Not Found', status: '404' });
      if (typeof body?.['body'] !== 'string' || body['body'].length > 65_536) return json(res, 422, { message: 'Validation Failed', status: '422' });
      comment.body = body['body'];
      return json(res, 200, commentJson(comment));
    }
    return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });
  const base = rest.base;
  api.url = base;
  api.calls = rest.calls;
  api.close = rest.close;
  return api;
}
