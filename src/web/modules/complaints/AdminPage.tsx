import './complaints.css';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { ZOpen311Client, ZOpen311ClientCreated, ZService, ZSlaClass, type TOpen311Client, type TService, type TServiceAttribute, type TSlaClass } from '../../../contracts/complaints';
import { api, useApi, useListApi } from '../../api/client';
import { Schemas } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SecretNotice } from '../../components/SecretNotice';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useStrings, type StringKey } from './strings';

/**
 * /pengaduan/pengaturan (admin Pemda): deadline classes (SP4N-LAPOR! 3/5/60 by default), the service catalogue with
 * its Open311 attributes, and the api_keys of Open311 client applications (shown once, listed without the secret).
 */
const ZServices = z.object({ items: z.array(ZService), slaClasses: z.array(ZSlaClass) });
const ZSlaList = z.object({ items: z.array(ZSlaClass) });
const ZClients = z.object({ items: z.array(ZOpen311Client) });

type Tab = 'sla' | 'katalog' | 'kunci';
const TABS: Array<{ key: Tab; label: StringKey }> = [
  { key: 'sla', label: 'tabSla' },
  { key: 'katalog', label: 'tabCatalogue' },
  { key: 'kunci', label: 'tabKeys' },
];

/** Runs a mutation with busy/error state; returns true when it succeeded. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** The card form of a class or a service: title, the server's problem, the fields, Save and Cancel. */
function CardForm({ title, error, busy, onSubmit, onCancel, children }: { title: string; error: unknown; busy: boolean; onSubmit: () => void; onCancel: () => void; children: ReactNode }) {
  const s = useStrings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form card form-panel" onSubmit={submit} aria-label={title}>
      <h2 className="card-title">{title}</h2>
      <ProblemAlert error={error} />
      {children}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? s('saving') : s('save')}</button>
        <button type="button" className="button button-ghost" onClick={onCancel}>{s('cancel')}</button>
      </div>
    </form>
  );
}

/**
 * A destructive row action asked twice: the button, then a hint with "Yes, ..." and Cancel. Used for deleting a
 * class or a service and for revoking a key.
 */
function ConfirmAction({ label, subject, hint, confirmLabel, busy, onConfirm }: { label: string; subject: string; hint: string; confirmLabel: string; busy: boolean; onConfirm: () => Promise<boolean> }) {
  const s = useStrings();
  const [open, setOpen] = useState(false);
  // Keyboard focus moves to Cancel (not to the destructive button) when the question appears.
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);
  if (!open) {
    return <button type="button" className="button button-small cmp-danger-outline" onClick={() => setOpen(true)} aria-label={`${label} ${subject}`}>{label}</button>;
  }
  return (
    <span className="cell-stack cmp-confirm">
      <span className="small">{hint}</span>
      <span className="button-row">
        <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => void onConfirm().then(() => setOpen(false))}>{confirmLabel}</button>
        <button type="button" ref={cancelRef} className="button button-small button-ghost" onClick={() => setOpen(false)}>{s('cancel')}</button>
      </span>
    </span>
  );
}

/** A refused deletion's problem, shown above the list and brought into view. */
function ActionProblem({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return <div ref={ref}><ProblemAlert error={error} /></div>;
}

export default function AdminPage() {
  const s = useStrings();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((t) => t.key === params.get('tab'))?.key ?? 'sla') as Tab;
  return (
    <>
      <PageHeader title={s('adminTitle')}>
        <span>{s('adminIntro')}</span>
      </PageHeader>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={s('adminSections')}>
          {TABS.map((t) => (
            <button key={t.key} type="button" aria-pressed={tab === t.key} onClick={() => setParams({ tab: t.key }, { replace: true })}>
              {s(t.label)}
            </button>
          ))}
        </div>
      </div>
      <div className="cmp-admin">
        {tab === 'sla' && <SlaSection />}
        {tab === 'katalog' && <CatalogueSection />}
        {tab === 'kunci' && <KeysSection />}
      </div>
    </>
  );
}

// ---------------------------------------------------------------- deadline classes

function SlaForm({ initial, onDone, onCancel }: { initial: TSlaClass | null; onDone: () => void; onCancel: () => void }) {
  const s = useStrings();
  const [value, setValue] = useState<TSlaClass>(initial ?? { code: '', name: '', verifyDays: 3, respondDays: 5, resolveDays: 60, legalBasis: 'PermenPANRB 62/2018 (SP4N-LAPOR!)' });
  const action = useAction();
  const set = <K extends keyof TSlaClass>(key: K, v: TSlaClass[K]) => setValue((prev) => ({ ...prev, [key]: v }));
  const submit = async () => {
    const { code, ...body } = value;
    const ok = await action.run(() => (initial ? api.put(`/complaints/sla-classes/${encodeURIComponent(code)}`, body, ZSlaClass) : api.post('/complaints/sla-classes', value, ZSlaClass)));
    if (ok) onDone();
  };
  const days = (key: 'verifyDays' | 'respondDays' | 'resolveDays', label: StringKey) => (
    <div className="field">
      <label htmlFor={`sla-${key}`}>{s(label)}</label>
      <input id={`sla-${key}`} type="number" inputMode="numeric" min={1} max={365} required value={value[key]} onChange={(e) => set(key, Number(e.target.value))} />
    </div>
  );
  return (
    <CardForm title={initial ? s('editSla', { code: initial.code }) : s('addSla')} error={action.error} busy={action.busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <div className="form-grid">
        {!initial && (
          <div className="field">
            <label htmlFor="sla-code">{s('slaCode')}</label>
            <input id="sla-code" required pattern="[a-z0-9_]{1,30}" maxLength={30} autoComplete="off" value={value.code} onChange={(e) => set('code', e.target.value.toLowerCase())} aria-describedby="sla-code-hint" />
            <p className="hint" id="sla-code-hint">{s('codeHint')}</p>
          </div>
        )}
        <div className="field">
          <label htmlFor="sla-name">{s('slaName')}</label>
          <input id="sla-name" required maxLength={120} value={value.name} onChange={(e) => set('name', e.target.value)} />
        </div>
        {days('verifyDays', 'verifyDays')}
        {days('respondDays', 'respondDays')}
        {days('resolveDays', 'resolveDays')}
        <div className="field">
          <label htmlFor="sla-basis">{s('legalBasis')}</label>
          <input id="sla-basis" required maxLength={300} value={value.legalBasis} onChange={(e) => set('legalBasis', e.target.value)} />
        </div>
      </div>
      <p className="hint">{s('slaOrderHint')}</p>
    </CardForm>
  );
}

function SlaSection() {
  const s = useStrings();
  const list = useApi('/complaints/sla-classes', ZSlaList);
  const [editing, setEditing] = useState<TSlaClass | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const removal = useAction();
  const done = () => {
    setEditing(null);
    setNotice(s('saved'));
    list.reload();
  };
  const remove = async (c: TSlaClass) => {
    setNotice('');
    const ok = await removal.run(() => api.delete(`/complaints/sla-classes/${encodeURIComponent(c.code)}`));
    if (ok) {
      if (editing !== 'new' && editing?.code === c.code) setEditing(null);
      setNotice(s('deleted'));
      list.reload();
    }
    return ok;
  };
  return (
    <section className="section" aria-labelledby="sla-title">
      <h2 id="sla-title" className="visually-hidden">{s('tabSla')}</h2>
      <p className="small">{s('slaIntro')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <ActionProblem error={removal.error} />
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {editing && <SlaForm key={editing === 'new' ? 'new' : editing.code} initial={editing === 'new' ? null : editing} onDone={done} onCancel={() => setEditing(null)} />}
      {list.data && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{s('slaName')}</th>
                <th scope="col">{s('verifyShort')}</th>
                <th scope="col">{s('respondShort')}</th>
                <th scope="col">{s('resolveShort')}</th>
                <th scope="col">{s('legalBasis')}</th>
                <th scope="col"><span className="visually-hidden">{s('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {[...list.data.items].sort((a, b) => Number(b.code === 'standar') - Number(a.code === 'standar') || a.name.localeCompare(b.name, 'id')).map((c) => (
                <tr key={c.code}>
                  <td data-label={s('slaName')}>
                    <span className="cell-stack"><strong>{c.name}</strong><span className="small muted mono">{c.code}</span></span>
                  </td>
                  <td data-label={s('verifyShort')}>{s('daysValue', { n: c.verifyDays })}</td>
                  <td data-label={s('respondShort')}>{s('daysValue', { n: c.respondDays })}</td>
                  <td data-label={s('resolveShort')}>{s('daysValue', { n: c.resolveDays })}</td>
                  <td data-label={s('legalBasis')} className="small">{c.legalBasis}</td>
                  <td>
                    <span className="button-row cmp-row-actions">
                      <button type="button" className="button button-small" onClick={() => { setNotice(''); removal.clear(); setEditing(c); }} aria-label={`${s('edit')} ${c.name}`}>{s('edit')}</button>
                      <ConfirmAction label={s('delete')} subject={c.name} hint={s('deleteSlaHint')} confirmLabel={s('deleteSlaConfirm', { name: c.name })} busy={removal.busy} onConfirm={() => remove(c)} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!editing && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => { setNotice(''); setEditing('new'); }}>{s('addSla')}</button>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- service catalogue

const DATATYPES: Array<{ key: TServiceAttribute['datatype']; label: StringKey }> = [
  { key: 'string', label: 'typeString' },
  { key: 'text', label: 'typeText' },
  { key: 'number', label: 'typeNumber' },
  { key: 'datetime', label: 'typeDatetime' },
  { key: 'singlevaluelist', label: 'typeSingle' },
  { key: 'multivaluelist', label: 'typeMulti' },
];
const isList = (datatype: TServiceAttribute['datatype']) => datatype === 'singlevaluelist' || datatype === 'multivaluelist';

interface AttributeDraft extends Omit<TServiceAttribute, 'values'> {
  valuesText: string;
}

function toDraft(a: TServiceAttribute): AttributeDraft {
  const { values, ...rest } = a;
  return { ...rest, valuesText: values.map((v) => `${v.key} = ${v.name}`).join('\n') };
}

function parseValues(text: string): Array<{ key: string; name: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      const key = (at >= 0 ? line.slice(0, at) : line).trim();
      const name = (at >= 0 ? line.slice(at + 1) : line).trim() || key;
      return { key, name };
    });
}

function ServiceForm({ initial, slaClasses, onDone, onCancel }: { initial: TService | null; slaClasses: TSlaClass[]; onDone: () => void; onCancel: () => void }) {
  const s = useStrings();
  const opds = useListApi('/opd', Schemas.opdList);
  const opdOptions = useMemo(() => [...(opds.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id')), [opds.data]);
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [group, setGroup] = useState(initial?.group ?? '');
  const [keywords, setKeywords] = useState((initial?.keywords ?? []).join(', '));
  const [opdId, setOpdId] = useState(initial?.opdId ?? '');
  const [territorial, setTerritorial] = useState(initial?.territorial ?? false);
  // A new service starts in the SP4N-LAPOR! class, or in the first class when the Pemda deleted that one.
  const [slaClass, setSlaClass] = useState(initial?.slaClass ?? (slaClasses.some((c) => c.code === 'standar') ? 'standar' : (slaClasses[0]?.code ?? 'standar')));
  const [serviceNotice, setServiceNotice] = useState(initial?.serviceNotice ?? '');
  const [active, setActive] = useState(initial?.active ?? true);
  const [attributes, setAttributes] = useState<AttributeDraft[]>((initial?.attributes ?? []).map(toDraft));
  const [localError, setLocalError] = useState('');
  const action = useAction();

  const setAttr = (index: number, patch: Partial<AttributeDraft>) => setAttributes((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const addAttr = () =>
    setAttributes((list) => [...list, { code: '', variable: true, datatype: 'string', required: false, datatypeDescription: '', order: list.length + 1, description: '', valuesText: '' }]);

  const submit = async () => {
    setLocalError('');
    const attrs: TServiceAttribute[] = attributes.map(({ valuesText, ...a }) => ({ ...a, values: isList(a.datatype) ? parseValues(valuesText) : [] }));
    const empty = attrs.find((a) => isList(a.datatype) && a.values.length === 0);
    if (empty) {
      setLocalError(s('attrValuesMissing', { code: empty.code || '?' }));
      return;
    }
    const body = {
      name: name.trim(),
      description: description.trim(),
      group: group.trim(),
      keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean),
      opdId: opdId || null,
      territorial,
      slaClass,
      serviceNotice: serviceNotice.trim() || null,
      active,
      attributes: attrs,
    };
    const ok = await action.run(() => (initial ? api.put(`/complaints/services/${encodeURIComponent(initial.code)}`, body) : api.post('/complaints/services', { code: code.trim(), ...body })));
    if (ok) onDone();
  };

  return (
    <CardForm title={initial ? s('editService', { code: initial.code }) : s('addService')} error={action.error} busy={action.busy} onSubmit={() => void submit()} onCancel={onCancel}>
      {localError && <Alert tone="danger">{localError}</Alert>}
      <div className="form-grid">
        {!initial && (
          <div className="field">
            <label htmlFor="svc-code">{s('serviceCode')}</label>
            <input id="svc-code" required pattern="[A-Za-z0-9_.\-]{1,40}" maxLength={40} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
          </div>
        )}
        <div className="field">
          <label htmlFor="svc-name">{s('serviceName')}</label>
          <input id="svc-name" required maxLength={150} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-group">{s('group')}</label>
          <input id="svc-group" required maxLength={80} value={group} onChange={(e) => setGroup(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-keywords">{s('keywords')}</label>
          <input id="svc-keywords" maxLength={600} value={keywords} onChange={(e) => setKeywords(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="svc-opd">{s('responsibleOpd')}</label>
          <select id="svc-opd" value={opdId} onChange={(e) => setOpdId(e.target.value)} required={!territorial}>
            <option value="">{s('noOpd')}</option>
            {opdOptions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="svc-sla">{s('slaClass')}</label>
          <select id="svc-sla" value={slaClass} onChange={(e) => setSlaClass(e.target.value)}>
            {slaClasses.map((c) => <option key={c.code} value={c.code}>{c.name} ({c.verifyDays}/{c.respondDays}/{c.resolveDays})</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="svc-description">{s('serviceDescription')}</label>
        <textarea id="svc-description" rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="svc-notice">{s('serviceNotice')}</label>
        <input id="svc-notice" maxLength={500} value={serviceNotice} onChange={(e) => setServiceNotice(e.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={territorial} onChange={(e) => setTerritorial(e.target.checked)} />
        {s('territorial')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {s('active')}
      </label>

      <fieldset className="cmp-attrs">
        <legend>{s('attributes')}</legend>
        {attributes.map((a, index) => {
          const id = `attr-${index}`;
          return (
            <div className="cmp-attr" key={index} role="group" aria-label={s('attributeN', { n: index + 1 })}>
              <div className="form-grid">
                <div className="field">
                  <label htmlFor={`${id}-code`}>{s('attrCode')}</label>
                  <input id={`${id}-code`} required pattern="[A-Za-z0-9_\-]{1,40}" maxLength={40} value={a.code} onChange={(e) => setAttr(index, { code: e.target.value.toUpperCase() })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-type`}>{s('attrType')}</label>
                  <select id={`${id}-type`} value={a.datatype} onChange={(e) => setAttr(index, { datatype: e.target.value as TServiceAttribute['datatype'] })}>
                    {DATATYPES.map((d) => <option key={d.key} value={d.key}>{s(d.label)}</option>)}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-order`}>{s('attrOrder')}</label>
                  <input id={`${id}-order`} type="number" inputMode="numeric" min={1} max={999} required value={a.order} onChange={(e) => setAttr(index, { order: Number(e.target.value) })} />
                </div>
              </div>
              <div className="field">
                <label htmlFor={`${id}-description`}>{s('attrDescription')}</label>
                <input id={`${id}-description`} required maxLength={500} value={a.description} onChange={(e) => setAttr(index, { description: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-hint`}>{s('attrHint')}</label>
                <input id={`${id}-hint`} maxLength={300} value={a.datatypeDescription} onChange={(e) => setAttr(index, { datatypeDescription: e.target.value })} />
              </div>
              {isList(a.datatype) && (
                <div className="field">
                  <label htmlFor={`${id}-values`}>{s('attrValues')}</label>
                  <textarea id={`${id}-values`} rows={3} value={a.valuesText} onChange={(e) => setAttr(index, { valuesText: e.target.value })} />
                </div>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={a.required} onChange={(e) => setAttr(index, { required: e.target.checked })} />
                {s('attrRequired')}
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={a.variable} onChange={(e) => setAttr(index, { variable: e.target.checked })} />
                {s('attrVariable')}
              </label>
              <button type="button" className="button button-small button-ghost" onClick={() => setAttributes((list) => list.filter((_, i) => i !== index))}>
                {s('removeAttribute')} {a.code}
              </button>
            </div>
          );
        })}
        <button type="button" className="button button-small" onClick={addAttr}>{s('addAttribute')}</button>
      </fieldset>
    </CardForm>
  );
}

function CatalogueSection() {
  const s = useStrings();
  const list = useApi('/complaints/services', ZServices);
  const [editing, setEditing] = useState<TService | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const removal = useAction();
  const slaName = (code: string) => list.data?.slaClasses.find((c) => c.code === code)?.name ?? code;
  const done = () => {
    setEditing(null);
    setNotice(s('saved'));
    list.reload();
  };
  const remove = async (svc: TService) => {
    setNotice('');
    const ok = await removal.run(() => api.delete(`/complaints/services/${encodeURIComponent(svc.code)}`));
    if (ok) {
      if (editing !== 'new' && editing?.code === svc.code) setEditing(null);
      setNotice(s('deleted'));
      list.reload();
    }
    return ok;
  };
  return (
    <section className="section" aria-labelledby="cat-title">
      <h2 id="cat-title" className="visually-hidden">{s('tabCatalogue')}</h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      <ActionProblem error={removal.error} />
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {editing && list.data && (
        <ServiceForm key={editing === 'new' ? 'new' : editing.code} initial={editing === 'new' ? null : editing} slaClasses={list.data.slaClasses} onDone={done} onCancel={() => setEditing(null)} />
      )}
      {!editing && (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => { setNotice(''); setEditing('new'); }}>{s('addService')}</button>
        </div>
      )}
      {list.data && list.data.items.length === 0 && <EmptyState title={s('noServices')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{s('service')}</th>
                <th scope="col">{s('handledBy')}</th>
                <th scope="col">{s('slaClass')}</th>
                <th scope="col">{s('keyStatus')}</th>
                <th scope="col"><span className="visually-hidden">{s('actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((svc) => (
                <tr key={svc.code}>
                  <td data-label={s('service')}>
                    <span className="cell-stack"><strong>{svc.name}</strong><span className="small muted"><span className="mono">{svc.code}</span> · {svc.group}</span></span>
                  </td>
                  <td data-label={s('handledBy')}>{svc.territorial ? s('territorialShort') : (svc.opdName ?? '—')}</td>
                  <td data-label={s('slaClass')}>{slaName(svc.slaClass)}</td>
                  <td data-label={s('keyStatus')}>
                    <span className="cell-stack">
                      <span>{svc.active ? <Badge tone="success">{s('activeShort')}</Badge> : <Badge tone="neutral">{s('inactive')}</Badge>}</span>
                      <span className="small muted">{s('attributesCount', { n: svc.attributes.length })}</span>
                    </span>
                  </td>
                  <td>
                    <span className="button-row cmp-row-actions">
                      <button type="button" className="button button-small" onClick={() => { setNotice(''); removal.clear(); setEditing(svc); }} aria-label={`${s('edit')} ${svc.name}`}>{s('edit')}</button>
                      <ConfirmAction label={s('delete')} subject={svc.name} hint={s('deleteServiceHint')} confirmLabel={s('deleteServiceConfirm', { name: svc.name })} busy={removal.busy} onConfirm={() => remove(svc)} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- Open311 keys

function KeysSection() {
  const s = useStrings();
  const { lang } = useI18n();
  const list = useApi('/complaints/open311-clients', ZClients);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const action = useAction();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    let result: z.infer<typeof ZOpen311ClientCreated> | null = null;
    const ok = await action.run(async () => {
      result = await api.post('/complaints/open311-clients', { name: name.trim() }, ZOpen311ClientCreated);
    });
    if (ok && result) {
      const done = result as z.infer<typeof ZOpen311ClientCreated>;
      setCreated({ name: done.name, key: done.key });
      setName('');
      list.reload();
    }
  };
  const revoke = async (client: TOpen311Client) => {
    const ok = await action.run(() => api.post(`/complaints/open311-clients/${client.id}/revoke`, {}, ZOpen311Client));
    if (ok) list.reload();
    return ok;
  };

  return (
    <section className="section" aria-labelledby="keys-title">
      <h2 id="keys-title" className="visually-hidden">{s('tabKeys')}</h2>
      <p className="small">{s('keysIntro')}</p>
      <ProblemAlert error={action.error} />
      {created && <SecretNotice title={s('keyCreated', { name: created.name })} secret={created.key} hint={s('keyCreatedHint')} onDismiss={() => setCreated(null)} />}
      <form className="form card form-panel" onSubmit={(e) => void create(e)} aria-label={s('createKey')}>
        <div className="field">
          <label htmlFor="key-name">{s('clientName')}</label>
          <input id="key-name" required maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={action.busy || !name.trim()}>{s('createKey')}</button>
        </div>
      </form>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <EmptyState title={s('noKeys')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{s('clientName')}</th>
                <th scope="col">{s('keyPrefix')}</th>
                <th scope="col">{s('createdAt')}</th>
                <th scope="col">{s('keyStatus')}</th>
                <th scope="col"><span className="visually-hidden">{s('keyAction')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td data-label={s('clientName')}><strong>{c.name}</strong></td>
                  <td data-label={s('keyPrefix')} className="mono">{c.keyPrefix}…</td>
                  <td data-label={s('createdAt')}>{formatDateTime(c.createdAt, lang)}</td>
                  <td data-label={s('keyStatus')}>
                    {c.active ? (
                      <Badge tone="success">{s('keyActive')}</Badge>
                    ) : (
                      <span className="cell-stack cmp-revoked">
                        <span><Badge tone="neutral">{s('keyRevoked')}</Badge></span>
                        <span className="small muted">{s('keyRevokedFinal')}</span>
                      </span>
                    )}
                  </td>
                  <td>
                    {c.active && <ConfirmAction label={s('revoke')} subject={c.name} hint={s('revokeHint')} confirmLabel={s('revokeConfirm', { name: c.name })} busy={action.busy} onConfirm={() => revoke(c)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
