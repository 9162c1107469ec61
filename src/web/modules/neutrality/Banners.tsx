import type { TBanners } from '../../../contracts/neutrality';
import { useApi } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../i18n';
import { useStrings } from './strings';

/** The derived election periods as banners (issue 7 §1): staffing freeze, Pj status, neutrality watch. */
export function PeriodBanners({ banners, staffing = false }: { banners: TBanners | undefined; staffing?: boolean }) {
  const s = useStrings();
  const { lang } = useI18n();
  if (!banners) return null;
  const d = (value: string) => formatDate(value, lang);
  return (
    <div role="status">
      {banners.watch && <p className="ntr-banner ntr-banner-info">{s('banner.watch', { election: banners.watch.electionName, start: d(banners.watch.start), end: d(banners.watch.end), voting: d(banners.watch.votingDate) })}</p>}
      {staffing && banners.freeze && <p className="ntr-banner">{s('banner.freeze', { election: banners.freeze.electionName, start: d(banners.freeze.start), end: d(banners.freeze.end) })}</p>}
      {staffing && banners.headStatus === 'pj' && <p className="ntr-banner">{s('banner.pj')}</p>}
      {staffing && !banners.freeze && banners.lastFreeze && <p className="ntr-banner ntr-banner-muted">{s('banner.lastFreeze', { election: banners.lastFreeze.electionName, start: d(banners.lastFreeze.start), end: d(banners.lastFreeze.end) })}</p>}
    </div>
  );
}

export function useBanners() {
  return useApi<TBanners>('/neutrality/banners');
}
