/** The `hikitsugi` subcommands and the scripts that implement them (in scripts/). */
export interface CommandDef {
  /** As typed after `hikitsugi`: one or two words. */
  name: string;
  script: string;
  summary: string;
}

export const COMMANDS: CommandDef[] = [
  { name: 'init', script: 'init.ts', summary: 'Start a new handbook in an empty folder' },
  { name: 'lint', script: 'lint-content.ts', summary: 'Lint the content: structure, secrets, links and anchors, headings' },
  { name: 'new', script: 'new.ts', summary: 'Create a page with valid front matter and the required sections' },
  { name: 'adopt', script: 'adopt.ts', summary: 'Bring an existing Markdown docs folder in' },
  { name: 'alerts', script: 'alerts.ts', summary: 'Check alert rules and runbooks against each other' },
  { name: 'kpt import', script: 'kpt-import.ts', summary: 'Turn a Miro KPT board into a dated retro page' },
  { name: 'kpt prepare', script: 'kpt-prepare.ts', summary: 'Prepare the next KPT board on Miro: frames, rules, carried-over actions' },
  { name: 'retro actions', script: 'retro-actions.ts', summary: 'List the open retro actions' },
  { name: 'knowledge', script: 'knowledge.ts', summary: 'What is overdue and at risk, exposure per member, bus factor' },
  { name: 'review', script: 'review.ts', summary: 'Mark pages reviewed today, by whom' },
  { name: 'codeowners', script: 'codeowners.ts', summary: "Write CODEOWNERS from the pages' owners (--check for CI)" },
  { name: 'handover', script: 'handover.ts', summary: 'Write a handover doc for a member who is leaving' },
  { name: 'onboarding', script: 'onboarding.ts', summary: 'List and check onboarding paths, or print one as a checklist' },
  { name: 'workflows', script: 'workflows.ts', summary: "Write hikitsugi's GitHub workflows into a handbook (--reminder, --check)" },
];

/** The command the arguments name, and the arguments left for it. */
export function findCommand(args: string[]): { command: CommandDef; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((w, i) => args[i] === w)) return { command, rest: args.slice(words.length) };
  }
  return undefined;
}

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: hikitsugi <command> [options]',
    '',
    'Team knowledge and retrospective handbook: SRE guideline, runbooks, handover docs and KPT retros.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (hikitsugi <command> --help for a command)',
    '  -V, --version  show the version',
    '',
    'Build and serve the site with Astro: npx astro build, npx astro dev.',
    'Exit codes: 0 ok, 1 failed (the message says why), 2 wrong usage.',
    '',
  ].join('\n');
}
