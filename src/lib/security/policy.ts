/**
 * The site's Content-Security-Policy: a fixed strict base (no 'unsafe-inline', no 'unsafe-eval';
 * no WebAssembly: the site's search is plain JavaScript), the sha256 hashes of the
 * inline scripts and styles the pages carry, and the sources the `security.allow` setting adds.
 */
import { createHash } from 'node:crypto';
import type { SecuritySettings } from './settings.ts';

export type Policy = Array<[directive: string, sources: string[]]>;

/** The base policy, in the order it is written. */
const BASE: Policy = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['worker-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

/** A CSP hash source for an inline script's or style's exact text, or its UTF-8 bytes. */
export function hashSource(source: string | Uint8Array): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

export interface PolicyInput {
  /** Hash sources (see hashSource) of the inline scripts. */
  scriptHashes?: Iterable<string>;
  styleHashes?: Iterable<string>;
  allow?: SecuritySettings['allow'];
}

/** The policy: the base, plus hashes, plus allowed sources; sources sorted so builds are reproducible. */
export function buildPolicy(input: PolicyInput = {}): Policy {
  const policy: Policy = BASE.map(([d, s]) => [d, [...s]]);
  const add = (directive: string, sources: Iterable<string>) => {
    let entry = policy.find(([d]) => d === directive);
    if (!entry) {
      entry = [directive, ["'self'"]];
      policy.splice(policy.length - 1, 0, entry);
    }
    for (const s of [...sources].sort()) if (!entry[1].includes(s)) entry[1].push(s);
  };
  add('script-src', input.scriptHashes ?? []);
  add('style-src', input.styleHashes ?? []);
  for (const [directive, sources] of Object.entries(input.allow ?? {})) add(directive, sources ?? []);
  return policy;
}

/**
 * The policy as a header value. `forMeta` leaves out what a <meta http-equiv> cannot carry
 * (frame-ancestors is ignored there, with a console warning).
 */
export function policyString(policy: Policy, options: { forMeta?: boolean } = {}): string {
  return policy
    .filter(([d]) => !(options.forMeta && META_IGNORED.has(d)))
    .map(([d, s]) => [d, ...s].join(' '))
    .join('; ');
}

const META_IGNORED = new Set(['frame-ancestors', 'report-uri', 'sandbox']);
