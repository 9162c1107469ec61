import type { ReactNode } from 'react';
import { Icon } from './Icon';

type Tone = 'success' | 'warning' | 'danger';

/**
 * A coloured notice: icon beside one body that stacks its title and content. Use this instead of writing
 * `className="alert …"` by hand — without the `.alert-body` wrapper the flex row lays every child side by side.
 * Success is announced politely (`status`), danger at once (`alert`); warning is a static hint unless `role` says so.
 */
export function Alert({
  tone,
  title,
  children,
  id,
  role,
}: {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  role?: 'status' | 'alert';
}) {
  const ariaRole = role ?? (tone === 'success' ? 'status' : tone === 'danger' ? 'alert' : undefined);
  return (
    <div className={`alert alert-${tone}`} role={ariaRole} id={id}>
      <Icon name={tone === 'success' ? 'check' : 'alert'} />
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {typeof children === 'string' ? <p>{children}</p> : children}
      </div>
    </div>
  );
}
