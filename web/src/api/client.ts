/** One field the server refused, as problem+json reports it. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** An RFC 9457 problem document, as every Tandem error answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** A cursor page, as every Tandem list answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status() {
    return this.problem.status;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Public calls (login, invitations) answer 401 as a plain error instead of sending the user to log in. */
  public?: boolean;
  idempotencyKey?: string;
}

const BASE = '/api/v1';
let onUnauthorized: () => void = () => {};

/** The app decides what "go to login" means (clear caches, remember where the user was). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { type: 'about:blank', title: response.statusText, ...parsed, status: response.status };
  } catch {
    return {
      type: 'about:blank',
      title: response.statusText || 'Error',
      status: response.status,
      detail: text || undefined,
    };
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (e) {
    throw new ApiError({ type: 'network', title: 'Network error', status: 0, detail: (e as Error).message });
  }
  if (response.status === 401 && !options.public) onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A fresh key per request: a POST the browser retries after a lost answer does not create twice.
 * getRandomValues, unlike randomUUID, also works on plain http away from localhost.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts?: Omit<RequestOptions, 'query'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { idempotencyKey: newIdempotencyKey(), ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** What to tell a person about a failed call: the server's detail when it gave one. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error) return error.message;
  return String(error);
}
