import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { Badge, type BadgeTone } from '../../components/Badge';
import type { ChartProps } from './EChart';
import { BAND_TEXT, MONTHS, useBudgetText, type TextKey } from './strings';
import './budget.css';

const EChart = lazy(() => import('./EChart'));

/** A chart with its text alternative: the summary is what a screen reader (and a slow phone) gets. */
export function Chart({ title, summary, ...props }: ChartProps & { title: string; summary: string }) {
  return (
    <figure className="bud-chart">
      <figcaption className="bud-chart-title">{title}</figcaption>
      <p className="visually-hidden">{summary}</p>
      <Suspense fallback={<div className="bud-chart-canvas" style={{ height: props.height }} />}>
        <EChart {...props} />
      </Suspense>
    </figure>
  );
}

export function Kpi({ label, value, detail, tone = 'neutral' }: { label: string; value: string; detail?: ReactNode; tone?: 'neutral' | 'good' | 'warn' | 'bad' }) {
  return (
    <div className={`bud-kpi bud-kpi-${tone}`}>
      <span className="bud-kpi-label">{label}</span>
      <span className="bud-kpi-value">{value}</span>
      {detail && <span className="bud-kpi-detail">{detail}</span>}
    </div>
  );
}

const BAND_TONES: Record<keyof typeof BAND_TEXT, BadgeTone> = { sangat_tinggi: 'success', tinggi: 'success', sedang: 'warning', rendah: 'danger', sangat_rendah: 'danger' };

export function BandBadge({ band }: { band: keyof typeof BAND_TEXT | null }) {
  const { lang } = useBudgetText();
  if (!band) return <span className="muted">–</span>;
  return <Badge tone={BAND_TONES[band]}>{BAND_TEXT[band][lang]}</Badge>;
}

const TABS: Array<{ path: string; key: TextKey; ability: string }> = [
  { path: '/anggaran', key: 'tabOverview', ability: 'budget.pemda.read' },
  { path: '/anggaran/pendapatan', key: 'tabRevenue', ability: 'budget.pemda.read' },
  { path: '/anggaran/penundaan', key: 'tabPostpone', ability: 'budget.pemda.read' },
  { path: '/anggaran/keselarasan', key: 'tabAlignment', ability: 'budget.pemda.read' },
  { path: '/anggaran/iku', key: 'tabIku', ability: 'budget.read' },
  { path: '/anggaran/impor', key: 'tabImport', ability: 'budget.plan.manage' },
  { path: '/anggaran/rpjmd', key: 'tabRpjmd', ability: 'budget.plan.manage' },
];

/** The budget screens' own tab bar (one menu entry leads here). */
export function BudgetTabs() {
  const { s } = useBudgetText();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const tabs = TABS.filter((tab) => can(tab.ability));
  if (tabs.length < 2) return null;
  return (
    <nav className="bud-tabs" aria-label={s('navTitle')}>
      {tabs.map((tab) => (
        <Link key={tab.path} to={tab.path} className="bud-tab" aria-current={pathname === tab.path ? 'page' : undefined}>
          {s(tab.key)}
        </Link>
      ))}
    </nav>
  );
}

/** Year and month pickers; the month list stops at the year's as-of month when it is the current year. */
export function PeriodPicker({ tahun, bulan, years, onChange, showMonth = true }: { tahun: number; bulan: number; years: number[]; onChange: (next: { tahun: number; bulan?: number }) => void; showMonth?: boolean }) {
  const { s, lang } = useBudgetText();
  const options = years.length > 0 ? years : [tahun];
  return (
    <div className="bud-period">
      <label>
        <span>{s('year')}</span>
        <select value={tahun} onChange={(e) => onChange({ tahun: Number(e.target.value) })}>
          {options.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      {showMonth && (
        <label>
          <span>{s('month')}</span>
          <select value={bulan} onChange={(e) => onChange({ tahun, bulan: Number(e.target.value) })}>
            {MONTHS[lang].map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

export function ExportLinks({ href }: { href: (format: 'xlsx' | 'pdf') => string }) {
  const { s } = useBudgetText();
  return (
    <div className="bud-exports">
      <a className="button button-small" href={href('xlsx')} download>
        {s('exportXlsx')}
      </a>
      <a className="button button-small" href={href('pdf')} download>
        {s('exportPdf')}
      </a>
    </div>
  );
}

/** Progress bar with its number; the bar is decoration, the number is the information. */
export function Meter({ value, plan, label }: { value: number | null; plan?: number | null; label: string }) {
  const width = Math.max(0, Math.min(100, value ?? 0));
  return (
    <span className="bud-meter" title={label}>
      <span className="bud-meter-track" aria-hidden="true">
        <span className="bud-meter-fill" style={{ width: `${width}%` }} />
        {plan !== undefined && plan !== null && <span className="bud-meter-plan" style={{ left: `${Math.max(0, Math.min(100, plan))}%` }} />}
      </span>
    </span>
  );
}

/** Query parameters as state (year, month, filters), kept in the address so a link shows the same figures. */
export function useQueryParams(): [URLSearchParams, (next: Record<string, string | number | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged, { replace: true });
  };
  return [params, set];
}
