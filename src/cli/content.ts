/** The content folder for a CLI: a roster or folder that cannot be read is the command's one error line. */
import { loadContent, type Content } from '../io/content-store.ts';
import { CliError } from './run.ts';

export function loadContentOrFail(contentDir?: string): Content {
  try {
    return loadContent(contentDir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
