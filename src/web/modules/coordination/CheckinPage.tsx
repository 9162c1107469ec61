import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZCheckinResult } from '../../../contracts/coordination';
import type { z } from 'zod';
import { useS } from './strings';

/** Opened from the meeting QR on a phone (after signing in): checks the person in once. */
export default function CheckinPage() {
  const s = useS();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const [result, setResult] = useState<z.infer<typeof ZCheckinResult> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    api.post('/coordination/checkin', { token }, ZCheckinResult).then(setResult, setError);
  }, [token]);
  return (
    <>
      <PageHeader title={s('checkinTitle')} />
      {error ? <ProblemAlert error={error} /> : null}
      {!result && !error ? <Loading label={s('checkinWorking')} /> : null}
      {result && (
        <div className="co-verified" role="status">
          <span className="co-seal" aria-hidden="true">✔</span>
          <div>
            <strong>{s('checkinDone', { title: result.title })}</strong>
            <p><Link to={`/koordinasi/rapat/${result.meetingId}`}>{result.title}</Link></p>
          </div>
        </div>
      )}
    </>
  );
}
