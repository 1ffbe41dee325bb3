// Who is signed in, shared by every page through a context.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { get, setCsrfToken, ApiError } from "./api";
import type { Labels } from "./labels";

export interface User {
  id: number;
  version: number;
  login: string;
  display_name: string;
  role: string;
  territories: string[];
  must_change_password: boolean;
}

export interface SessionInfo {
  user: User;
  csrf_token?: string;
}

// The signed-in session, or null for the public.
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const s = await get<SessionInfo>("/api/v1/session");
    setCsrfToken(s.csrf_token ?? "");
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export interface AppState {
  session: SessionInfo | null;
  labels: Labels | null;
  setSession: (s: SessionInfo | null) => void;
}

export const AppContext = createContext<AppState>({ session: null, labels: null, setSession: () => {} });

export const useApp = () => useContext(AppContext);
