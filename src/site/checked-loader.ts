/**
 * The glob loader, plus a check of the raw front matter for impossible dates (which YAML
 * would otherwise roll over silently). Fails the sync/build naming file, line and value.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { findImpossibleDates, frontMatterOf } from '../lib/content/raw-dates.ts';

export function checkedGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    ...inner,
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const path = isAbsolute(props.filePath) ? props.filePath : join(fileURLToPath(context.config.root), props.filePath);
            const bad = findImpossibleDates(frontMatterOf(readFileSync(path, 'utf8')));
            if (bad.length > 0) {
              // +1: the opening --- line comes before the front matter.
              const list = bad.map((b) => `line ${b.line + 1}: "${b.text}" (${b.value} is not a real day)`).join('; ');
              throw new Error(`${props.filePath}: not a valid date, expected YYYY-MM-DD: ${list}`);
            }
          }
          return context.parseData(props);
        },
      }),
  };
}
