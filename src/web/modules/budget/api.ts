/**
 * Budget API calls. Reads go through the shared `useApi`; PUT is not in the shared client yet, so `putJson`
 * sends it here the same way (same headers, problem+json turned into ApiError).
 */
import { ZProblem } from '../../../contracts/common';
import { API_BASE, ApiError, api } from '../../api/client';
import type { Lang } from '../../i18n/translate';

export async function putJson<T>(path: string, body: unknown, lang: Lang): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const parsed = ZProblem.safeParse(await response.json().catch(() => null));
    throw new ApiError(parsed.success ? parsed.data : { type: 'about:blank', title: 'HTTP', status: response.status, code: `HTTP_${response.status}`, detail: `HTTP ${response.status}` });
  }
  return (await response.json()) as T;
}

export const postJson = <T>(path: string, body: unknown) => api.post<T>(path, body);

export function withPeriod(path: string, tahun?: number | null, bulan?: number | null): string {
  const params = new URLSearchParams();
  if (tahun) params.set('tahun', String(tahun));
  if (bulan) params.set('bulan', String(bulan));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}
