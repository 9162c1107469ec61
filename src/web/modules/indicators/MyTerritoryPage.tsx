import { Navigate } from 'react-router';
import { isApiError, useApi } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { IndSchemas } from './shared';
import { useS } from './strings';

/** "Wilayah saya": the camat's or lurah's own territory (the wilayah of their OPD). */
export default function MyTerritoryPage() {
  const s = useS();
  const mine = useApi('/territory/mine', IndSchemas.mine);
  if (mine.error && isApiError(mine.error, 'INDICATOR_WILAYAH_NOT_FOUND')) return <EmptyState icon="map" title={s('noTerritory')} />;
  if (mine.error) return <ProblemAlert error={mine.error} />;
  if (!mine.data) return <Loading />;
  return <Navigate to={`/wilayah/${mine.data.kode}`} replace />;
}
