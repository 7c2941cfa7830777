/**
 * A Miro-shaped REST server on 127.0.0.1 for tests and the benchmark: serves recorded boards the
 * way Miro does (cursor pages for items, offset pages for tags, members and items by tag, tags
 * not on items), checks the bearer token, counts requests and injects faults (429 with
 * X-RateLimit-Reset, 5xx, a hung request, a truncated body, a reset connection, 401/403).
 * It also takes the create requests kpt:prepare sends (POST boards, frames, sticky notes, texts,
 * shapes), answers 201 with the item as Miro does, adds it to the board and records the write.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { itemId, type BoardFixture } from './miro-boards.ts';
import type { MiroItem } from '../../src/lib/kpt/miro-types.ts';

export * from './miro-boards.ts';

export const TEST_TOKEN = 'test-token-5f1c9a0d-never-print-me';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

/** A create request the server carried out (201), with the body it was sent and what it made. */
export interface RecordedWrite {
  method: string;
  path: string;
  body: Record<string, unknown>;
  created: { id: string; type: string };
}

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'rate-limit'; resetInSeconds: number }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'reset' };

export interface FaultRule {
  /** Which requests (default: any). Matched against `path?query`. */
  match?: RegExp;
  /** Only requests of this method (default: any). */
  method?: string;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  fault: Fault;
}

export interface MiroServer {
  url: string;
  requests: RecordedRequest[];
  /** Every write the server carried out, in order. */
  writes: RecordedWrite[];
  /** Requests whose token was wrong or missing. */
  unauthorized: number;
  faults: FaultRule[];
  boards: Map<string, BoardFixture>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

const error = (res: ServerResponse, status: number, code: string, message: string) =>
  json(res, status, { status, code, message, type: 'error' });

function limitOf(query: Record<string, string>, res: ServerResponse, max = 50): number | undefined {
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 10 || limit > max) {
    error(res, 400, 'invalidParameters', `limit must be between 10 and ${max}`);
    return undefined;
  }
  return limit;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const decodeCursor = (cursor: string) => {
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : undefined;
};

export async function startMiroServer(
  options: { boards?: BoardFixture[]; token?: string; faults?: FaultRule[] } = {},
): Promise<MiroServer> {
  const token = options.token ?? TEST_TOKEN;
  const boards = new Map((options.boards ?? []).map((b) => [b.board.id, b]));
  const sockets = new Set<Socket>();
  const state: MiroServer = {
    url: '',
    requests: [],
    writes: [],
    unauthorized: 0,
    faults: [...(options.faults ?? [])],
    boards,
    close: async () => {},
  };

  const offsetPage = (res: ServerResponse, base: string, all: unknown[], query: Record<string, string>) => {
    const limit = limitOf(query, res);
    if (limit === undefined) return;
    const offset = Number(query.offset ?? 0);
    const data = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? `${base}?limit=${limit}&offset=${offset + limit}` : undefined;
    json(res, 200, {
      data,
      total: all.length,
      size: data.length,
      offset,
      limit,
      links: { self: `${base}?limit=${limit}&offset=${offset}`, ...(next ? { next } : {}) },
      type: 'paged-list',
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, rawBody: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const recorded = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query };
    state.requests.push(recorded);
    const key = `${recorded.path}${url.search}`;

    const rule = state.faults.find((f) => (!f.match || f.match.test(key)) && (!f.method || f.method === recorded.method));
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) state.faults.splice(state.faults.indexOf(rule), 1);
      const f = rule.fault;
      if (f.kind === 'hang') return; // never answer
      if (f.kind === 'reset') return req.socket.destroy();
      if (f.kind === 'status') return json(res, f.status, f.body ?? { status: f.status, type: 'error' }, f.headers);
      if (f.kind === 'rate-limit') {
        const reset = Math.ceil(Date.now() / 1000) + f.resetInSeconds;
        return json(res, 429, { status: 429, code: 'tooManyRequests', message: 'Rate limit exceeded', type: 'error' }, {
          'x-ratelimit-limit': '100000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        });
      }
      if (f.kind === 'truncate') {
        // Headers promise the whole body; half of it arrives and the connection drops.
        const body = JSON.stringify({ data: [], total: 0, size: 0, limit: 50, links: {}, type: 'cursor-list', padding: 'x'.repeat(2000) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.write(body.slice(0, body.length / 2));
        setTimeout(() => req.socket.destroy(), 10);
        return;
      }
    }

    if (req.headers.authorization !== `Bearer ${token}`) {
      state.unauthorized++;
      return error(res, 401, 'tokenNotProvided', 'No or invalid access token');
    }
    if (req.method === 'POST') return create(res, recorded.path, rawBody);
    if (req.method !== 'GET') return error(res, 405, 'methodNotAllowed', 'the test server only reads and creates');

    const m = /^\/v2\/boards\/([^/]+)(\/.*)?$/.exec(recorded.path);
    const fixture = m ? boards.get(m[1]) : undefined;
    if (!m || !fixture) return error(res, 404, 'boardNotFound', 'Board not found');
    const rest = m[2] ?? '';
    const base = `${state.url}/v2/boards/${encodeURIComponent(m[1])}`;

    if (rest === '' || rest === '/') return json(res, 200, fixture.board);
    if (rest === '/items') {
      if (query.tag_id !== undefined) {
        const ids = new Set(fixture.tagItems[query.tag_id] ?? []);
        return offsetPage(res, `${base}/items`, fixture.items.filter((i) => ids.has(i.id)), query);
      }
      const limit = limitOf(query, res);
      if (limit === undefined) return;
      const all = query.type ? fixture.items.filter((i) => i.type === query.type) : fixture.items;
      const offset = query.cursor ? decodeCursor(query.cursor) : 0;
      if (offset === undefined) return error(res, 400, 'invalidParameters', 'invalid cursor');
      const data = all.slice(offset, offset + limit);
      const cursor = offset + limit < all.length ? encodeCursor(offset + limit) : undefined;
      return json(res, 200, {
        data,
        total: all.length,
        size: data.length,
        limit,
        ...(cursor ? { cursor } : {}),
        links: { self: `${base}/items?limit=${limit}`, ...(cursor ? { next: `${base}/items?limit=${limit}&cursor=${cursor}` } : {}) },
        type: 'cursor-list',
      });
    }
    if (rest === '/tags') return offsetPage(res, `${base}/tags`, fixture.tags, query);
    if (rest === '/members') return offsetPage(res, `${base}/members`, fixture.members.map((mb) => ({ ...mb, role: 'editor', type: 'board_member' })), query);
    const itemTags = /^\/items\/([^/]+)\/tags$/.exec(rest);
    if (itemTags) {
      const tags = fixture.tags.filter((t) => (fixture.tagItems[t.id] ?? []).includes(itemTags[1]));
      return json(res, 200, { tags });
    }
    return error(res, 404, 'notFound', 'Not found');
  };

  const STICKY_COLORS = new Set(['gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan', 'light_pink', 'pink', 'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black']);
  const TYPES: Record<string, string> = { frames: 'frame', sticky_notes: 'sticky_note', texts: 'text', shapes: 'shape' };
  let boardSeq = 0;

  /** The create endpoints, checked the way Miro checks what kpt:prepare relies on. */
  const create = (res: ServerResponse, path: string, rawBody: string) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
    } catch {
      return error(res, 400, 'invalidBody', 'body is not a JSON object');
    }
    const now = new Date().toISOString();
    if (path === '/v2/boards') {
      const name = typeof body.name === 'string' ? body.name : 'Untitled';
      if (name.length > 60) return error(res, 400, 'invalidParameters', 'name is longer than 60 characters');
      const id = `uXjVNew${String(++boardSeq).padStart(4, '0')}=`;
      const board = { id, type: 'board', name, description: '', createdAt: now, modifiedAt: now, viewLink: `https://miro.com/app/board/${id}` };
      boards.set(id, { board, items: [], tags: [], tagItems: {}, members: [] });
      state.writes.push({ method: 'POST', path, body, created: { id, type: 'board' } });
      return json(res, 201, board);
    }
    const m = /^\/v2\/boards\/([^/]+)\/(frames|sticky_notes|texts|shapes)$/.exec(path);
    if (!m) return error(res, 404, 'notFound', 'Not found');
    const fixture = boards.get(m[1]);
    if (!fixture) return error(res, 404, 'boardNotFound', 'Board not found');
    const type = TYPES[m[2]];
    const data = (body.data ?? {}) as Record<string, unknown>;
    const style = (body.style ?? {}) as Record<string, unknown>;
    const geometry = (body.geometry ?? {}) as { width?: number; height?: number };
    const position = (body.position ?? { x: 0, y: 0 }) as { x?: number; y?: number };
    const parentId = (body.parent as { id?: string } | undefined)?.id;
    if (parentId !== undefined && !fixture.items.some((i) => i.id === parentId && i.type === 'frame')) {
      return error(res, 400, 'invalidParameters', `parent ${parentId} is not a frame on this board`);
    }
    if (type === 'sticky_note') {
      if (geometry.width !== undefined && geometry.height !== undefined) return error(res, 400, 'invalidParameters', 'set only width or height of a sticky note');
      if (style.fillColor !== undefined && !STICKY_COLORS.has(String(style.fillColor))) return error(res, 400, 'invalidParameters', `fillColor ${String(style.fillColor)} is not a sticky note colour`);
    }
    if (type === 'frame' && typeof data.title !== 'string') return error(res, 400, 'invalidParameters', 'a frame needs data.title');
    const width = geometry.width ?? (type === 'sticky_note' && geometry.height ? geometry.height / 1.14 : 200);
    const height = geometry.height ?? (type === 'sticky_note' ? width * 1.14 : type === 'text' ? 50 : 200);
    const id = itemId();
    const item = {
      id,
      type,
      data,
      style,
      position: { x: position.x ?? 0, y: position.y ?? 0, origin: 'center', relativeTo: parentId ? 'parent_top_left' : 'canvas_center' },
      geometry: { width, height },
      ...(parentId ? { parent: { id: parentId, links: { self: `https://api.miro.com/v2/boards/${m[1]}/items/${parentId}` } } } : {}),
      createdAt: now,
      createdBy: { id: '3074457345600000099', type: 'user' },
      modifiedAt: now,
      modifiedBy: { id: '3074457345600000099', type: 'user' },
      links: { self: `https://api.miro.com/v2/boards/${m[1]}/items/${id}` },
    } as MiroItem;
    fixture.items.push(item);
    state.writes.push({ method: 'POST', path, body, created: { id, type } });
    return json(res, 201, item);
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
  return state;
}
