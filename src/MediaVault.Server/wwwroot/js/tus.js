// A small tus 1.0.0 client for /uploads: creation, PATCH in chunks, resume by HEAD after a reload or a dropped network.
import { ApiError, send } from './api.js';
import { authHeaders, session } from './session.js';

const CHUNK_BYTES = 5 * 1024 * 1024;
const MAX_RETRIES = 8;
const PREFIX = 'mediavault.tus:';

const tusHeaders = extra => ({ ...authHeaders(), 'Tus-Resumable': '1.0.0', ...extra });

/** Where an unfinished upload of this file lives is remembered per tenant and file identity (name, size, date). */
function storageKey(file) {
  return `${PREFIX}${session()?.tenant}:${file.name}:${file.size}:${file.lastModified}`;
}

/** Unfinished uploads of this tenant ({key, name, size}), to offer resuming them (pick the file again) or discarding them. */
export function unfinishedUploads() {
  const mine = `${PREFIX}${session()?.tenant}:`;
  const found = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(mine)) continue;
    const parts = key.slice(mine.length).split(':');
    found.push({ key, name: parts.slice(0, -2).join(':'), size: Number(parts[parts.length - 2]) });
  }

  return found;
}

/** Forgets an unfinished upload and asks the server to drop its bytes (tus termination; a refusal only leaves them to expire). */
export async function discardUpload(key) {
  const url = localStorage.getItem(key);
  localStorage.removeItem(key);
  if (url) await fetch(url, { method: 'DELETE', headers: tusHeaders() }).catch(() => null);
}

const encode = text => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Uploads a file; returns the new media's id. metadata is extra Upload-Metadata (e.g. {target:'release', releaseId}).
 * onProgress(fraction) is called as bytes are acknowledged.
 */
export async function tusUpload(file, { metadata = {}, onProgress = () => {}, signal } = {}) {
  const key = storageKey(file);
  let url = localStorage.getItem(key);
  let offset = 0;
  let mediaId = null;
  if (url) {
    const resumed = await head(url, signal);
    if (resumed) ({ offset, mediaId } = resumed);
    else url = null;
  }

  if (!url) {
    const pairs = { filename: file.name, filetype: file.type || 'application/octet-stream', ...metadata };
    const response = await fetch('/uploads', {
      method: 'POST',
      signal,
      headers: tusHeaders({
        'Upload-Length': String(file.size),
        'Upload-Metadata': Object.entries(pairs).map(([k, v]) => `${k} ${encode(String(v))}`).join(','),
      }),
    });
    if (response.status !== 201) {
      const body = await response.json().catch(() => null);
      throw new ApiError(response.status, body?.message || `The upload was refused (${response.status})`, body);
    }

    url = new URL(response.headers.get('Location'), location.href).href;
    localStorage.setItem(key, url);
  }

  onProgress(offset / file.size);
  let retries = 0;
  while (offset < file.size && !mediaId) {
    const chunk = file.slice(offset, offset + CHUNK_BYTES);
    const start = offset;
    try {
      const result = await send('PATCH', url, chunk, {
        auth: false,
        signal,
        headers: tusHeaders({ 'Upload-Offset': String(start), 'Content-Type': 'application/offset+octet-stream' }),
        onProgress: loaded => onProgress((start + loaded) / file.size),
      });
      offset = Number(result.header('Upload-Offset'));
      mediaId = result.header('Upload-Media-Id');
      retries = 0;
    } catch (error) {
      // Retry what a dropped network or a busy server causes; a refusal (4xx other than a stale offset) is final.
      const transient = error instanceof TypeError || (error instanceof ApiError && (error.status === 409 || error.status === 423 || error.status >= 500));
      if (!transient || ++retries > MAX_RETRIES) throw error;
      await waitOnline(Math.min(500 * 2 ** retries, 15000), signal);
      const resumed = await head(url, signal).catch(() => null);
      if (resumed) ({ offset, mediaId } = resumed);
    }
  }

  if (!mediaId) mediaId = (await head(url, signal))?.mediaId;
  localStorage.removeItem(key);
  onProgress(1);
  return mediaId;
}

/** The server's offset (and media id once complete), or null when the upload is gone or expired. */
async function head(url, signal) {
  const response = await fetch(url, { method: 'HEAD', headers: tusHeaders(), signal });
  if (!response.ok) return null;
  return { offset: Number(response.headers.get('Upload-Offset') || 0), mediaId: response.headers.get('Upload-Media-Id') };
}

function waitOnline(delay, signal) {
  return new Promise(resolve => {
    const done = () => { window.removeEventListener('online', done); resolve(); };
    if (!navigator.onLine) window.addEventListener('online', done);
    setTimeout(done, navigator.onLine ? delay : 60000);
    signal?.addEventListener('abort', done, { once: true });
  });
}
