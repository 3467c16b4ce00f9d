// The library grid: filters, search, keyset paging over /v2/media, and live state for media still processing.
import { api } from './api.js';
import { formatBytes, formatDuration, h, icon, kindOf, waveform } from './dom.js';

const PAGE_SIZE = 24;
const POLL_MS = 1000;

const grid = document.getElementById('grid');
const empty = document.getElementById('grid-empty');
const more = document.getElementById('load-more');
const filters = document.getElementById('filters');

let cursor = null;
let exhausted = false;
let loading = null;
let generation = 0;
let openDetail = () => {};
const watches = new Map();

/** The page's state for a library item: pending (no bytes yet), processing, ready or failed. */
export function stateOf(item) {
  if (item.status === 'SUCCESS') return 'ready';
  if (item.status === 'ERROR') return 'failed';
  return item.path ? 'processing' : 'pending';
}

const STATE_LABELS = { pending: 'Pending upload', processing: 'Processing…', ready: 'Ready', failed: 'Failed' };

export function stateLabel(state) {
  return STATE_LABELS[state] ?? state;
}

export function initLibrary({ onOpen }) {
  openDetail = onOpen;
  let debounce = 0;
  filters.addEventListener('submit', e => e.preventDefault());
  filters.addEventListener('change', () => reloadLibrary());
  filters.q.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(reloadLibrary, 250);
  });
  more.addEventListener('click', () => loadMore());
  new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && !grid.closest('[hidden]')) loadMore();
  }, { rootMargin: '400px' }).observe(document.getElementById('grid-sentinel'));
}

export async function reloadLibrary() {
  generation++;
  cursor = null;
  exhausted = false;
  loading = null;
  grid.replaceChildren();
  await loadMore();
}

async function loadMore() {
  if (exhausted) return;
  if (loading) return loading;
  const mine = generation;
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const name of ['q', 'type', 'status']) {
    const value = filters[name].value.trim();
    if (value) params.set(name, value);
  }

  if (cursor) params.set('cursor', cursor);
  grid.setAttribute('aria-busy', 'true');
  loading = api(`/v2/media?${params}`).then(page => {
    if (mine !== generation) return;
    for (const item of page.data) {
      if (!grid.querySelector(`[data-id="${CSS.escape(item.id)}"]`)) grid.append(card(item));
      watch(item).catch(error => console.warn('stopped following', item.id, error.message));
    }

    cursor = page.pagination.nextCursor;
    exhausted = !cursor;
  }).finally(() => {
    if (mine !== generation) return;
    loading = null;
    grid.setAttribute('aria-busy', 'false');
    more.hidden = exhausted;
    empty.hidden = grid.children.length > 0;
  });
  return loading;
}

/** Shows a new or changed item (new items go first) and follows it until it is ready or failed. */
export function upsert(item) {
  const existing = grid.querySelector(`[data-id="${CSS.escape(item.id)}"]`);
  const fresh = card(item);
  if (existing) existing.replaceWith(fresh);
  else grid.prepend(fresh);
  empty.hidden = true;
  return watch(item);
}

export function removeCard(id) {
  grid.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove();
  empty.hidden = grid.children.length > 0;
}

/** Resolves with the item once it is ready or failed, polling once per item however many callers wait. */
export function watch(item) {
  const state = stateOf(item);
  if (state === 'ready' || state === 'failed') return Promise.resolve(item);
  if (!watches.has(item.id)) {
    watches.set(item.id, poll(item.id).finally(() => watches.delete(item.id)));
  }

  return watches.get(item.id);
}

async function poll(id) {
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    const item = await api(`/v2/media/${encodeURIComponent(id)}`);
    const existing = grid.querySelector(`[data-id="${CSS.escape(id)}"]`);
    if (existing && existing.dataset.status !== item.status + (item.path ? '+' : '')) existing.replaceWith(card(item));
    const state = stateOf(item);
    if (state === 'ready' || state === 'failed') return item;
  }
}

function card(item) {
  const state = stateOf(item);
  const kind = kindOf(item.type);
  const specs = item.specs ?? {};
  const facts = [
    kind === 'document' ? (item.type === 'application/pdf' ? 'PDF' : 'Document') : kind[0].toUpperCase() + kind.slice(1),
    formatBytes(specs.fileSizeBytes),
    specs.duration ? formatDuration(specs.duration) : specs.width && specs.height ? `${specs.width}×${specs.height}` : '',
  ].filter(Boolean);
  return h('li', { class: 'card', dataset: { id: item.id, state, kind, status: item.status + (item.path ? '+' : '') } },
    h('button', { type: 'button', 'aria-label': `${item.name}, ${facts.join(', ')}, ${stateLabel(state)}`, onclick: () => openDetail(item.id) },
      thumbnail(item, kind, state),
      h('span', { class: 'text' },
        h('span', { class: 'name', title: item.name }, item.name),
        h('span', { class: 'meta' }, facts.join(' · ')),
        h('span', { class: 'badge', dataset: { state } }, stateLabel(state)),
        state === 'failed' && item.reason ? h('span', { class: 'reason' }, item.reason) : null)));
}

function thumbnail(item, kind, state) {
  const box = h('span', { class: 'thumb' });
  if (kind === 'audio' && state === 'ready') {
    box.append(icon('audio'));
    drawWaveform(item.id, box);
  } else if (item.preview) {
    box.append(h('img', { src: item.preview, alt: '', loading: 'lazy', decoding: 'async' }));
  } else {
    box.append(icon(kind));
  }

  return box;
}

/** Audio cards show the waveform rendition (audiowaveform JSON), found through the detail endpoint. */
async function drawWaveform(id, box) {
  try {
    const detail = await api(`/api/media/${encodeURIComponent(id)}`);
    const rendition = detail.renditions.find(r => r.name === 'waveform.json');
    if (!rendition?.url) return;
    const response = await fetch(rendition.url);
    if (response.ok) box.replaceChildren(waveform(await response.json()));
  } catch (error) {
    // The icon stays; a missing waveform is not worth an error on the page.
    console.warn('waveform', id, error);
  }
}
