/**
 * Reading Miro (and, for kpt:prepare, creating items) through the official client
 * (`@mirohq/miro-api`), made dependable: the client
 * never retries, waits up to 15 s and returns `body: undefined` for a truncated reply, so this
 * layer adds a per-request timeout, retries with backoff for 5xx, network faults and broken
 * bodies, waits out 429s until `X-RateLimit-Reset`, and turns 401/403/404 into errors that say
 * what to do. It keeps raw JSON (the client's typed models drop fields such as `style`).
 *
 * The token lives only in a closure handed to the client: it is never in a message, a log, a
 * snapshot or an object that could be serialized. The client's `logger` never logs: it is the
 * client's one hook into the options of its fetch call, used to hand it our own HTTP agent and
 * the request's abort signal (the client has no parameter for either).
 */
import http from 'node:http';
import https from 'node:https';
import { MiroLowlevelApi } from '@mirohq/miro-api';

export const DEFAULT_MIRO_API_URL = 'https://api.miro.com';

export type MiroErrorKind = 'auth' | 'forbidden' | 'not-found' | 'rate-limited' | 'unavailable' | 'bad-request' | 'bad-reply';

export class MiroError extends Error {
  constructor(
    readonly kind: MiroErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MiroError';
  }
}

/** One GET of a Miro REST path; resolves to the raw JSON body. */
export interface MiroFetcher {
  get(path: string, query?: Record<string, string>): Promise<unknown>;
  /** HTTP requests sent so far, retries included (0 for a snapshot). */
  readonly requests: number;
  close(): void;
}

/** A fetcher that also creates things (kpt:prepare). */
export interface MiroWriter extends MiroFetcher {
  /**
   * One POST of a JSON body; resolves to the raw JSON reply. Retried only when Miro surely did
   * not act on it (429, a refused connection): after a timeout, a 5xx or a cut reply the item
   * may exist, so the error says to run again, and the caller's next run finds it.
   */
  post(path: string, body: unknown): Promise<unknown>;
}

export interface NetworkFetcherOptions {
  token: string;
  baseUrl?: string;
  /** Give up on one request after this long and retry it. Default 15 s. */
  timeoutMs?: number;
  /** Retries for 5xx, network errors, timeouts and broken bodies. Default 4. */
  retries?: number;
  /** Retries for 429. Default 6. */
  rateLimitRetries?: number;
  /** First backoff delay; doubles each retry, up to 10 s. Default 500 ms. */
  backoffMs?: number;
  /** Longest wait for a rate-limit reset before giving up. Default 120 s. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told about each retry (for a progress line or a debug log). Never sees the token. */
  onRetry?: (info: { path: string; attempt: number; reason: string; waitMs: number }) => void;
  /** The token scope named in 401/403 messages. Default boards:read. */
  scope?: string;
}

interface HttpErrorLike {
  name: string;
  statusCode: number;
  response?: { headers?: { get(name: string): string | null } };
  body?: unknown;
}

const isHttpError = (e: unknown): e is HttpErrorLike =>
  !!e && typeof e === 'object' && (e as HttpErrorLike).name === 'HttpError' && typeof (e as HttpErrorLike).statusCode === 'number';

class Transient extends Error {}

export const defaultSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export function queryKey(path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
  return q ? `${path}?${q}` : path;
}

export function createNetworkFetcher(options: NetworkFetcherOptions): MiroWriter {
  const baseUrl = (options.baseUrl || DEFAULT_MIRO_API_URL).replace(/\/+$/, '');
  let base: URL;
  try {
    base = new URL(baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new MiroError('bad-request', `MIRO_API_URL "${baseUrl}" is not an http(s) URL (default ${DEFAULT_MIRO_API_URL})`);
  }
  const token = options.token;
  // Our own agent, so close() can drop its sockets without touching the process's global agents
  // (the same keep-alive settings as Node's global agent).
  const agentOptions = { keepAlive: true, timeout: 5000, scheduling: 'lifo' } as const;
  const agent = base.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  // The client gets a function, so the token is not a property of any object we hold. One client
  // a request, so its hook knows which request's signal to pass on.
  const client = (signal: AbortSignal) =>
    new MiroLowlevelApi(async () => token, baseUrl, (event: unknown, _url: unknown, fetchOptions: unknown) => {
      // The options hold the Authorization header: add to them, never print or keep them.
      if (event === 'FETCH' && fetchOptions && typeof fetchOptions === 'object') Object.assign(fetchOptions, { agent, signal });
    });
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 4;
  const rateLimitRetries = options.rateLimitRetries ?? 6;
  const backoffMs = options.backoffMs ?? 500;
  const maxWait = options.maxRateLimitWaitMs ?? 120_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const scope = options.scope ?? 'boards:read';
  let requests = 0;

  const once = async (method: 'GET' | 'POST', url: string, body?: string): Promise<unknown> => {
    requests++;
    // The deadline aborts the request itself (socket closed), not only our wait for it.
    const signal = AbortSignal.timeout(timeoutMs);
    const late = () => new Transient(`no answer within ${Math.round(timeoutMs / 100) / 10} s`);
    let reply: { body: unknown };
    try {
      reply = await client(signal).call(method, url, body);
    } catch (e) {
      throw signal.aborted ? late() : e;
    }
    const answer = reply.body;
    // An abort while the body streams in leaves the client with no body: that is the deadline too.
    if (signal.aborted) throw late();
    if (answer === undefined || answer === null || typeof answer !== 'object') throw new Transient('truncated or empty reply');
    return answer;
  };

  const send = async (method: 'GET' | 'POST', path: string, query: Record<string, string>, payload?: unknown): Promise<unknown> => {
    const url = `${baseUrl}${queryKey(path, query)}`;
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    let transient = 0;
    let limited = 0;
    for (;;) {
      let reason: string;
      let waitMs: number;
      try {
        return await once(method, url, body);
      } catch (e) {
        // A POST that may have been carried out is not sent twice: that would make a duplicate.
        const unsure = method === 'POST' && !(e as { code?: string })?.code?.startsWith('ECONNREFUSED') && !(isHttpError(e) && e.statusCode < 500);
        if (unsure) {
          const why = e instanceof Transient ? e.message : isHttpError(e) ? `server error ${e.statusCode}` : ((e as { code?: string }).code ?? 'network error');
          throw new MiroError('unavailable', `Miro did not confirm POST ${path} (${why}); run the command again: it adds only what is still missing`);
        }
        if (e instanceof Transient) {
          reason = e.message;
        } else if (isHttpError(e)) {
          const status = e.statusCode;
          if (status === 401) {
            throw new MiroError('auth', `Miro rejected the access token (401): set MIRO_ACCESS_TOKEN to a valid token with the ${scope} scope`, status);
          }
          if (status === 403) {
            throw new MiroError('forbidden', `Miro refused access (403): the token needs the ${scope} scope and its user must be able to open the board`, status);
          }
          if (status === 404) throw new MiroError('not-found', 'not found on Miro (404)', status);
          if (status === 429) {
            if (limited++ >= rateLimitRetries) {
              throw new MiroError('rate-limited', `Miro kept rate-limiting the requests (429 after ${limited} tries): try again in a few minutes`, status);
            }
            const reset = Number(e.response?.headers?.get('x-ratelimit-reset'));
            const retryAfter = Number(e.response?.headers?.get('retry-after'));
            waitMs = Number.isFinite(reset) && reset > 0
              ? Math.max(0, reset * 1000 - now()) + 100
              : Number.isFinite(retryAfter) && retryAfter >= 0
                ? retryAfter * 1000
                : Math.min(backoffMs * 2 ** (limited - 1), 10_000);
            if (waitMs > maxWait) {
              const at = new Date(now() + waitMs).toISOString().slice(11, 19);
              throw new MiroError('rate-limited', `Miro's rate limit resets at ${at} UTC: try again then`, status);
            }
            options.onRetry?.({ path, attempt: limited, reason: 'rate limited (429)', waitMs });
            await sleep(waitMs);
            continue;
          }
          if (status >= 500) reason = `server error ${status}`;
          else throw new MiroError('bad-request', `Miro answered ${status} to ${method} ${path}${messageOf(e.body)}`, status);
        } else {
          const err = e as { code?: string; type?: string; message?: string };
          reason = err.code ?? err.type ?? 'network error';
        }
        if (transient++ >= retries) {
          throw new MiroError('unavailable', `Miro did not answer ${method} ${path} after ${transient} tries (last: ${reason}); check MIRO_API_URL and the network, then try again`);
        }
        waitMs = Math.min(backoffMs * 2 ** (transient - 1), 10_000);
        options.onRetry?.({ path, attempt: transient, reason, waitMs });
        await sleep(waitMs);
      }
    }
  };

  return {
    get requests() {
      return requests;
    },
    get: (path, query = {}) => send('GET', path, query),
    post: (path, body) => send('POST', path, {}, body),
    close() {
      // Kept-alive sockets would hold the process open for a while: drop ours, and only ours.
      agent.destroy();
    },
  };
}

/** Miro's error message, if any, as one short printable clause. */
function messageOf(body: unknown): string {
  const m = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  if (typeof m !== 'string' || !m) return '';
  // eslint-disable-next-line no-control-regex
  const clean = m.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 200);
  return `: ${clean}`;
}
