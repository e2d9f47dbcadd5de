// The language server's settings: what the command line's options say, given by the editor as
// initialization options or as the `mtlint` section of its settings. Rule files and paths are
// relative to the workspace folder; a value of the wrong type is reported and left out.
//
//   { "style": "bbc", "rule": ["calques", "names"], "disableRule": ["repetition/duplicate-sentence"],
//     "ruleDirs": ["house-rules"], "phrases": ["terms.tsv"], "config": ".mtlintrc.yaml",
//     "inlineConfig": true, "debounceMs": 200 }

export interface Settings {
  /** House style (`--style`); undefined: the configuration's. */
  style?: string;
  /** Run only these rules or packs (`--rule`). */
  rule: string[];
  /** Turn these rules or packs off (`--disable-rule`). */
  disableRule: string[];
  /** Extra rule folders (`--rules`). */
  ruleDirs: string[];
  /** Term lists (`--phrases`). */
  phrases: string[];
  /** A configuration file (`--config`); false: none (`--no-config`); undefined: found as the CLI finds it. */
  config?: string | false;
  /** Honour `<!-- mtlint-disable … -->` comments (`--no-inline-config` is false). */
  inlineConfig: boolean;
  /** How long after the last change a document is checked again, in ms. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { rule: [], disableRule: [], ruleDirs: [], phrases: [], inlineConfig: true, debounceMs: 200 };

/** Settings from what the editor sent, and a line for each value that was not understood. */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['the settings must be an object of keys'] };
  const list = (key: string, v: unknown): string[] | undefined => {
    const values = typeof v === 'string' ? [v] : v;
    if (Array.isArray(values) && values.every((x) => typeof x === 'string')) return values.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
    problems.push(`${key}: expected a list of strings`);
    return undefined;
  };
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    switch (key) {
      case 'style':
        if (typeof v === 'string' && v.trim() !== '') settings.style = v.trim();
        else problems.push('style: expected a house style name (ap, reuters, bbc)');
        break;
      case 'rule':
      case 'disableRule':
      case 'ruleDirs':
      case 'phrases':
        settings[key] = list(key, v) ?? [];
        break;
      case 'config':
        if (v === false || (typeof v === 'string' && v.trim() !== '')) settings.config = v === false ? false : (v as string).trim();
        else problems.push('config: expected a file name, or false for none');
        break;
      case 'inlineConfig':
        if (typeof v === 'boolean') settings.inlineConfig = v;
        else problems.push('inlineConfig: expected true or false');
        break;
      case 'debounceMs':
        if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000) settings.debounceMs = v;
        else problems.push('debounceMs: expected a number of milliseconds from 0 to 10000');
        break;
      default:
        problems.push(`${key}: unknown setting (expected one of style, rule, disableRule, ruleDirs, phrases, config, inlineConfig, debounceMs)`);
    }
  }
  return { settings, problems };
}
