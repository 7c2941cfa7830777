/**
 * A page that cannot render must stop the build, naming the line in the author's file, and never
 * be published without its body: for `.md` (which Astro renders while loading content, and keeps
 * in its content cache) as for `.mdx`, on a first build and on the next one from the cache.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { endBuildSession, runAstro, startBuildSession, type BuildSession } from '../support/build.ts';
import { makeContentDir, VALID_FILES } from '../support/content-fixture.ts';

/** A guideline page whose body starts on line 10 of the file (after 6 lines of front matter and a heading). */
const page = (body: string) => `---
title: 手順の入り口
order: 2
owners: [aoki]
reviewed: 2026-10-01
---

## 目的

${body}
`;
const LINKED = 'runbooks/extra.mdx';
const LINKED_PAGE = VALID_FILES['runbooks/db-failover.mdx'].replace('DB フェイルオーバー', '追加の手順');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';

const sessions: BuildSession[] = [];
const contentDirs: string[] = [];
function workspace(files: Record<string, string | null>) {
  const session = startBuildSession();
  const contentDir = makeContentDir(files);
  sessions.push(session);
  contentDirs.push(contentDir);
  return {
    build: () => runAstro({ contentDir, session }),
    write: (rel: string, text: string) => writeFileSync(join(contentDir, rel), text),
    remove: (rel: string) => rmSync(join(contentDir, rel)),
    html: (route: string) => readFileSync(join(session.work, 'dist', route, 'index.html'), 'utf8'),
  };
}

afterAll(() => {
  for (const s of sessions) endBuildSession(s);
  for (const d of contentDirs) rmSync(d, { recursive: true, force: true });
});

describe.concurrent.each(['md', 'mdx'])('a .%s page', (ext) => {
  const file = `guideline/start.${ext}`;
  const at = (line: number, column: number) => new RegExp(`guideline/start\\.${ext}:${line}:${column}: `);

  it('with a broken link fails the first and the cached second build at its source line, and builds whole once fixed', async () => {
    const site = workspace({ [file]: page('本文はここから。[手順](/runbooks/extra/) を読む。') });

    for (const attempt of ['first', 'second (cached)']) {
      const result = await site.build();
      expect(result.code, `${attempt} build:\n${result.output.slice(-3000)}`).not.toBe(0);
      expect(result.output).toMatch(at(10, 9));
      expect(result.output).toMatch(/broken internal link: link "\/runbooks\/extra\/" points to \/runbooks\/extra\/, which is not a page/);
    }

    site.write(LINKED, LINKED_PAGE);
    const fixed = await site.build();
    expect(fixed.code, fixed.output.slice(-3000)).toBe(0);
    expect(site.html('guideline/start')).toContain('本文はここから。');
    expect(site.html('en/guideline/start')).toContain('本文はここから。');
  });

  it('with a missing image fails the build naming the page and the line that shows it', async () => {
    const site = workspace({ [file]: page('本文はここから。\n\n![構成図](./diagram.svg)') });
    const result = await site.build();
    expect(result.code, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toMatch(at(12, 1));
    expect(result.output).toMatch(/missing image: "\.\/diagram\.svg" points to \S*guideline\/diagram\.svg, which does not exist/);
  });
});

describe('a .md page rendered whole into the content cache', () => {
  it('is checked again when the page it links to or the image it shows goes away', async () => {
    const site = workspace({
      'guideline/start.md': page('本文はここから。[手順](/runbooks/extra/) を読む。\n\n![構成図](./diagram.svg)'),
      [LINKED]: LINKED_PAGE,
      'guideline/diagram.svg': SVG,
    });
    const whole = async () => {
      const result = await site.build();
      expect(result.code, result.output.slice(-3000)).toBe(0);
      expect(site.html('guideline/start')).toContain('本文はここから。');
    };

    await whole();
    site.remove('guideline/diagram.svg');
    const noImage = await site.build();
    expect(noImage.code, noImage.output.slice(-3000)).not.toBe(0);
    expect(noImage.output).toMatch(/guideline\/start\.md:12:1: missing image: "\.\/diagram\.svg"/);

    site.write('guideline/diagram.svg', SVG);
    await whole();
    site.remove(LINKED);
    const noTarget = await site.build();
    expect(noTarget.code, noTarget.output.slice(-3000)).not.toBe(0);
    expect(noTarget.output).toMatch(/guideline\/start\.md:10:9: broken internal link/);
  });
});
