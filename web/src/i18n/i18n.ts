import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type LanguageCode } from './languages';

const bundles = import.meta.glob<{ default: Record<string, unknown> }>('./*.json');

/** Each language is its own chunk, loaded when first chosen. */
const lazyBundles: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = bundles[`./${language}.json`];
    if (!load) return callback(new Error(`No translations for ${language}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

export async function setupI18n() {
  await i18n
    .use(lazyBundles)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: 'en',
      supportedLngs: LANGUAGES.map((l) => l.code),
      interpolation: { escapeValue: false },
      // Permission keys such as `users:read` are translation keys too: no namespaces, so ':' is plain text.
      nsSeparator: false,
      returnNull: false,
    });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches the UI language and remembers it in this browser. */
export async function changeLanguage(code: LanguageCode) {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  await i18n.changeLanguage(code);
  document.documentElement.lang = code;
}
