import './neutrality.css';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TReceipt } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ReceiptCard, ReportForm } from './ReportForm';
import { useStrings } from './strings';

/** /netralitas/laporan-baru: an ASN's internal report, or (?staf=1) a handler entering a paper/phone/Bawaslu report. */
export default function InternalReportPage() {
  const s = useStrings();
  const [params] = useSearchParams();
  const staff = params.get('staf') === '1';
  const opds = useApi<Array<{ id: string; name: string }> | { items: Array<{ id: string; name: string }> }>('/opd');
  const list = Array.isArray(opds.data) ? opds.data : (opds.data?.items ?? []);
  const [receipt, setReceipt] = useState<TReceipt | null>(null);
  return (
    <>
      <PageHeader title={staff ? s('report.staffTitle') : s('report.internalTitle')} />
      {receipt ? <ReceiptCard receipt={receipt} /> : <ReportForm mode={staff ? 'staff' : 'internal'} opds={[...list].sort((a, b) => a.name.localeCompare(b.name, 'id'))} onDone={setReceipt} />}
    </>
  );
}
