import { useI18n } from '../i18n';
import { LANGS } from '../i18n/translate';

/** ID | EN: the choice is kept in localStorage and sets <html lang>. */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <div className={`lang-switch lang-switch-${tone}`} role="group" aria-label={t('lang.switch')}>
      {LANGS.map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)} title={code === 'id' ? 'Bahasa Indonesia' : 'English'}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
