import type { ReactNode } from 'react';
import type { TAssignmentStatus } from '../../../contracts/coordination';
import { useS, type SKey } from './strings';
import './coordination.css';

/** Small pieces shared by the coordination screens. */
export function StatusBadge({ status }: { status: TAssignmentStatus }) {
  const s = useS();
  return <span className={`co-status ${status}`}>{s(`status_${status}` as SKey)}</span>;
}

export function Card({ title, count, tone, children, id }: { title: string; count?: number; tone?: 'danger' | 'warn'; children: ReactNode; id: string }) {
  return (
    <section className="co-card" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined && <span className={`co-count ${count > 0 && tone ? tone : ''}`}>{count}</span>}
      </h2>
      {children}
    </section>
  );
}

const BAR_COLORS: Record<TAssignmentStatus, string> = { diterima: '#0f766e', selesai: '#d97706', proses: '#2563eb', terkendala: '#b91c1c', belum: '#9aa5b1', dibatalkan: '#e4e7eb' };

/** The share of OPDs in each status, as one bar (with a text equivalent for screen readers). */
export function ProgressBar({ counts }: { counts: Record<TAssignmentStatus, number> }) {
  const s = useS();
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
  const order: TAssignmentStatus[] = ['diterima', 'selesai', 'proses', 'terkendala', 'belum', 'dibatalkan'];
  const label = order.filter((k) => counts[k] > 0).map((k) => `${s(`status_${k}` as SKey)} ${counts[k]}`).join(', ');
  return (
    <div className="co-bar" role="img" aria-label={label} title={label}>
      {order.map((k) => (counts[k] > 0 ? <span key={k} style={{ width: `${(counts[k] / total) * 100}%`, background: BAR_COLORS[k] }} /> : null))}
    </div>
  );
}
