// Upload rows: one per file with its own progress bar, then its processing state until ready or failed.
import { api, send } from './api.js';
import { formatBytes, h } from './dom.js';
import { tusUpload } from './tus.js';

/** Files above this go through the resumable tus endpoint. */
export const RESUMABLE_BYTES = 20 * 1024 * 1024;
const CONCURRENT = 3;

const EXTENSION_TYPES = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
  tif: 'image/tiff', tiff: 'image/tiff', mp3: 'audio/mpeg', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', m4a: 'audio/mp4',
  aac: 'audio/aac', mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska',
  pdf: 'application/pdf',
};

/** The browser's type for the file, else one from its extension (the server sniffs the content either way). */
export function typeOf(file) {
  return file.type || EXTENSION_TYPES[file.name.split('.').pop()?.toLowerCase()] || 'application/octet-stream';
}

/** One row in an upload list; the returned object moves it through its states. */
export function uploadRow(list, file) {
  const progress = h('progress', { max: 1, value: 0, 'aria-label': `Upload progress of ${file.name}` });
  const state = h('span', { class: 'state' }, 'Waiting…');
  const message = h('p', { class: 'message', hidden: true });
  const row = h('li', { class: 'upload-row', dataset: { name: file.name, state: 'waiting' } },
    h('span', { class: 'name', title: file.name }, `${file.name} (${formatBytes(file.size)})`), state, progress, message);
  list.prepend(row);
  return {
    progress(fraction) {
      progress.value = Math.min(1, Math.max(0, fraction));
    },
    set(name, label) {
      row.dataset.state = name;
      state.textContent = label;
    },
    fail(text, label = 'Refused') {
      row.dataset.state = 'failed';
      state.textContent = label;
      message.textContent = text;
      message.hidden = false;
      progress.hidden = true;
    },
  };
}

/** Runs the upload tasks, a few at a time. */
export async function runAll(tasks) {
  const queue = [...tasks];
  const workers = Array.from({ length: Math.min(CONCURRENT, queue.length) }, async () => {
    while (queue.length > 0) await queue.shift()();
  });
  await Promise.all(workers);
}

/**
 * Uploads one file into the library: create → PUT the bytes to the signed URL → confirm, or tus for large files.
 * Returns the library item once confirmed.
 */
export async function uploadToLibrary(file, row) {
  row.set('uploading', 'Uploading…');
  if (file.size > RESUMABLE_BYTES) {
    const id = await tusUpload(file, { onProgress: f => row.progress(f) });
    return api(`/v2/media/${encodeURIComponent(id)}`);
  }

  const created = await api('/v2/media', { method: 'POST', json: { name: file.name, type: typeOf(file), fileSize: file.size } });
  await send('PUT', created.uploadUrl, file, {
    auth: false,
    headers: { 'Content-Type': 'application/octet-stream' },
    onProgress: (loaded, total) => row.progress(total ? loaded / total : 0),
  });
  row.progress(1);
  return api(`/v2/media/${encodeURIComponent(created.id)}`, { method: 'PATCH' });
}

/** Uploads one file into a release (multipart, or tus for large files). */
export async function uploadToRelease(releaseId, file, row) {
  row.set('uploading', 'Uploading…');
  if (file.size > RESUMABLE_BYTES) {
    await tusUpload(file, { metadata: { target: 'release', releaseId }, onProgress: f => row.progress(f) });
    return;
  }

  const form = new FormData();
  form.append('files', file, file.name);
  await send('POST', `/releases/${encodeURIComponent(releaseId)}/media/files`, form, {
    onProgress: (loaded, total) => row.progress(total ? loaded / total : 0),
  });
  row.progress(1);
}
