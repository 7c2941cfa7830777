/**
 * Loads hikitsugi.config.mjs (the team's settings) once and validates it. The Astro integration
 * and every CLI come here; no other module imports the config file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, mergeSettingsInput, parseSettings, SettingsError, type Settings } from '../lib/config/settings.ts';

export interface LoadSettingsOptions {
  /** The project folder holding hikitsugi.config.mjs (default: the working directory). */
  root?: string;
  /** Settings given in code, e.g. the integration's options in astro.config.mjs; they win over the file. */
  options?: Record<string, unknown>;
  /** Where `options` came from, for messages. */
  optionsSource?: string;
  env?: Record<string, string | undefined>;
}

/** The path of the config file a project would use (it may not exist: then defaults apply). */
export const configPath = (root = process.cwd()) => resolve(root, CONFIG_FILE);

export async function loadSettings(options: LoadSettingsOptions = {}): Promise<Settings> {
  const file = configPath(options.root);
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    let mod: { default?: unknown };
    try {
      // A fresh copy each time: `astro dev` restarts in the same process when the file changes.
      mod = await import(`${pathToFileURL(file).href}?t=${Date.now()}`);
    } catch (e) {
      throw new SettingsError(`${CONFIG_FILE}: cannot load it: ${(e as Error).message.split('\n')[0]}`);
    }
    if (typeof mod.default !== 'object' || mod.default === null || Array.isArray(mod.default)) {
      throw new SettingsError(`${CONFIG_FILE}: the default export must be an object of settings (export default { ... })`);
    }
    fromFile = mod.default as Record<string, unknown>;
  }
  const env = options.env ?? process.env;
  if (options.options && Object.keys(options.options).length > 0) {
    // Options are checked on their own first, so a misspelt one is named as the integration's.
    parseSettings(options.options, {}, options.optionsSource ?? 'hikitsugi() options');
    parseSettings(fromFile, {}, CONFIG_FILE);
    return parseSettings(mergeSettingsInput(fromFile, options.options), env, `${CONFIG_FILE} + ${options.optionsSource ?? 'hikitsugi() options'}`);
  }
  return parseSettings(fromFile, env, CONFIG_FILE);
}
