import { useMemo, useState, type FormEvent } from 'react';
import type { TUser } from '../../contracts/auth';
import { OPD_ROLES, ROLE_LABELS, TENANT_ROLES, type TenantRole } from '../../contracts/roles';
import { api, useApi, useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { useMe } from '../app/auth';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { SearchInput } from '../components/SearchInput';
import { SecretNotice } from '../components/SecretNotice';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';

function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: TUser, password: string) => void; onCancel: () => void }) {
  const { t, pick } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<TenantRole>('operator_opd');
  const [opdId, setOpdId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const opds = useListApi('/opd', Schemas.opdList);
  const options = useMemo(() => [...(opds.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id')), [opds.data]);
  const needsOpd = OPD_ROLES.has(role);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post('/users', { email: email.trim(), name: name.trim(), role, opdId: opdId || null }, Schemas.userCreated);
      onCreated(created.user, created.temporaryPassword);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card form-panel" onSubmit={submit} aria-labelledby="user-new-title">
      <h2 id="user-new-title" className="card-title">
        {t('users.newTitle')}
      </h2>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="user-name">{t('users.name')}</label>
          <input id="user-name" required maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-email">{t('users.email')}</label>
          <input id="user-email" type="email" required maxLength={254} autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as TenantRole)}>
            {TENANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {pick(ROLE_LABELS[r])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-opd">
            {t('users.opd')} {needsOpd ? '' : t('common.optional')}
          </label>
          <select id="user-opd" required={needsOpd} value={opdId} onChange={(e) => setOpdId(e.target.value)} aria-describedby="user-opd-hint">
            <option value="">{needsOpd ? t('users.chooseOpd') : t('users.noOpd')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <p className="hint" id="user-opd-hint">
            {t('users.opdHint')}
          </p>
        </div>
      </div>
      <p className="small muted">{t('users.tempHint')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('users.create')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function ResetPanel({ user, onDone, onCancel }: { user: TUser; onDone: (password: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [resetTotp, setResetTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post(`/users/${user.id}/reset`, { resetTotp }, Schemas.temporaryPassword);
      onDone(result.temporaryPassword);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card form-panel" aria-labelledby="reset-title">
      <h2 id="reset-title" className="card-title">
        {t('users.resetTitle', { name: user.name })}
      </h2>
      <ProblemAlert error={error} />
      <p>{t('users.resetIntro')}</p>
      {user.totpEnabled && (
        <label className="checkbox">
          <input type="checkbox" checked={resetTotp} onChange={(e) => setResetTotp(e.target.checked)} />
          {t('users.resetTotp')}
        </label>
      )}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => void run()} disabled={busy}>
          {busy ? t('common.saving') : t('users.resetConfirm')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </section>
  );
}

export default function UsersPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe();
  const [query, setQuery] = useState('');
  const users = useApi('/users', Schemas.users, { q: query.trim() });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [secret, setSecret] = useState<{ title: string; password: string } | null>(null);

  const columns: Column<TUser>[] = [
    {
      key: 'name',
      header: t('users.name'),
      primary: true,
      render: (u) => (
        <span className="cell-stack">
          <span>{u.name}</span>
          <span className="small muted">{u.email}</span>
        </span>
      ),
    },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) => (
        <span className="cell-stack">
          <span>{pick(ROLE_LABELS[u.role])}</span>
          {u.opdName && <span className="small muted">{u.opdName}</span>}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <span className="badge-row">
          {u.active ? <Badge tone="success">{t('users.active')}</Badge> : <Badge tone="neutral">{t('users.inactive')}</Badge>}
          {u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now() && <Badge tone="danger">{t('users.locked')}</Badge>}
          {u.totpEnabled && <Badge tone="info">TOTP</Badge>}
        </span>
      ),
    },
    { key: 'last', header: t('users.lastLogin'), render: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('users.never')), hideOnPhone: true },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (u) =>
        u.id === me.userId ? (
          <span className="small muted">{t('users.you')}</span>
        ) : (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setResetting(u);
              setSecret(null);
            }}
          >
            {t('users.reset')}
            <span className="visually-hidden"> – {u.name}</span>
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          !creating ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreating(true);
                setSecret(null);
              }}
            >
              {t('users.add')}
            </button>
          ) : undefined
        }
      />
      {secret && (
        <SecretNotice title={secret.title} secret={secret.password} hint={t('users.tempOnce')} onDismiss={() => setSecret(null)} />
      )}
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user, password) => {
            setCreating(false);
            setSecret({ title: t('users.created', { email: user.email }), password });
            users.reload();
          }}
        />
      )}
      {resetting && (
        <ResetPanel
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={(password) => {
            setSecret({ title: t('users.resetDone', { name: resetting.name }), password });
            setResetting(null);
            users.reload();
          }}
        />
      )}
      <div className="toolbar">
        <SearchInput label={t('users.search')} value={query} onChange={setQuery} />
      </div>
      {users.loading && !users.data && <Loading />}
      <ProblemAlert error={users.error} onRetry={users.reload} />
      {users.data && (
        <DataTable
          caption={t('users.title')}
          columns={columns}
          rows={users.data.items}
          rowKey={(u) => u.id}
          empty={<EmptyState icon="users" title={t('users.none')} />}
        />
      )}
    </>
  );
}
