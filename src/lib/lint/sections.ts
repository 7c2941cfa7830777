/**
 * Required sections per content kind, and the heading names that count as each section.
 * Teams write headings in Japanese or English (and adopted runbooks use the English
 * Meaning / Impact / Diagnosis / Mitigation), so every section has several accepted names.
 * `hikitsugi.config.mjs` (`lint.sections`, `lint.aliases`) changes which are required and adds names.
 */
import type { Kind } from '../content/schema.ts';

export interface SectionDef {
  /** Name used by the scaffold and in messages (Japanese first: the content language). */
  ja: string;
  en: string;
  /** Other accepted heading names. */
  aliases: string[];
}

export const SECTIONS: Record<string, SectionDef> = {
  overview: { ja: '概要', en: 'Overview', aliases: ['Meaning', 'Summary', '意味', '概略'] },
  impact: { ja: '影響', en: 'Impact', aliases: ['影響範囲', 'User impact'] },
  diagnosis: { ja: '調査', en: 'Diagnosis', aliases: ['原因調査', '診断', '切り分け', 'Investigation', 'Triage'] },
  mitigation: { ja: '対応', en: 'Mitigation', aliases: ['対処', '復旧', '対応手順', 'Remediation', 'Resolution', 'Fix'] },
  rollback: { ja: '切り戻し', en: 'Rollback', aliases: ['ロールバック', '切り戻し手順', '戻し方', 'Roll back', 'Revert', 'Undo'] },
  escalation: { ja: 'エスカレーション', en: 'Escalation', aliases: ['エスカレーション先', '連絡先', 'Contacts', 'Who to call'] },
  // Handover documents.
  about: { ja: 'この引き継ぎについて', en: 'About this handover', aliases: ['概要', 'Overview', 'About'] },
  where: { ja: 'どこに何があるか', en: 'Where things are', aliases: ['システム構成', '構成', 'Architecture', 'Inventory'] },
  routine: { ja: '定常作業', en: 'Routine work', aliases: ['運用作業', '定期作業', 'Routine tasks', 'Operations'] },
  'known-issues': { ja: '既知の問題', en: 'Known issues', aliases: ['既知の課題', 'Known problems'] },
  secrets: { ja: '秘密情報の置き場所', en: 'Where secrets live', aliases: ['秘密情報', '認証情報', 'Secrets', 'Credentials'] },
  checklist: { ja: '引き継ぎチェックリスト', en: 'Handover checklist', aliases: ['チェックリスト', 'Checklist'] },
  // Guideline chapters.
  purpose: { ja: 'この章の目的', en: 'Purpose of this chapter', aliases: ['目的', 'この章の位置づけ', 'Purpose'] },
};

/** Sections every page of a kind must have, unless the config says otherwise. */
export const DEFAULT_REQUIRED: Record<Kind, string[]> = {
  runbooks: ['overview', 'impact', 'diagnosis', 'mitigation', 'escalation'],
  handover: ['about', 'where', 'routine', 'known-issues', 'secrets', 'checklist'],
  guideline: [],
  retros: [],
};

/**
 * A section's front matter twin: a runbook whose front matter says `escalation:` has told
 * the reader whom to call even without an エスカレーション section.
 */
export const FRONT_MATTER_EQUIVALENT: Record<string, string> = { escalation: 'escalation' };

export interface SectionConfig {
  /** Per kind, the section ids that must appear as headings. */
  required: Record<Kind, string[]>;
  /** Extra accepted heading names per section id. */
  aliases: Record<string, string[]>;
}

export function sectionConfig(config: { sections?: Partial<Record<Kind, string[]>>; aliases?: Record<string, string[]> } = {}): SectionConfig {
  const required = { ...DEFAULT_REQUIRED, ...(config.sections ?? {}) };
  for (const ids of Object.values(required)) {
    for (const id of ids) {
      if (!SECTIONS[id] && !config.aliases?.[id]) {
        throw new Error(`lint.sections: unknown section "${id}"; known: ${Object.keys(SECTIONS).join(', ')} (or define it in lint.aliases)`);
      }
    }
  }
  return { required, aliases: config.aliases ?? {} };
}

/** Heading text made comparable: no numbering ("1. ", "２．"), no case, no trailing notes in brackets. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:\d+[.)]|[A-Za-z][.)]|第\d+章)\s*/, '')
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .replace(/[:：]$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function namesOf(id: string, config: SectionConfig): string[] {
  const def = SECTIONS[id];
  return [...(def ? [def.ja, def.en, ...def.aliases] : []), ...(config.aliases[id] ?? [])];
}

/**
 * Whether a heading names a section: exactly one of its names, or one of them followed by
 * more words ("Mitigation steps", "対応手順", "影響範囲と期間").
 */
export function headingMatches(heading: string, id: string, config: SectionConfig): boolean {
  const h = normalizeHeading(heading);
  return namesOf(id, config).some((name) => {
    const n = normalizeHeading(name);
    if (h === n) return true;
    if (!h.startsWith(n)) return false;
    const next = h.slice(n.length);
    // Japanese names may be followed directly by more text; Latin ones need a word boundary.
    return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(n) || /^[\s\-–—:/・&]/.test(next);
  });
}

/** "概要 / Overview": how a missing section is named in a message. */
export function displayName(id: string, config: SectionConfig): string {
  const def = SECTIONS[id];
  return def ? `${def.ja} / ${def.en}` : (config.aliases[id]?.[0] ?? id);
}
