import { useState } from 'react';
import { ROLE_LABELS, TOTP_REQUIRED_ROLES } from '../../contracts/roles';
import { useAuth, useMe } from '../app/auth';
import { Badge } from '../components/Badge';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n';
import { PasswordForm } from './PasswordChange';
import { TotpSetupPanel } from './TotpEnrol';

export default function ProfilePage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { refresh } = useAuth();
  const [passwordDone, setPasswordDone] = useState(false);
  const [totpStep, setTotpStep] = useState<'idle' | 'open'>('idle');
  const [totpDone, setTotpDone] = useState(false);
  const totpRequired = TOTP_REQUIRED_ROLES.has(me.role);
  const totpOn = me.totpEnabled || totpDone;

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <dl className="facts">
        <div>
          <dt>{t('users.name')}</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>{t('users.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>{t('users.role')}</dt>
          <dd>{pick(ROLE_LABELS[me.role])}</dd>
        </div>
        {me.opdName && (
          <div>
            <dt>{t('users.opd')}</dt>
            <dd>{me.opdName}</dd>
          </div>
        )}
        {me.pemda && (
          <div>
            <dt>Pemda</dt>
            <dd>
              {me.pemda.name} ({me.pemda.kodeWilayah})
            </dd>
          </div>
        )}
      </dl>

      <div className="grid-2">
        <section className="card" aria-labelledby="profil-sandi">
          <h2 id="profil-sandi" className="card-title">
            {t('profile.password')}
          </h2>
          {passwordDone && (
            <div className="alert alert-success" role="status">
              <Icon name="check" />
              <div className="alert-body">
                <p>{t('profile.passwordDone')}</p>
              </div>
            </div>
          )}
          <PasswordForm
            idPrefix="profile-pw"
            onDone={async () => {
              setPasswordDone(true);
              await refresh();
            }}
          />
        </section>

        <section className="card" aria-labelledby="profil-totp">
          <h2 id="profil-totp" className="card-title">
            {t('profile.totp')}
          </h2>
          <p>
            {totpOn ? (
              <>
                <Badge tone="success">{t('profile.totpActive')}</Badge> {totpRequired && t('profile.totpRequired')}
              </>
            ) : (
              t('profile.totpOptional')
            )}
          </p>
          {totpDone && (
            <div className="alert alert-success" role="status">
              <Icon name="check" />
              <div className="alert-body">
                <p>{t('profile.totpDone')}</p>
              </div>
            </div>
          )}
          {totpStep === 'idle' && (
            <>
              {totpOn && <p className="muted">{t('profile.totpWarning')}</p>}
              <button type="button" className="button" onClick={() => setTotpStep('open')}>
                {totpOn ? t('profile.totpReplace') : t('profile.totpSetup')}
              </button>
            </>
          )}
          {totpStep === 'open' && (
            <TotpSetupPanel
              idPrefix="profile-totp"
              onDone={async () => {
                setTotpStep('idle');
                setTotpDone(true);
                await refresh();
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}
