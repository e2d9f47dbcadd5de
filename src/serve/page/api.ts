// The page's client of the server's JSON API: every request POSTs JSON with the token the server
// put in the page; a refusal becomes an Error carrying the server's one-line reason.

import type {
  DiffRequest,
  DiffResponse,
  FilesResponse,
  FixRequest,
  FixResponse,
  LintRequest,
  LintResponse,
  OpenResponse,
  SaveRequest,
  SaveResponse,
} from '../types.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="mtlint-token"]')?.content ?? '';

async function call<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mtlint-Token': token },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('The mtlint server does not answer: is it still running?');
  }
  const data = (await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `${res.status} ${res.statusText}`);
  return data;
}

export const api = {
  files: () => call<FilesResponse>('/api/files', {}),
  open: (path: string) => call<OpenResponse>('/api/open', { path }),
  lint: (req: LintRequest) => call<LintResponse>('/api/lint', req),
  fix: (req: FixRequest) => call<FixResponse>('/api/fix', req),
  diff: (req: DiffRequest) => call<DiffResponse>('/api/diff', req),
  save: (req: SaveRequest) => call<SaveResponse>('/api/save', req),
};
