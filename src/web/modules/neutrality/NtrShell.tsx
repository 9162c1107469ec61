import './neutrality.css';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDocumentTitle } from '../../components/PageHeader';

/** The frame of the public neutrality pages (no account): brand, language, one readable column. */
export function NtrShell({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <header className="auth-header">
        <a href="/netralitas/lapor" className="brand brand-light">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-text">
            <span className="brand-name">Pamong</span>
            <span className="brand-pemda">Netralitas ASN</span>
          </span>
        </a>
        <LanguageSwitch tone="light" />
      </header>
      <main id="konten" className="ntr-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
