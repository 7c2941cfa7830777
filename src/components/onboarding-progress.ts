/**
 * Browser side of onboarding progress: which steps of a path are done, kept in localStorage
 * under one key per path (and per site base, so two handbooks on one host do not mix).
 * Steps are stored by key (`page:runbooks/x`, `task:...`), not position, so progress survives
 * steps being added or reordered. The server renders everything; this only ticks boxes and
 * fills in counts. Markup contract:
 *   [data-hk-path=id]           a path's progress area (path page list, banner, index entry)
 *     [data-hk-keys]            JSON list of step keys (on the container, for counts)
 *     [data-hk-minutes]         JSON list of minutes per step, null when unknown
 *     input[data-hk-step=key]   a step's checkbox (server-rendered disabled; enabled here)
 *     [data-hk-item=key]        a step's row, gets .hk-done; data-hk-href/label for "continue"
 *     [data-hk-summary]         "3 / 12 done · about 40 min left" (templates in data-hk-t-*)
 *     progress[data-hk-bar]     progress bar
 *     [data-hk-reset]           clears the path's progress
 *     [data-hk-resume]          link to the first step not done; [data-hk-alldone] when none
 *   [data-hk-js-only]           hidden until this script runs
 *   [data-hk-storage-warning]   shown when localStorage cannot be used
 */
import { formatMinutes } from '../lib/onboarding/format-minutes.ts';

const PREFIX = `hikitsugi:onboarding:${import.meta.env.BASE_URL}:`;
const memory = new Map<string, string[]>();
let storageWorks = true;

function load(id: string): Set<string> {
  const kept = memory.get(id);
  if (kept) return new Set(kept);
  try {
    const raw = localStorage.getItem(PREFIX + id);
    const value: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    // Storage blocked, or a value someone edited by hand: start over rather than break the page.
    storageWorks = storageAvailable();
    return new Set();
  }
}

function storageAvailable(): boolean {
  try {
    localStorage.setItem(`${PREFIX}probe`, '1');
    localStorage.removeItem(`${PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
}

function save(id: string, done: Set<string>): void {
  memory.set(id, [...done]);
  try {
    if (done.size > 0) localStorage.setItem(PREFIX + id, JSON.stringify([...done]));
    else localStorage.removeItem(PREFIX + id);
  } catch {
    storageWorks = false;
  }
}

const fill = (template: string | undefined, values: Record<string, string | number>) =>
  (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function parseList<T>(json: string | undefined): T[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function containers(id: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-hk-path="${CSS.escape(id)}"]`)];
}

function render(id: string): void {
  const done = load(id);
  for (const box of containers(id)) {
    for (const input of box.querySelectorAll<HTMLInputElement>('input[data-hk-step]')) {
      input.checked = done.has(input.dataset.hkStep ?? '');
      input.disabled = false;
    }
    for (const item of box.querySelectorAll<HTMLElement>('[data-hk-item]')) {
      item.classList.toggle('hk-done', done.has(item.dataset.hkItem ?? ''));
    }
    const keys = parseList<string>(box.dataset.hkKeys);
    if (keys.length === 0) continue;
    const minutes = parseList<number | null>(box.dataset.hkMinutes);
    const count = keys.filter((k) => done.has(k)).length;
    const left = keys.reduce((total, k, i) => (done.has(k) ? total : total + (minutes[i] ?? 0)), 0);
    const locale = box.dataset.hkLocale === 'en' ? 'en' : 'ja';
    for (const summary of box.querySelectorAll<HTMLElement>('[data-hk-summary]')) {
      const progress = fill(summary.dataset.hkTProgress, { done: count, total: keys.length });
      const remaining = left > 0 && count < keys.length ? fill(summary.dataset.hkTRemaining, { time: formatMinutes(left, locale) }) : '';
      summary.textContent = remaining ? `${progress} · ${remaining}` : progress;
      summary.hidden = false;
    }
    for (const bar of box.querySelectorAll<HTMLProgressElement>('progress[data-hk-bar]')) {
      bar.max = keys.length;
      bar.value = count;
      bar.hidden = false;
    }
    const next = keys.find((k) => !done.has(k));
    for (const resume of box.querySelectorAll<HTMLAnchorElement>('a[data-hk-resume]')) {
      const item = next ? box.querySelector<HTMLElement>(`[data-hk-item="${CSS.escape(next)}"]`) : null;
      resume.hidden = !item;
      if (item) {
        resume.href = item.dataset.hkHref ?? `#${item.id}`;
        resume.textContent = fill(resume.dataset.hkTResume, { label: item.dataset.hkLabel ?? '' });
      }
    }
    for (const allDone of box.querySelectorAll<HTMLElement>('[data-hk-alldone]')) allDone.hidden = next !== undefined;
    for (const reset of box.querySelectorAll<HTMLButtonElement>('[data-hk-reset]')) reset.disabled = count === 0;
  }
  for (const warning of document.querySelectorAll<HTMLElement>('[data-hk-storage-warning]')) warning.hidden = storageWorks;
}

function pathOf(element: Element): string | undefined {
  return element.closest<HTMLElement>('[data-hk-path]')?.dataset.hkPath;
}

function start(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-hk-js-only]')) el.hidden = false;
  const ids = new Set([...document.querySelectorAll<HTMLElement>('[data-hk-path]')].map((el) => el.dataset.hkPath ?? ''));
  for (const id of ids) render(id);

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.hkStep === undefined) return;
    const id = pathOf(input);
    if (id === undefined) return;
    const done = load(id);
    if (input.checked) done.add(input.dataset.hkStep);
    else done.delete(input.dataset.hkStep);
    save(id, done);
    render(id);
  });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-hk-reset]') : null;
    const id = button ? pathOf(button) : undefined;
    if (id === undefined) return;
    save(id, new Set());
    render(id);
  });
  // Another tab ticked a step: show it here too.
  window.addEventListener('storage', (event) => {
    if (!event.key?.startsWith(PREFIX)) return;
    const id = event.key.slice(PREFIX.length);
    memory.delete(id);
    if (ids.has(id)) render(id);
  });
}

start();
