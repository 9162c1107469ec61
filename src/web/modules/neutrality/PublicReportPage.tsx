import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TBanners, TReceipt } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PeriodBanners } from './Banners';
import { NtrShell } from './NtrShell';
import { ReceiptCard, ReportForm } from './ReportForm';
import { useStrings } from './strings';

interface Options {
  pemda: { kode: string; name: string };
  opds: Array<{ id: string; name: string }>;
  banners: TBanners;
}

/** /netralitas/lapor: the public report form, anonymous by default. */
export default function PublicReportPage() {
  const s = useStrings();
  const [params] = useSearchParams();
  const options = useApi<Options>('/neutrality/public/options', undefined, { pemda: params.get('pemda') ?? undefined });
  const [receipt, setReceipt] = useState<TReceipt | null>(null);
  return (
    <NtrShell title={s('report.publicTitle')}>
      {options.loading && <Loading />}
      <ProblemAlert error={options.error} />
      {options.data && (
        <>
          <p className="lead">{options.data.pemda.name}</p>
          <PeriodBanners banners={options.data.banners} />
          {receipt ? (
            <ReceiptCard receipt={receipt} />
          ) : (
            <>
              <p>{s('report.intro')}</p>
              <ReportForm mode="public" kode={options.data.pemda.kode} opds={options.data.opds} onDone={setReceipt} />
            </>
          )}
        </>
      )}
    </NtrShell>
  );
}
