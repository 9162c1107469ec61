/** Budget API calls: reads through the shared `useApi`, writes through the shared client. */
import { api } from '../../api/client';

export const putJson = <T>(path: string, body: unknown) => api.put<T>(path, body);

export const postJson = <T>(path: string, body: unknown) => api.post<T>(path, body);

export function withPeriod(path: string, tahun?: number | null, bulan?: number | null): string {
  const params = new URLSearchParams();
  if (tahun) params.set('tahun', String(tahun));
  if (bulan) params.set('bulan', String(bulan));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}
