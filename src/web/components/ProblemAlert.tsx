import { ApiError } from '../api/client';
import { useT } from '../i18n';
import { Icon } from './Icon';

/**
 * Shows a failed request: the server's `detail` (already in the UI language) and, when given, every per-field or
 * per-row error. Renders nothing without an error.
 */
export function ProblemAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  const fieldErrors = problem?.errors ?? [];
  return (
    <div className="alert alert-danger" role="alert">
      <Icon name="alert" />
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        <p>{detail}</p>
        {fieldErrors.length > 0 && (
          <ul className="alert-list">
            {fieldErrors.map((item, index) => (
              <li key={`${item.path}-${item.row ?? ''}-${index}`}>
                {item.row !== undefined && <strong>{t('problem.row', { row: item.row })} · </strong>}
                {item.path && <code>{item.path}</code>}
                {item.path && ': '}
                {item.message}
              </li>
            ))}
          </ul>
        )}
        {problem?.requestId && problem.status >= 500 && <p className="muted small">{t('problem.requestId', { id: problem.requestId })}</p>}
        {onRetry && (
          <button type="button" className="button button-small" onClick={onRetry}>
            {t('action.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
