import { API_BASE, ApiError, isProblem } from '../../api/client';

/**
 * PUT with JSON for the screens of this module (the shared client has get/post/patch/upload only; the lead may
 * move this into api/client.ts). Errors become the same ApiError as every other call.
 */
export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'id' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isProblem(data)) throw new ApiError({ type: data.type ?? 'about:blank', title: data.title ?? data.code, status: data.status, code: data.code, detail: data.detail, errors: data.errors?.map((e) => ({ path: e.path ?? '', message: e.message, row: e.row })) });
    throw new ApiError({ type: 'about:blank', title: `HTTP_${response.status}`, status: response.status, code: `HTTP_${response.status}`, detail: `HTTP ${response.status}` });
  }
  return data as T;
}
