// GitLab's REST API v4 for a project's issues and their notes, as documented (docs.gitlab.com/api/issues,
// /api/notes), on loopback: pointed at by CI_API_V4_URL as in a GitLab job. It pages its lists with
// x-next-page, checks the PRIVATE-TOKEN, answers a token without write access with 403, and records every call.
import { sendJson as json, serveRest, type ApiCall } from './rest-api.js';

export interface GitLabIssue {
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  notes: string[];
}

export interface FakeGitLab {
  /** For CI_API_V4_URL. */
  url: string;
  project: string;
  token: string;
  calls: ApiCall[];
  issues: GitLabIssue[];
  /** A token with the Guest role: reads, and every write is refused. */
  readOnly: boolean;
  writes(): ApiCall[];
  close(): Promise<void>;
}

export async function startFakeGitLab(project = '4242'): Promise<FakeGitLab> {
  const web = 'https://gitlab.example/group/site';
  const api: FakeGitLab = {
    url: '',
    project,
    token: 'glpat-fake-project-token',
    calls: [],
    issues: [],
    readOnly: false,
    writes: () => api.calls.filter((call) => call.method !== 'GET'),
    close: async () => {},
  };
  const issueJson = (i: GitLabIssue): object => ({
    id: 90_000 + i.iid,
    iid: i.iid,
    project_id: Number(project),
    title: i.title,
    description: i.description,
    state: i.state,
    web_url: `${web}/-/issues/${i.iid}`,
  });

  const rest = await serveRest(({ body }, req, res, url) => {
    if (req.headers['private-token'] !== api.token) return json(res, 401, { message: '401 Unauthorized' });
    const prefix = `/api/v4/projects/${project}/issues`;
    if (!url.pathname.startsWith(prefix)) return json(res, 404, { message: '404 Project Not Found' });
    if (req.method !== 'GET' && api.readOnly) return json(res, 403, { message: '403 Forbidden' });
    const tail = url.pathname.slice(prefix.length);
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && tail === '') {
      const state = url.searchParams.get('state');
      const all = api.issues.filter((i) => !state || state === 'all' || i.state === state);
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 20), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const headers = { 'x-page': String(page), 'x-per-page': String(perPage), 'x-total': String(all.length), 'x-total-pages': String(pages), 'x-next-page': page < pages ? String(page + 1) : '' };
      return json(res, 200, all.slice((page - 1) * perPage, page * perPage).map(issueJson), headers);
    }
    if (req.method === 'POST' && tail === '') {
      if (typeof body?.['title'] !== 'string' || !body['title']) return json(res, 400, { message: { title: ["can't be blank"] } });
      const issue: GitLabIssue = { iid: Math.max(0, ...api.issues.map((i) => i.iid)) + 1, title: body['title'], description: String(body['description'] ?? ''), state: 'opened', notes: [] };
      api.issues.push(issue);
      return json(res, 201, issueJson(issue));
    }
    const issue = (m = /^\/(\d+)(\/notes)?$/.exec(tail)) ? api.issues.find((i) => i.iid === Number(m![1])) : undefined;
    if (!m || !issue) return json(res, 404, { message: '404 Not found' });
    if (m[2] && req.method === 'POST') {
      if (typeof body?.['body'] !== 'string') return json(res, 400, { error: 'body is missing' });
      issue.notes.push(body['body']);
      return json(res, 201, { id: 7000 + issue.notes.length, body: body['body'], noteable_iid: issue.iid });
    }
    if (!m[2] && req.method === 'PUT') {
      if (typeof body?.['title'] === 'string') issue.title = body['title'];
      if (typeof body?.['description'] === 'string') issue.description = body['description'];
      if (body?.['state_event'] === 'close') issue.state = 'closed';
      if (body?.['state_event'] === 'reopen') issue.state = 'opened';
      return json(res, 200, issueJson(issue));
    }
    return json(res, 405, { message: '405 Method Not Allowed' });
  });
  api.url = `${rest.base}/api/v4`;
  api.calls = rest.calls;
  api.close = rest.close;
  return api;
}
