/**
 * The search dialog in the browser: the header button (also Ctrl+K / ⌘K and "/"), a modal with
 * the query box, and the results, each with its title and an excerpt of the page's text; arrow
 * keys move through the results and Enter opens one. Queries run on our own static index
 * (src/lib/search/engine.ts), fetched from the same origin under the site's base path, so it
 * works under a strict CSP (no inline script or style, no eval, no WebAssembly). Page text is only
 * ever set with textContent.
 */
import { SearchEngine, type IndexLoader, type SearchAnswer, type SearchHit } from '../../lib/search/engine.ts';
import type { ExcerptPart } from '../../lib/search/excerpt.ts';
import type { Chunk, IndexMeta, Shard } from '../../lib/search/index-format.ts';

type Strings = Record<'results' | 'result' | 'shown' | 'none' | 'loading' | 'error' | 'partial', string>;

const fill = (s: string, values: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));

/** Gzipped JSON; a server that already decoded it (Content-Encoding) hands over plain JSON. */
async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as T;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as T;
}

function loader(indexUrl: string): IndexLoader {
  let meta: IndexMeta | undefined;
  const file = (name: string) => new URL(name, new URL(indexUrl, location.href)).href;
  return {
    // The only file not named by its content: ask the server whether it changed.
    meta: async () => (meta = await fetchJson<IndexMeta>(file('meta.json.gz'), { cache: 'no-cache' })),
    shard: (key) => fetchJson<Shard>(file(meta!.files!.shards[key])),
    chunk: (n) => fetchJson<Chunk>(file(meta!.files!.chunks[n])),
  };
}

class SiteSearch extends HTMLElement {
  connectedCallback() {
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const frame = this.querySelector('.dialog-frame')!;
    const input = this.querySelector<HTMLInputElement>('input[data-search-input]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const list = this.querySelector<HTMLUListElement>('[data-search-results]')!;
    const strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    const pageBase = new URL(this.dataset.pages ?? '/', location.href);
    let engine: SearchEngine | undefined;
    let seq = 0;
    let active = -1;

    if (/(Mac|iPhone|iPod|iPad)/i.test(navigator.platform)) {
      const key = this.querySelector('kbd kbd');
      if (key) key.textContent = '⌘';
      openBtn.setAttribute('aria-keyshortcuts', 'Meta+K');
    }
    this.toggleAttribute('data-ready', true);

    const onClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (target instanceof HTMLAnchorElement || (document.body.contains(target) && !frame.contains(target))) dialog.close();
    };
    const open = (event?: Event) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      input.focus();
      // The index's page list loads while the reader types: the first answer waits only for its shards and text.
      engine ??= new SearchEngine(loader(this.dataset.index!));
      void engine.preload();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
    };
    openBtn.addEventListener('click', open);
    openBtn.disabled = false;
    closeBtn.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey || e.ctrlKey) && e.key === 'k') {
        dialog.open ? dialog.close() : open();
        e.preventDefault();
      } else if (e.key === '/' && !dialog.open) {
        const el = document.activeElement as HTMLElement | null;
        if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
        open();
        e.preventDefault();
      }
    });

    const select = (i: number) => {
      const items = [...list.querySelectorAll<HTMLAnchorElement>('a')];
      if (items.length === 0) return;
      active = (i + items.length) % items.length;
      items.forEach((a, j) => a.parentElement!.toggleAttribute('aria-selected', j === active));
      items[active].parentElement!.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', items[active].parentElement!.id);
      items[active].scrollIntoView({ block: 'nearest' });
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        select(active + (e.key === 'ArrowDown' ? 1 : -1));
        e.preventDefault();
      } else if (e.key === 'Enter') {
        const a = list.querySelectorAll<HTMLAnchorElement>('a')[Math.max(active, 0)];
        if (a) location.href = a.href;
        e.preventDefault();
      }
    });

    const render = (query: string, answer: SearchAnswer) => {
      active = -1;
      later = [];
      input.removeAttribute('aria-activedescendant');
      status.textContent =
        answer.total === 0
          ? fill(strings.none, { q: query })
          : answer.total > answer.hits.length
            ? fill(strings.shown, { n: answer.total, shown: answer.hits.length })
            : fill(answer.total === 1 ? strings.result : strings.results, { n: answer.total });
      list.replaceChildren(
        ...answer.hits.map((hit, i) => {
          const li = document.createElement('li');
          li.id = `hk-search-result-${i}`;
          li.setAttribute('role', 'option');
          const a = document.createElement('a');
          a.className = 'hk-search-result';
          // Root-relative, like every other link on the site: the page works behind any host name.
          const target = new URL(hit.url, pageBase);
          a.setAttribute('href', target.pathname + target.search + target.hash);
          const title = document.createElement('span');
          title.className = 'hk-search-title';
          title.textContent = hit.title;
          a.append(title);
          if (hit.match === 'some-parts') {
            const note = document.createElement('small');
            note.textContent = strings.partial;
            title.append(' ', note);
          }
          const text = document.createElement('span');
          text.className = 'hk-search-excerpt';
          if (hit.excerpt) fillExcerpt(text, hit.excerpt);
          else later.push([hit, text]);
          a.append(text);
          li.append(a);
          return li;
        }),
      );
    };

    const fillExcerpt = (el: HTMLElement, parts: ExcerptPart[]) =>
      el.replaceChildren(
        ...parts.map((part) => {
          if (!part.mark) return document.createTextNode(part.text);
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          return mark;
        }),
      );
    /** Results shown without an excerpt yet: filled in once the first ones are on screen. */
    let later: [SearchHit, HTMLElement][] = [];

    input.addEventListener('input', async () => {
      const query = input.value.trim();
      const mine = ++seq;
      if (!query) {
        status.textContent = '';
        list.replaceChildren();
        return;
      }
      status.textContent = strings.loading;
      try {
        engine ??= new SearchEngine(loader(this.dataset.index!));
        const answer = await engine.search(query);
        if (mine !== seq) return;
        render(query, answer);
        // Which query the list shows: what the benchmark and the tests wait for.
        list.dataset.query = query;
        const rest = later;
        for (const [hit, el] of rest) {
          const parts = await engine.excerpt(hit, query);
          if (mine !== seq) return;
          fillExcerpt(el, parts);
        }
      } catch (e) {
        engine = undefined;
        if (mine === seq) {
          status.textContent = strings.error;
          list.replaceChildren();
          list.dataset.query = query;
        }
        console.warn('search:', e);
      }
    });
  }
}

customElements.define('site-search', SiteSearch);
