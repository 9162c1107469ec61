import { useMemo, useState } from 'react';
import { useApi } from '../../api/client';
import { useS } from './strings';

interface OpdOption {
  id: string;
  name: string;
  kind: string;
}

/** Checkbox list of the Pemda's OPDs with a filter (works at 360 px; no drag-and-drop, no tiny targets). */
export function OpdPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const s = useS();
  const opds = useApi<{ items: OpdOption[] }>('/opd');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => (opds.data?.items ?? []).filter((o) => o.name.toLowerCase().includes(filter.toLowerCase())), [opds.data, filter]);
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  return (
    <fieldset className="co-card" style={{ margin: 0 }}>
      <legend>{s('chooseOpds')} ({value.length})</legend>
      <input aria-label={s('filterOpd')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: '0.5rem' }} />
      <div style={{ maxHeight: '16rem', overflowY: 'auto' }}>
        {shown.map((o) => (
          <label key={o.id} className="co-check">
            <input type="checkbox" checked={value.includes(o.id)} onChange={() => toggle(o.id)} />
            {o.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
