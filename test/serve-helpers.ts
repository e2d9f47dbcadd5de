// Helpers for the review server's tests: a server started in this process on a free port, with
// the rules the command line would load (no configuration file), and a plain HTTP client that
// can send any Host header, token and body.

import { request } from 'node:http';
import { styleNames } from '../src/engine/style.js';
import { loadRules, loadRuleSet, type InputFormat, type RuleSet } from '../src/index.js';
import { startServer, type RunningServer } from '../src/serve/server.js';

export interface TestServer extends RunningServer {
  /** POSTs JSON to the API with the server's token (or the headers given instead). */
  api<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
}

export interface Reply<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export async function startTestServer(files: string[], o: { maxBytes?: number; inputFormat?: InputFormat | 'auto'; style?: string } = {}): Promise<TestServer> {
  const args = { config: false as const, rules: [], phrases: [], style: o.style, rule: [], disableRule: [] };
  const sets = new Map<string | undefined, RuleSet>();
  const rulesFor = (style: string | undefined) => {
    if (!sets.has(style)) sets.set(style, loadRuleSet({ ...args, style: style ?? o.style }, process.cwd()));
    return sets.get(style)!;
  };
  const server = await startServer({ files, rulesFor, styles: styleNames(loadRules({ verify: false })), style: o.style, inputFormat: o.inputFormat, maxBytes: o.maxBytes ?? 10 * 1024 * 1024 });
  return {
    ...server,
    api: async <T>(path: string, body: unknown, headers?: Record<string, string>) => {
      const r = await http<T>(server.port, path, {
        method: 'POST',
        headers: headers ?? { 'Content-Type': 'application/json', 'X-Mtlint-Token': server.token },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return r;
    },
  };
}

/** One HTTP request to 127.0.0.1:port (Host header `127.0.0.1:port` unless given). */
export function http<T = unknown>(port: number, path: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        if ((res.headers['content-type'] ?? '').startsWith('application/json')) body = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body as T, text });
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
