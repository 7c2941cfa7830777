/**
 * Adopting existing Markdown: the text is kept, the front matter becomes valid for our schema,
 * Hugo shortcodes become Markdown (or are neutralized and reported), and what needs a human is said.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { adoptPage, hasBodyText, type AdoptSettings } from '../../src/lib/adopt/adopt.ts';
import { convertShortcodes } from '../../src/lib/adopt/shortcodes.ts';
import { makeSchemas } from '../../src/lib/content/schema.ts';

const RUNBOOK: AdoptSettings = { kind: 'runbooks', owners: [], today: '2026-11-24' };
const adopt = (relPath: string, source: string, settings: Partial<AdoptSettings> = {}) =>
  adoptPage({ relPath, origin: `runbooks/${relPath}`, rootName: 'runbooks', source, index: 0 }, { ...RUNBOOK, ...settings });
const FM = /^---\n([\s\S]*?)\n---\n/;
const frontMatterOf = (text: string) => parseYaml(FM.exec(text)![1]) as Record<string, unknown>;
const bodyOf = (text: string) => text.slice(FM.exec(text)![0].length);

const HUGO = `---
title: Node RAID Degraded
weight: 20
aliases:
  - /noderaid/
---

# NodeRAIDDegraded

## Meaning

RAID array is degraded.

## Mitigation

See [Node RAID Disk Failure]({{< ref "./NodeRAIDDiskFailure.md" >}}).
`;

describe('adoptPage: front matter', () => {
  it('maps a Hugo runbook to a valid adopted runbook', () => {
    const page = adopt('node/NodeRAIDDegraded.md', HUGO);
    const fm = frontMatterOf(page.text);
    expect(fm).toEqual({
      title: 'Node RAID Degraded',
      owners: [],
      reviewed: '2026-11-24',
      service: 'node',
      severity: 'medium',
      alerts: ['NodeRAIDDegraded'],
      adopted_from: 'runbooks/node/NodeRAIDDegraded.md',
    });
    expect(page.targetPath).toBe('node/NodeRAIDDegraded.md');
    expect(page.droppedKeys).toEqual(['aliases', 'weight']);
    // The schema the build uses accepts it, owners [] included (adopted_from is set).
    expect(makeSchemas(new Set(['aoki'])).runbooks.safeParse(fm).success).toBe(true);
  });

  it('says what needs a human: no owner, a default severity', () => {
    const page = adopt('node/NodeRAIDDegraded.md', HUGO);
    expect(page.needsHuman).toEqual([
      'no owner: add `owners:` (member ids from content/team.yaml)',
      'severity set to "medium" by default: set the real one',
    ]);
    const owned = adopt('node/NodeRAIDDegraded.md', HUGO, { owners: ['aoki'], severity: 'high' });
    expect(owned.needsHuman).toEqual([]);
    expect(frontMatterOf(owned.text)).toMatchObject({ owners: ['aoki'], severity: 'high' });
  });

  it('takes the title from the first heading when there is no `title`, else from the file name', () => {
    const fromHeading = adopt('etcd/etcdNoLeader.md', '# etcdNoLeader\n\n## Meaning\n\nNo leader.\n');
    expect(frontMatterOf(fromHeading.text).title).toBe('etcdNoLeader');
    expect(bodyOf(fromHeading.text)).toBe('\n## Meaning\n\nNo leader.\n');
    const fromName = adopt('general/Watchdog.md', 'Always firing.\n');
    expect(frontMatterOf(fromName.text).title).toBe('Watchdog');
    expect(fromName.needsHuman[0]).toMatch(/no title or heading/);
  });

  it('keeps the text: drops the leading # title (Starlight shows the title), keeps one that says something else', () => {
    expect(bodyOf(adopt('node/NodeRAIDDegraded.md', HUGO).text)).toBe('\n## Meaning\n\nRAID array is degraded.\n\n## Mitigation\n\nSee [Node RAID Disk Failure](./NodeRAIDDiskFailure.md).\n');
    const page = adopt('prometheus/PrometheusRemoteWriteBehind.md', HUGO.replace('# NodeRAIDDegraded', '# PrometheusRemoteStorageFailures'));
    expect(bodyOf(page.text)).toBe('\n## PrometheusRemoteStorageFailures\n\n## Meaning\n\nRAID array is degraded.\n\n## Mitigation\n\nSee [Node RAID Disk Failure](./NodeRAIDDiskFailure.md).\n');
    expect(page.notes).toEqual(['first heading "PrometheusRemoteStorageFailures" differs from the title "Node RAID Degraded": kept as a section heading']);
  });

  it('moves headings down a level when the body uses # for its sections', () => {
    const page = adopt('x/Y.md', '---\ntitle: Y\n---\n\n# Meaning\n\ntext\n\n## Detail\n\nImpact\n======\n\nbad\n');
    expect(bodyOf(page.text)).toBe('\n## Meaning\n\ntext\n\n### Detail\n\n## Impact\n\n\nbad\n');
    expect(page.notes).toEqual(['headings moved down one level (the body used # for sections)']);
  });

  it('keeps description and tags, merges categories, uses lastmod as the review date', () => {
    const page = adopt('x/A.md', '---\ntitle: A\ndescription: Disk\ntags: [disk]\ncategories: [storage]\nlastmod: 2025-03-04T10:00:00Z\nmenu: { main: 1 }\n---\n\nText\n');
    expect(frontMatterOf(page.text)).toMatchObject({ description: 'Disk', tags: ['disk', 'storage'], reviewed: '2025-03-04' });
    expect(page.droppedKeys).toEqual(['menu']);
    expect(page.reviewedToday).toBe(false);
  });

  it('reads TOML front matter (+++)', () => {
    const page = adopt('x/A.md', '+++\ntitle = "TOML page"\nweight = 3\n+++\n\nText\n');
    expect(frontMatterOf(page.text).title).toBe('TOML page');
  });

  it('reads any TOML with smol-toml: dates as written, tables kept, not dropped line by line', () => {
    const page = adopt('x/A.md', '+++\ntitle = "T"\nlastmod = 2025-03-04T01:00:00+09:00\ntags = [ "a",\n  "b" ]\n[params]\nteam = "sre"\n+++\n\nText\n');
    expect(frontMatterOf(page.text)).toMatchObject({ title: 'T', reviewed: '2025-03-04', tags: ['a', 'b'] });
    expect(page.droppedKeys).toEqual(['params']);
  });

  it('a TOML error is one line naming the file and line', () => {
    const page = adopt('x/A.md', '+++\ntitle = "T"\ntitle = "again"\n+++\n\nText\n');
    const note = page.needsHuman.find((n) => n.includes('TOML'));
    expect(note).toMatch(/^x\/A\.md:3: front matter was not valid TOML and was replaced: \S/);
    expect(note).not.toContain('\n');
  });

  it('files at the top of the folder get the folder as service; --service overrides', () => {
    expect(frontMatterOf(adopt('TargetDown.md', 'x\n').text).service).toBe('runbooks');
    expect(frontMatterOf(adopt('node/A.md', 'x\n', { service: 'platform' }).text).service).toBe('platform');
  });

  it('a Hugo draft stays unpublished (file name starts with _)', () => {
    expect(adopt('node/A.md', '---\ntitle: A\ndraft: true\n---\n\nx\n').targetPath).toBe('node/_A.md');
  });

  it('a section file with text becomes the folder index; one without text is detected', () => {
    const page = adopt('node/_index.md', '---\ntitle: Node alerts\nbookCollapseSection: true\n---\n\nAlerts about nodes.\n');
    expect(page.targetPath).toBe('node/index.md');
    expect(frontMatterOf(page.text).alerts).toBeUndefined();
    expect(page.droppedKeys).toEqual(['bookCollapseSection']);
    expect(hasBodyText('---\ntitle: node\nbookFlatSection: true\n---\n')).toBe(false);
  });

  it('guideline pages get `order` from Hugo weight; handover pages get from/status', () => {
    const g = adoptPage({ relPath: 'a.md', origin: 'wiki/a.md', rootName: 'wiki', source: '---\ntitle: A\nweight: 7\n---\n\nx\n', index: 4 }, { kind: 'guideline', owners: ['aoki'], today: '2026-11-24' });
    expect(frontMatterOf(g.text)).toMatchObject({ order: 7, owners: ['aoki'] });
    expect(g.droppedKeys).toEqual([]);
    const h = adoptPage({ relPath: 'redash/a.md', origin: 'wiki/a.md', rootName: 'wiki', source: 'x\n', index: 0 }, { kind: 'handover', owners: ['aoki'], today: '2026-11-24' });
    expect(frontMatterOf(h.text)).toMatchObject({ system: 'redash', status: 'draft', from: ['aoki'] });
    expect(h.text).not.toContain('*a1'); // no YAML aliases between owners and from
    expect(makeSchemas(new Set(['aoki'])).handover.safeParse(frontMatterOf(h.text)).success).toBe(true);
  });

  it('reports unknown shortcodes and active HTML at their line in the new file', () => {
    const page = adopt('x/A.md', '---\ntitle: A\nweight: 1\nmenu: x\n---\n\n# A\n\nText {{< tweet 1 >}}\n\n<iframe src="https://example.com/x"></iframe>\n\n<details><summary>ok</summary>\n\nfine\n\n</details>\n');
    const lines = page.text.split('\n');
    const human = page.needsHuman.filter((n) => n.startsWith('line '));
    expect(human).toHaveLength(2);
    const [tweet, script] = human.map((n) => Number(/^line (\d+)/.exec(n)![1]));
    expect(lines[tweet - 1]).toContain('`{{< tweet 1 >}}`');
    expect(lines[script - 1]).toBe('<iframe src="https://example.com/x"></iframe>');
    expect(human[1]).toMatch(/raw HTML that runs code/);
  });

  it('never leaves a <script> block to run on the page: it is kept as code', () => {
    const page = adopt('x/A.md', '# A\n\n<script>alert(1)</script>\n\ntext\n');
    expect(page.text).toContain('```html title="script of the source page"\n<script>alert(1)</script>\n```');
  });

  it('hostile values stay data: a title with YAML and MDX syntax is quoted, not interpreted', () => {
    const page = adopt('x/A.md', '---\ntitle: "a: b\\n---\\n{evil}"\n---\n\ntext\n');
    expect(frontMatterOf(page.text).title).toBe('a: b\n---\n{evil}');
  });
});

describe('convertShortcodes', () => {
  it('ref and relref become the link target', () => {
    const r = convertShortcodes('See [A]({{< ref "./A.md" >}}) and [B]({{< relref "b.md#x" >}}).');
    expect(r.text).toBe('See [A](./A.md) and [B](b.md#x).');
    expect(r.converted.map((c) => c.name)).toEqual(['ref', 'relref']);
    expect(r.unknown).toEqual([]);
  });

  it('hint blocks become Starlight asides', () => {
    const r = convertShortcodes('{{< hint warning >}}\nDo not **reboot**.\n{{< /hint >}}\n\n{{% hint info %}}\nNote.\n{{% /hint %}}\n');
    expect(r.text).toBe(':::caution\nDo not **reboot**.\n:::\n\n:::note\nNote.\n:::\n');
  });

  it('docsy alerts keep their title; details and expand become <details>', () => {
    expect(convertShortcodes('{{% alert title="Careful" color="danger" %}}\nx\n{{% /alert %}}').text).toBe(':::danger[Careful]\nx\n:::');
    expect(convertShortcodes('{{< details "More <info>" >}}\nhidden\n{{< /details >}}').text).toBe(
      '<details>\n<summary>More &lt;info&gt;</summary>\n\n\nhidden\n\n\n</details>',
    );
  });

  it('highlight and mermaid become fenced code', () => {
    expect(convertShortcodes('{{< highlight yaml >}}\na: 1\n{{< /highlight >}}').text).toBe('```yaml\na: 1\n```');
    expect(convertShortcodes('{{< mermaid >}}\ngraph TD; A-->B\n{{< /mermaid >}}').text).toBe('```mermaid\ngraph TD; A-->B\n```');
  });

  it('param uses --param values, and without one it is unknown', () => {
    const src = '[New runbook]({{< param BookRepo >}}/new/main/content)';
    expect(convertShortcodes(src, { params: { BookRepo: 'https://github.com/org/runbooks' } }).text).toBe('[New runbook](https://github.com/org/runbooks/new/main/content)');
    const r = convertShortcodes(src);
    // Not a broken link: the text and the unresolved target, as code.
    expect(r.text).toBe('New runbook (`{{< param BookRepo >}}/new/main/content`)');
    expect(r.unknown).toEqual([{ name: 'param', line: 1, tag: '{{< param BookRepo >}}' }]);
  });

  it('unknown shortcodes are shown as code, with their closing tags, and reported with lines', () => {
    const r = convertShortcodes('Intro\n\n{{< tweet user="x" id="1" >}}\n\n{{< custom >}}\nbody\n{{< /custom >}}\n');
    expect(r.text).toBe('Intro\n\n`{{< tweet user="x" id="1" >}}`\n\n`{{< custom >}}`\nbody\n`{{< /custom >}}`\n');
    expect(r.unknown.map((u) => [u.name, u.line])).toEqual([
      ['tweet', 3],
      ['custom', 5],
    ]);
  });

  it('leaves shortcodes inside code alone (they are examples there)', () => {
    const src = 'Use `{{< ref "x" >}}`:\n\n```go\n{{< hint >}}\n```\n';
    const codeRanges: [number, number][] = [
      [src.indexOf('`'), src.indexOf('`', 5) + 1],
      [src.indexOf('```'), src.length],
    ];
    expect(convertShortcodes(src, { codeRanges }).text).toBe(src);
  });

  it('Hugo-escaped shortcodes show literally', () => {
    expect(convertShortcodes('Write {{</* ref "x.md" */>}} to link.').text).toBe('Write `{{< ref "x.md" >}}` to link.');
  });

  it('figure and youtube become an image and a link', () => {
    expect(convertShortcodes('{{< figure src="/img/a.png" alt="Graph" >}}').text).toBe('![Graph](/img/a.png)');
    expect(convertShortcodes('{{< youtube abc123 >}}').text).toBe('[YouTube: abc123](https://www.youtube.com/watch?v=abc123)');
  });
});
