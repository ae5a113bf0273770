// What the loopback stand-ins for GitHub's and GitLab's REST APIs share: a JSON server that records
// every call (method, path, query, body) before its handler answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

export const sendJson = (res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(data));
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

export interface RestServer {
  /** http://127.0.0.1:PORT */
  base: string;
  calls: ApiCall[];
  close(): Promise<void>;
}

/** Listens on loopback; `answer` gets each call once it is recorded. */
export async function serveRest(answer: (call: ApiCall, req: IncomingMessage, res: ServerResponse, url: URL) => void): Promise<RestServer> {
  const calls: ApiCall[] = [];
  const http = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const call = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: await readBody(req) };
      calls.push(call);
      answer(call, req, res, url);
    })().catch((error: unknown) => sendJson(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, calls, close: () => new Promise((resolve) => http.close(() => resolve())) };
}
