/**
 * Credentials pasted into a page must fail the lint; documented fakes must not.
 * Every test secret is assembled at run time so this file holds no credential-shaped string
 * (push protection and secret scanners would rightly block it).
 */
import { describe, expect, it } from 'vitest';
import { findSecrets, isPlaceholder } from '../../src/lib/lint/secrets.ts';

const j = (...parts: string[]) => parts.join('');
/** Deterministic "random-looking" characters of a given length and alphabet. */
const chars = (n: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZ') => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const upper = (n: number) => chars(n, 'QWERTZUPLMNBV2345679');

const REAL: Record<string, string> = {
  'aws-access-key': `aws_access_key_id = ${j('AK', 'IA', upper(16))}`,
  'aws-secret-key': `aws_secret_access_key = ${chars(40)}`,
  'gcp-service-account-key': `  "private_key": "${j('-----BEGIN ', 'PRIVATE KEY-----')}\\n${chars(64)}\\n"`,
  'google-api-key': `curl "https://maps.googleapis.com/maps/api/geocode/json?key=${j('AI', 'za', chars(35))}"`,
  'slack-token': `SLACK_BOT_TOKEN=${j('xo', 'xb-', '1234567890-', chars(24))}`,
  'slack-webhook': `curl -X POST ${j('https://hooks.', 'slack.com/services/', 'T0ABCDEF1/', 'B0ABCDEF2/', chars(24))}`,
  'github-token': `export GITHUB_TOKEN=${j('gh', 'p_', chars(36))}`,
  'miro-token': `Authorization: Bearer ${j('eyJtaXJvLm9yaWdpbiI6', 'ImV1MDEifQ_', chars(27))}`,
  'connection-string-password': `DATABASE_URL=${j('postgres', '://app:', 'Tr0ub4dor', '3x@db.internal:5432/app')}`,
};

describe('each kind of credential is found', () => {
  for (const [kind, line] of Object.entries(REAL)) {
    it(kind, () => {
      const { findings } = findSecrets(`# 手順\n\n${line}\n`);
      expect(findings.map((f) => f.kind)).toContain(kind);
      const f = findings.find((x) => x.kind === kind)!;
      expect(f.line).toBe(3);
      // The report shows a few characters, never the credential.
      expect(f.preview.length).toBeLessThan(18);
      expect(line).not.toBe(f.preview);
    });
  }

  it('a PEM private key block (header followed by key material)', () => {
    const text = j('-----BEGIN ', 'RSA PRIVATE KEY-----\n', chars(64), '\n-----END RSA PRIVATE KEY-----\n');
    expect(findSecrets(text).findings.map((f) => f.kind)).toEqual(['private-key']);
  });

  it('a MySQL URL and a libpq DSN password', () => {
    expect(findSecrets(j('mysql', '://root:', 'Sup3rS3cret', '@10.0.0.5/app')).findings[0].kind).toBe('connection-string-password');
    const dsn = findSecrets(`psql "host=10.0.0.5 dbname=app user=sre ${j('pass', 'word=', 'Sup3rS3cret')}"`);
    expect(dsn.findings[0].kind).toBe('dsn-password');
    expect(findSecrets(j('export PG', 'PASSWORD=', 'Sup3rS3cret')).findings[0].kind).toBe('dsn-password');
  });

  it('the column points at the credential itself', () => {
    const { findings } = findSecrets(`token: ${j('gh', 'p_', chars(36))}`);
    expect(findings[0]).toMatchObject({ line: 1, column: 8 });
  });

  it('finds credentials in front matter and in code blocks too', () => {
    const text = `---\ntitle: x\nslack: ${j('xo', 'xp-', chars(30))}\n---\n\n\`\`\`bash\ncurl -H "${j('Authorization: Bearer ', 'gh', 'o_', chars(36))}"\n\`\`\`\n`;
    expect(findSecrets(text).findings.map((f) => [f.kind, f.line])).toEqual([
      ['slack-token', 3],
      ['github-token', 7],
    ]);
  });
});

describe('documented fakes and placeholders pass', () => {
  it("AWS's documented example key and values that say they are examples", () => {
    const text = [
      `aws_access_key_id = ${j('AKIA', 'IOSFODNN7', 'EXAMPLE')}`,
      `aws_secret_access_key = ${j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCY', 'EXAMPLEKEY')}`,
      `SLACK_TOKEN=${j('xo', 'xb-', 'dummy-', chars(20))}`,
      `GITHUB_TOKEN=${j('gh', 'p_', 'x'.repeat(36))}`,
      j('https://hooks.', 'slack.com/services/', 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'),
    ].join('\n');
    expect(findSecrets(text).findings).toEqual([]);
  });

  it('placeholders in connection strings and DSNs', () => {
    const text = [
      j('postgres', '://app:<password>@db:5432/app'),
      j('postgres', '://app:${DB_PASSWORD}@db:5432/app'),
      j('mysql', '://root:$MYSQL_PWD@db/app'),
      j('redis', '://:****@cache:6379'),
      `psql "host=127.0.0.1 user=sre_readonly ${j('pass', 'word=$PGPASSWORD')}"`,
      j('export PG', 'PASSWORD="$(gcloud secrets versions access latest --secret=db)"'),
      j('postgres', '://user:pass@localhost/db'),
      'https://example.com/path?q=1', // no credentials at all
    ].join('\n');
    expect(findSecrets(text).findings).toEqual([]);
  });

  it('a PEM header alone in prose is not a key', () => {
    expect(findSecrets(`鍵ファイルは ${j('-----BEGIN ', 'PRIVATE KEY-----')} で始まります。\n\n次の行は説明です。`).findings).toEqual([]);
    expect(findSecrets(j('-----BEGIN ', 'PRIVATE KEY-----\n', '...\n', '-----END PRIVATE KEY-----')).findings).toEqual([]);
  });

  it('the marker on the line before (MDX comment, HTML comment, shell comment) allows one line', () => {
    const token = j('gh', 'p_', chars(36));
    for (const marker of [
      '{/* hikitsugi-allow-secret: revoked token kept for the postmortem */}',
      '<!-- hikitsugi-allow-secret: revoked token kept for the postmortem -->',
      '# hikitsugi-allow-secret: revoked in 2026-10',
    ]) {
      const result = findSecrets(`${marker}\nGITHUB_TOKEN=${token}\nGITHUB_TOKEN=${token}\n`);
      // Only the line right after the marker is allowed.
      expect(result.findings.map((f) => f.line)).toEqual([3]);
      expect(result.markerProblems).toEqual([]);
    }
  });

  it('a fenced block marked allow-secret is skipped, the next block is not', () => {
    const token = j('xo', 'xb-', '1234567890-', chars(24));
    const text = `\`\`\`bash allow-secret\nSLACK=${token}\n\`\`\`\n\n\`\`\`bash\nSLACK=${token}\n\`\`\`\n`;
    expect(findSecrets(text).findings.map((f) => f.line)).toEqual([6]);
  });

  it('a marker without a reason is itself a problem', () => {
    const result = findSecrets(`{/* hikitsugi-allow-secret */}\nGITHUB_TOKEN=${j('gh', 'p_', chars(36))}`);
    expect(result.markerProblems).toHaveLength(1);
    expect(result.markerProblems[0].message).toMatch(/needs a reason/);
  });
});

describe('isPlaceholder', () => {
  it.each(['<token>', '${TOKEN}', '$TOKEN', '$(cat token)', '****', 'xxxxxxxx', 'EXAMPLE123', 'your-password', 'password', '{{ .Values.pw }}'])(
    '%s is a placeholder',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['Tr0ub4dor3x', 'hunter2', 's3cr3t-v4lue'])('%s is not', (v) => expect(isPlaceholder(v)).toBe(false));
});
