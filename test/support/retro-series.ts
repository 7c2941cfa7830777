/** A series of retros of one team (plus one of another team), as the schema yields them. */
import type { RetroInput } from '../../src/lib/retro/history.ts';

export const TEAM = 'プラットフォームチーム';

export function series(): RetroInput[] {
  return [
    {
      id: '2026-07-15-platform',
      path: 'content/retros/2026-07-15-platform.mdx',
      title: '7 月の振り返り',
      date: '2026-07-15',
      team: TEAM,
      items: [
        { kind: 'keep', text: 'ランブックどおりにフェイルオーバーできた' },
        { kind: 'problem', text: 'Terraform の state ロックが残ってデプロイが止まった' },
        { kind: 'try', text: 'アラートごとにランブックへのリンクを付ける', id: 'a1', owner: 'suzuki', due: '2026-09-30', status: 'open' },
        { kind: 'try', text: 'デプロイのロールバック手順を書く', id: 'a2', owner: 'takahashi', status: 'done', closed: '2026-07-30' },
        { kind: 'try', text: 'GKE の自動アップグレードを夜間に寄せる', id: 'a3', status: 'dropped' },
      ],
    },
    {
      id: '2026-08-19-platform',
      path: 'content/retros/2026-08-19-platform.mdx',
      title: '8 月の振り返り',
      date: '2026-08-19',
      team: TEAM,
      items: [
        { kind: 'problem', text: 'オンコールの夜間呼び出しが多すぎる' },
        { kind: 'problem', text: 'ステージング環境のコストが毎月増えている' },
        { kind: 'try', text: '夜間に鳴ったアラートを週次で一覧にする', id: 'b1', owner: 'watanabe', status: 'done', closed_in: '2026-10-15-platform' },
        { kind: 'try', text: 'ステージングの費用を月次で見る', id: 'b2', status: 'open' },
      ],
    },
    {
      id: '2026-09-16-platform',
      path: 'content/retros/2026-09-16-platform.mdx',
      title: '9 月の振り返り',
      date: '2026-09-16',
      team: TEAM,
      items: [
        { kind: 'keep', text: 'オンコール交代時の引き継ぎメモが書かれるようになった' },
        { kind: 'problem', text: 'レビュー待ちのプルリクエストが多い' },
        { kind: 'problem', text: 'ステージングのコストが増え続けている' },
        { kind: 'try', text: 'Redash の引き継ぎ資料を書いてもらう', id: 'c1', owner: 'tanaka', status: 'done', closed: '2026-10-01' },
        { kind: 'try', text: 'オンコールを 4 人体制にする', id: 'c2', owner: 'tanaka', status: 'done', closed: '2026-09-20' },
      ],
    },
    {
      id: '2026-10-15-platform',
      path: 'content/retros/2026-10-15-platform.mdx',
      title: '10 月の振り返り',
      date: '2026-10-15',
      team: TEAM,
      items: [
        { kind: 'keep', text: 'IC と連絡係を分けたので状況共有が途切れなかった' },
        { kind: 'problem', text: '夜間のオンコール呼び出しが多い（9 月は 11 件、うち 6 件は対応不要だった）' },
        { kind: 'problem', text: 'GitHub Actions のジョブがタイムアウトする' },
        { kind: 'try', text: '対応不要だったアラートを毎週棚卸しする', id: 'd1', owner: 'watanabe', due: '2026-11-16' },
      ],
    },
    {
      id: '2026-09-01-data',
      path: 'content/retros/2026-09-01-data.mdx',
      title: 'データチームの振り返り',
      date: '2026-09-01',
      team: 'データチーム',
      items: [
        { kind: 'problem', text: '夜間のオンコール呼び出しが多い' },
        { kind: 'try', text: 'BigQuery の予算アラートを設定する', id: 'x1', owner: 'ito' },
      ],
    },
  ];
}
