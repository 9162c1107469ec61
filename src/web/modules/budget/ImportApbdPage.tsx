import { PageHeader } from '../../components/PageHeader';
import { BudgetTabs } from './components';
import { ImportPanel } from './ImportPanel';
import { useBudgetText } from './strings';

const T = {
  title: { id: 'Impor APBD dari SIPD', en: 'Import the budget from SIPD' },
  intro: {
    id: 'Satu baris per sub kegiatan: kode nomenklatur, pagu, lokasi, anggaran kas dan rencana fisik per bulan, dan bila ada realisasinya. Uji coba dulu: tidak ada yang disimpan sampai semua baris benar. Mengunggah berkas yang sama lagi tidak mengubah apa pun.',
    en: 'One row per sub-activity: nomenclature codes, ceiling, location, monthly cash and physical plan, and realisation if any. Try it first: nothing is saved until every row is right. Uploading the same file again changes nothing.',
  },
  template: { id: 'Template', en: 'Template' },
  docs: { id: 'Penjelasan kolom: docs/budget-import.md', en: 'Column reference: docs/budget-import.md' },
  overview: { id: 'Lihat realisasi', en: 'See realisation' },
} as const;

/** Upload the APBD (structure, plan, realisation) the way the org import works: try, read the errors, import. */
export default function ImportApbdPage() {
  const { lang } = useBudgetText();
  const t = (key: keyof typeof T) => T[key][lang];
  return (
    <div className="bud-page">
      <PageHeader title={t('title')} />
      <BudgetTabs />
      <p className="bud-hint">{t('intro')}</p>
      <p className="bud-small">
        {`${t('template')}: `}
        <a href="/api/v1/budget/import/template/apbd.xlsx" download>
          apbd.xlsx
        </a>
        {' · '}
        <a href="/api/v1/budget/import/template/apbd.csv" download>
          apbd.csv
        </a>
        {` · ${t('docs')}`}
      </p>
      <ImportPanel uploadPath="/budget/import" doneLink={{ to: '/anggaran', label: t('overview') }} />
    </div>
  );
}
