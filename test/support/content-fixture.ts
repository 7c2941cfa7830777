/** Small, valid content trees in a temp folder, for tests that break one thing at a time. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FIXTURE_ROSTER = `
- id: aoki
  name: 青木 一郎
  role: SRE
  joined: 2024-04-01
- id: baba
  name: 馬場 花子
  role: テックリード
  joined: 2023-10-01
`;

/** One valid page of each kind; tests replace or add files by relative path. */
export const VALID_FILES: Record<string, string> = {
  'team.yaml': FIXTURE_ROSTER,
  'guideline/intro.mdx': `---
title: はじめに
order: 1
owners: [aoki]
reviewed: 2026-10-01
---

## 目的

[ランブック](/runbooks/db-failover/) を読んでください。
`,
  'runbooks/db-failover.mdx': `---
title: DB フェイルオーバー
service: cloud-sql
severity: critical
owners: [aoki, baba]
reviewed: 2026-10-01
---

## 概要

本番環境の障害対応手順。
`,
  'handover/db.mdx': `---
title: DB 引き継ぎ
system: Cloud SQL
status: draft
from: [aoki]
to: [baba]
owners: [aoki]
reviewed: 2026-10-01
---

## 概要
`,
  'retros/2026-10-01-team.mdx': `---
title: 振り返り 2026-10-01
date: 2026-10-01
team: チーム
owners: [baba]
reviewed: 2026-10-01
items:
  - { kind: keep, text: 良かったこと }
---
`,
};

export function makeContentDir(overrides: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hk-content-'));
  const files = { ...VALID_FILES, ...overrides };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  for (const kind of ['guideline', 'runbooks', 'handover', 'retros']) mkdirSync(join(dir, kind), { recursive: true });
  return dir;
}
