// Who the page acts as. Credentials live in sessionStorage (this tab only) and travel in headers, never in URLs.

const STORAGE_KEY = 'mediavault.credentials';

let credentials = readStored();
let current = null;

function readStored() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
  } catch {
    return null;
  }
}

export function authHeaders() {
  if (!credentials) return {};
  return credentials.token
    ? { Authorization: `Bearer ${credentials.token}` }
    : { 'X-API-ID': credentials.id, 'X-API-KEY': credentials.key };
}

export function hasCredentials() {
  return credentials !== null;
}

/** The signed-in session: {tenant, subject, permissions}; null before sign-in. */
export function session() {
  return current;
}

export function can(permission) {
  return !!current && (current.permissions.includes('admin') || current.permissions.includes(permission));
}

/** Checks the credentials against /api/session; keeps them only when the server accepts them. */
export async function signIn(candidate) {
  const previous = credentials;
  credentials = candidate;
  const response = await fetch('/api/session', { headers: authHeaders() });
  if (!response.ok) {
    credentials = previous;
    const body = await response.json().catch(() => null);
    throw new Error(response.status === 401 ? 'These credentials were not accepted.' : body?.message || `Sign-in failed (${response.status})`);
  }

  current = await response.json();
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(candidate));
  return current;
}

/** Resumes the session stored in this tab, if any; false when there is none or it no longer works. */
export async function resume() {
  if (!credentials) return false;
  try {
    await signIn(credentials);
    return true;
  } catch {
    signOut();
    return false;
  }
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  credentials = null;
  current = null;
}
