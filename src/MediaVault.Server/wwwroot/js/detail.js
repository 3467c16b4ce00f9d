// The detail panel: preview, the editable details, every stored field and metadata, where the media is used,
// signed URL, archive or restore, delete. The open media is in the URL (?media=id).
import { api } from './api.js';
import { formatBytes, formatDate, formatDuration, h, toast } from './dom.js';
import { editForm } from './editor.js';
import { failureMessage } from './failures.js';
import { can, session } from './session.js';
import { socialSection } from './social.js';
import { setParam } from './urlstate.js';

const dialog = document.getElementById('detail');
const title = document.getElementById('detail-title');
const body = document.getElementById('detail-body');
let onDeleted = () => {};
let onUpdated = () => {};
let shown = null;

export function initDetail({ deleted, updated }) {
  onDeleted = deleted;
  onUpdated = updated;
  document.getElementById('detail-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    // Stop players: a closed dialog must not keep playing or downloading.
    for (const player of body.querySelectorAll('audio, video')) player.pause();
    body.replaceChildren();
    shown = null;
    setParam('media', null);
  });
  dialog.addEventListener('click', e => { if (e.target === dialog) dialog.close(); });
}

/** Opens the panel for a media of the library or of a release (the same panel either way). */
export async function openDetail(id) {
  if (shown === id && dialog.open) return;
  shown = id;
  setParam('media', id);
  title.textContent = 'Loading…';
  body.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  if (!dialog.open) dialog.showModal();
  try {
    const path = encodeURIComponent(id);
    const [media, item] = await Promise.all([api(`/api/media/${path}`), api(`/v2/media/${path}`).catch(() => null)]);
    if (shown === id) render(media, item);
  } catch (error) {
    if (shown !== id) return;
    title.textContent = 'Media not found';
    body.replaceChildren(h('p', { class: 'error', role: 'alert' },
      error.status === 404 ? 'This media does not exist, or it was deleted.' : error.message));
  }
}

export function closeDetail() {
  if (dialog.open) dialog.close();
}

function render(media, item) {
  title.textContent = media.name;
  dialog.dataset.id = media.id;
  dialog.dataset.kind = media.kind;
  const archived = item?.status === 'ARCHIVED';
  // replaceChildren writes a null as the text "null": absent sections are filtered out first.
  body.replaceChildren(...[
    preview(media),
    archived ? h('p', { class: 'note archived-note' }, 'Archived: hidden from the library and pickers; links already shared still work.') : null,
    item ? section('Edit', editForm(item, {
      writable: can('media:write'),
      saved: updated => {
        title.textContent = updated.name;
        onUpdated(updated);
      },
    })) : null,
    section('Details', fields([
      ['Type', media.mimeType], ['Kind', media.kind], ['State', archived ? `archived (${media.state})` : media.state],
      ['Problem', media.state === 'failed' ? failureMessage(media.failureCode) : null],
      ['Size', media.size === null ? null : `${formatBytes(media.size)} (${media.size.toLocaleString()} bytes)`],
      ['Dimensions', media.metadata.width && media.metadata.height ? `${media.metadata.width} × ${media.metadata.height}` : null],
      ['Duration', media.metadata.duration ? formatDuration(media.metadata.duration) : null],
      ['SHA-256', media.sha256], ['Storage', media.storage], ['Id', media.id],
      ['Created', formatDate(media.createdAt)], ['Uploaded', formatDate(media.uploadedAt)], ['Processed', formatDate(media.processedAt)],
    ]), 'detail-fields'),
    section('Metadata', Object.keys(media.metadata).length ? metadataList(media.metadata) : h('p', { class: 'hint' }, 'None extracted yet.')),
    socialSection(item),
    section('Used by', usages(media.usages)),
    section('Renditions', media.renditions.length
      ? h('ul', { class: 'plain' }, media.renditions.map(r => h('li', {},
        h('a', { href: r.url, target: '_blank', rel: 'noopener' }, r.name),
        ` ${r.mimeType}${r.width ? `, ${r.width}×${r.height}` : ''}, ${formatBytes(r.size)}`)))
      : h('p', { class: 'hint' }, 'None.')),
    media.url ? section('Signed URL', copyBox(media.url)) : null,
    item && can('media:write') ? section(archived ? 'Restore' : 'Archive', archiveBox(item)) : null,
    can('media:delete') ? section('Delete', deleteBox(media)) : null,
  ].filter(Boolean));
}

function archiveBox(item) {
  const archived = item.status === 'ARCHIVED';
  const problem = h('p', { class: 'error', role: 'alert' });
  const button = h('button', {
    type: 'button', class: 'button', id: archived ? 'restore-media' : 'archive-media', onclick: async () => {
      problem.textContent = '';
      try {
        const updated = await api(`/v2/media/${encodeURIComponent(item.id)}`, { method: 'PATCH', json: { archived: !archived } });
        onUpdated(updated);
        toast(archived ? `Restored ${updated.name} to the library` : `Archived ${updated.name}`);
        dialog.close();
      } catch (error) {
        problem.textContent = error.message;
      }
    },
  }, archived ? 'Restore to library' : 'Archive');
  return h('div', {},
    h('p', { class: 'hint' }, archived ? 'Restoring puts it back in the library and pickers.' : 'Archiving hides it from the library and pickers without deleting it; links already shared keep working.'),
    button, problem);
}

function preview(media) {
  const box = h('div', { class: 'preview' });
  const thumb = media.renditions.find(r => r.name === 'thumb-1024.webp') ?? media.renditions.find(r => r.name.startsWith('thumb-'));
  if (!media.url) {
    box.append(h('p', { class: 'hint' }, media.state === 'failed' ? failureMessage(media.failureCode)
      : 'No preview yet: the file has not been uploaded. Upload it again, or delete this entry below.'));
  } else if (media.kind === 'image') {
    // A screen-size WebP variant made by the server, not the full original.
    const url = media.mimeType === 'image/svg+xml' ? thumb?.url : `${media.url}&preset=medium`;
    if (url) box.append(h('img', { src: url, alt: `Preview of ${media.name}` }));
  } else if (media.kind === 'audio') {
    if (thumb) box.append(h('img', { src: thumb.url, alt: `Cover art of ${media.name}` }));
    box.append(h('audio', { controls: true, preload: 'metadata', src: media.url, 'aria-label': `Play ${media.name}` }));
  } else if (media.kind === 'video') {
    box.append(h('video', { controls: true, preload: 'metadata', src: media.url, poster: thumb?.url, 'aria-label': `Play ${media.name}` }));
  } else {
    // PDFs are served as attachments under a sandboxing CSP, so they cannot show in a frame: first page + a link.
    if (thumb) box.append(h('img', { src: thumb.url, alt: `First page of ${media.name}`, class: 'document-preview' }));
    box.append(h('p', { class: 'note' }, 'Documents open outside the page. ',
      h('a', { href: media.url, target: '_blank', rel: 'noopener', download: media.name }, 'Open or download')));
  }

  return box;
}

function section(heading, content, className) {
  return h('section', { class: className }, h('h3', {}, heading), content);
}

const present = value => value !== null && value !== undefined && value !== '' && value !== 'null';

function fields(pairs) {
  return h('dl', { class: 'fields' }, pairs.filter(([, v]) => present(v))
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

/** Nested metadata; empty values are left out (never the word "null"), lists read as comma-separated text. */
function metadataList(object) {
  return h('dl', { class: 'fields' }, Object.entries(object).filter(([, value]) => present(value)).map(([key, value]) => [
    h('dt', {}, key),
    h('dd', {}, value && typeof value === 'object' && !Array.isArray(value) ? metadataList(value)
      : Array.isArray(value) ? value.filter(present).map(v => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : String(value)),
  ]));
}

const USAGE_LABELS = { release: 'Release', track: 'Track', product: 'Product', variant: 'Variant' };

function usages(list) {
  if (!list.length) return h('p', { class: 'hint' }, 'Not used by any release, track, product or variant.');
  return h('ul', { class: 'plain' }, list.map(u => h('li', {},
    `${USAGE_LABELS[u.kind] ?? u.kind} `,
    u.kind === 'release' ? h('a', { href: `#release/${u.id}`, onclick: () => dialog.close() }, u.id)
      : u.kind === 'track' ? h('a', { href: `#release/${u.parentId}`, onclick: () => dialog.close() }, `${u.id} (release ${u.parentId})`)
        : h('code', {}, u.link))));
}

function copyBox(url) {
  const input = h('input', { value: url, readOnly: true, 'aria-label': 'Signed URL', onfocus: e => e.target.select() });
  const button = h('button', {
    type: 'button', class: 'button', onclick: async () => {
      try {
        await navigator.clipboard.writeText(url);
        toast('Signed URL copied');
      } catch {
        input.focus();
        input.select();
        toast('Press Ctrl+C (⌘C) to copy the selected URL');
      }
    },
  }, 'Copy');
  return h('div', { class: 'copy' }, input, button);
}

function deleteBox(media) {
  const problem = h('div', { class: 'error', role: 'alert' });
  const confirmBox = h('div', { class: 'confirm', hidden: true },
    h('p', {}, `Delete “${media.name}” and all its renditions permanently?`),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button danger', id: 'confirm-delete', onclick: () => remove(media, problem, confirmBox) }, 'Delete permanently'),
      h('button', { type: 'button', class: 'button', onclick: () => { confirmBox.hidden = true; start.hidden = false; start.focus(); } }, 'Cancel')));
  const start = h('button', {
    type: 'button', class: 'button', id: 'delete-media', onclick: () => {
      start.hidden = true;
      confirmBox.hidden = false;
      confirmBox.querySelector('#confirm-delete').focus();
    },
  }, 'Delete…');
  return h('div', {}, start, confirmBox, problem);
}

async function remove(media, problem, confirmBox) {
  problem.replaceChildren();
  try {
    // The catalog delete refuses (409) a media that a product, variant or release still lists, and says which.
    await api(`/rest/api/medias/${encodeURIComponent(media.id)}`, {
      method: 'DELETE',
      headers: { 'X-Flowkiwi-Organization-Id': session().tenant },
    });
    dialog.close();
    onDeleted(media.id);
    toast(`Deleted ${media.name}`);
  } catch (error) {
    confirmBox.hidden = true;
    const users = error.status === 409 && Array.isArray(error.body?.referencedBy) ? error.body.referencedBy : [];
    problem.append(h('p', {}, users.length ? 'It cannot be deleted while these still use it:' : error.message),
      users.length ? h('ul', { class: 'plain' }, users.map(iri => h('li', {}, h('code', {}, iri)))) : null);
  }
}
