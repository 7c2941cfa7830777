/**
 * Fixture pages with every section the lint requires: `makeContentDir(LINT_CLEAN_FILES)` is a
 * content tree that lints clean, so a test can break one thing and see only that.
 */
export const RUNBOOK = `---
title: DB フェイルオーバー
service: cloud-sql
severity: critical
owners: [aoki]
reviewed: 2026-10-01
---

## 概要

本番 DB の手順。

## 影響

書き込みが止まる。

## 調査

\`\`\`bash
gcloud sql instances describe main
\`\`\`

## 2. DB のログを確認する

ログを見る。

## 対応

フェイルオーバーする。

## 切り戻し

もう一度フェイルオーバーする。

## エスカレーション

テックリードを呼ぶ。
`;

export const HANDOVER = `---
title: DB 引き継ぎ
system: Cloud SQL
status: draft
from: [aoki]
to: [baba]
owners: [aoki]
reviewed: 2026-10-01
---

## この引き継ぎについて

## どこに何があるか

## 定常作業

## 既知の問題

## 秘密情報の置き場所

## 引き継ぎチェックリスト
`;

export const LINT_CLEAN_FILES: Record<string, string> = {
  'runbooks/db-failover.mdx': RUNBOOK,
  'handover/db.mdx': HANDOVER,
};
