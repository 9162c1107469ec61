import './complaints.css';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDocumentTitle } from '../../components/PageHeader';

/** The frame of the public pages (no account): brand, language, one column that reads well at 360 px. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth-page cmp-public">
      <header className="auth-header">
        <Link to="/lapor" className="brand brand-light cmp-brand-link">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-text">
            <span className="brand-name">Pamong</span>
            <span className="brand-pemda">Lapor!</span>
          </span>
        </Link>
        <LanguageSwitch tone="light" />
      </header>
      <main id="konten" className="cmp-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
