// The review server: one page (its HTML, script and style) and the JSON API (api.ts), on the
// loopback interface unless told otherwise. What keeps it safe, checked on every request:
// - the Host header must name this server (a page on another site that has its name resolve to
//   127.0.0.1 — DNS rebinding — is refused);
// - the API takes only POSTed `application/json` carrying the server's token, which only its own
//   page can read (no cross-site form posts; another origin cannot read the page), and a body no
//   larger than the file-size limit (413);
// - every answer carries a Content-Security-Policy that allows scripts and styles from this server
//   only (none inline), and nothing from elsewhere: article text shown as text can run nothing.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api, type ApiOptions } from './api.js';
import { ApiFailure } from './failure.js';
import { pageHtml } from './page-html.js';

export interface ServeOptions extends ApiOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: a free one). */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** True when `host` is a loopback name or address (the default, safe binding). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const host = o.host ?? '127.0.0.1';
  const api = new Api(o);
  const token = randomBytes(24).toString('base64url');
  const assets = loadAssets();
  let port = 0;
  const names = allowedNames(host);

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`mtlint serve: ${(e as Error).stack ?? e}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error (see the server\'s terminal)\n');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, names, port)) {
      return send(res, 403, 'text/plain', `Refused: this server answers only to ${[...names].map((n) => `${n}:${port}`).join(', ')} (Host header: ${req.headers.host ?? 'none'}).\n`);
    }
    const path = (req.url ?? '/').split('?')[0];
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed\n', { Allow: 'GET' });
      if (path === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml(token));
      const asset = assets[path];
      if (!asset) return send(res, 404, 'text/plain', 'Not found\n');
      if (asset.body === null) return send(res, 500, 'text/plain', `The page is not built (${asset.file} is missing): run npm run build.\n`);
      return send(res, 200, asset.type, asset.body);
    }
    try {
      if (req.method !== 'POST') throw new ApiFailure(405, 'the API takes POST requests');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}`) throw new ApiFailure(403, `requests from ${origin} are refused`);
      if (!tokenMatches(req.headers['x-mtlint-token'], token)) throw new ApiFailure(403, 'missing or wrong X-Mtlint-Token header (the page holds it)');
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw new ApiFailure(415, 'the API takes Content-Type: application/json');
      const body = await readBody(req, o.maxBytes);
      const route = ROUTES[path];
      if (!route) throw new ApiFailure(404, `no API endpoint ${path}`);
      sendJson(res, 200, route(api, body));
    } catch (e) {
      const status = e instanceof ApiFailure ? e.status : isUsageError(e) ? 422 : 0;
      if (status === 0) throw e;
      // A refused request's body may be unread: it is dropped, and the connection closed after the answer.
      req.resume();
      sendJson(res, status, { error: (e as Error).message }, { Connection: 'close', ...(status === 405 ? { Allow: 'POST' } : {}) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const ROUTES: Record<string, (api: Api, body: unknown) => unknown> = {
  '/api/files': (api) => api.filesList(),
  '/api/lint': (api, b) => api.lint(b),
  '/api/fix': (api, b) => api.fix(b),
  '/api/diff': (api, b) => api.diff(b),
  '/api/open': (api, b) => api.open(b),
  '/api/save': (api, b) => api.save(b),
};

/** The API's endpoints (documented in the README). */
export const ENDPOINTS = Object.keys(ROUTES);

/** The names (lower case, IPv6 in brackets) a Host header may give for a server listening on `host`. */
function allowedNames(host: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const add = (h: string) => names.add(h.includes(':') ? `[${h.toLowerCase()}]` : h.toLowerCase());
  add(host);
  if (host === '0.0.0.0' || host === '::') {
    add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) add(a.address.split('%')[0]);
  }
  return names;
}

function hostAllowed(header: string | undefined, names: Set<string>, port: number): boolean {
  if (!header) return false;
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(header.trim().toLowerCase());
  return m !== null && names.has(m[1]) && Number(m[2]) === port;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function isUsageError(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === 'UsageError' || name === 'RuleError';
}

/**
 * The request body as JSON; past `max` bytes, refused (413) and the rest of it read and dropped,
 * so the client, still sending, gets the answer.
 */
function readBody(req: IncomingMessage, max: number): Promise<unknown> {
  const tooLarge = () => new ApiFailure(413, `the request body is larger than the limit (${max} bytes; MTLINT_MAX_FILE_MB raises it)`);
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) {
      req.resume();
      return reject(tooLarge());
    }
    let chunks: Buffer[] | null = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (chunks === null) return;
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      chunks = null;
      reject(tooLarge());
    });
    req.on('error', reject);
    req.on('end', () => {
      if (chunks === null) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new ApiFailure(400, 'the request body is not valid JSON'));
      }
    });
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...extra, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);
}

interface Asset {
  file: string;
  type: string;
  body: Buffer | null;
}

/** The page's script and style, built by `npm run build` into dist/serve/ (read once, at start). */
function loadAssets(): Record<string, Asset> {
  const dir = join(packageRoot(), 'dist', 'serve');
  const asset = (name: string, type: string): Asset => {
    const file = join(dir, name);
    return { file, type, body: existsSync(file) ? readFileSync(file) : null };
  };
  return {
    '/page.js': asset('page.js', 'text/javascript; charset=utf-8'),
    '/page.css': asset('page.css', 'text/css; charset=utf-8'),
    '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml', body: Buffer.from(FAVICON) },
  };
}

/** The folder of mtlint's package.json above this module (dist/serve/, the bundle in dist/, or a test build). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d3557"/><path d="M3 11.5h10" stroke="#e63946" stroke-width="1.6" stroke-linecap="round" stroke-dasharray="1.6 1.4"/><path d="M4 9V5l2 2.5L8 5v4" stroke="#fff" stroke-width="1.3" fill="none" stroke-linejoin="round"/></svg>';
