// The one way the app talks to the server: JSON over /api/v1 with the session cookie,
// the CSRF token on every change, and the server's error body turned into ApiError.

import { currentLang } from "./i18n";

export type FieldErrors = Record<string, string>;

// An answer other than 2xx: the server's code, message and per-field messages.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    readonly retryAfterSeconds = 0,
    // With code duplicate: the stored record the write would repeat.
    readonly existing?: { kind: string; id: number; name: string },
  ) {
    super(message);
  }
}

let csrfToken = "";

// The session's CSRF token, from sign-in or GET /api/v1/session.
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// The header that a request which does not go through api() (an upload) needs for a change.
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

export type Query = Record<string, string | number | boolean | undefined | null>;

// "?a=1&b=x" of the given members, leaving out empty ones.
export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? "?" + s : "";
}

// The version a PUT, PATCH or DELETE changes (If-Match), extra request headers (set last),
// and a look at the response's headers (Allow) for those who need them.
export interface ApiOptions {
  ifMatch?: number;
  headers?: Record<string, string>;
  onResponse?: (r: Response) => void;
}

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, opts: ApiOptions = {}): Promise<T> {
  // The server words its errors in the person's language where it can.
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLang() };
  // Every PATCH of the API is a JSON Merge Patch (RFC 7396).
  if (body !== undefined) headers["Content-Type"] = method === "PATCH" ? "application/merge-patch+json" : "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  if (opts.ifMatch !== undefined) headers["If-Match"] = `"${opts.ifMatch}"`;
  Object.assign(headers, opts.headers);
  const r = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    signal,
  });
  opts.onResponse?.(r);
  if (r.status === 204) return undefined as T;
  const text = await r.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!r.ok) {
    const e = json?.error ?? {};
    // A session that ended (expired, or signed out elsewhere): the app goes back to sign-in.
    if (r.status === 401 && csrfToken && !path.startsWith("/api/v1/session")) document.dispatchEvent(new CustomEvent("prosit:session-ended"));
    throw new ApiError(r.status, e.code ?? "http_" + r.status, e.message ?? r.statusText, e.fields ?? {}, Number(r.headers.get("Retry-After") ?? 0), e.existing);
  }
  return json as T;
}

export const get = <T>(path: string, q: Query = {}, signal?: AbortSignal) => api<T>("GET", path + queryString(q), undefined, signal);
