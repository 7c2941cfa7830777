import { describe, expect, it } from 'vitest';
import {
  FrontMatterError,
  bodyOf,
  frontMatterOf,
  parseFrontMatter,
  replaceFrontMatter,
  splitFrontMatter,
} from '../../src/lib/content/front-matter.ts';

describe('splitFrontMatter', () => {
  it('splits YAML front matter from the body, with offsets and lines', () => {
    const source = '---\ntitle: A\nowners: [a]\n---\n# Body\n\ntext\n';
    const block = splitFrontMatter(source)!;
    expect(block.kind).toBe('yaml');
    expect(block.matter).toBe('title: A\nowners: [a]');
    expect(source.slice(block.matterStart, block.matterEnd)).toBe(block.matter);
    expect(block.body).toBe('# Body\n\ntext\n');
    expect(source.slice(block.bodyStart)).toBe(block.body);
    expect(block.matterLine).toBe(2);
    expect(block.bodyLine).toBe(5);
  });

  it('skips a BOM and keeps it out of matter and body', () => {
    const block = splitFrontMatter('\uFEFF---\ntitle: A\n---\nbody')!;
    expect(block.bom).toBe(true);
    expect(block.matter).toBe('title: A');
    expect(block.body).toBe('body');
    expect(block.bodyStart).toBe(18);
  });

  it('reads CRLF line ends and keeps them in the body', () => {
    const block = splitFrontMatter('---\r\ntitle: A\r\nx: 1\r\n---\r\nline 1\r\nline 2\r\n')!;
    expect(block.matter).toBe('title: A\r\nx: 1');
    expect(block.body).toBe('line 1\r\nline 2\r\n');
    expect(block.bodyLine).toBe(5);
  });

  it('gives undefined without front matter, and for a block that is never closed', () => {
    expect(splitFrontMatter('# Title\n\n---\n')).toBeUndefined();
    expect(splitFrontMatter('---\ntitle: A\nno end\n')).toBeUndefined();
    expect(splitFrontMatter('')).toBeUndefined();
    expect(splitFrontMatter('----\na: 1\n---\n')).toBeUndefined();
    expect(frontMatterOf('# no front matter')).toBe('');
    expect(bodyOf('\uFEFF# no front matter')).toBe('# no front matter');
  });

  it('reads an empty block', () => {
    const block = splitFrontMatter('---\n---\nbody\n')!;
    expect(block.matter).toBe('');
    expect(block.body).toBe('body\n');
    expect(parseFrontMatter(block)).toBeNull();
  });

  it('closes at the first fence line, which may carry trailing blanks, and at the end of the file', () => {
    expect(splitFrontMatter('---\na: 1\n--- \t\nbody\n---\nmore')!.body).toBe('body\n---\nmore');
    expect(splitFrontMatter('---\na: 1\n---')!.body).toBe('');
    // A longer rule is not a fence.
    expect(splitFrontMatter('---\na: 1\n-----\nb: 2\n---\n')!.matter).toBe('a: 1\n-----\nb: 2');
  });

  it('reads Hugo TOML between +++ lines only when asked', () => {
    const source = '+++\ntitle = "A"\ndate = 2024-03-01\ntags = ["x", "y"]\n[params]\nteam = "sre"\n+++\nbody\n';
    expect(splitFrontMatter(source)).toBeUndefined();
    const block = splitFrontMatter(source, { toml: true })!;
    expect(block.kind).toBe('toml');
    expect(block.body).toBe('body\n');
    expect(parseFrontMatter(block)).toEqual({ title: 'A', date: '2024-03-01', tags: ['x', 'y'], params: { team: 'sre' } });
  });
});

describe('parseFrontMatter', () => {
  it('parses YAML with the yaml package, or the parser given', () => {
    const block = splitFrontMatter('---\ntitle: A\nn: 1\n---\n')!;
    expect(parseFrontMatter(block)).toEqual({ title: 'A', n: 1 });
    expect(parseFrontMatter(block, (t) => t.length)).toBe(13);
  });

  it('names the source line of a TOML error in one line', () => {
    const block = splitFrontMatter('+++\ntitle = "A"\nbroken line\n+++\n', { toml: true })!;
    let error: unknown;
    try {
      parseFrontMatter(block);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontMatterError);
    expect((error as FrontMatterError).line).toBe(3);
    expect((error as Error).message).toMatch(/^line 3: front matter is not valid TOML: \S/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names the source line of a YAML error', () => {
    const block = splitFrontMatter('---\ntitle: A\nbad: [\n---\n')!;
    expect(() => parseFrontMatter(block)).toThrow(/^front matter is not valid YAML: /);
  });
});

describe('replaceFrontMatter', () => {
  it('keeps the BOM, the fences and the body byte for byte', () => {
    const source = '\uFEFF---\r\ntitle: A\r\n---\r\n  body \r\n\r\n---\r\ntrailing';
    const block = splitFrontMatter(source)!;
    const out = replaceFrontMatter(source, block, 'title: B\r\nx: 1');
    expect(out).toBe('\uFEFF---\r\ntitle: B\r\nx: 1\r\n---\r\n  body \r\n\r\n---\r\ntrailing');
    expect(splitFrontMatter(out)!.body).toBe(block.body);
  });

  it('fills an empty block', () => {
    const source = '---\n---\nbody';
    expect(replaceFrontMatter(source, splitFrontMatter(source)!, 'a: 1')).toBe('---\na: 1\n---\nbody');
  });
});
