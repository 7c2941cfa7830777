/**
 * Snapshots: the raw JSON replies an import read, keyed by request, so an import can be reviewed
 * or replayed with no network (and tests can run on recorded boards). Only response bodies are
 * stored, keyed by path and query (no host): no headers, never the token.
 */
import { readFileSync } from 'node:fs';
import { MiroError, queryKey, type MiroFetcher } from './fetcher.ts';

/** How a refused optional request (403/404) is kept, so a replay takes the same path. */
interface RecordedRefusal {
  $refused: { kind: 'forbidden' | 'not-found'; status: number };
}
const isRefusal = (v: unknown): v is RecordedRefusal => !!v && typeof v === 'object' && '$refused' in v;

export const SNAPSHOT_FORMAT = 'hikitsugi/miro-snapshot';

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  board_id: string;
  /** `GET` path with sorted query -> raw JSON body, in the order read. */
  responses: Record<string, unknown>;
}

export class SnapshotError extends Error {}

export interface RecordingFetcher extends MiroFetcher {
  snapshot(boardId: string): Snapshot;
}

export function recordingFetcher(inner: MiroFetcher): RecordingFetcher {
  const responses: Record<string, unknown> = {};
  return {
    get requests() {
      return inner.requests;
    },
    async get(path, query = {}) {
      try {
        const body = await inner.get(path, query);
        responses[queryKey(path, query)] = body;
        return body;
      } catch (e) {
        if (e instanceof MiroError && (e.kind === 'forbidden' || e.kind === 'not-found')) {
          responses[queryKey(path, query)] = { $refused: { kind: e.kind, status: e.status ?? 0 } } satisfies RecordedRefusal;
        }
        throw e;
      }
    },
    close: () => inner.close(),
    snapshot: (boardId) => ({ format: SNAPSHOT_FORMAT, version: 1, board_id: boardId, responses: { ...responses } }),
  };
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

export function parseSnapshot(text: string, source: string): Snapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new SnapshotError(`${source} is not valid JSON (${(e as Error).message}); was it cut short?`);
  }
  const s = raw as Partial<Snapshot>;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT || s.version !== 1 || typeof s.board_id !== 'string' || !s.responses || typeof s.responses !== 'object') {
    throw new SnapshotError(`${source} is not a hikitsugi Miro snapshot (make one with --snapshot FILE)`);
  }
  return s as Snapshot;
}

export function readSnapshot(path: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SnapshotError(`cannot read snapshot ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseSnapshot(text, path);
}

/** Answers from a snapshot instead of the network; a request it does not hold is an error. */
export function snapshotFetcher(snapshot: Snapshot): MiroFetcher {
  return {
    requests: 0,
    async get(path, query = {}) {
      const key = queryKey(path, query);
      if (!Object.hasOwn(snapshot.responses, key)) {
        throw new SnapshotError(`the snapshot has no reply for GET ${key}: record it again with --snapshot (another board, or a config naming other tags)`);
      }
      const body = snapshot.responses[key];
      if (isRefusal(body)) throw new MiroError(body.$refused.kind, `refused by Miro when recorded (${body.$refused.status})`, body.$refused.status);
      return body;
    },
    close() {},
  };
}
