import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeSchemas } from '../../src/lib/content/schema.ts';
import { parseRoster } from '../../src/lib/content/roster.ts';
import {
  BENCH_ROSTER,
  docsContent,
  generateRunbooks,
  hikitsugiContent,
  hikitsugiRunbook,
  plainPage,
  prng,
} from '../../bench/generate.ts';

const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
/** Text outside fenced code blocks and inline code. */
const prose = (body: string) => body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

describe('synthetic runbooks', () => {
  const pages = generateRunbooks(300);

  it('are the same for the same seed and differ for another seed', () => {
    expect(generateRunbooks(50)).toEqual(generateRunbooks(50));
    expect(generateRunbooks(50, { seed: 2 }).map((p) => p.body)).not.toEqual(generateRunbooks(50).map((p) => p.body));
    const r = prng(7);
    const values = Array.from({ length: 1000 }, r);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('pass the runbook schema of the real site with the generated roster', () => {
    const roster = parseRoster(BENCH_ROSTER, 'bench roster');
    const { runbooks } = makeSchemas(new Set(roster.map((m) => m.id)));
    for (const page of pages) {
      const result = runbooks.safeParse(frontMatter(hikitsugiRunbook(page)));
      expect(result.success, `${page.slug}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('draw owners from the ids the caller gives', () => {
    const owners = new Set(generateRunbooks(100, { owners: ['aoki', 'baba'] }).flatMap((p) => p.owners));
    expect([...owners].sort()).toEqual(['aoki', 'baba']);
  });

  it('have unique slugs and link only to other generated pages', () => {
    const slugs = new Set(pages.map((p) => p.slug));
    expect(slugs.size).toBe(pages.length);
    for (const page of pages) {
      const targets = [...page.body.matchAll(/\]\(\/runbooks\/([^/)]+)\/\)/g)].map((m) => m[1]);
      expect(targets.length).toBeGreaterThanOrEqual(2);
      for (const t of targets) {
        expect(slugs.has(t), `${page.slug} links to unknown ${t}`).toBe(true);
        expect(t).not.toBe(page.slug);
      }
    }
  });

  it('look like our runbooks: the six headings, a table, bash and SQL, Japanese and English prose', () => {
    for (const page of pages.slice(0, 50)) {
      const headings = [...page.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings).toEqual(['概要', '影響', '調査', '対応', '切り戻し', 'エスカレーション']);
      expect(page.body).toMatch(/^\| --- \| --- \|$/m);
      expect(page.body).toContain('```bash\n');
      expect(page.body).toContain('```sql\n');
      expect(prose(page.body)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]{10}/);
      expect(prose(page.body)).toMatch(/[A-Za-z]+ [a-z]+ [a-z]+/);
    }
  });

  it('keep MDX syntax out of the prose so the same file compiles on every site', () => {
    for (const page of pages) expect(prose(page.body), page.slug).not.toMatch(/[{}<>]/);
  });

  it('give stock Starlight and plain Astro the same body with only title and description', () => {
    const page = pages[3];
    expect(bodyOf(plainPage(page))).toBe(bodyOf(hikitsugiRunbook(page)));
    expect(Object.keys(frontMatter(plainPage(page)))).toEqual(['title', 'description']);
    const docs = docsContent(pages.slice(0, 5));
    expect(Object.keys(docs)).toEqual(['index.mdx', ...pages.slice(0, 5).map((p) => `runbooks/${p.slug}.mdx`)]);
    const ours = hikitsugiContent(pages.slice(0, 5));
    expect(Object.keys(ours)).toEqual(['team.yaml', ...pages.slice(0, 5).map((p) => `runbooks/${p.slug}.mdx`)]);
  });
});
