/**
 * Links of an adopted folder, once every page is known: links between pages of the source
 * (`x.html`, `x.md`, `x`, `x/`, `/abs/path`, `../x/#anchor`, reference definitions, raw HTML
 * `<a href>`) point at the adopted pages' site paths, anchors are mapped to the headings' new
 * ids (github-slugger, like the site), and the files the pages use are listed for copying.
 * A target that exists nowhere becomes visible text, so the site builds, and is reported.
 * Pure: the CLI reads the folder and writes the files.
 */
import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Definition, Heading, Image, Link, Nodes, Root } from 'mdast';
import { headingText } from '../lint/anchors.ts';
import { applyEdits, escapeHtml, generatorSlug, parseMarkdown, SCRIPT_TITLE, type HeadingAlias } from './generators.ts';

export interface FolderPage {
  /** Path in the adopted folder: `guide/essentials/computed.md`. */
  relPath: string;
  /** Path of the new file in the target folder (same folder as relPath; the name may differ). */
  targetPath: string;
  /** Site path of the new page: `/runbooks/vue/guide/essentials/computed/`. */
  route: string;
  /** The adopted file's text, front matter included. */
  text: string;
  aliases: HeadingAlias[];
  /** Text of the heading that became the title (its anchor is the top of the page now). */
  titleHeading?: string;
}

export interface LinkSettings {
  /** Name of the adopted folder: site-absolute links may start with it (`/runbooks/x` in Hugo's content/runbooks). */
  rootName: string;
  /** Every file of the folder that is not a page, by path in the folder. */
  files: ReadonlySet<string>;
  /** Site path under which linked files are served from public/: `/adopted/runbooks/vue/`. */
  publicPrefix: string;
  /** The site's base path, for raw HTML (`<img src>`), which the site's link checker does not see. */
  base: string;
}

export interface AssetUse {
  /** Path in the adopted folder. */
  file: string;
  /** `page`: beside the page in content (Astro processes and checks images); `public`: served as is. */
  place: 'page' | 'public';
}

export interface PageLinks {
  text: string;
  /** Links and images whose target changed. */
  rewritten: number;
  assets: AssetUse[];
  /** `line N: ...`, in the new file. */
  needsHuman: string[];
}

interface Anchors {
  ids: Set<string>;
  /** `text\u0000nth` -> id. */
  byHeading: Map<string, string>;
  /** Loose form (letters and digits only) -> id, for anchors written by another slugger. */
  loose: Map<string, string>;
  aliases: Map<string, string>;
}

const PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;
const PAGE_FILE = /\.(md|markdown|mdx)$/i;
const loose = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

export function pageAnchors(page: FolderPage, tree: Root = parseMarkdown(page.text)): Anchors {
  const slugger = new GithubSlugger();
  const ids = new Set<string>(['_top']);
  const byHeading = new Map<string, string>();
  const looseMap = new Map<string, string>();
  const seen = new Map<string, number>();
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading') {
      const text = headingText(node as Heading).trim();
      const id = slugger.slug(headingText(node as Heading));
      ids.add(id);
      const nth = seen.get(text) ?? 0;
      seen.set(text, nth + 1);
      byHeading.set(`${text}\u0000${nth}`, id);
      for (const key of [loose(id), loose(generatorSlug(text))]) if (key && !looseMap.has(key)) looseMap.set(key, id);
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(/\sid=["']([^"']+)["']/g)) ids.add(m[1]);
    }
  });
  const aliases = new Map<string, string>();
  for (const a of page.aliases) {
    const id = byHeading.get(`${a.text}\u0000${a.nth}`) ?? (a.text === page.titleHeading ? '_top' : undefined);
    if (id && !aliases.has(a.id)) aliases.set(a.id, id);
  }
  if (page.titleHeading) {
    for (const key of [generatorSlug(page.titleHeading), new GithubSlugger().slug(page.titleHeading)]) if (!aliases.has(key)) aliases.set(key, '_top');
  }
  return { ids, byHeading, loose: looseMap, aliases };
}

type Target = { page: FolderPage } | { file: string };

/** Finds what a link of the source names, the way the source's generator would have served it. */
export class FolderIndex {
  private pages = new Map<string, FolderPage>();
  private lowerPages = new Map<string, FolderPage>();
  private lowerFiles = new Map<string, string>();
  private anchorsOf = new Map<FolderPage, Anchors>();
  private trees = new Map<FolderPage, Root>();
  /** Folders of the source, shortest first: a site-absolute link may be relative to one of them (Hugo's content/, VitePress's src/). */
  private folders: string[];

  constructor(
    pages: FolderPage[],
    private settings: LinkSettings,
  ) {
    for (const p of pages) {
      this.pages.set(p.relPath, p);
      if (!this.lowerPages.has(p.relPath.toLowerCase())) this.lowerPages.set(p.relPath.toLowerCase(), p);
    }
    for (const f of settings.files) if (!this.lowerFiles.has(f.toLowerCase())) this.lowerFiles.set(f.toLowerCase(), f);
    const folders = new Set<string>();
    for (const p of pages) {
      const parts = p.relPath.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
    this.folders = [...folders].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  }

  /** The page's syntax tree, parsed once for its anchors and its links. */
  tree(page: FolderPage): Root {
    let t = this.trees.get(page);
    if (!t) this.trees.set(page, (t = parseMarkdown(page.text)));
    return t;
  }

  anchors(page: FolderPage): Anchors {
    let a = this.anchorsOf.get(page);
    if (!a) this.anchorsOf.set(page, (a = pageAnchors(page, this.tree(page))));
    return a;
  }

  private lookup(path: string): Target | undefined {
    const p = path.replace(/\/+$/, '');
    const tries = p === '' || p === '.' ? ['index.md', 'README.md', '_index.md'] : [p];
    if (/\.html?$/i.test(p)) tries.push(p.replace(/\.html?$/i, '.md'), p.replace(/\.html?$/i, ''));
    if (/(^|\/)index\.html?$/i.test(p)) tries.push(p.replace(/index\.html?$/i, 'README.md'));
    if (p && p !== '.') for (const end of ['.md', '.markdown', '.mdx', '/index.md', '/README.md', '/_index.md', '/index.mdx']) tries.push(p + end);
    for (const t of tries) {
      const page = this.pages.get(t);
      if (page) return { page };
      if (this.settings.files.has(t)) return { file: t };
    }
    for (const t of tries) {
      const page = this.lowerPages.get(t.toLowerCase());
      if (page) return { page };
      const file = this.lowerFiles.get(t.toLowerCase());
      if (file) return { file };
    }
    return undefined;
  }

  /** Candidate paths in the folder: relative to the source file, then (Hugo) to the page's URL; site-absolute from the folder. */
  resolve(fromRel: string, path: string): { target: Target; fileRelative: boolean } | undefined {
    const inside = (p: string) => {
      const n = posix.normalize(p);
      return n.startsWith('../') || n === '..' ? undefined : n.replace(/^\.\//, '').replace(/^\.$/, '');
    };
    const candidates: { path: string | undefined; fileRelative: boolean }[] = [];
    if (path.startsWith('/')) {
      const abs = path.slice(1);
      candidates.push({ path: inside(abs), fileRelative: false });
      const [first, ...rest] = abs.split('/');
      if (first.toLowerCase() === this.settings.rootName.toLowerCase()) candidates.push({ path: inside(rest.join('/')), fileRelative: false });
      for (const folder of this.folders) candidates.push({ path: inside(`${folder}/${abs}`), fileRelative: false });
    } else {
      candidates.push({ path: inside(posix.join(posix.dirname(fromRel), path)), fileRelative: true });
      candidates.push({ path: inside(posix.join(fromRel.replace(PAGE_FILE, ''), path)), fileRelative: false });
    }
    for (const c of candidates) {
      if (c.path === undefined) continue;
      const target = this.lookup(c.path);
      if (target) return { target, fileRelative: c.fileRelative };
    }
    return undefined;
  }

  /** The id on `page` that an anchor of the source means, or undefined when no heading matches. */
  anchor(page: FolderPage, fragment: string): string | undefined {
    let f = fragment;
    try {
      f = decodeURIComponent(fragment);
    } catch {
      /* keep as written */
    }
    const a = this.anchors(page);
    if (a.ids.has(f)) return f;
    return a.aliases.get(f) ?? a.aliases.get(f.toLowerCase()) ?? a.loose.get(loose(f));
  }
}

const encodePath = (p: string) => p.replace(/%/g, '%25').replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
const destination = (url: string) => (/[\s<>]/.test(url) ? `<${url}>` : url);
const titlePart = (title: string | null | undefined) => (title == null ? '' : ` "${title.replace(/"/g, '\\"')}"`);
const codeSpan = (s: string) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

interface Resolved {
  /** New href; undefined: the target does not exist. */
  href?: string;
  asset?: AssetUse;
  changed: boolean;
  problem?: string;
}

export function rewritePageLinks(page: FolderPage, index: FolderIndex, settings: LinkSettings): PageLinks {
  const text = page.text;
  const tree: Root = index.tree(page);
  const edits: { start: number; end: number; text: string }[] = [];
  const needsHuman: string[] = [];
  const assets: AssetUse[] = [];
  let rewritten = 0;

  const imageIds = new Set<string>();
  const definitions = new Map<string, Definition>();
  visit(tree, (node: Nodes) => {
    if (node.type === 'imageReference') imageIds.add(node.identifier);
    if (node.type === 'definition') definitions.set(node.identifier, node);
  });

  /** What `url` of this page becomes. `as`: how it is used (an image is kept beside the page). */
  const resolveUrl = (url: string, as: 'link' | 'image' | 'html-link' | 'html-image'): Resolved => {
    if (/^link:/i.test(url)) return { href: url.slice(5), changed: true }; // AsciiDoc's link: prefix
    if (PROTOCOL.test(url) || url.startsWith('//') || url === '') return { href: url, changed: false };
    const hashAt = url.search(/[?#]/);
    const rawPath = hashAt === -1 ? url : url.slice(0, hashAt);
    const fragment = url.includes('#') ? url.slice(url.indexOf('#') + 1) : undefined;
    let path = rawPath;
    try {
      path = decodeURI(rawPath);
    } catch {
      /* keep as written */
    }
    if (path === '') {
      if (fragment === undefined) return { href: url, changed: false };
      const id = index.anchor(page, fragment);
      if (id === undefined) return { href: '#', changed: true, problem: `anchor "#${fragment}" names no heading on this page: link kept without it` };
      return { href: `#${id}`, changed: id !== fragment && encodeURI(id) !== fragment };
    }
    const found = index.resolve(page.relPath, path);
    if (!found) return { changed: true, problem: `"${url}" is not in the source folder` };
    const { target } = found;
    if ('file' in target) {
      const place: AssetUse['place'] = as === 'image' ? 'page' : 'public';
      const asset = { file: target.file, place };
      if (place === 'page') {
        let rel = posix.relative(posix.dirname(page.relPath), target.file);
        if (!rel.startsWith('.')) rel = `./${rel}`;
        const href = encodePath(rel);
        return { href, asset, changed: posix.normalize(rel) !== posix.normalize(path) };
      }
      const site = settings.publicPrefix + encodePath(target.file);
      const href = as === 'html-link' || as === 'html-image' ? joinBase(settings.base, site) : site;
      return { href, asset, changed: true };
    }
    if (as === 'image' || as === 'html-image') return { changed: true, problem: `image "${url}" is a page, not an image` };
    if (/(^|\/)_[^/]*$/.test(target.page.targetPath)) return { changed: true, problem: `"${url}" is a draft, which is not published` };
    let anchorPart = '';
    let problem: string | undefined;
    let anchorChanged = false;
    if (fragment !== undefined && fragment !== '') {
      const id = index.anchor(target.page, fragment);
      if (id === undefined) {
        problem = `anchor "#${fragment}" names no heading on ${target.page.relPath}: linked to the page`;
        anchorChanged = true;
      } else {
        anchorPart = id === '_top' ? '' : `#${id}`;
        anchorChanged = id !== fragment && encodeURI(id) !== fragment;
      }
    }
    // A relative .md link that still names the same file works as written (and in GitHub's preview).
    const same = as === 'link' && found.fileRelative && PAGE_FILE.test(path) && target.page.targetPath === target.page.relPath && !anchorChanged && hashAt === (fragment === undefined ? -1 : url.indexOf('#'));
    if (same) return { href: url, changed: false, problem };
    if (as === 'html-link') {
      // Raw HTML is not re-based by the site: a path relative to this page's URL works under any base and locale.
      let rel = posix.relative(page.route, target.page.route);
      rel = rel === '' ? './' : `${rel}/`;
      return { href: rel + anchorPart, changed: true, problem };
    }
    return { href: encodePath(target.page.route) + anchorPart, changed: true, problem };
  };

  const lineOf = (node: Nodes) => node.position?.start.line ?? 1;
  const report = (node: Nodes, message: string) => needsHuman.push(`line ${lineOf(node)}: ${message}`);

  /** Offsets of `(destination "title")` of an inline link or image. */
  const destinationRange = (node: Link | Image): [number, number] | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || text[end - 1] !== ')') return undefined;
    const from = node.type === 'link' && node.children.length ? (node.children.at(-1)!.position?.end.offset ?? start + 1) : start + (node.type === 'image' ? 2 : 1);
    const at = text.indexOf('](', from);
    return at === -1 || at >= end ? undefined : [at + 1, end];
  };

  const badReferences = new Set<string>();
  visit(tree, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image') {
      const r = resolveUrl(node.url, node.type);
      if (r.asset) assets.push(r.asset);
      if (!r.changed) {
        if (r.problem) report(node, r.problem);
        return;
      }
      const range = destinationRange(node);
      if (!range) return;
      if (r.href === undefined) {
        // Nothing to point at: say it in text, so the reader sees the old target and nothing breaks.
        const [start, end] = [node.position!.start.offset!, node.position!.end.offset!];
        // A link keeps its words (the report names the old target); an image says what it showed and where it was.
        const label = node.type === 'link' ? text.slice(start + 1, range[0] - 1) : node.alt ?? '';
        edits.push({ start, end, text: node.type === 'link' && label.trim() ? label : `${label}${label ? ' ' : ''}(${codeSpan(node.url)})` });
        report(node, `${node.type === 'image' ? 'image' : 'link'} target ${r.problem}: written as text`);
        return;
      }
      if (r.problem) report(node, r.problem);
      edits.push({ start: range[0], end: range[1], text: `(${destination(r.href)}${titlePart(node.title)})` });
      rewritten++;
    } else if (node.type === 'definition') {
      const r = resolveUrl(node.url, imageIds.has(node.identifier) ? 'image' : 'link');
      if (r.asset) assets.push(r.asset);
      if (!r.changed) {
        if (r.problem) report(node, r.problem);
        return;
      }
      const [start, end] = [node.position!.start.offset!, node.position!.end.offset!];
      if (r.href === undefined) {
        badReferences.add(node.identifier);
        edits.push({ start, end, text: '' });
        report(node, `reference [${node.label}] target ${r.problem}: its uses are written as text`);
        return;
      }
      if (r.problem) report(node, r.problem);
      edits.push({ start, end, text: `[${node.label}]: ${destination(r.href)}${titlePart(node.title)}` });
      rewritten++;
    } else if (node.type === 'html') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const raw = text.slice(start, end);
      let changed = false;
      const out = raw.replace(/<(a|img)\b[^>]*>/gi, (tag, name: string) => {
        const isImg = name.toLowerCase() === 'img';
        const attr = new RegExp(`(\\s${isImg ? 'src' : 'href'}\\s*=\\s*)(["'])(.*?)\\2`, 'i');
        const m = attr.exec(tag);
        if (!m) return tag;
        const r = resolveUrl(m[3], isImg ? 'html-image' : 'html-link');
        if (r.asset) assets.push({ ...r.asset, place: 'public' });
        if (!r.changed) return tag;
        changed = true;
        if (r.href === undefined) {
          report(node, `${isImg ? 'image' : 'link'} target ${r.problem}: ${isImg ? 'image replaced by its alt text' : 'link kept as text'}`);
          if (isImg) return escapeHtml(/\salt\s*=\s*(["'])(.*?)\1/is.exec(tag)?.[2] ?? '');
          return tag.replace(attr, '');
        }
        if (r.problem) report(node, r.problem);
        rewritten++;
        return tag.replace(attr, `$1$2${r.href.replace(/"/g, '%22')}$2`);
      });
      if (changed) edits.push({ start, end, text: out });
    }
  });

  if (badReferences.size) {
    visit(tree, (node: Nodes) => {
      if ((node.type === 'linkReference' || node.type === 'imageReference') && badReferences.has(node.identifier)) {
        const [start, end] = [node.position!.start.offset!, node.position!.end.offset!];
        const label = node.type === 'linkReference' ? node.children.map((c) => text.slice(c.position!.start.offset!, c.position!.end.offset!)).join('') : node.alt ?? '';
        const url = definitions.get(node.identifier)?.url ?? '';
        edits.push({ start, end, text: node.type === 'linkReference' && label.trim() ? label : `${label}${label ? ' ' : ''}(${codeSpan(url)})` });
      }
    });
  }

  // What stays as code or as a tag and may need a person: mdBook includes, page scripts, Vue components.
  visit(tree, (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode') {
      const lines = node.value.split('\n');
      lines.forEach((l, i) => {
        const m = /\{\{#(include|rustdoc_include|playground|playpen)\s+([^}\s:]+)[^}]*\}\}/.exec(l);
        if (!m) return;
        const file = posix.normalize(posix.join(posix.dirname(page.relPath), m[2]));
        const where = settings.files.has(file) ? `${m[2]} is in the source: paste the part it names` : `${m[2]} is not in the source folder`;
        needsHuman.push(`line ${lineOf(node) + (node.type === 'code' ? i + 1 : 0)}: mdBook {{#${m[1]}}} kept as code: ${where}`);
      });
      if (node.type === 'code' && node.meta?.includes(SCRIPT_TITLE)) report(node, 'a <script>/<style> block of the source page is kept as code: the live demo it drove is not carried over');
    } else if (node.type === 'html') {
      const tags = [...new Set([...node.value.matchAll(/<([A-Z][A-Za-z0-9]+)\b/g)].map((m) => m[1]))];
      if (tags.length) report(node, `Vue/JSX component ${tags.map((t) => `<${t}>`).join(', ')} has no equivalent here: the tag is kept and does nothing`);
    }
  });

  return { text: applyEdits(text, edits), rewritten, assets, needsHuman };
}


function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return b + path;
}
