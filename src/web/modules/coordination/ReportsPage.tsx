import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZReport, ZReportCadence, ZReportStatusRow } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { Card } from './shared';
import { useS } from './strings';

const ZReports = z.object({ items: z.array(ZReport) });
const ZStatus = z.object({ cadence: ZReportCadence, items: z.array(ZReportStatusRow) });

/** OPD periodic reports: the OPD sends its own; the leadership sees who sent, who is late, who is missing. */
export default function ReportsPage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const reports = useApi('/coordination/reports', ZReports, { opd: params.get('opd') ?? undefined, month: params.get('bulan') ?? undefined });
  const status = useApi(can('coordination.leader') ? '/coordination/reports/status' : null, ZStatus);
  return (
    <>
      <PageHeader title={s('reportsTitle')} />
      <p className="co-muted co-small">{s('reportIntro')}</p>
      <div className="co-grid">
        <div>
          {can('coordination.report.write') && <ReportForm onSent={reports.reload} />}
          <Card id="co-rep" title={s('reportsTitle')} count={reports.data?.items.length}>
            {reports.error ? <ProblemAlert error={reports.error} /> : null}
            {!reports.data ? <Loading /> : reports.data.items.length === 0 ? <p className="co-muted">{s('nothing')}</p> : (
              <ul className="co-list">
                {reports.data.items.map((r) => (
                  <li key={r.id}>
                    <strong>{r.opdName}</strong>
                    <div className="co-meta">
                      <span>{s('reportPeriod', { start: formatDate(r.periodStart, lang), end: formatDate(r.periodEnd, lang) })}</span>
                      <span>{formatDateTime(r.submittedAt, lang)}</span>
                      {r.late && <span className="co-late">{s('reportLate')}</span>}
                    </div>
                    <p className="co-pre co-small"><strong>{s('achievements')}:</strong> {r.achievements}</p>
                    {r.problems && <p className="co-pre co-small"><strong>{s('problems')}:</strong> {r.problems}</p>}
                    {r.needs && <p className="co-pre co-small"><strong>{s('needs')}:</strong> {r.needs}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {status.data && (
          <div>
            <Card id="co-rep-status" title={s('reportStatus')} count={status.data.items.filter((r) => !r.previousPeriod.submitted).length} tone="warn">
              <ul className="co-list">
                {status.data.items.map((r) => (
                  <li key={r.opdId}>
                    <Link to={`/koordinasi/opd/${r.opdId}`}>{r.opdName}</Link>
                    <div className="co-meta">
                      <span className={r.previousPeriod.submitted ? '' : 'co-late'}>{r.previousPeriod.submitted ? s('reportSent') : s('reportMissing')}</span>
                      {r.previousPeriod.late && r.previousPeriod.submitted && <span className="co-late">{s('reportLate')}</span>}
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}

function ReportForm({ onSent }: { onSent: () => void }) {
  const s = useS();
  const [form, setForm] = useState({ achievements: '', problems: '', needs: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async () => {
    setError(null);
    setDone(false);
    try {
      await api.post('/coordination/reports', form, ZReport);
      setForm({ achievements: '', problems: '', needs: '' });
      setDone(true);
      onSent();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="co-form co-card" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {(['achievements', 'problems', 'needs'] as const).map((key) => (
        <div key={key}>
          <label htmlFor={`co-r-${key}`}>{s(key)}</label>
          <textarea id={`co-r-${key}`} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required={key === 'achievements'} />
        </div>
      ))}
      {error ? <ProblemAlert error={error} /> : null}
      <div className="co-actions">
        <button type="submit" className="co-btn">{s('sendReport')}</button>
        {done && <span role="status">{s('sent')}</span>}
      </div>
    </form>
  );
}
