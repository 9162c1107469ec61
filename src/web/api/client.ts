/**
 * The typed client over the API contracts (src/contracts). Every call is same-origin with the session cookie,
 * asks for the UI language, and throws an `ApiError` carrying the server's problem+json (RFC 9457). In development
 * each response is checked against its zod schema so the web app cannot silently drift from the server.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { TProblem } from '../../contracts/common';
import { translate, type Lang } from '../i18n/translate';

export const API_BASE = '/api/v1';

let language: Lang = 'id';
const languageListeners = new Set<() => void>();
let unauthenticatedHandler: (() => void) | null = null;

/** Called by the i18n provider: the server writes `detail` in this language. */
export function setApiLanguage(lang: Lang): void {
  if (lang === language) return;
  language = lang;
  // Notify after the current render: useApi refetches so server texts follow the switch.
  queueMicrotask(() => languageListeners.forEach((listener) => listener()));
}

function subscribeLanguage(listener: () => void): () => void {
  languageListeners.add(listener);
  return () => languageListeners.delete(listener);
}

const currentLanguage = (): Lang => language;

/** Called by the auth provider: a 401 from any call (the session expired) sends the user to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** `{ items: [...] }` or a bare array (list endpoints), as an array. */
export function toList<T>(data: readonly T[] | { items: readonly T[] } | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? [...data] : [...(data as { items: readonly T[] }).items];
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.problem.code === code);
}

function localProblem(status: number, code: string, detail: string): TProblem {
  return { type: 'about:blank', title: code, status, code, detail };
}

export type Schema<T> = z.ZodType<T>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Query string values; undefined and empty strings are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Uploads only: bytes of the body sent so far (total 0 when unknown). */
  onUploadProgress?: (sent: number, total: number) => void;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  if (!text) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

interface ProblemLike {
  code: string;
  detail: string;
  status: number;
  type?: string;
  title?: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ path?: string; message: string; row?: number }>;
}

/** problem+json as the server sends it (checked by hand: zod stays out of the production bundle). */
export function isProblem(value: unknown): value is ProblemLike {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.code !== 'string' || typeof candidate.detail !== 'string' || typeof candidate.status !== 'number') return false;
  if (candidate.errors === undefined) return true;
  return Array.isArray(candidate.errors) && candidate.errors.every((e: unknown) => !!e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string');
}

async function readProblem(response: Response): Promise<TProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) {
        return {
          ...body,
          type: body.type ?? 'about:blank',
          title: body.title ?? body.code,
          errors: body.errors?.map((e) => ({ path: e.path ?? '', message: e.message, row: e.row })),
        };
      }
    } catch {
      // Fall through to a generic message.
    }
  }
  return localProblem(response.status, `HTTP_${response.status}`, translate(language, 'error.http', { status: response.status }));
}

function validate<T>(schema: Schema<T> | undefined, data: unknown, path: string): T {
  if (!import.meta.env.DEV || !schema) return data as T;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  console.error(`Response of ${path} does not match its contract`, result.error.issues, data);
  throw new ApiError(localProblem(0, 'CONTRACT_MISMATCH', `${translate(language, 'error.contract')} (${path})`));
}

async function send<T>(method: string, path: string, init: { body?: BodyInit; json?: unknown; schema?: Schema<T>; options?: RequestOptions }): Promise<T> {
  const url = withQuery(`${API_BASE}${path}`, init.options?.query);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  let body = init.body;
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: init.options?.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(localProblem(0, 'NETWORK_ERROR', translate(language, 'error.network')));
  }
  return readResponse(response, init.schema, path);
}

async function readResponse<T>(response: Response, schema: Schema<T> | undefined, path: string): Promise<T> {
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && problem.code === 'UNAUTHENTICATED') {
      if (unauthenticatedHandler) unauthenticatedHandler();
      else if (window.location.pathname !== '/masuk') window.location.assign('/masuk');
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) return validate(schema, undefined, path);
  const data: unknown = await response.json();
  return validate(schema, data, path);
}

/**
 * POST of a form through XMLHttpRequest, which (unlike fetch) reports upload progress. The server reads an upload
 * as it arrives (an attlog import streams), so the bytes sent follow the work done.
 */
function uploadWithProgress<T>(path: string, form: FormData, schema: Schema<T> | undefined, options: RequestOptions): Promise<T> {
  if (options.signal?.aborted) return Promise.reject(new DOMException('The upload was aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`${API_BASE}${path}`, options.query));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    xhr.upload.onprogress = (event) => options.onUploadProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onerror = () => reject(new ApiError(localProblem(0, 'NETWORK_ERROR', translate(language, 'error.network'))));
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onload = () => {
      const contentType = xhr.getResponseHeader('content-type') ?? '';
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: { 'content-type': contentType } });
      readResponse(response, schema, path).then(resolve, reject);
    };
    xhr.send(form);
  });
}

export const api = {
  get<T>(path: string, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    return send('GET', path, { schema, options });
  },
  post<T>(path: string, json: unknown, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    return send('POST', path, { json: json ?? {}, schema, options });
  },
  patch<T>(path: string, json: unknown, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    return send('PATCH', path, { json, schema, options });
  },
  put<T>(path: string, json: unknown, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    return send('PUT', path, { json, schema, options });
  },
  delete<T = void>(path: string, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    return send('DELETE', path, { schema, options });
  },
  /** multipart/form-data (file uploads); the browser sets the boundary. */
  upload<T>(path: string, form: FormData, schema?: Schema<T>, options?: RequestOptions): Promise<T> {
    if (options?.onUploadProgress) return uploadWithProgress(path, form, schema, options);
    return send('POST', path, { body: form, schema, options });
  },
};

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again (after a change). */
  reload: () => void;
  /** Replace the data locally (optimistic updates, appending a page). */
  setData: (update: T | ((previous: T | undefined) => T)) => void;
}

/**
 * GET `path` (under /api/v1) and follow it: loading and error states, refetch when the path or the language
 * changes, stale answers dropped. `null` as path waits (e.g. until a parameter is known).
 */
export function useApi<T>(path: string | null, schema?: Schema<T>, query?: RequestOptions['query']): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<boolean>(path !== null);
  const [version, setVersion] = useState(0);
  const lang = useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage);
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const url = path === null ? null : withQuery(path, query);

  useEffect(() => {
    if (url === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get(url, schemaRef.current, { signal: controller.signal })
      .then((result) => {
        if (controller.signal.aborted) return;
        setDataState(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [url, version, lang]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((update: T | ((previous: T | undefined) => T)) => {
    setDataState((previous) => (typeof update === 'function' ? (update as (p: T | undefined) => T)(previous) : update));
  }, []);
  return { data, error, loading, reload, setData };
}

/** useApi for list endpoints: the data as an array whether the server wraps it in `{ items }` or not. */
export function useListApi<T>(
  path: string | null,
  schema?: Schema<T[] | { items: T[] }>,
  query?: RequestOptions['query'],
): Omit<ApiState<T[] | { items: T[] }>, 'data' | 'setData'> & { data: T[] | undefined } {
  const state = useApi(path, schema, query);
  const list = useMemo(() => (state.data === undefined ? undefined : toList(state.data)), [state.data]);
  return { data: list, error: state.error, loading: state.loading, reload: state.reload };
}
