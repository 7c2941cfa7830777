/**
 * The files of a new handbook (`hikitsugi init`): everything a team owns (content, config, team
 * roster, CI) and nothing of the product itself, which comes from the package and is upgraded
 * with it. The handbook builds, lints and passes `hikitsugi knowledge --strict` as written.
 */
import { renderNewPage } from './templates.ts';

export type StarterLang = 'ja' | 'en';

export interface StarterInput {
  /** package.json name, from the folder name. */
  name: string;
  lang: StarterLang;
  /** The day pages are first reviewed. */
  today: string;
  /** Version ranges for the site's package.json. */
  versions: { hikitsugi: string; astro: string };
  /** Also the weekly GitHub workflow that keeps one issue of the pages due for review. */
  reminder?: boolean;
}

/** Path (relative, with /) -> file content. */
export type FileSet = Record<string, string>;

/** The team time zone a new handbook starts with ("today" for review dates). */
export const STARTER_TIME_ZONE: Record<StarterLang, string> = { ja: 'Asia/Tokyo', en: 'UTC' };

/** The placeholder member every starter page is owned by, until the team adds itself. */
export const STARTER_MEMBER = 'owner';

const TEXT = {
  ja: {
    title: 'チームハンドブック',
    member: 'あなたの名前',
    role: 'SRE',
    rosterComment: '# チームの名簿。ページの owners はここの id を参照します。\n# id と name をあなたのものに変え、チームの人を足してください。退職・異動した人は消さずに left を付けます。',
    guidelineTitle: 'チームの進め方',
    guidelineDescription: 'このハンドブックの使い方と、チームで決めている基本のやり方です。',
    guidelineBody: [
      'このハンドブックは、誰が抜けてもチームの仕事を引き継げるようにするためのものです。',
      'ページは Markdown で書き、Pull Request でレビューします。各ページにはオーナーとレビュー日があり、期限を過ぎたページはナレッジリスクの一覧に出ます。',
      '',
      '## 障害が起きたら',
      '',
      'まず [ランブック](../runbooks/web-5xx-errors.mdx) を開き、手順どおりに対応します。手順に足りないところがあれば、落ち着いてから追記してください。',
      '',
      '## ページを足すには',
      '',
      '`npx hikitsugi new runbook "タイトル"` で、必要な見出しのそろったページができます。',
    ].join('\n'),
    runbookTitle: 'Web サーバーの 5xx エラー増加',
    runbookDescription: 'Web サーバーが 5xx を返す割合が上がったときの調査と対応',
    runbook: {
      overview: 'ロードバランサーで見た 5xx の割合が 5 分間 1% を超えたときに使う手順です。これはサンプルです。チームの実際のサービスに書き換えてください。',
      impact: 'ユーザーの一部のリクエストが失敗します。割合が 10% を超えたら、すぐにエスカレーションしてください。',
      diagnosis: '1. 直近のデプロイを確認します。\n\n   ```sh\n   git log --since="2 hours ago" --oneline\n   ```\n\n2. アプリケーションのエラーログを確認します。',
      mitigation: '直近のデプロイが原因なら、ひとつ前のバージョンに戻します。',
      rollback: '戻したデプロイの修正版を、通常の手順でもう一度デプロイします。',
      escalation: '30 分で収まらなければ、テックリードに電話します。',
    },
    pathTitle: '初日に読むもの',
    pathAudience: '初日',
    pathDescription: '新しく参加した人が最初に読むページです。',
    whyGuideline: 'チームの進め方と、このハンドブックの使い方が分かります。',
    whyRunbook: '障害のときに開くページの形に慣れておきます。',
    task: 'content/team.yaml に自分を追加する Pull Request を出す',
    whyTask: 'ページのオーナーは名簿の id で指定します。最初の Pull Request でレビューの流れも体験できます。',
    kptBoardTitle: 'はじめに・進め方',
    kptBoard: [
      'このパネルは `npx hikitsugi kpt prepare` が content/retros/_kpt-board.md から書いています。進め方を変えるときは、ボードではなくこのファイルを直して Pull Request にしてください。',
      '',
      '## ルール',
      '',
      '- Keep は続けたいこと、Problem は困っていること、Try は次に試すことです。付箋 1 枚に 1 つ書きます。',
      '- 人ではなく仕組みの話をします。',
      '- ボードは content/retros/ のページになります。トークンや社外秘の情報は書かないでください。',
      '- Try には担当と期限を書きます。',
      '- 持ち越しの付箋の ID は消さないでください。Keep に移した付箋の Try は、次の取り込みで完了になります。',
      '',
      '## 時間配分（45 分）',
      '',
      '1. 前回からの持ち越しを確認する（5 分）: 終わったものは Keep に移します。',
      '2. Keep と Problem を黙って書く（10 分）',
      '3. 読み上げて共有する（15 分）',
      '4. Try を決める（15 分）: 担当と期限も決めます。',
    ].join('\n'),
  },
  en: {
    title: 'Team handbook',
    member: 'Your name',
    role: 'SRE',
    rosterComment: "# The team roster. Pages name their owners by these ids.\n# Change the id and name to yours and add your team. Members who leave stay, with `left:` set.",
    guidelineTitle: 'How we work',
    guidelineDescription: 'How to use this handbook, and the basics the team has agreed on.',
    guidelineBody: [
      'This handbook exists so that anyone can take the team\'s work over, whoever is away.',
      'Pages are Markdown, reviewed in pull requests. Every page has owners and a review date; pages past their date show up in the knowledge risk report.',
      '',
      '## When something breaks',
      '',
      'Open the [runbook](../runbooks/web-5xx-errors.mdx) and follow it. If a step is missing, add it once things are calm.',
      '',
      '## Adding a page',
      '',
      '`npx hikitsugi new runbook "Title"` writes a page with the required sections.',
    ].join('\n'),
    runbookTitle: 'Web server 5xx errors',
    runbookDescription: 'What to check and do when the web servers return more 5xx responses',
    runbook: {
      overview: 'Use this when the share of 5xx responses at the load balancer is above 1% for 5 minutes. This is a sample: rewrite it for one of your services.',
      impact: 'Some user requests fail. Above 10%, escalate at once.',
      diagnosis: '1. Check the latest deploys.\n\n   ```sh\n   git log --since="2 hours ago" --oneline\n   ```\n\n2. Read the application error logs.',
      mitigation: 'If the latest deploy is the cause, roll back to the previous version.',
      rollback: 'Deploy a fixed version of the rolled-back change the usual way.',
      escalation: 'If it has not settled after 30 minutes, call the tech lead.',
    },
    pathTitle: 'Your first day',
    pathAudience: 'First day',
    pathDescription: 'What a new team member reads first.',
    whyGuideline: 'How the team works and how this handbook is used.',
    whyRunbook: 'Get used to the shape of the page you open during an incident.',
    task: 'Open a pull request adding yourself to content/team.yaml',
    whyTask: 'Pages name owners by roster id; the first pull request also shows you how review works.',
    kptBoardTitle: 'How we run this retro',
    kptBoard: [
      '`npx hikitsugi kpt prepare` writes this panel from content/retros/_kpt-board.md. To change how the team runs its retros, edit that file in a pull request, not the board.',
      '',
      '## Rules',
      '',
      '- Keep: what to continue. Problem: what gets in the way. Try: what to do next. One thing per sticky.',
      '- Talk about systems, not people.',
      '- The board becomes a page in content/retros/: no tokens or confidential data.',
      '- Give each Try an owner and a due date.',
      '- Leave the ID on carried-over stickies: the next import closes the Try of each one moved into Keep.',
      '',
      '## Time boxes (45 minutes)',
      '',
      '1. Check the actions carried over (5 min): move the finished ones into Keep.',
      '2. Write Keeps and Problems in silence (10 min).',
      '3. Read them out (15 min).',
      '4. Agree on Tries (15 min), each with an owner and a due date.',
    ].join('\n'),
  },
} as const;

export function starterFiles(input: StarterInput): FileSet {
  const x = TEXT[input.lang];
  const owners = [STARTER_MEMBER];
  const guideline = [
    '---',
    `title: ${x.guidelineTitle}`,
    `description: ${x.guidelineDescription}`,
    'order: 1',
    `owners: [${STARTER_MEMBER}]`,
    `reviewed: ${input.today}`,
    '---',
    '',
    x.guidelineBody,
    '',
  ].join('\n');
  const runbook = renderNewPage({
    kind: 'runbooks',
    title: x.runbookTitle,
    description: x.runbookDescription,
    owners,
    today: input.today,
    service: 'web',
    severity: 'high',
    lang: input.lang,
    body: x.runbook,
  });
  return {
    'package.json': JSON.stringify(sitePackage(input), null, 2) + '\n',
    'astro.config.mjs': ASTRO_CONFIG,
    'src/content.config.ts': CONTENT_CONFIG,
    'tsconfig.json': TSCONFIG,
    'hikitsugi.config.mjs': siteConfig(input),
    'content/team.yaml': `${x.rosterComment}\n- id: ${STARTER_MEMBER}\n  name: ${x.member}\n  role: ${x.role}\n  joined: ${input.today}\n  emails: []\n  git: []\n`,
    'content/guideline/how-we-work.mdx': guideline,
    'content/runbooks/web-5xx-errors.mdx': runbook,
    'content/onboarding/first-day.yaml': onboardingPath(input),
    // The instructions panel `kpt prepare` puts on each retro's board: the team's to edit.
    'content/retros/_kpt-board.md': `---\ntitle: ${x.kptBoardTitle}\n---\n\n${x.kptBoard}\n`,
    'content/handover/.gitkeep': '',
    '.gitignore': 'node_modules/\ndist/\n.astro/\n',
    ...workflowFiles({ reminder: input.reminder }),
  };
}

/**
 * The GitHub workflows hikitsugi gives a handbook: the CI (lint, review dates, build, the pull
 * request comment), and the weekly reminder issue when asked for. `init` writes them into a new
 * handbook, `hikitsugi workflows` into an existing one.
 */
export function workflowFiles(options: { reminder?: boolean } = {}): FileSet {
  return {
    '.github/workflows/handbook.yml': WORKFLOW,
    ...(options.reminder ? { '.github/workflows/knowledge-reminder.yml': REMINDER_WORKFLOW } : {}),
  };
}

function sitePackage(input: StarterInput) {
  return {
    name: input.name,
    private: true,
    type: 'module',
    engines: { node: '>=22.12.0' },
    scripts: {
      start: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      lint: 'hikitsugi lint',
      knowledge: 'hikitsugi knowledge',
      test: 'hikitsugi lint && hikitsugi onboarding check && hikitsugi knowledge --strict --no-git && astro build',
    },
    dependencies: { astro: input.versions.astro, hikitsugi: input.versions.hikitsugi },
  };
}

function siteConfig(input: StarterInput): string {
  return `// @ts-check
/**
 * The handbook's settings, read by the site and by every \`hikitsugi\` command. Every key is
 * optional; a misspelt one stops the build with its name. See the hikitsugi README for them all.
 * @type {import('hikitsugi/config').HikitsugiConfig}
 */
export default {
  title: { ja: '${TEXT.ja.title}', en: '${TEXT.en.title}' },
  // 'ja,en': Japanese UI at /, English at /en/. 'ja': Japanese only.
  ui: 'ja,en',
  // The team's time zone: "today" for review dates.
  timeZone: '${STARTER_TIME_ZONE[input.lang]}',
  knowledge: {
    // Pages with fewer active owners are "at risk". Raise to 2 once a second person joins:
    // nobody should own a page alone.
    minOwners: 1,
  },${input.lang === 'en' ? EN_BOARD : ''}
};
`;
}

// An English handbook gets English frame titles on its retro boards (the defaults are Japanese).
const EN_BOARD = `
  // The frames \`hikitsugi kpt prepare\` puts on a retro board. \`kpt import\` reads a sticky's
  // kind from its frame's title, so each title starts with Keep, Problem or Try.
  kptBoard: {
    titles: { keep: 'Keep', problem: 'Problem', try: 'Try', carried: 'Carried over from last time' },
  },`;

function onboardingPath(input: StarterInput): string {
  const x = TEXT[input.lang];
  return [
    `title: ${x.pathTitle}`,
    `audience: ${x.pathAudience}`,
    `description: ${x.pathDescription}`,
    'order: 1',
    `owners: [${STARTER_MEMBER}]`,
    'steps:',
    '  - page: guideline/how-we-work',
    `    why: ${x.whyGuideline}`,
    '  - page: runbooks/web-5xx-errors',
    `    why: ${x.whyRunbook}`,
    `  - task: ${JSON.stringify(x.task)}`,
    `    why: ${x.whyTask}`,
    '    minutes: 10',
    '',
  ].join('\n');
}

const ASTRO_CONFIG = `// @ts-check
import { defineConfig } from 'astro/config';
import hikitsugi from 'hikitsugi';

// Settings live in hikitsugi.config.mjs, where the hikitsugi commands read them too.
export default defineConfig({
  integrations: [hikitsugi()],
});
`;

const CONTENT_CONFIG = `import { hikitsugiCollections } from 'hikitsugi/content';

export const collections = hikitsugiCollections();
`;

const TSCONFIG = `{
  "extends": "astro/tsconfigs/strict",
  "include": [".astro/types.d.ts", "**/*"],
  "exclude": ["dist"]
}
`;

const WORKFLOW = `# Lint the handbook, check review dates and owners, and build it, on every pull request.
# On a pull request, a second job comments what the change does to ownership and freshness.
name: handbook
on:
  pull_request:
  push:
    branches: [main]

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # full history: the knowledge report's bus factor reads git log
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - run: npx hikitsugi lint --format github
      - run: npx hikitsugi knowledge --strict
      - run: npx astro build
      - uses: actions/upload-artifact@v4
        with:
          name: site
          path: dist/

  knowledge-diff:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base branch and the history, for the comparison and the bus factor
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - name: Compare with the base branch
        env:
          BASE_REF: \${{ github.base_ref }}
        run: |
          npx hikitsugi knowledge --diff "origin/$BASE_REF" > knowledge-diff.md
          npx hikitsugi knowledge --diff "origin/$BASE_REF" --format json > knowledge-diff.json
      # One comment per pull request, found by the marker on its first line and updated on each
      # push; none at all while the change affects nothing. (A fork's token cannot comment.)
      - name: Post or update the comment
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
          REPO: \${{ github.repository }}
        run: |
          id=$(gh api "repos/$REPO/issues/$PR/comments" --paginate \\
            --jq '.[] | select(.body | startswith("<!-- hikitsugi:knowledge-diff -->")) | .id' | head -n 1)
          findings=$(jq .findings knowledge-diff.json)
          if [ -n "$id" ]; then
            gh api --method PATCH "repos/$REPO/issues/comments/$id" -F body=@knowledge-diff.md > /dev/null
          elif [ "$findings" -gt 0 ]; then
            gh pr comment "$PR" --repo "$REPO" --body-file knowledge-diff.md
          fi
`;

// This repository's .github/workflows/knowledge-reminder.yml is a copy of it (a test keeps them equal).
const REMINDER_WORKFLOW = `# Weekly reminder (written by \`hikitsugi init --reminder\`): one issue lists the pages due for
# review (checklist by owner, @-mentioning them) and the pages without enough owners. The issue is
# opened when something is due, its body replaced every week, and closed once nothing is due.
name: knowledge-reminder
on:
  schedule:
    - cron: '0 0 * * 1' # Mondays 00:00 UTC = 09:00 in Tokyo
  workflow_dispatch:

permissions:
  contents: read
  issues: write

jobs:
  remind:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - name: Build the report
        env:
          LINK_BASE: \${{ github.server_url }}/\${{ github.repository }}/blob/\${{ github.ref_name }}/
        run: |
          npx hikitsugi knowledge --format markdown --no-git --link-base "$LINK_BASE" > report.md
          npx hikitsugi knowledge --format json --no-git > report.json
      - name: Open, update or close the issue
        env:
          GH_TOKEN: \${{ github.token }}
          REPO: \${{ github.repository }}
          LABEL: knowledge-review
        run: |
          gh label create "$LABEL" --repo "$REPO" --color FBCA04 --description "Pages due for review (hikitsugi)" --force
          number=$(gh issue list --repo "$REPO" --label "$LABEL" --state open --json number --jq '.[0].number // empty')
          due=$(jq '.summary.overdue + .summary.due_soon' report.json)
          if [ "$due" -gt 0 ]; then
            if [ -n "$number" ]; then
              gh issue edit "$number" --repo "$REPO" --body-file report.md
            else
              gh issue create --repo "$REPO" --title "Handbook pages due for review" --label "$LABEL" --body-file report.md
            fi
          elif [ -n "$number" ]; then
            gh issue close "$number" --repo "$REPO" --comment "Nothing is due for review any more: closing. It reopens as a new issue when pages fall due."
          fi
`;
