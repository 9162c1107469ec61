import { useEffect, type ReactNode } from 'react';

/** Sets the document title ("… · Pamong") as each screen needs a distinct one. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Pamong` : 'Pamong';
  }, [title]);
}

export function PageHeader({ title, eyebrow, children, actions }: { title: string; eyebrow?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div className="page-header-text">
        {eyebrow && <div className="eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {children && <div className="page-header-meta">{children}</div>}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </div>
  );
}
