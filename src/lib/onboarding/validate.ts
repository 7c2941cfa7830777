/**
 * Checks on an onboarding path that need more than one step or more than one file: the path
 * is not empty, no step appears twice, and every page a step names exists. The zod schema
 * (src/lib/content/schema.ts) reports these as issues, so the build fails naming the yaml file.
 */
import { slugForFile } from '../content/slugs.ts';
import { didYouMean } from '../text/did-you-mean.ts';

export interface PageRef {
  kind: string;
  slug: string;
  /** `kind/slug`, the form steps are compared and looked up by. */
  ref: string;
}

/**
 * Reads a step's `page:`. The canonical form is `runbooks/cloud-sql-failover`; a pasted site path
 * (`/runbooks/cloud-sql-failover/`) or file path (`runbooks/cloud-sql-failover.mdx`) means the same.
 */
export function parsePageRef(raw: string): PageRef | undefined {
  const trimmed = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  if (slash <= 0 || slash === trimmed.length - 1) return undefined;
  const kind = trimmed.slice(0, slash);
  const rest = trimmed.slice(slash + 1);
  if (/[?#]/.test(trimmed)) return undefined;
  // A file name may have spaces and capitals (`gcp/Cloud SQL.mdx`); a slug may not.
  const isFile = /\.(mdx?|markdown)$/i.test(rest);
  if (!isFile && /\s/.test(rest)) return undefined;
  const slug = isFile ? slugForFile(rest) : rest;
  return { kind, slug, ref: `${kind}/${slug}` };
}

export interface StepInput {
  page?: string;
  task?: string;
}

export interface PathIssue {
  /** Where in the file, as zod paths go: `['steps', 2, 'page']`. */
  path: (string | number)[];
  message: string;
}

export interface KnownPages {
  /** Every page as `kind/slug`. */
  pages: ReadonlySet<string>;
  /** The content kinds (folders) a page may live in. */
  kinds: readonly string[];
}

/** The existing page closest to a missing one, when it is close enough to be a typo. */
export function closestPage(ref: string, pages: Iterable<string>): string | undefined {
  return didYouMean(ref, pages);
}

const normalizeTask = (task: string) => task.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every problem with a path's steps, in step order. An empty list means the path is valid. */
export function findPathProblems(steps: readonly StepInput[], known: KnownPages): PathIssue[] {
  if (steps.length === 0) {
    return [{ path: ['steps'], message: 'the path has no steps: add at least one `- page: kind/slug` or `- task: ...` with a `why`' }];
  }
  const issues: PathIssue[] = [];
  const seen = new Map<string, number>();
  steps.forEach((step, i) => {
    const n = i + 1;
    const hasPage = typeof step.page === 'string' && step.page.trim() !== '';
    const hasTask = typeof step.task === 'string' && step.task.trim() !== '';
    if (hasPage === hasTask) {
      issues.push({
        path: ['steps', i],
        message: hasPage
          ? `step ${n} has both page and task: a step is either a page to read or a task to do`
          : `step ${n} needs either page (e.g. runbooks/cloud-sql-failover) or task (e.g. "BigQuery の閲覧権限を申請する")`,
      });
      return;
    }
    let key: string;
    if (hasPage) {
      const ref = parsePageRef(step.page!);
      if (!ref) {
        issues.push({ path: ['steps', i, 'page'], message: `step ${n}: "${step.page}" is not a page reference: write kind/slug, e.g. runbooks/cloud-sql-failover` });
        return;
      }
      if (!known.kinds.includes(ref.kind)) {
        issues.push({ path: ['steps', i, 'page'], message: `step ${n}: "${ref.kind}" is not a content kind (one of ${known.kinds.join(', ')})` });
        return;
      }
      if (!known.pages.has(ref.ref)) {
        const near = closestPage(ref.ref, known.pages);
        issues.push({
          path: ['steps', i, 'page'],
          message: `step ${n}: no page "${ref.ref}" (no ${ref.kind}/${ref.slug}.mdx or .md in the content folder)${near ? `; did you mean "${near}"?` : ''}`,
        });
      }
      key = `page ${ref.ref}`;
    } else {
      key = `task "${step.task!.trim()}"`;
    }
    const dedupeKey = hasPage ? key : `task ${normalizeTask(step.task!)}`;
    const first = seen.get(dedupeKey);
    if (first !== undefined) {
      issues.push({ path: ['steps', i], message: `step ${n} repeats step ${first} (${key}): each page or task appears once in a path` });
    } else {
      seen.set(dedupeKey, n);
    }
  });
  return issues;
}
