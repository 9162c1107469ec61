import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorsFor, readNumber, showNumber, type Cascade, type Iku, type Misi, type Sasaran, type Tujuan } from './rpjmd-edit';
import { useBudgetText } from './strings';

/**
 * The cascade editor's forms, one per level. Each edits only its own node's fields; `onSave` sends the whole
 * cascade and throws the server's problem, whose field errors under `prefix` are shown next to their field.
 */

type Errors = Record<string, string>;

/** Names a server path in the planner's words, for errors that belong to another node than the one edited. */
export type Describe = (path: string) => string;

function useNodeSave(prefix: string, describe?: Describe) {
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (local: Errors, save: () => Promise<void>) => {
    setProblem(null);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await save();
    } catch (err) {
      if (err instanceof ApiError) {
        const { fields, rest } = fieldErrorsFor(err.problem.errors ?? [], prefix);
        setErrors(fields);
        // The other side of a code clash repeats the message shown at the field: leave it out of the list.
        const shown = new Set(Object.values(fields));
        const others = rest.filter((e) => !shown.has(e.message)).map((e) => ({ ...e, path: describe ? describe(e.path) : e.path }));
        setProblem(new ApiError({ ...err.problem, errors: others }));
      } else setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, problem, busy, run };
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="bud-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="bud-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes tying an input to its error text. */
const invalid = (id: string, error?: string) => (error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

function Actions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { s } = useBudgetText();
  return (
    <div className="bud-actions">
      <button className="bud-button" type="submit" disabled={busy}>
        {s('save')}
      </button>
      <button className="bud-button bud-button-secondary" type="button" onClick={onCancel} disabled={busy}>
        {s('cancel')}
      </button>
    </div>
  );
}

interface FormProps<T> {
  describe?: Describe;
  id: string;
  prefix: string;
  value: T | null;
  onSave: (node: T) => Promise<void>;
  onCancel: () => void;
}

/** Period, vision and legal basis; a new cascade also needs its first mission. */
export function HeadForm({ value, exists, describe, onSave, onCancel }: { value: Cascade; exists: boolean; describe?: Describe; onSave: (head: Pick<Cascade, 'periodStart' | 'periodEnd' | 'visi' | 'legalBasis'>, firstMisi: string | null) => Promise<void>; onCancel: () => void }) {
  const { s } = useBudgetText();
  const { errors, problem, busy, run } = useNodeSave('', describe);
  const [start, setStart] = useState(String(value.periodStart));
  const [end, setEnd] = useState(String(value.periodEnd));
  const [visi, setVisi] = useState(value.visi);
  const [legal, setLegal] = useState(value.legalBasis ?? '');
  const [misi, setMisi] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = {};
    if (!/^\d{4}$/.test(start.trim())) local.periodStart = s('notNumber');
    if (!/^\d{4}$/.test(end.trim())) local.periodEnd = s('notNumber');
    void run(local, () => onSave({ periodStart: Number(start), periodEnd: Number(end), visi: visi.trim(), legalBasis: legal.trim() === '' ? null : legal.trim() }, exists ? null : misi.trim()));
  };
  return (
    <form className="bud-form bud-node-form" onSubmit={submit} noValidate>
      <div className="bud-form-row">
        <Field id="rpjmd-start" label={s('periodStart')} error={errors.periodStart}>
          {/* The first year is the cascade's key: fixed once the cascade exists. */}
          <input id="rpjmd-start" inputMode="numeric" value={start} onChange={(e) => setStart(e.target.value)} readOnly={exists} {...invalid('rpjmd-start', errors.periodStart)} />
        </Field>
        <Field id="rpjmd-end" label={s('periodEnd')} error={errors.periodEnd}>
          <input id="rpjmd-end" inputMode="numeric" value={end} onChange={(e) => setEnd(e.target.value)} {...invalid('rpjmd-end', errors.periodEnd)} />
        </Field>
      </div>
      <Field id="rpjmd-visi" label={s('visi')} error={errors.visi}>
        <textarea id="rpjmd-visi" value={visi} onChange={(e) => setVisi(e.target.value)} rows={3} maxLength={1000} {...invalid('rpjmd-visi', errors.visi)} />
      </Field>
      <Field id="rpjmd-legal" label={s('legalBasis')} error={errors.legalBasis}>
        <input id="rpjmd-legal" value={legal} onChange={(e) => setLegal(e.target.value)} maxLength={300} {...invalid('rpjmd-legal', errors.legalBasis)} />
      </Field>
      {!exists && (
        <Field id="rpjmd-misi1" label={s('firstMisi')} error={errors['misi.0.uraian']}>
          <textarea id="rpjmd-misi1" value={misi} onChange={(e) => setMisi(e.target.value)} rows={2} maxLength={1000} {...invalid('rpjmd-misi1', errors['misi.0.uraian'])} />
        </Field>
      )}
      <ProblemAlert error={problem} />
      <Actions busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function MisiForm({ id, prefix, value, nextNumber, describe, onSave, onCancel }: FormProps<Misi> & { nextNumber: number }) {
  const { s } = useBudgetText();
  const { errors, problem, busy, run } = useNodeSave(prefix, describe);
  const [nomor, setNomor] = useState(String(value?.nomor ?? nextNumber));
  const [uraian, setUraian] = useState(value?.uraian ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = /^\d{1,2}$/.test(nomor.trim()) ? {} : { nomor: s('notNumber') };
    void run(local, () => onSave({ nomor: Number(nomor), uraian: uraian.trim(), tujuan: value?.tujuan ?? [] }));
  };
  return (
    <form className="bud-form bud-node-form" onSubmit={submit} noValidate>
      <Field id={`${id}-nomor`} label={s('nodeNumber')} error={errors.nomor}>
        <input id={`${id}-nomor`} inputMode="numeric" value={nomor} onChange={(e) => setNomor(e.target.value)} {...invalid(`${id}-nomor`, errors.nomor)} />
      </Field>
      <Field id={`${id}-uraian`} label={s('nodeText')} error={errors.uraian}>
        <textarea id={`${id}-uraian`} value={uraian} onChange={(e) => setUraian(e.target.value)} rows={2} maxLength={1000} {...invalid(`${id}-uraian`, errors.uraian)} />
      </Field>
      <ProblemAlert error={problem} />
      <Actions busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function TujuanForm({ id, prefix, value, describe, onSave, onCancel }: FormProps<Tujuan>) {
  const { s } = useBudgetText();
  const { errors, problem, busy, run } = useNodeSave(prefix, describe);
  const [kode, setKode] = useState(value?.kode ?? '');
  const [uraian, setUraian] = useState(value?.uraian ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({}, () => onSave({ kode: kode.trim(), uraian: uraian.trim(), sasaran: value?.sasaran ?? [] }));
  };
  return (
    <form className="bud-form bud-node-form" onSubmit={submit} noValidate>
      <Field id={`${id}-kode`} label={s('nodeCode')} error={errors.kode}>
        <input id={`${id}-kode`} value={kode} onChange={(e) => setKode(e.target.value)} maxLength={40} {...invalid(`${id}-kode`, errors.kode)} />
      </Field>
      <Field id={`${id}-uraian`} label={s('nodeText')} error={errors.uraian}>
        <textarea id={`${id}-uraian`} value={uraian} onChange={(e) => setUraian(e.target.value)} rows={2} maxLength={1000} {...invalid(`${id}-uraian`, errors.uraian)} />
      </Field>
      <ProblemAlert error={problem} />
      <Actions busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function SasaranForm({ id, prefix, value, describe, onSave, onCancel }: FormProps<Sasaran>) {
  const { s } = useBudgetText();
  const { errors, problem, busy, run } = useNodeSave(prefix, describe);
  const [kode, setKode] = useState(value?.kode ?? '');
  const [uraian, setUraian] = useState(value?.uraian ?? '');
  const [prioritas, setPrioritas] = useState(value?.prioritas ?? false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({}, () => onSave({ kode: kode.trim(), uraian: uraian.trim(), prioritas, jumlahSub: value?.jumlahSub ?? 0, iku: value?.iku ?? [] }));
  };
  return (
    <form className="bud-form bud-node-form" onSubmit={submit} noValidate>
      <Field id={`${id}-kode`} label={s('nodeCode')} error={errors.kode}>
        <input id={`${id}-kode`} value={kode} onChange={(e) => setKode(e.target.value)} maxLength={40} {...invalid(`${id}-kode`, errors.kode)} />
      </Field>
      <Field id={`${id}-uraian`} label={s('nodeText')} error={errors.uraian}>
        <textarea id={`${id}-uraian`} value={uraian} onChange={(e) => setUraian(e.target.value)} rows={2} maxLength={1000} {...invalid(`${id}-uraian`, errors.uraian)} />
      </Field>
      <label className="bud-check-row">
        <input type="checkbox" className="bud-check" checked={prioritas} onChange={(e) => setPrioritas(e.target.checked)} />
        {s('priorityFlag')}
      </label>
      <ProblemAlert error={problem} />
      <Actions busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function IkuForm({ id, prefix, value, years, opds, describe, onSave, onCancel }: FormProps<Iku> & { years: number[]; opds: Cascade['opds'] }) {
  const { s, lang } = useBudgetText();
  const { errors, problem, busy, run } = useNodeSave(prefix, describe);
  const [kode, setKode] = useState(value?.kode ?? '');
  const [nama, setNama] = useState(value?.nama ?? '');
  const [satuan, setSatuan] = useState(value?.satuan ?? '');
  const [arah, setArah] = useState<'naik' | 'turun'>(value?.arah ?? 'naik');
  const [opdCode, setOpdCode] = useState(value?.opdCode ?? '');
  const [baseline, setBaseline] = useState(showNumber(value?.baseline, lang));
  const [targets, setTargets] = useState<Record<string, string>>(() => Object.fromEntries(years.map((y) => [String(y), showNumber(value?.target[String(y)], lang)])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = {};
    const baselineValue = baseline.trim() === '' ? null : readNumber(baseline, lang);
    if (baseline.trim() !== '' && baselineValue === null) local.baseline = s('notNumber');
    const target: Record<string, number> = {};
    // Years outside the period that were stored before stay as they are (the server names them if invalid).
    for (const [year, v] of Object.entries(value?.target ?? {})) if (!(year in targets)) target[year] = v;
    for (const [year, text] of Object.entries(targets)) {
      if (text.trim() === '') continue;
      const n = readNumber(text, lang);
      if (n === null) local[`target.${year}`] = s('notNumber');
      else target[year] = n;
    }
    void run(local, () => onSave({ kode: kode.trim(), nama: nama.trim(), satuan: satuan.trim(), arah, opdCode: opdCode === '' ? null : opdCode, baseline: baselineValue, target, jumlahRealisasi: value?.jumlahRealisasi ?? 0 }));
  };
  return (
    <form className="bud-form bud-node-form" onSubmit={submit} noValidate>
      <div className="bud-form-row">
        <Field id={`${id}-kode`} label={s('nodeCode')} error={errors.kode}>
          <input id={`${id}-kode`} value={kode} onChange={(e) => setKode(e.target.value)} maxLength={40} {...invalid(`${id}-kode`, errors.kode)} />
        </Field>
        <Field id={`${id}-satuan`} label={s('unit')} error={errors.satuan}>
          <input id={`${id}-satuan`} value={satuan} onChange={(e) => setSatuan(e.target.value)} maxLength={40} {...invalid(`${id}-satuan`, errors.satuan)} />
        </Field>
      </div>
      <Field id={`${id}-nama`} label={s('ikuName')} error={errors.nama}>
        <textarea id={`${id}-nama`} value={nama} onChange={(e) => setNama(e.target.value)} rows={2} maxLength={300} {...invalid(`${id}-nama`, errors.nama)} />
      </Field>
      <Field id={`${id}-arah`} label={s('direction')} error={errors.arah}>
        <select id={`${id}-arah`} value={arah} onChange={(e) => setArah(e.target.value === 'turun' ? 'turun' : 'naik')}>
          <option value="naik">{`↑ ${s('dirUp')}`}</option>
          <option value="turun">{`↓ ${s('dirDown')}`}</option>
        </select>
      </Field>
      <Field id={`${id}-opd`} label={s('owner')} error={errors.opdCode}>
        <select id={`${id}-opd`} value={opdCode} onChange={(e) => setOpdCode(e.target.value)} {...invalid(`${id}-opd`, errors.opdCode)}>
          <option value="">{s('noOpd')}</option>
          {opds.map((o) => (
            <option key={o.code} value={o.code}>{`${o.code} · ${o.name}`}</option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-baseline`} label={s('baseline')} error={errors.baseline}>
        <input id={`${id}-baseline`} inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} {...invalid(`${id}-baseline`, errors.baseline)} />
      </Field>
      <fieldset className="bud-fieldset">
        <legend>{s('yearTargets')}</legend>
        <div className="bud-target-grid">
          {years.map((year) => {
            const fid = `${id}-target-${year}`;
            const error = errors[`target.${year}`];
            return (
              <Field key={year} id={fid} label={s('yearTarget', { tahun: year })} error={error}>
                <input id={fid} inputMode="decimal" value={targets[String(year)] ?? ''} onChange={(e) => setTargets((t) => ({ ...t, [String(year)]: e.target.value }))} {...invalid(fid, error)} />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <ProblemAlert error={problem} />
      <Actions busy={busy} onCancel={onCancel} />
    </form>
  );
}
