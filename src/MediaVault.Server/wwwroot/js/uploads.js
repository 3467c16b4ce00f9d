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

/**
 * One row in an upload list, with Cancel while it waits or uploads, Retry after it failed or was cancelled, and
 * Clear once it is over; the returned object moves it through its states. task(row, signal) does the work.
 */
export function uploadRow(list, file, task) {
  const progress = h('progress', { max: 1, value: 0, 'aria-label': `Upload progress of ${file.name}` });
  const state = h('span', { class: 'state' }, 'Waiting…');
  const message = h('p', { class: 'message', hidden: true });
  const buttons = h('span', { class: 'row-actions' });
  const row = h('li', { class: 'upload-row', dataset: { name: file.name, state: 'waiting' } },
    h('span', { class: 'name', title: file.name }, `${file.name} (${formatBytes(file.size)})`), state, buttons, progress, message);
  list.prepend(row);
  let controller = null;
  const button = (label, action) => h('button', { type: 'button', class: 'button small', dataset: { action: label.toLowerCase() }, 'aria-label': `${label} ${file.name}`, onclick: action }, label);
  const handle = {
    element: row,
    get over() { return ['ready', 'failed', 'cancelled'].includes(row.dataset.state); },
    progress(fraction) {
      progress.value = Math.min(1, Math.max(0, fraction));
    },
    set(name, label) {
      row.dataset.state = name;
      state.textContent = label;
      const waiting = name === 'waiting' || name === 'uploading';
      buttons.replaceChildren(waiting ? button('Cancel', () => handle.cancel()) : button('Clear', () => handle.clear()));
      changed(list);
    },
    fail(text, label = 'Refused') {
      row.dataset.state = 'failed';
      state.textContent = label;
      message.textContent = text;
      message.hidden = false;
      progress.hidden = true;
      buttons.replaceChildren(...(task ? [button('Retry', () => handle.retry())] : []), button('Clear', () => handle.clear()));
      changed(list);
    },
    cancel() {
      if (handle.over) return;
      controller?.abort();
      row.dataset.state = 'cancelled';
      state.textContent = 'Cancelled';
      progress.hidden = true;
      buttons.replaceChildren(...(task ? [button('Retry', () => handle.retry())] : []), button('Clear', () => handle.clear()));
      changed(list);
    },
    retry() {
      if (!task || !['failed', 'cancelled'].includes(row.dataset.state)) return;
      message.hidden = true;
      progress.hidden = false;
      progress.value = 0;
      start();
      buttons.querySelector('button')?.focus();
    },
    clear() {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      row.remove();
      changed(list);
      next?.querySelector('button')?.focus();
    },
  };
  row.upload = handle;
  const start = () => {
    handle.set('waiting', 'Waiting…');
    enqueue(async () => {
      if (row.dataset.state !== 'waiting') return;
      controller = new AbortController();
      try {
        await task(handle, controller.signal);
      } catch (error) {
        if (error?.name === 'AbortError' || controller.signal.aborted) handle.cancel();
        else handle.fail(error.message);
      }
    });
  };
  if (task) start();
  return handle;
}

/** The queue's summary line and "for all" buttons: counts by state, and the list collapses behind a toggle. */
function changed(list) {
  const box = list.closest('.upload-queue');
  if (!box) return;
  const rows = [...list.children].map(r => r.upload).filter(Boolean);
  const count = state => rows.filter(r => r.element.dataset.state === state).length;
  const active = count('waiting') + count('uploading') + count('processing');
  box.hidden = rows.length === 0;
  box.querySelector('.queue-summary').textContent = rows.length === 0 ? '' : [
    active ? `${active} in progress` : null, count('ready') ? `${count('ready')} done` : null,
    count('failed') ? `${count('failed')} failed` : null, count('cancelled') ? `${count('cancelled')} cancelled` : null,
  ].filter(Boolean).join(', ');
  box.querySelector('[data-all="cancel"]').hidden = active === 0;
  box.querySelector('[data-all="retry"]').hidden = count('failed') + count('cancelled') === 0;
  box.querySelector('[data-all="clear"]').hidden = rows.every(r => !r.over);
}

/** Wires a queue box (summary, collapse toggle, Cancel all, Retry all, Clear finished) around its list. */
export function initQueue(box) {
  const list = box.querySelector('.uploads');
  const toggle = box.querySelector('.queue-toggle');
  const rows = () => [...list.children].map(r => r.upload).filter(Boolean);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide' : 'Show';
    list.hidden = !open;
  });
  box.querySelector('[data-all="cancel"]').addEventListener('click', () => rows().forEach(r => r.cancel()));
  box.querySelector('[data-all="retry"]').addEventListener('click', () => rows().forEach(r => r.retry()));
  box.querySelector('[data-all="clear"]').addEventListener('click', () => {
    for (const row of rows().filter(r => r.over)) row.element.remove();
    changed(list);
    toggle.focus();
  });
  changed(list);
}

const queue = [];
let running = 0;

/** Runs upload tasks a few at a time, in the order they were queued. */
function enqueue(task) {
  queue.push(task);
  pump();
}

function pump() {
  while (running < CONCURRENT && queue.length) {
    const task = queue.shift();
    running++;
    task().finally(() => {
      running--;
      pump();
    });
  }
}

/**
 * Uploads one file into the library: create → PUT the bytes to the signed URL → confirm, or tus for large files.
 * Returns the library item once confirmed.
 */
export async function uploadToLibrary(file, row, signal) {
  row.set('uploading', 'Uploading…');
  if (file.size > RESUMABLE_BYTES) {
    const id = await tusUpload(file, { onProgress: f => row.progress(f), signal });
    return api(`/v2/media/${encodeURIComponent(id)}`);
  }

  const created = await api('/v2/media', { method: 'POST', json: { name: file.name, type: typeOf(file), fileSize: file.size }, signal });
  try {
    await send('PUT', created.uploadUrl, file, {
      auth: false,
      signal,
      headers: { 'Content-Type': 'application/octet-stream' },
      onProgress: (loaded, total) => row.progress(total ? loaded / total : 0),
    });
  } catch (error) {
    // A cancelled upload leaves no pending entry behind (a failed one neither: Retry creates a fresh one).
    api(`/v2/media/${encodeURIComponent(created.id)}`, { method: 'DELETE' }).catch(() => {});
    throw error;
  }

  row.progress(1);
  return api(`/v2/media/${encodeURIComponent(created.id)}`, { method: 'PATCH', signal });
}

/** Uploads one file into a release (multipart, or tus for large files). */
export async function uploadToRelease(releaseId, file, row, signal) {
  row.set('uploading', 'Uploading…');
  if (file.size > RESUMABLE_BYTES) {
    await tusUpload(file, { metadata: { target: 'release', releaseId }, onProgress: f => row.progress(f), signal });
    return;
  }

  const form = new FormData();
  form.append('files', file, file.name);
  await send('POST', `/releases/${encodeURIComponent(releaseId)}/media/files`, form, {
    signal,
    onProgress: (loaded, total) => row.progress(total ? loaded / total : 0),
  });
  row.progress(1);
}
