import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { Icon } from './Icon';

/** A secret shown exactly once (a temporary password): copy button, and it is gone once dismissed. */
export function SecretNotice({ title, secret, hint, onDismiss }: { title: string; secret: string; hint: string; onDismiss: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-success secret-notice" role="status" tabIndex={-1} ref={ref}>
      <Icon name="key" />
      <div className="alert-body">
        <p className="alert-title">{title}</p>
        <p className="secret-line">
          <code className="secret" data-testid="temporary-password">
            {secret}
          </code>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
            }}
          >
            {copied ? t('action.copied') : t('action.copy')}
          </button>
        </p>
        <p className="small">{hint}</p>
        <button type="button" className="button button-small button-ghost" onClick={onDismiss}>
          {t('action.noted')}
        </button>
      </div>
    </div>
  );
}
