/**
 * A plain YAML value cut short by ` #text` is found with its line, and the fix quotes the whole
 * text so YAML reads what the author wrote.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cutValueMessage, findCutValues, findCutValuesInFrontMatter, quoteCutValues } from '../../src/lib/lint/yaml-comments.ts';

const fixed = (yaml: string) => quoteCutValues(yaml, findCutValues(yaml));

describe('the YAML comment trap', () => {
  const path = `title: 初日\nsteps:\n  - task: Slack の #platform、#incident に参加する\n    minutes: 5\n`;

  it('finds a value cut at " #" with its line, column and what YAML keeps and drops', () => {
    expect(parse(path).steps[0].task).toBe('Slack の');
    const [cut, ...rest] = findCutValues(path);
    expect(rest).toEqual([]);
    expect(cut).toMatchObject({ line: 3, column: 19, key: 'task', kept: 'Slack の', lost: '#platform、#incident に参加する' });
    expect(cutValueMessage(cut)).toBe('task: YAML reads "Slack の": " #platform、#incident に参加する" starts a comment and is dropped; quote the value to keep it (--fix)');
  });

  it('--fix quotes the value so YAML reads the whole text, and changes nothing else', () => {
    const result = fixed(path);
    expect(result.fixed).toBe(1);
    expect(result.text).toBe(`title: 初日\nsteps:\n  - task: 'Slack の #platform、#incident に参加する'\n    minutes: 5\n`);
    expect(parse(result.text).steps[0].task).toBe('Slack の #platform、#incident に参加する');
    expect(findCutValues(result.text)).toEqual([]);
  });

  it.each([
    ['a value with quotes in it', `why: It's on #incident\n`, `It's on #incident`],
    ['a value that is nothing but the comment', `task: #platform に参加する\n`, '#platform に参加する'],
    ['a sequence item', `- 告知は #announce\n`, '告知は #announce'],
    ['CRLF line ends', `why: 告知は #announce\r\nnext: x\r\n`, '告知は #announce'],
  ])('quotes %s', (_, yaml, full) => {
    const result = fixed(yaml);
    expect(result.fixed).toBe(1);
    const data = parse(result.text);
    expect(Array.isArray(data) ? data[0] : Object.values(data)[0]).toBe(full);
  });

  it('leaves comments written as comments, quoted strings, block scalars and non-text values alone', () => {
    const yaml = [
      'title: 手順 # 見出しは後で直す',
      'quoted: "Slack の #platform"',
      "single: 'Slack の #platform'",
      'hash: C#と F#',
      'minutes: 5 #approx',
      'optional: true #later',
      'reviewed: 2026-10-01 #q4',
      'text: |',
      '  Slack の #platform',
      'steps: #list',
      '  - a',
    ].join('\n');
    expect(findCutValues(yaml)).toEqual([]);
  });

  it('warns about a cut value over several lines but does not guess a fix', () => {
    const yaml = 'why: 相談は\n  チャンネル #platform で\n';
    const [cut] = findCutValues(yaml);
    expect(cut).toMatchObject({ line: 2, column: 9, kept: '相談は\n  チャンネル' });
    expect(cut.fix).toBeUndefined();
    expect(quoteCutValues(yaml, [cut])).toEqual({ text: yaml, fixed: 0 });
  });

  it('counts lines and fixes in the page file for front matter', () => {
    const page = '---\ntitle: 手順\ndescription: 告知は #announce で\nowners: [aoki]\n---\n\n## 目的\n\n本文 #1\n';
    const cuts = findCutValuesInFrontMatter(page);
    expect(cuts.map((c) => [c.line, c.column, c.key])).toEqual([[3, 18, 'description']]);
    expect(quoteCutValues(page, cuts).text).toBe(page.replace('告知は #announce で', "'告知は #announce で'"));
    expect(findCutValuesInFrontMatter('## 見出し\n\n本文 #1\n')).toEqual([]);
  });
});
