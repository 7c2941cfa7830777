/** The strict Content-Security-Policy's pure parts: hashes, style attributes to classes, host files, the setting. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzePage, rewritePage } from '../../src/lib/security/html.ts';
import { createStyleRegistry, parseDeclarations, rewriteStyleSelectors, styleSelectorsLeft, stylesheetName, SEARCH_HINT_CLASS } from '../../src/lib/security/inline-styles.ts';
import { buildPolicy, hashSource, policyString } from '../../src/lib/security/policy.ts';
import { headersFor, parseHeadersFile, renderHeadersFile, renderHtaccess, renderNginx, securityHeaders } from '../../src/lib/security/host-files.ts';
import { parseSettings } from '../../src/lib/config/settings.ts';
import { referenceAnalysis } from '../support/reference-page-analysis.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"/>${head}</head><body>${body}</body></html>`;

describe('hashing inline code', () => {
  it('hashes the exact bytes between the tags, as the browser does', () => {
    const script = "\n\tconsole.log('a < b');\n";
    const a = analyzePage(page(`<script>${script}</script><script type="module" src="/x.js"></script><script type="application/json">{"a":1}</script>`, '<style>p{color:red}</style>'));
    expect(a.scripts).toEqual([script]);
    expect(a.styles).toEqual(['p{color:red}']);
    expect(hashSource(script)).toBe(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // The known value of an empty script, as browsers report it.
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('reports what no hash can allow: handlers and javascript: URLs', () => {
    const a = analyzePage(page('', '<img src="x" onerror="alert(1)"><a href=" JavaScript:alert(2)">x</a><a href="/ok/">ok</a>'));
    expect(a.blocked).toEqual(['<img onerror>', '<a href="javascript:…">']);
  });
});

describe('reading a page as htmlparser2 reads it', () => {
  // Each line is a case where a parse without the tag stack would go wrong: raw text that is not
  // markup, SVG where <script> and <style> are not raw text, tags closed by others or never.
  const cases: Record<string, string> = {
    'scripts, styles, handlers, javascript: URLs': page('<script>a<b</script><SCRIPT TYPE="Module">x()</SCRIPT><style>p{}</style>', '<a href="java&#115;cript:x" onClick="y">z</a><form action=" javascript:1"><button formaction=javascript:2>b</button></form>'),
    'markup inside raw text and comments is text': page('<title><script>no()</script></title><!-- <script>no()</script> -->', '<textarea><p style="color:red">t</p></textarea><xmp><b style="a:b">x</b></xmp><noscript><i style="c:d">n</i></noscript>'),
    'an unclosed script hashes as empty, as the parser ends it': page('', '<p style="x:y">a</p><script>never closed'),
    'SVG: self-closing tags close, <style> is not raw text, <title> is HTML again': page('', '<svg viewBox="0 0 1 1"><style>.a{}</style><path style="fill:red"/><title><b style="e:f">t</b></title><script>s()</script></svg><script>after()</script>'),
    'MathML and an <image> outside SVG': page('', '<math><mi style="g:h">x</mi><mtext><script>m()</script></mtext></math><image style="i:j" src="x.png"><svg><image style="k:l"/></svg>'),
    'body closes an open head: a robots meta after it is not the page\'s, nor is a late </head>': '<!doctype html><html><head><meta charset=utf-8><body><meta name="robots" content="x"><p style="m:n">x</p></head></body></html>',
    'a second head starts over': '<!doctype html><html><head><meta charset=utf-8><meta name=ROBOTS content=x></head><body><head><meta http-equiv="content-security-policy" content="a"></head></body></html>',
    'attributes: entities, no value, single quotes, duplicates (the first wins)': page('<meta charset="utf-8">', `<p class='a&amp;b' style="color:&#x72;ed" style="x:y" hidden data-x=1>t</p><div class=c style=d:e>u</div>`),
    'the search hint only as the direct child of the search button': page('', '<button data-open-modal><kbd style="display: none;"><kbd style="display: none;">K</kbd></kbd><span><kbd style="display: none;">x</kbd></span></button><button><kbd style="display: none;">y</kbd></button>'),
    'close tags for elements never opened, and implied closes': page('', '</div></p><ul><li style="o:p">a<li style="q:r">b</ul><table><tr><td style="s:t">c</table><br/></br>'),
    'what search reads: the indexed <main> and the first <h1>, inside it': page('', '<header><a>site</a></header><main data-pagefind-body lang="ja"><div><h1 id="_top">題</h1><p>本文</p></div></main><footer><h1>x</h1></footer>'),
    'what search reads: the first <h1> before the indexed <main>, a <main> without the marker first': page('', '<main><p>not indexed</p></main><h1 class="t">題</h1><main data-pagefind-body><p>本文</p></main >'),
    'what search reads: nothing when the indexed <main> or the first <h1> is closed by another tag': page('', '<div><main data-pagefind-body><p>本文</div><h1>題</h1>') + page('', '<main data-pagefind-body><h1>題</main>'),
    'what search reads: nothing when the indexed <main> is never closed': page('', '<h1>題</h1><main data-pagefind-body><p>本文'),
  };
  for (const [name, html] of Object.entries(cases)) {
    it(name, () => {
      expect(analyzePage(html)).toEqual(referenceAnalysis(html));
    });
  }

  it('finds the same things in the exact bytes: scripts, style attributes and their positions', () => {
    const html = cases['SVG: self-closing tags close, <style> is not raw text, <title> is HTML again'];
    const a = analyzePage(html);
    expect(a.scripts).toEqual(['s()', 'after()']);
    expect(a.styles).toEqual(['.a{}']);
    expect(a.styleAttributes.map((s) => html.slice(s.start, s.end))).toEqual(['style="fill:red"', 'style="e:f"']);
  });
});

describe('a page read as bytes (UTF-8 as Latin-1 characters, as the post-build step reads it)', () => {
  // Japanese in a script, a style, a class with an entity, and an unquoted value whose last
  // character (〠, E3 80 A0) ends in the byte a no-break space has: it must stay where it is.
  const text = page(
    '<script>const 題 = "見出し";</script><style>p::after{content:"注"}</style>',
    `<p class="注意 a&amp;b" style="font-family:'メイリオ';content:&quot;&#x3042;&quot;">本文</p><span class="k" title=〠 style="color:red">x</span>`,
  );
  const bytes = Buffer.from(text).toString('latin1');
  const asText = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

  it('finds the same scripts, styles and style values as in the text, and hashes the same bytes', () => {
    const fromText = analyzePage(text);
    const fromBytes = analyzePage(bytes, { bytes: true });
    expect(fromBytes.scripts.map(asText)).toEqual(fromText.scripts);
    expect(fromBytes.styles.map(asText)).toEqual(fromText.styles);
    expect(fromBytes.styleAttributes.map((a) => a.value)).toEqual(["font-family:'メイリオ';content:\"あ\"", 'color:red']);
    expect(fromBytes.styleAttributes.map((a) => a.value)).toEqual(fromText.styleAttributes.map((a) => a.value));
    expect(fromBytes.scripts.map((s) => hashSource(Buffer.from(s, 'latin1')))).toEqual(fromText.scripts.map((s) => hashSource(s)));
  });

  it('rewrites to the same page, byte for byte', () => {
    const rewrite = (html: string, options: { bytes?: boolean }) => {
      const r = createStyleRegistry();
      return rewritePage(html, analyzePage(html, options), { classFor: (a) => r.classFor(a), headEnd: '<link rel="stylesheet" href="/s.css">' });
    };
    const fromText = rewrite(text, {});
    expect(asText(rewrite(bytes, { bytes: true }))).toBe(fromText);
    expect(fromText).toContain('<p class="注意 a&amp;b hk-s0">本文</p><span class="k hk-s1" title=〠>x</span>');
  });
});

describe('what the search index reads of a page', () => {
  const indexedText = (html: string) => {
    const span = analyzePage(html).indexed;
    return span && html.slice(span.start, span.end);
  };
  it('is the indexed <main> with the first <h1>, wherever that is, and nothing when either is cut short', () => {
    expect(indexedText(page('<title>t</title>', '<header>s</header><main data-pagefind-body><h1>題</h1><p>本文</p></main><footer>f</footer>'))).toBe('<main data-pagefind-body><h1>題</h1><p>本文</p></main>');
    expect(indexedText(page('', '<h1>題</h1><nav>n</nav><main data-pagefind-body><p>本文</p></main><h1>後</h1>'))).toBe('<h1>題</h1><nav>n</nav><main data-pagefind-body><p>本文</p></main>');
    expect(indexedText(page('', '<main data-pagefind-body><p>本文</p></main><aside><h1>後</h1></aside>'))).toBe('<main data-pagefind-body><p>本文</p></main><aside><h1>後</h1>');
    expect(indexedText(page('', '<main><h1>題</h1></main>'))).toBeUndefined();
    expect(indexedText(page('', '<main data-pagefind-body><h1>題</main>'))).toBeUndefined();
  });

  it('is measured in bytes when the page is read as bytes', () => {
    const html = page('', '<p>日本語</p><main data-pagefind-body><h1>題</h1></main>');
    const bytes = Buffer.from(html).toString('latin1');
    const span = analyzePage(bytes, { bytes: true }).indexed!;
    expect(Buffer.from(bytes.slice(span.start, span.end), 'latin1').toString('utf8')).toBe('<main data-pagefind-body><h1>題</h1></main>');
  });
});

describe('the policy', () => {
  it('is the strict base plus the hashes, sorted, with no unsafe keywords', () => {
    const p = policyString(buildPolicy({ scriptHashes: ["'sha256-b'", "'sha256-a'"], styleHashes: ["'sha256-c'"] }));
    expect(p).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(p).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });

  it('leaves frame-ancestors out of the meta version, which browsers ignore there', () => {
    expect(policyString(buildPolicy(), { forMeta: true })).not.toContain('frame-ancestors');
  });

  it('adds allowed sources, also to a directive the base does not list', () => {
    const p = policyString(buildPolicy({ allow: { 'img-src': ['https://img.example.com'], 'media-src': ['https://v.example.com'] } }));
    expect(p).toContain("img-src 'self' data: https://img.example.com;");
    expect(p).toContain("media-src 'self' https://v.example.com; frame-ancestors 'none'");
  });
});

describe('style attributes to classes', () => {
  const attr = (value: string, extra: { searchHint?: boolean } = {}) => ({ value, tag: 'span', start: 0, end: 0, searchHint: false, ...extra });

  it('splits declarations outside strings and brackets, and refuses what could leave the rule', () => {
    expect(parseDeclarations('--0:#82AAFF;--1:#3B61B0')).toEqual([['--0', '#82AAFF'], ['--1', '#3B61B0']]);
    expect(parseDeclarations(' COLOR : red ! important; background:url("a;b.png") ;')).toEqual([['color', 'red'], ['background', 'url("a;b.png")']]);
    for (const bad of ['color:red}body{color:blue', 'color:red;/* x */', 'content:"unclosed', 'width:calc(1px', 'nonsense', 'a b:c', 'x:y</style>']) {
      expect(parseDeclarations(bad), bad).toBeUndefined();
    }
  });

  it('gives the same declarations the same class, however they are spaced', () => {
    const r = createStyleRegistry();
    const a = r.classFor(attr('--0:#82AAFF;--1:#3B61B0'));
    expect(r.classFor(attr('--0: #82AAFF; --1: #3B61B0;'))).toBe(a);
    expect(r.classFor(attr('padding:0'))).not.toBe(a);
    expect(r.classFor(attr('--0:#82AAFF;--1:#3B61B0'))).toBe(a);
    expect(r.moved).toBe(4);
    expect(r.classCount()).toBe(2);
    expect(a).toMatch(/^hk-v/);
    expect(r.css()).toBe('.hk-v0{--0:#82AAFF!important;--1:#3B61B0!important}\n.hk-s1{padding:0!important}\n');
  });

  it('answers a value seen before as it did the first time: the hint apart, dropped ones counted each time', () => {
    const r = createStyleRegistry();
    expect(r.classFor(attr('display:none', { searchHint: true }))).toBe(SEARCH_HINT_CLASS);
    const plain = r.classFor(attr('display:none'));
    expect(plain).toMatch(/^hk-s/);
    expect(r.classFor(attr('display:none', { searchHint: true }))).toBe(SEARCH_HINT_CLASS);
    expect(r.classFor(attr('display:none'))).toBe(plain);
    expect(r.classFor(attr('x:y</style>'))).toBeUndefined();
    expect(r.classFor(attr('x:y</style>'))).toBeUndefined();
    expect(r.dropped).toEqual(['x:y</style>', 'x:y</style>']);
    expect(r.moved).toBe(4);
  });

  it('drops a value it cannot copy safely and says so', () => {
    const r = createStyleRegistry();
    expect(r.classFor(attr('color:red}*{display:none'))).toBeUndefined();
    expect(r.dropped).toEqual(['color:red}*{display:none']);
    expect(r.css()).toBe('');
  });

  it("hides Starlight's search hint until the search element is defined, as its inline script would", () => {
    const html = page('', '<site-search><button data-open-modal disabled><span>検索</span><kbd class="sl-hidden md:sl-flex" style="display: none;"><kbd>Ctrl</kbd></kbd></button></site-search><kbd style="display: none;">x</kbd>');
    const a = analyzePage(html);
    expect(a.styleAttributes.map((s) => s.searchHint)).toEqual([true, false]);
    const r = createStyleRegistry();
    const out = rewritePage(html, a, { classFor: (s) => r.classFor(s) });
    expect(out).toContain(`<kbd class="sl-hidden md:sl-flex ${SEARCH_HINT_CLASS}"><kbd>Ctrl</kbd>`);
    expect(r.css()).toContain(`site-search:not(:defined) .${SEARCH_HINT_CLASS}{display:none!important}`);
    expect(r.css()).toContain('.hk-s0{display:none!important}');
  });

  it('rewrites a page: style out, class in (added to an existing one), head tags in, other bytes unchanged', () => {
    const html = page('<meta name="robots" content="noindex"><title>t</title>', `<p style="color:red" class='a &amp; b' id=x>1</p><span style=--0:#fff>2</span><i style="">3</i>`);
    const a = analyzePage(html);
    const r = createStyleRegistry();
    const out = rewritePage(html, a, { classFor: (s) => r.classFor(s), headStart: '<meta http-equiv="Content-Security-Policy" content="x">', headEnd: '<link rel="stylesheet" href="/s.css">', dropRobotsMeta: true });
    expect(out).toBe(
      page('<meta http-equiv="Content-Security-Policy" content="x"><title>t</title><link rel="stylesheet" href="/s.css">', `<p class="a &amp; b hk-s0" id=x>1</p><span class="hk-v1">2</span><i>3</i>`),
    );
  });

  it("points Expressive Code's token selector at the new classes", () => {
    const css = ".expressive-code .ec-line :where(span[style^='--']:not([class])){color:var(--0)}a[style^=\"--\"]:not([class]){x:y}";
    const { css: out, count } = rewriteStyleSelectors(css);
    expect(count).toBe(2);
    expect(out).toBe(".expressive-code .ec-line :where(span[class^='hk-v']){color:var(--0)}a[class^='hk-v']{x:y}");
    expect(styleSelectorsLeft(out)).toEqual([]);
    expect(styleSelectorsLeft('div[style*="x"]{}')).toEqual(['[style*="x"]']);
  });

  it('names the stylesheet by its content', () => {
    expect(stylesheetName('a')).toMatch(/^hk-inline-styles\.[\w-]{8}\.css$/);
    expect(stylesheetName('a')).not.toBe(stylesheetName('b'));
  });
});

describe('host header files from one list', () => {
  const headers = securityHeaders(buildPolicy({ scriptHashes: ["'sha256-a'"] }), { noindex: true });

  it('lists the policy, referrer, nosniff, permissions and robots headers', () => {
    expect(headers.map(([n]) => n)).toEqual(['Content-Security-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy', 'X-Robots-Tag']);
    expect(Object.fromEntries(headers)['Permissions-Policy']).toMatch(/^camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(securityHeaders(buildPolicy(), { noindex: false }).map(([n]) => n)).not.toContain('X-Robots-Tag');
  });

  it('writes _headers under the base path, and reads it back', () => {
    const text = renderHeadersFile(headers, '/handbook/');
    expect(text.split('\n')[1]).toBe('/handbook/*');
    const rules = parseHeadersFile(text);
    expect(headersFor(rules, '/handbook/runbooks/x/')).toEqual(headers);
    expect(headersFor(rules, '/other/')).toEqual([]);
    expect(() => parseHeadersFile('  X: y\n')).toThrow(/_headers:1: /);
  });

  it('writes nginx add_header and Apache Header lines with the same values', () => {
    const nginx = renderNginx(headers);
    const apache = renderHtaccess(headers);
    for (const [n, v] of headers) {
      expect(nginx).toContain(`add_header ${n} "${v}" always;`);
      expect(apache).toContain(`  Header always set ${n} "${v}"`);
    }
    expect(apache).toMatch(/<IfModule mod_headers\.c>[\s\S]*<\/IfModule>\n$/);
  });
});

describe('the security setting', () => {
  it('defaults to noindex with nothing extra allowed', () => {
    expect(parseSettings({}).security).toEqual({ noindex: true, allow: {} });
    expect(parseSettings({ security: { noindex: false, allow: { 'img-src': ['https://img.example.com'] } } }).security).toEqual({
      noindex: false,
      allow: { 'img-src': ['https://img.example.com'] },
    });
  });

  it.each([
    [{ allow: { 'script-src': ["'unsafe-inline'"] } }, /security\.allow\.script-src\.0: 'unsafe-inline' is not allowed: it lets injected inline code run/],
    [{ allow: { 'script-src': ["'unsafe-eval'"] } }, /security\.allow\.script-src\.0: 'unsafe-eval' is not allowed/],
    [{ allow: { 'img-src': ['*'] } }, /security\.allow\.img-src\.0: \* is not allowed: it allows every host/],
    [{ allow: { 'frame-ancestors': ['https://a.example.com'] } }, /security\.allow\.frame-ancestors: unknown or fixed directive \(allowed: default-src, script-src/],
    [{ allow: { 'image-src': ['https://a.example.com'] } }, /security\.allow\.image-src: unknown or fixed directive/],
    [{ allow: { 'img-src': ['https://a.example.com; script-src *'] } }, /security\.allow\.img-src\.0: "https:\/\/a\.example\.com; script-src \*" is not one source/],
    [{ allow: { 'script-src': ['data:'] } }, /security\.allow\.script-src\.0: data: is not allowed/],
    [{ noindex: 'yes' }, /security\.noindex: /],
    [{ nofollow: true }, /unknown option "security\.nofollow" \(allowed: noindex, allow\)/],
  ])('rejects %j with one line naming the setting', (security, message) => {
    expect(() => parseSettings({ security })).toThrow(message);
  });

  it('lets data: images through, as the base policy does', () => {
    expect(parseSettings({ security: { allow: { 'img-src': ['data:'] } } }).security.allow['img-src']).toEqual(['data:']);
  });
});
