import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentTitle } from './PageHeader';

/** The frame of the screens before full sign-in (login, TOTP enrolment, first password change). */
export function AuthShell({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <header className="auth-header">
        <div className="brand brand-light">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-text">
            <span className="brand-name">Pamong</span>
            <span className="brand-pemda">{t('app.tagline')}</span>
          </span>
        </div>
        <LanguageSwitch tone="light" />
      </header>
      <main id="konten" className="auth-main">
        <div className="auth-card">
          <h1>{title}</h1>
          {children}
        </div>
        {aside}
      </main>
    </div>
  );
}
