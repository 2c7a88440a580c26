/**
 * The console's strings in the browser: the `staff` namespace the catalog carries, flattened, with
 * `{{var}}` interpolation and `_one` / `_other` plurals as i18next writes them.
 */
let strings: Record<string, string> = {};
let plural = new Intl.PluralRules('zh-CN');

/** Installs the catalog's strings. */
export function setStrings(next: Record<string, string>, lang: string): void {
  strings = next;
  plural = new Intl.PluralRules(lang);
}

/** The string for `key` with `vars`; the key itself when it is missing (visible, never blank). */
export function t(key: string, vars: Record<string, string | number> = {}): string {
  let template = strings[key];
  if (typeof vars.count === 'number') template = strings[`${key}_${plural.select(vars.count)}`] ?? strings[`${key}_other`] ?? template;
  return (template ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (vars[name] === undefined ? '' : String(vars[name])));
}
