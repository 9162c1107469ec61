import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { useDocumentTitle } from '../components/PageHeader';
import { useT } from '../i18n';

export default function NotFound() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <h1>{t('notFound.title')}</h1>
      <EmptyState icon="search" title={t('notFound.text')} action={<Link to="/">{t('notFound.home')}</Link>} />
    </div>
  );
}
