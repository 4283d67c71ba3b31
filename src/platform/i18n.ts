/**
 * The one way the product speaks two languages: every area (a group of pages, the letters,
 * the annual report, a module's messages to people) declares its texts with
 * `defineCatalogue(area, nl, en)` in a file beside the code that uses them. Dutch comes
 * first; the English dictionary is typed as the Dutch one, so a missing translation does not
 * compile. Texts that quote a protocol stay Dutch in both languages.
 *
 * Every catalogue is registered under its area, so one test (src/i18n-catalogues.test.ts) can
 * check all of them at run time as well: the same keys in both languages, no empty text, and
 * functions taking the same number of arguments.
 */
export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === "nl" || value === "en";
}

/** One area's texts in both languages. */
export type Catalogue<T> = Readonly<Record<Language, T>>;

const registry = new Map<string, Catalogue<unknown>>();

/** Declares (and registers) an area's texts: `en` must have exactly the shape of `nl`. */
export function defineCatalogue<T extends object>(
  area: string,
  nl: T,
  en: NoInfer<T>,
): Catalogue<T> {
  if (registry.has(area)) throw new Error(`The message catalogue "${area}" is defined twice.`);
  const catalogue: Catalogue<T> = { nl, en };
  registry.set(area, catalogue);
  return catalogue;
}

/** Every catalogue defined so far (the modules that define them must have been imported). */
export function registeredCatalogues(): ReadonlyMap<string, Catalogue<unknown>> {
  return registry;
}

/**
 * Where the two languages of a catalogue differ in shape: a key in one and not the other, an
 * empty text, or a function with another number of parameters. Empty means they agree.
 */
export function catalogueDifferences(catalogue: Catalogue<unknown>): string[] {
  const problems: string[] = [];
  const walk = (nl: unknown, en: unknown, at: string) => {
    if (typeof nl === "string" || typeof en === "string") {
      if (typeof nl !== typeof en) problems.push(`${at}: a text in one language only`);
      else if (nl === "" || en === "") problems.push(`${at}: empty text`);
      return;
    }
    if (typeof nl === "function" || typeof en === "function") {
      if (typeof nl !== "function" || typeof en !== "function")
        problems.push(`${at}: a function in one language only`);
      else if (nl.length !== en.length)
        problems.push(`${at}: ${nl.length} vs ${en.length} arguments`);
      return;
    }
    if (nl && en && typeof nl === "object" && typeof en === "object") {
      if (Array.isArray(nl) !== Array.isArray(en)) {
        problems.push(`${at}: a list in one language only`);
        return;
      }
      const keys = new Set([...Object.keys(nl), ...Object.keys(en)]);
      for (const key of keys) {
        const path = at ? `${at}.${key}` : key;
        if (!(key in nl)) problems.push(`${path}: missing in Dutch`);
        else if (!(key in en)) problems.push(`${path}: missing in English`);
        else walk((nl as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], path);
      }
      return;
    }
    if (typeof nl !== typeof en) problems.push(`${at}: ${typeof nl} vs ${typeof en}`);
  };
  walk(catalogue.nl, catalogue.en, "");
  return problems;
}
