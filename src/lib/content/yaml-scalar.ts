import { parse } from 'yaml';

/**
 * A string as a YAML scalar for a line we write into front matter: plain when both a YAML 1.1 and
 * a 1.2 reader read it back as the same string, else quoted (`null`, `1e3`, `yes`, a date).
 */
export function yamlString(value: string): string {
  const readsBack = (version: '1.1' | '1.2') => {
    try {
      return parse(value, { version }) === value;
    } catch {
      return false;
    }
  };
  return readsBack('1.1') && readsBack('1.2') ? value : JSON.stringify(value);
}
