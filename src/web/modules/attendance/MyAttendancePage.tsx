import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ZLeaveList, ZPegawaiMonth, ZTppSheet, type TDay, type TLeave, type TTppRow } from '../../../contracts/attendance';
import { isApiError, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { pick } from '../../i18n/translate';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { Badge } from '../../components/Badge';
import { dayCode, dayLabel, dayTone, formatPercent, formatRupiah, LEAVE_STATUS_TONE, leaveKindLabel, MonthSwitcher, spanDays, useMonthParam } from './shared';
import { useS, type SKey } from './strings';

const LEGEND: Array<[string, SKey]> = [
  ['hadir', 'st_hadir'],
  ['late', 'st_late'],
  ['tk', 'st_tk'],
  ['excused', 'excused'],
  ['libur', 'st_libur'],
  ['none', 'st_none'],
];

/** "Absensi saya": the month as a calendar, each day coloured by status with its reason on tap; totals; my TPP. */
export default function MyAttendancePage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const [month, setMonth] = useMonthParam();
  const data = useApi('/attendance/me', ZPegawaiMonth, { month });
  const tpp = useApi('/attendance/me/tpp', ZTppSheet, { month });
  const [selected, setSelected] = useState<string | null>(null);
  const changeMonth = (m: string) => {
    setSelected(null);
    setMonth(m);
  };
  const d = data.data?.month === month ? data.data : undefined;
  return (
    <>
      <PageHeader
        title={s('myTitle')}
        eyebrow={d ? `${d.pegawai.name} · ${d.pegawai.opdName}` : undefined}
        actions={can('attendance.self') ? <><Link className="at-btn" to="/absensi/hadir">{s('checkinTitle')}</Link><Link className="at-btn secondary" to="/absensi/cuti">{s('leaveLink')}</Link></> : undefined}
      />
      <p className="at-muted at-small">{s('myIntro')}</p>
      <div className="at-toolbar">
        <MonthSwitcher month={month} onChange={changeMonth} />
      </div>
      {data.error ? <ProblemAlert error={data.error} onRetry={data.reload} /> : null}
      {!d && !data.error ? <Loading /> : null}
      {d && (
        <div className="at-grid2">
          <div>
            <section className="at-card" aria-labelledby="at-cal-h">
              <h2 id="at-cal-h">{s('calendar')}</h2>
              <Calendar month={month} days={d.days} selected={selected} onSelect={setSelected} />
              <h3 className="visually-hidden">{s('legend')}</h3>
              <ul className="at-legend">
                {LEGEND.map(([tone, key]) => (
                  <li key={tone}><span className={`sw tone-${tone}`} aria-hidden="true" />{s(key)}</li>
                ))}
              </ul>
            </section>
            <DayDetail day={d.days.find((x) => x.date === selected)} date={selected} />
            {d.pendingEvents.length > 0 && (
              <section className="at-card" aria-labelledby="at-pending-h">
                <h2 id="at-pending-h">{s('pending')}</h2>
                <ul className="at-lines">
                  {d.pendingEvents.map((e) => (
                    <li key={`${e.at}-${e.device}`}><span>{formatDateTime(e.at, lang)}</span><span>{e.mode ?? e.device}</span></li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <div>
            <section className="at-card" aria-labelledby="at-tot-h">
              <h2 id="at-tot-h">{s('totals')}</h2>
              <dl className="at-stats">
                <div><dt>{s('scheduled')}</dt><dd>{formatNumber(d.totals.scheduled, lang)}</dd></div>
                <div><dt>{s('present')}</dt><dd>{formatNumber(d.totals.hadir, lang)}</dd></div>
                <div><dt>{s('tkDays')}</dt><dd className={d.totals.tk > 0 ? 'at-bad' : undefined}>{formatNumber(d.totals.tk, lang)}</dd></div>
                <div><dt>{s('excused')}</dt><dd>{formatNumber(d.totals.excused, lang)}</dd></div>
                <div><dt>{s('lateMin')}</dt><dd>{formatNumber(d.totals.lateMinutes, lang)}</dd></div>
                <div><dt>{s('earlyMin')}</dt><dd>{formatNumber(d.totals.earlyMinutes, lang)}</dd></div>
                <div><dt>{s('cutPercent')}</dt><dd>{formatPercent(d.totals.cutPercent, lang)}</dd></div>
              </dl>
            </section>
            <MyLeave month={month} />
            <MyTpp row={tpp.data?.month === month ? tpp.data.items[0] : undefined} loading={tpp.loading} error={tpp.error} />
            {d.rules.length > 0 && (
              <section className="at-card" aria-labelledby="at-rules-h">
                <h2 id="at-rules-h">{s('rulesUsed')}</h2>
                <ul className="at-lines at-small">
                  {d.rules.map((r) => (
                    <li key={`${r.kind}-${r.validFrom}`}>
                      <span>{r.legalBasis}{r.isDefault ? ` (${s('defaultRule')})` : ''}</span>
                      <span className="at-muted">{formatDate(r.validFrom, lang)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </>
  );
}

function Calendar({ month, days, selected, onSelect }: { month: string; days: TDay[]; selected: string | null; onSelect: (date: string) => void }) {
  const s = useS();
  const { lang } = useI18n();
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const cells: Array<string | null> = [...Array.from({ length: lead }, () => null), ...Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  return (
    <div className="at-cal">
      {s('weekdays').split(',').map((w) => <div key={w} className="at-wd" aria-hidden="true">{w}</div>)}
      {cells.map((date, i) => {
        if (!date) return <div key={`e${i}`} aria-hidden="true" />;
        const day = byDate.get(date);
        const label = `${formatDate(date, lang)}: ${dayLabel(day, s)}`;
        return (
          <button
            key={date}
            type="button"
            className={`at-day tone-${dayTone(day)}${date === today ? ' today' : ''}`}
            aria-pressed={selected === date}
            title={label}
            onClick={() => onSelect(date)}
          >
            <span className="n" aria-hidden="true">{Number(date.slice(8))}</span>
            {day && <span className="c" aria-hidden="true">{dayCode(day, s)}</span>}
            <span className="visually-hidden">{label}</span>
          </button>
        );
      })}
    </div>
  );
}

function DayDetail({ day, date }: { day: TDay | undefined; date: string | null }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <section className="at-card" aria-labelledby="at-day-h" aria-live="polite">
      <h2 id="at-day-h">{date ? s('dayDetail', { date: formatDate(date, lang) }) : s('why')}</h2>
      {!date ? <p className="at-muted">{s('tapDay')}</p> : !day ? <p className="at-muted">{s('noRecord')}</p> : (
        <dl className="at-dl">
          <dt>{s('status')}</dt>
          <dd><span className={`at-chip tone-${dayTone(day)}`}>{dayLabel(day, s)}</span></dd>
          {day.scheduled && (
            <>
              <dt>{s('schedule')}</dt>
              <dd>{day.schedStart ?? '–'} – {day.schedEnd ?? '–'}</dd>
            </>
          )}
          <dt>{s('checkIn')}</dt>
          <dd>{day.checkIn ? formatTime(day.checkIn) : '–'}{day.lateMinutes > 0 ? ` (+${day.lateMinutes} ${lang === 'id' ? 'mnt' : 'min'})` : ''}</dd>
          <dt>{s('checkOut')}</dt>
          <dd>{day.checkOut ? formatTime(day.checkOut) : '–'}{day.earlyMinutes > 0 ? ` (−${day.earlyMinutes} ${lang === 'id' ? 'mnt' : 'min'})` : ''}</dd>
          {day.cutPercent > 0 && (
            <>
              <dt>{s('cutPercent')}</dt>
              <dd>{formatPercent(day.cutPercent, lang, 2)}</dd>
            </>
          )}
          <dt>{s('why')}</dt>
          <dd>{pick(lang, day.why)}</dd>
        </dl>
      )}
    </section>
  );
}

/** "2026-11-03T07:42:00+07:00" or "07:42" → "07:42". */
function formatTime(value: string): string {
  const match = /(\d{2}):(\d{2})/.exec(value.includes('T') ? value.split('T')[1] ?? value : value);
  return match ? `${match[1]}:${match[2]}` : value;
}

function MyTpp({ row, loading, error }: { row: TTppRow | undefined; loading: boolean; error: unknown }) {
  const s = useS();
  // The TPP is optional on this screen: a pegawai without TPP or a month not computed yet is not an error.
  const quiet = isApiError(error) && (error.status === 404 || error.status === 403);
  return (
    <section className="at-card" aria-labelledby="at-tpp-h">
      <h2 id="at-tpp-h">{s('myTpp')}</h2>
      {error && !quiet ? <ProblemAlert error={error} /> : null}
      {loading ? <Loading /> : !row ? <p className="at-muted">{s('tppNotComputed')}</p> : <TppLines row={row} />}
    </section>
  );
}

export function TppLines({ row }: { row: TTppRow }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <ul className="at-lines">
      {row.breakdown.map((line, i) => (
        <li key={i}>
          <span>{pick(lang, line.label)}</span>
          <span>{line.amount === null ? '' : formatRupiah(line.amount, lang)}</span>
          {line.note && <span className="note">{pick(lang, line.note)}</span>}
        </li>
      ))}
      {row.breakdown.length === 0 && <li className="total"><span>{s('paid')}</span><span>{formatRupiah(row.paid, lang)}</span></li>}
    </ul>
  );
}

/** This month's leave requests: approved ones show as excused days in the calendar. */
function MyLeave({ month }: { month: string }) {
  const s = useS();
  const { lang } = useI18n();
  const leave = useApi('/attendance/leave', ZLeaveList, { mine: 'true' });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const items = (leave.data?.items ?? []).filter((l: TLeave) => l.startDate <= last && l.endDate >= `${month}-01` && l.status !== 'dibatalkan');
  return (
    <section className="at-card" aria-labelledby="at-myleave-h">
      <h2 id="at-myleave-h">{s('myLeaveMonth')}</h2>
      {leave.error ? <ProblemAlert error={leave.error} /> : null}
      {leave.loading && !leave.data ? <Loading /> : items.length === 0 ? <p className="at-muted">{s('noLeave')}</p> : (
        <ul className="at-lines">
          {items.map((l) => (
            <li key={l.id}>
              <span>{leaveKindLabel(s, l.kind)} · {formatDate(l.startDate, lang)}{l.endDate !== l.startDate ? ` – ${formatDate(l.endDate, lang)}` : ''} ({s('days', { count: spanDays(l.startDate, l.endDate) })})</span>
              <Badge tone={LEAVE_STATUS_TONE[l.status]}>{s(`ls_${l.status}` as SKey)}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p style={{ margin: '0.75rem 0 0' }}><Link to="/absensi/cuti">{s('leaveLink')}</Link></p>
    </section>
  );
}
