/**
 * Finds text that looks like a credential. Works on the raw source, line by line, so it sees
 * front matter, code blocks, comments and prose alike: a token pasted anywhere in a page is
 * published to everyone who can read the site (and stays in Git history).
 *
 * A documented fake is allowed when:
 *   - its value says so (contains EXAMPLE, dummy, fake, sample, placeholder, redacted or xxxx,
 *     like AWS's own AKIAIOSFODNN7EXAMPLE), or is a placeholder (`<password>`, `${PASS}`, `$PASS`, `***`);
 *   - the line, or the line before it, carries the marker `hikitsugi-allow-secret: <reason>`
 *     (in any comment syntax: `{/* ... *\/}` in MDX, `<!-- ... -->` in Markdown, `#` in a shell block);
 *   - it is inside a fenced code block whose info string has `allow-secret` (```` ```bash allow-secret ````).
 */

export interface SecretFinding {
  /** 1-based line and column of the start of the credential. */
  line: number;
  column: number;
  /** Stable id of the pattern, e.g. `github-token`. */
  kind: string;
  /** What it looks like, for the message: "a GitHub token". */
  label: string;
  /** The first characters only: never the whole secret in a report. */
  preview: string;
}

export interface MarkerProblem {
  line: number;
  column: number;
  message: string;
}

interface Pattern {
  kind: string;
  label: string;
  regex: RegExp;
  /** Index of the capture group holding the secret value (0 = whole match). */
  group?: number;
  /** Extra check on the value (placeholders, too short, ...). */
  accept?: (value: string) => boolean;
}

export const ALLOW_MARKER = 'hikitsugi-allow-secret';

const FAKE_WORDS = /example|dummy|fake|sample|placeholder|redacted|xxxx|your[-_]?|changeme|\.\.\.|…/i;

/** A value that is clearly not a real credential: a template, a variable, a mask. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v === '') return true;
  if (FAKE_WORDS.test(v)) return true;
  if (/^<[^>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v)) return true; // <password>, [PASSWORD]
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || /^\$\(/.test(v) || /^\{\{.*\}\}$/.test(v)) return true; // $PASS, ${PASS}, $(cmd), {{ .Pass }}
  if (/^%[sv]$|^%\(.+\)s$/.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true; // ****, xxxxxxxx, 00000000
  if (/^(password|passwd|pass|pwd|secret|token|pw|p@ssw0rd)$/i.test(v)) return true;
  return false;
}

const notPlaceholder = (value: string) => !isPlaceholder(value);

/** Every pattern, in the order they are tried. Documented in docs/lint-and-adopt.md ("Secrets"). */
export const SECRET_PATTERNS: Pattern[] = [
  {
    kind: 'aws-access-key',
    label: 'an AWS access key id',
    regex: /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'aws-secret-key',
    label: 'an AWS secret access key',
    regex: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'gcp-service-account-key',
    label: 'a GCP service account private key',
    regex: /"private_key"\s*:\s*"(-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[A-Za-z0-9+/=]{16})/g,
    group: 1,
  },
  {
    kind: 'private-key',
    label: 'a PEM private key',
    // The header followed by key material (on the same line after a literal \n, or checked on
    // the next line by `findSecrets`); a header alone in prose is not a key.
    regex: /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    kind: 'google-api-key',
    label: 'a Google API key',
    regex: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'slack-token',
    label: 'a Slack token',
    regex: /(?<![A-Za-z0-9])(xox[abposre]-[0-9A-Za-z-]{10,})/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'slack-webhook',
    label: 'a Slack webhook URL',
    regex: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,})/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'github-token',
    label: 'a GitHub token',
    regex: /(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})(?![A-Za-z0-9_])/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    // Miro does not document a token format. Miro OAuth tokens seen in public code are
    // base64url of `{"miro.origin":"eu01"}`, an underscore and 27 characters.
    kind: 'miro-token',
    label: 'a Miro access token',
    regex: /(?<![A-Za-z0-9_-])(eyJtaXJvLm9yaWdpbiI6I[A-Za-z0-9]{4,16}_[A-Za-z0-9_-]{20,})/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'miro-token',
    label: 'a Miro access token',
    regex: /MIRO_(?:ACCESS_)?TOKEN["']?\s*[:=]\s*["']?([A-Za-z0-9_.-]{20,})/g,
    group: 1,
    accept: notPlaceholder,
  },
  {
    // postgres://user:pass@host, mysql://, redis://:pass@, https://user:pass@ ...: any scheme.
    kind: 'connection-string-password',
    label: 'a password in a connection string',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`()[\]]*:([^\s@/'"`()[\]]+)@/gi,
    group: 1,
    accept: notPlaceholder,
  },
  {
    kind: 'dsn-password',
    label: 'a password in a connection string',
    // key=value DSNs (libpq "host=db password=...", JDBC/ODBC "...;Password=...", "?password=...")
    // and PGPASSWORD=..., DB_PASSWORD=... assignments.
    regex: /(?<![A-Za-z0-9])(?:[A-Za-z0-9]+_|PG|MYSQL_)?(?:password|passwd|pwd)\s*=\s*(["']?)([^\s;&"'`]+)\1/gi,
    group: 2,
    accept: notPlaceholder,
  },
];

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Finds credentials in a page's source. `problems` collects markers without a reason:
 * an exception must say why it is safe.
 */
export function findSecrets(source: string): { findings: SecretFinding[]; markerProblems: MarkerProblem[] } {
  const lines = source.split(/\r?\n/);
  const findings: SecretFinding[] = [];
  const markerProblems: MarkerProblem[] = [];
  let fence: { marker: string; allowed: boolean } | undefined;

  const markerOn = (index: number): boolean => index >= 0 && index < lines.length && lines[index].includes(ALLOW_MARKER);

  lines.forEach((text, i) => {
    const markerAt = text.indexOf(ALLOW_MARKER);
    if (markerAt !== -1) {
      const reason = text
        .slice(markerAt + ALLOW_MARKER.length)
        .replace(/^\s*:?/, '')
        .replace(/(\*\/\}|-->|\*\/|#).*$/, '')
        .trim();
      if (!reason) {
        markerProblems.push({
          line: i + 1,
          column: markerAt + 1,
          message: `"${ALLOW_MARKER}" needs a reason: "${ALLOW_MARKER}: <why this is not a real credential>"`,
        });
      }
    }

    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[1][0] === fence.marker[0] && f[1].length >= fence.marker.length && f[2].trim() === '') {
        fence = undefined;
        return;
      }
      if (fence.allowed) return;
    } else if (f) {
      fence = { marker: f[1], allowed: /(^|\s)allow-secret(\s|$)/.test(f[2]) };
      return;
    }

    if (markerOn(i) || markerOn(i - 1)) return;

    for (const pattern of SECRET_PATTERNS) {
      pattern.regex.lastIndex = 0;
      for (const m of text.matchAll(pattern.regex)) {
        const value = m[pattern.group ?? 0];
        if (pattern.accept && !pattern.accept(value)) continue;
        if (pattern.kind === 'private-key' && !hasKeyMaterial(text.slice(m.index + m[0].length), lines[i + 1])) continue;
        const column = m.index + m[0].indexOf(value) + 1;
        if (findings.some((f) => f.line === i + 1 && f.column === column)) continue;
        findings.push({
          line: i + 1,
          column,
          kind: pattern.kind,
          label: pattern.label,
          preview: preview(value),
        });
      }
    }
  });
  return { findings, markerProblems };
}

function hasKeyMaterial(restOfLine: string, nextLine: string | undefined): boolean {
  const inline = /^\\n([A-Za-z0-9+/=]{16,})/.exec(restOfLine);
  if (inline) return !isPlaceholder(inline[1]);
  const next = (nextLine ?? '').trim().replace(/^["']/, '');
  return /^[A-Za-z0-9+/=]{16,}/.test(next) && !isPlaceholder(next);
}

/** The first few characters, enough to find it, never enough to use it. */
export function preview(value: string): string {
  const shown = value.startsWith('-----') ? value.slice(0, 16) : value.slice(0, Math.min(6, Math.floor(value.length / 3)));
  return `${shown}…`;
}
