/**
 * Loads onboarding paths, one per file: `content/onboarding/<id>.yaml` (or .yml; `_draft.yaml`
 * is skipped). A missing folder is simply no paths. Two files with the same id, and any schema
 * problem, fail the sync/build naming the file.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { listOnboardingFiles } from '../io/page-files.ts';
import { pathIdForFile } from '../lib/onboarding/paths.ts';

export function onboardingLoader(contentDir: string): Loader {
  const base = `${contentDir}/onboarding`;
  const inner = glob({ pattern: ['*.{yaml,yml}', '!_*'], base, generateId: ({ entry }) => pathIdForFile(entry) });
  return {
    name: 'hikitsugi-onboarding',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      // Relative to the project when inside it (content/onboarding/x.yaml), else absolute.
      const shown = (file: string) => {
        const absolute = isAbsolute(file) ? file : join(root, file);
        const rel = relative(root, absolute);
        return rel && !rel.startsWith('..') ? rel : absolute;
      };
      if (!existsSync(resolve(root, base))) {
        context.store.clear();
        return;
      }
      const byId = new Map<string, string>();
      for (const { file, id } of listOnboardingFiles(resolve(root, contentDir))) {
        const other = byId.get(id);
        if (other) throw new Error(`${shown(file)}: path id "${id}" is also the id of ${shown(other)}: rename one of them`);
        byId.set(id, file);
      }
      return inner.load({
        ...context,
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch (error) {
            // Astro names the entry id; name the file, which is what the author opens.
            const message = (error as Error).message;
            if (props.filePath) (error as Error).message = `${shown(props.filePath)}: invalid onboarding path\n${message}`;
            throw error;
          }
        },
      });
    },
  };
}
