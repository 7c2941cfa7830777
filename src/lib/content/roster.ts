import { parse } from 'yaml';
import { rosterSchema, type Member } from './schema.ts';

export const ROSTER_PATH = 'content/team.yaml';

/** Parses the roster text; throws one readable error naming the file and every problem. */
export function parseRoster(text: string, path = ROSTER_PATH): Member[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const result = rosterSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${path}: invalid roster\n${problems.join('\n')}`);
  }
  return result.data;
}

/** A member is active on `today` unless they have left on or before it. */
export function isActive(member: Member, today: string): boolean {
  return !member.left || member.left > today;
}
