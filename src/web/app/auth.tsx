import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TMe } from '../../contracts/auth';
import { api, isApiError, setUnauthenticatedHandler } from '../api/client';
import { Schemas } from '../api/schemas';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: TMe } | { status: 'error'; error: unknown };

interface AuthValue {
  state: AuthState;
  /** The signed-in account, or null. */
  me: TMe | null;
  setMe: (me: TMe | null) => void;
  /** Ask the server again (after a stage change: TOTP enrolled, password changed). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  /** Whether the signed-in account may perform a policy action (from /auth/me `abilities`). */
  can: (ability: string | undefined) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await api.get('/auth/me', Schemas.me);
      setState({ status: 'signed-in', me });
    } catch (error) {
      if (isApiError(error) && error.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'anonymous' }));
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const setMe = useCallback((me: TMe | null) => setState(me ? { status: 'signed-in', me } : { status: 'anonymous' }), []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, Schemas.ok);
    } catch {
      // The session may already be gone; signing out locally is what the user asked for.
    }
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo<AuthValue>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return {
      state,
      me,
      setMe,
      refresh,
      logout,
      can: (ability) => !ability || (me?.abilities.includes(ability) ?? false),
    };
  }, [state, setMe, refresh, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The signed-in account; only for screens behind the auth gate. */
export function useMe(): TMe {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in account');
  return me;
}
