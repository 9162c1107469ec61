import { useState, type ReactNode } from 'react';
import { ZRpjmdEditable } from '../../../contracts/budget';
import { api, useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { BudgetTabs, useQueryParams } from './components';
import { ImportPanel } from './ImportPanel';
import { HeadForm, IkuForm, MisiForm, SasaranForm, TujuanForm } from './RpjmdForms';
import { describePath, levelOf, pathOf, posKey, toInput, withNode, type Cascade, type NodePos } from './rpjmd-edit';
import { useBudgetText } from './strings';

type Editing = { kind: 'head' } | { kind: 'node'; pos: NodePos; adding: boolean };

/**
 * The Bappeda planner's editor of the RPJMD cascade (budget.plan.manage): the tree from vision to IKU, each node
 * edited, added or removed in place. Every change sends the whole cascade with `prune` (PUT /budget/rpjmd), so the
 * server checks codes, years and OPD and refuses to remove what is in use; its messages appear at the node.
 */
export default function RpjmdPage() {
  const { s, lang } = useBudgetText();
  const [params] = useQueryParams();
  const tahun = Number(params.get('tahun')) || undefined;
  const { data, error, loading, reload } = useApi(`/budget/rpjmd/editable${tahun ? `?tahun=${tahun}` : ''}`, ZRpjmdEditable);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<{ key: string; error: unknown } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Missions folded away keep a phone's page short; the first is open to start with.
  const [openMisi, setOpenMisi] = useState<Set<number>>(() => new Set([0]));
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;

  const years = Array.from({ length: data.periodEnd - data.periodStart + 1 }, (_, k) => data.periodStart + k);
  const number = (v: number) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 4 }).format(v);

  const describe = (path: string) => describePath(data, path, { misi: s('misi'), tujuan: s('tujuan'), sasaran: s('sasaran') });

  const save = async (next: Cascade, done: string) => {
    await api.put('/budget/rpjmd', toInput(next));
    setEditing(null);
    setRemoving(null);
    setRemoveError(null);
    setMessage(done);
    reload();
  };

  const remove = async (pos: NodePos, label: string) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await save(withNode(data, pos, null), s('removedNode', { what: label }));
    } catch (err) {
      setRemoveError({ key: posKey(pos), error: err });
    } finally {
      setBusy(false);
    }
  };

  const open = (next: Editing) => {
    if (next.kind === 'node') setOpenMisi((o) => new Set(o).add(next.pos.m));
    setEditing(next);
    setRemoving(null);
    setRemoveError(null);
    setMessage(null);
  };
  const isEditing = (pos: NodePos, adding: boolean) => editing?.kind === 'node' && editing.adding === adding && posKey(editing.pos) === posKey(pos);
  const formId = (pos: NodePos, adding: boolean) => `rpjmd-${pathOf(pos).replace(/\./g, '-')}${adding ? '-new' : ''}`;

  const formFor = (pos: NodePos, adding: boolean) => {
    const common = { id: formId(pos, adding), prefix: pathOf(pos), describe, onCancel: () => setEditing(null) };
    const m = data.misi[pos.m];
    const t = pos.t === undefined ? undefined : m?.tujuan[pos.t];
    const sa = pos.s === undefined ? undefined : t?.sasaran[pos.s];
    const ik = pos.i === undefined ? undefined : sa?.iku[pos.i];
    const done = s('saved');
    switch (levelOf(pos)) {
      case 'misi':
        return <MisiForm {...common} value={adding ? null : (m ?? null)} nextNumber={Math.max(0, ...data.misi.map((x) => x.nomor)) + 1} onSave={(node) => save(withNode(data, pos, node), done)} />;
      case 'tujuan':
        return <TujuanForm {...common} value={adding ? null : (t ?? null)} onSave={(node) => save(withNode(data, pos, node), done)} />;
      case 'sasaran':
        return <SasaranForm {...common} value={adding ? null : (sa ?? null)} onSave={(node) => save(withNode(data, pos, node), done)} />;
      case 'iku':
        return <IkuForm {...common} value={adding ? null : (ik ?? null)} years={years} opds={data.opds} onSave={(node) => save(withNode(data, pos, node), done)} />;
    }
  };

  /** One node: its text, facts, and the edit / add-child / remove actions with their form or confirmation. */
  // A render function, not a component: a component defined here would remount (and lose focus) on every render.
  const node = ({ pos, title, meta, label, childLevel, childCount, children }: { pos: NodePos; title: ReactNode; meta?: ReactNode; label: string; childLevel?: string; childCount?: number; children?: ReactNode }) => {
    const key = posKey(pos);
    const foldable = levelOf(pos) === 'misi';
    const unfolded = !foldable || openMisi.has(pos.m);
    const toggle = () =>
      setOpenMisi((o) => {
        const next = new Set(o);
        if (next.has(pos.m)) next.delete(pos.m);
        else next.add(pos.m);
        return next;
      });
    const childPos: NodePos | null = childLevel === undefined ? null : (() => {
      const n = childCount ?? 0;
      if (pos.t === undefined) return { m: pos.m, t: n };
      if (pos.s === undefined) return { m: pos.m, t: pos.t, s: n };
      return { m: pos.m, t: pos.t, s: pos.s, i: n };
    })();
    return (
      <li key={key} className={`bud-node bud-node-${levelOf(pos)}`} data-node={key}>
        <div className="bud-node-body">
          <div className="bud-node-title">
            {foldable && (
              <button type="button" className="bud-fold" aria-expanded={unfolded} onClick={toggle} aria-label={`${s(unfolded ? 'fold' : 'unfold')} ${label}`}>
                <span aria-hidden="true">{unfolded ? '▾' : '▸'}</span>
              </button>
            )}
            {title}
          </div>
          {meta && <div className="bud-node-meta">{meta}</div>}
          {isEditing(pos, false) ? (
            formFor(pos, false)
          ) : (
            <div className="bud-node-actions">
              <button type="button" className="bud-link-button" onClick={() => open({ kind: 'node', pos, adding: false })} aria-label={`${s('edit')} ${label}`}>
                {s('edit')}
              </button>
              {childPos && childLevel && (
                <button type="button" className="bud-link-button" onClick={() => open({ kind: 'node', pos: childPos, adding: true })} aria-label={`${s('addChild', { what: childLevel })} — ${label}`}>
                  {s('addChild', { what: childLevel })}
                </button>
              )}
              <button type="button" className="bud-link-button bud-link-danger" onClick={() => { setRemoving(key); setRemoveError(null); setEditing(null); }} aria-label={`${s('remove')} ${label}`}>
                {s('remove')}
              </button>
            </div>
          )}
          {removing === key && (
            <div className="bud-confirm" role="group" aria-label={s(levelOf(pos) === 'iku' ? 'confirmRemoveLeaf' : 'confirmRemove', { what: label })}>
              <p>{s(levelOf(pos) === 'iku' ? 'confirmRemoveLeaf' : 'confirmRemove', { what: label })}</p>
              <div className="bud-actions">
                <button type="button" className="bud-button bud-button-danger" disabled={busy} onClick={() => void remove(pos, label)}>
                  {s('confirmYes')}
                </button>
                <button type="button" className="bud-button bud-button-secondary" disabled={busy} onClick={() => { setRemoving(null); setRemoveError(null); }}>
                  {s('cancel')}
                </button>
              </div>
              {removeError?.key === key && <ProblemAlert error={removeError.error} />}
            </div>
          )}
        </div>
        {unfolded && ((Array.isArray(children) ? children.length > 0 : Boolean(children)) || (childPos && isEditing(childPos, true))) && (
          <ul className="bud-tree-group">
            {children}
            {childPos && isEditing(childPos, true) && <li className="bud-node bud-node-new">{formFor(childPos, true)}</li>}
          </ul>
        )}
      </li>
    );
  };

  const newMisiPos: NodePos = { m: data.misi.length };
  return (
    <div className="bud-page">
      <PageHeader title={data.exists ? s('rpjmdTitle', { start: data.periodStart, end: data.periodEnd }) : s('rpjmdNewTitle')} />
      <BudgetTabs />
      <p className="bud-hint">{data.exists ? s('rpjmdHint') : s('rpjmdNone')}</p>
      {message && (
        <p role="status" className="bud-saved">
          {message}
        </p>
      )}
      <section className="bud-card" aria-labelledby="rpjmd-visi-title">
        <div className="bud-card-head">
          <h2 id="rpjmd-visi-title">{s('visi')}</h2>
          {editing?.kind !== 'head' && (
            <button type="button" className="bud-link-button" onClick={() => open({ kind: 'head' })} aria-label={`${s('edit')} ${s('visi')}`}>
              {s('edit')}
            </button>
          )}
        </div>
        {editing?.kind === 'head' ? (
          <HeadForm
            value={data}
            exists={data.exists}
            describe={describe}
            onCancel={() => setEditing(null)}
            onSave={(head, firstMisi) => save({ ...data, ...head, misi: firstMisi === null ? data.misi : [{ nomor: 1, uraian: firstMisi, tujuan: [] }] }, s('saved'))}
          />
        ) : (
          <>
            <p className="bud-visi">{data.visi || '–'}</p>
            {data.legalBasis && <p className="bud-small">{data.legalBasis}</p>}
          </>
        )}
      </section>
      {data.exists && (
        <section className="bud-card" aria-labelledby="rpjmd-tree-title">
          <div className="bud-card-head">
            <h2 id="rpjmd-tree-title">{s('rpjmdTree')}</h2>
            <div className="bud-node-actions">
              <button type="button" className="bud-link-button" onClick={() => setOpenMisi(new Set(data.misi.map((_, k) => k)))}>
                {s('unfoldAll')}
              </button>
              <button type="button" className="bud-link-button" onClick={() => setOpenMisi(new Set())}>
                {s('foldAll')}
              </button>
            </div>
          </div>
          <ul className="bud-tree" aria-labelledby="rpjmd-tree-title">
            {data.misi.map((m, mi) =>
              node({
                pos: { m: mi },
                label: `${s('misi')} ${m.nomor}`,
                title: (
                  <>
                    <strong>{`${s('misi')} ${m.nomor}`}</strong> {m.uraian}
                  </>
                ),
                childLevel: s('tujuan'),
                childCount: m.tujuan.length,
                children: m.tujuan.map((t, ti) =>
                  node({
                    pos: { m: mi, t: ti },
                    label: `${s('tujuan')} ${t.kode}`,
                    title: (
                      <>
                        <span className="bud-code">{t.kode}</span> {t.uraian}
                      </>
                    ),
                    childLevel: s('sasaran'),
                    childCount: t.sasaran.length,
                    children: t.sasaran.map((sa, si) =>
                      node({
                        pos: { m: mi, t: ti, s: si },
                        label: `${s('sasaran')} ${sa.kode}`,
                        title: (
                          <>
                            <span className="bud-code">{sa.kode}</span> {sa.uraian}
                          </>
                        ),
                        meta:
                          sa.prioritas || sa.jumlahSub > 0 ? (
                            <>
                              {sa.prioritas && <Badge tone="info">{s('priorityBadge')}</Badge>}
                              {sa.jumlahSub > 0 && <span>{s('linkedSubs', { count: sa.jumlahSub })}</span>}
                            </>
                          ) : undefined,
                        childLevel: 'IKU',
                        childCount: sa.iku.length,
                        children: sa.iku.map((ik, ii) =>
                          node({
                            pos: { m: mi, t: ti, s: si, i: ii },
                            label: `IKU ${ik.kode}`,
                            title: (
                              <>
                                <span className="bud-code">{ik.kode}</span> {ik.nama}
                              </>
                            ),
                            meta: (
                              <>
                                <span>{`${ik.satuan} · ${ik.arah === 'naik' ? `↑ ${s('dirUp')}` : `↓ ${s('dirDown')}`}`}</span>
                                <span>{`${s('owner')}: ${data.opds.find((o) => o.code === ik.opdCode)?.name ?? ik.opdCode ?? s('noOpd')}`}</span>
                                <span>{`${s('baseline')}: ${ik.baseline === null ? '–' : number(ik.baseline)}`}</span>
                                <span className="bud-node-targets">{years.map((y) => `${y}: ${ik.target[String(y)] === undefined ? '–' : number(ik.target[String(y)] as number)}`).join(' · ')}</span>
                                {ik.jumlahRealisasi > 0 && <Badge tone="neutral">{s('hasRealisation', { count: ik.jumlahRealisasi })}</Badge>}
                              </>
                            ),
                          }),
                        ),
                      }),
                    ),
                  }),
                ),
              }),
            )}
            {isEditing(newMisiPos, true) && <li className="bud-node bud-node-new">{formFor(newMisiPos, true)}</li>}
          </ul>
          {!isEditing(newMisiPos, true) && (
            <div className="bud-actions">
              <button type="button" className="bud-button bud-button-secondary" onClick={() => open({ kind: 'node', pos: newMisiPos, adding: true })}>
                {s('addChild', { what: s('misi') })}
              </button>
            </div>
          )}
        </section>
      )}
      {data.exists && (
        <section className="bud-import" aria-labelledby="rpjmd-import-title">
          <h2 id="rpjmd-import-title">{s('rpjmdImportTitle')}</h2>
          <p className="bud-hint">{s('rpjmdImportHint')}</p>
          <p className="bud-small">
            {`${s('template')}: `}
            <a href="/api/v1/budget/rpjmd/import/template.csv" download>
              template-kaskade-rpjmd.csv
            </a>
          </p>
          <ImportPanel uploadPath={`/budget/rpjmd/import${tahun ? `?tahun=${tahun}` : ''}`} onImported={reload} />
        </section>
      )}
    </div>
  );
}
