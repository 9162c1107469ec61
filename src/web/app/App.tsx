import { lazy, Suspense } from 'react';
import { BrowserRouter, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Layout } from '../components/Layout';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { I18nProvider, useT } from '../i18n';
import Login from '../routes/Login';
import NotFound from '../routes/NotFound';
import PasswordChange from '../routes/PasswordChange';
import TotpEnrol from '../routes/TotpEnrol';
import { AuthProvider, useAuth } from './auth';
import { PAGES, PUBLIC_PAGES, type PageDef } from './pages';

export const LOGIN_PATH = '/masuk';

/** Public pages outside the sign-in gate: the open-data catalogue (issue 9). */
const OpenDataPublic = lazy(() => import('../modules/indicators/OpenDataPublic'));
export const TOTP_PATH = '/aktifkan-totp';
export const PASSWORD_PATH = '/ganti-kata-sandi';

/** Where a signed-out visitor was going, so signing in takes them there. */
interface FromState {
  from?: string;
}

function RedirectToLogin() {
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  return <Navigate to={LOGIN_PATH} replace state={from === '/' || from === LOGIN_PATH ? undefined : ({ from } satisfies FromState)} />;
}

function AfterLogin() {
  const location = useLocation();
  const from = (location.state as FromState | null)?.from;
  return <Navigate to={from && from.startsWith('/') && !from.startsWith('//') ? from : '/'} replace />;
}

function Guarded({ page }: { page: PageDef }) {
  const { can } = useAuth();
  const t = useT();
  if (!can(page.ability)) {
    return (
      <>
        <PageHeader title={t('app.forbidden')} />
        <EmptyState icon="shield" title={t('app.forbidden')}>
          {t('app.forbiddenHint')}
        </EmptyState>
      </>
    );
  }
  const Page = page.component;
  return <Page />;
}

function Splash({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <main id="konten" className="splash">
      <div className="brand brand-light">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span className="brand-name">Pamong</span>
      </div>
      {error ? <ProblemAlert error={error} title={t('app.unreachable')} onRetry={onRetry} /> : <Loading />}
    </main>
  );
}

function SignedInRoutes() {
  const t = useT();
  const location = useLocation();
  return (
    <Layout>
      <ErrorBoundary
        key={location.pathname}
        fallback={(error, reset) => (
          <>
            <PageHeader title={t('app.screenFailed')} />
            <ProblemAlert
              error={error}
              onRetry={() => {
                reset();
                window.location.reload();
              }}
            />
          </>
        )}
      >
        <Suspense fallback={<Loading />}>
          <Routes>
            {PAGES.map((page) => (
              <Route key={page.path} path={page.path} element={<Guarded page={page} />} />
            ))}
            <Route path={LOGIN_PATH} element={<AfterLogin />} />
            <Route path={TOTP_PATH} element={<Navigate to="/" replace />} />
            <Route path={PASSWORD_PATH} element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}

/** Public screens (the directive verification page /v/<code>) render for anyone, signed in or not. */
function PublicRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {PUBLIC_PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<page.component />} />
        ))}
      </Routes>
    </Suspense>
  );
}

function AppRoutes() {
  const { state, refresh } = useAuth();
  const location = useLocation();
  if (PUBLIC_PAGES.some((page) => matchPath(page.path, location.pathname))) return <PublicRoutes />;
  if (state.status === 'loading') return <Splash />;
  if (state.status === 'error') return <Splash error={state.error} onRetry={() => void refresh()} />;
  if (state.status === 'anonymous') {
    return (
      <Routes>
        <Route path={LOGIN_PATH} element={<Login />} />
        <Route path="*" element={<RedirectToLogin />} />
      </Routes>
    );
  }
  if (state.me.stage === 'totp_enroll') {
    return (
      <Routes>
        <Route path={TOTP_PATH} element={<TotpEnrol />} />
        <Route path="*" element={<Navigate to={TOTP_PATH} replace />} />
      </Routes>
    );
  }
  if (state.me.stage === 'password_change') {
    return (
      <Routes>
        <Route path={PASSWORD_PATH} element={<PasswordChange />} />
        <Route path="*" element={<Navigate to={PASSWORD_PATH} replace />} />
      </Routes>
    );
  }
  return <SignedInRoutes />;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/data-terbuka/*" element={<Suspense fallback={<Loading />}><Routes><Route path=":name?" element={<OpenDataPublic />} /></Routes></Suspense>} />
            <Route path="*" element={<AppRoutes />} />
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
