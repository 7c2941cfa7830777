/**
 * What the Miro CLIs (kpt import, kpt prepare) share: the KPT settings (`kpt` in
 * hikitsugi.config.mjs, or an older hikitsugi.kpt.yaml when present or given to --config), the
 * MIRO_* environment, the network client with its retry line, one set of token rules (from the
 * environment only; never printed, never written, never in an error).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CliError } from './run.ts';
import { parseKptConfig, printable, type KptConfig } from '../lib/kpt/index.ts';
import { createNetworkFetcher, DEFAULT_MIRO_API_URL, type MiroWriter } from '../io/miro/fetcher.ts';

export const KPT_CONFIG_FILE = 'hikitsugi.kpt.yaml';

export function loadKptConfig(path: string | undefined, fromSettings: KptConfig): KptConfig {
  const file = path ?? (existsSync(KPT_CONFIG_FILE) ? KPT_CONFIG_FILE : undefined);
  if (!file) return fromSettings;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
  }
  try {
    return parseKptConfig(parseYaml(text), file);
  } catch (e) {
    throw new CliError((e as Error).message.split('\n')[0], 2);
  }
}

export function envNumber(name: string, min: number, max: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name}="${printable(raw, 20)}": expected a whole number from ${min} to ${max}`, 2);
  return n;
}

export interface RetryInfo {
  attempt: number;
  reason: string;
  waitMs: number;
}

export function retryMessage({ attempt, reason, waitMs }: RetryInfo): string {
  const wait = waitMs >= 10_000 ? `${Math.ceil(waitMs / 1000)} s` : `${(waitMs / 1000).toFixed(1)} s`;
  return reason.includes('429')
    ? `Miro: rate limited (429), waiting ${wait} for the limit to reset (retry ${attempt})`
    : `Miro: ${reason}, trying again in ${wait} (retry ${attempt})`;
}

export const MIRO_ENV_HELP = (scope: string) => `  MIRO_ACCESS_TOKEN  token with the ${scope} scope
  MIRO_API_URL       API base URL (default ${DEFAULT_MIRO_API_URL}), for any Miro-compatible server
  MIRO_RETRIES       retries after a 5xx, network error or timeout (default 4; 429s wait for the reset)
  MIRO_TIMEOUT_SECONDS  give up on one request after this long and retry it (default 15)`;

/** The network client from MIRO_ACCESS_TOKEN and the MIRO_* settings. */
export function miroClientFromEnv(options: { scope: string; missingToken: string; onRetry: (info: RetryInfo) => void }): MiroWriter {
  const token = process.env.MIRO_ACCESS_TOKEN?.trim();
  if (!token) throw new CliError(options.missingToken);
  const timeout = envNumber('MIRO_TIMEOUT_SECONDS', 1, 600);
  try {
    return createNetworkFetcher({
      token,
      baseUrl: process.env.MIRO_API_URL || DEFAULT_MIRO_API_URL,
      retries: envNumber('MIRO_RETRIES', 0, 20),
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      scope: options.scope,
      // A wait for Miro's rate limit can last a minute: say so rather than sit silent.
      onRetry: options.onRetry,
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
