/**
 * The `security` setting: whether the site asks not to be indexed, and which extra sources each
 * Content-Security-Policy directive may allow (an internal image host, a metrics endpoint). Extra
 * sources can only widen the policy by named hosts: the keywords that switch the protection off
 * are refused, so a config file cannot undo the policy by accident.
 */
import { z } from 'zod';

/** The directives a site may add sources to (the fetch directives and the navigation ones). */
export const ALLOWABLE_DIRECTIVES = [
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'worker-src',
  'frame-src',
  'form-action',
] as const;

export type AllowableDirective = (typeof ALLOWABLE_DIRECTIVES)[number];

/** Sources that would turn the policy off: inline code, eval, any host, any scheme. */
const REFUSED: Record<string, string> = {
  "'unsafe-inline'": 'it lets injected inline code run',
  "'unsafe-eval'": 'it lets strings run as code',
  "'unsafe-hashes'": 'it lets inline event handlers run',
  '*': 'it allows every host',
  'http:': 'it allows every host over http',
  'https:': 'it allows every host over https',
  'data:': 'it allows code and documents from data: URLs',
  'blob:': 'it allows code from blob: URLs',
};

/** Why a source may not be added to a directive, or undefined when it may. */
export function refusedSource(directive: string, source: string): string | undefined {
  const lower = source.toLowerCase();
  if (lower === 'data:' && (directive === 'img-src' || directive === 'font-src' || directive === 'media-src')) return undefined;
  if (REFUSED[lower]) return `${source} is not allowed: ${REFUSED[lower]}`;
  if (/^'(nonce|sha256|sha384|sha512)-/.test(lower)) return `${source} is not allowed: the build hashes inline code itself`;
  // One token per entry: a space or a semicolon would smuggle in further sources or directives.
  if (!/^[^\s;,'"]+$/.test(source) && !/^'self'$|^'none'$/.test(lower)) return `${JSON.stringify(source)} is not one source (a host such as https://img.example.com, or 'self')`;
  return undefined;
}

const allowSchema = z
  .record(z.string(), z.array(z.string().min(1)))
  .superRefine((allow, ctx) => {
    for (const [directive, sources] of Object.entries(allow)) {
      if (!(ALLOWABLE_DIRECTIVES as readonly string[]).includes(directive)) {
        ctx.addIssue({ code: 'custom', path: [directive], message: `unknown or fixed directive (allowed: ${ALLOWABLE_DIRECTIVES.join(', ')})` });
        continue;
      }
      sources.forEach((source, i) => {
        const why = refusedSource(directive, source);
        if (why) ctx.addIssue({ code: 'custom', path: [directive, i], message: why });
      });
    }
  });

export const securitySettingsSchema = z
  .strictObject({
    /** Ask search engines not to index the site (robots meta and X-Robots-Tag). An internal handbook should not be found. */
    noindex: z.boolean().default(true),
    /** Extra sources per CSP directive, e.g. { 'img-src': ['https://img.example.com'] }. */
    allow: allowSchema.default({}),
  })
  .default({ noindex: true, allow: {} });

export interface SecuritySettings {
  noindex: boolean;
  allow: Partial<Record<AllowableDirective, string[]>>;
}
