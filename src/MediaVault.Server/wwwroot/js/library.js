// The library grid: filters, tag filter, search and sort kept in the URL, keyset paging over /v2/media, selection,
// and live state for media still processing.
import { api } from './api.js';
import { formatBytes, formatDuration, h, icon, kindOf, waveform } from './dom.js';
import { failureMessage } from './failures.js';
import { can } from './session.js';
import { readLocation, writeParams } from './urlstate.js';

const PAGE_SIZE = 24;
const POLL_FIRST_MS = 1000;
const POLL_MAX_MS = 15000;
const FILTERS = ['q', 'type', 'status', 'sort'];

const grid = document.getElementById('grid');
const empty = document.getElementById('grid-empty');
const more = document.getElementById('load-more');
const filters = document.getElementById('filters');
const tagPicker = document.getElementById('filter-tag');
const tagChips = document.getElementById('filter-tags');

let cursor = null;
let exhausted = false;
let loading = null;
let generation = 0;
let shownQuery = null;
let openDetail = () => {};
let selectionChanged = () => {};
const watches = new Map();
/** The items on the page by id, as last fetched. */
export const items = new Map();
/** The ids selected on the page, and the card a shift-click range starts from. */
export const selected = new Set();
let anchor = null;

/** The page's state for a library item: pending (no bytes yet), processing, ready or failed. */
export function stateOf(item) {
  if (item.status === 'SUCCESS') return 'ready';
  if (item.status === 'ERROR') return 'failed';
  if (item.status === 'ARCHIVED') return 'archived';
  return item.path ? 'processing' : 'pending';
}

const STATE_LABELS = { pending: 'Pending upload', processing: 'Processing…', ready: 'Ready', failed: 'Failed', archived: 'Archived' };

export function stateLabel(state) {
  return STATE_LABELS[state] ?? state;
}

/** True in the Archived view (#archived). */
export function archivedView() {
  return readLocation().view === 'archived';
}

export function initLibrary({ onOpen, onSelection }) {
  openDetail = onOpen;
  selectionChanged = onSelection;
  let debounce = 0;
  filters.addEventListener('submit', e => e.preventDefault());
  filters.addEventListener('change', e => {
    if (e.target === tagPicker) {
      if (tagPicker.value) addTagFilter(tagPicker.value);
      tagPicker.value = '';
      return;
    }

    if (e.target !== filters.q) applyFilters();
  });
  filters.q.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(applyFilters, 250);
  });
  more.addEventListener('click', () => loadMore());
  new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && !grid.closest('[hidden]')) loadMore();
  }, { rootMargin: '400px' }).observe(document.getElementById('grid-sentinel'));
  grid.addEventListener('keydown', e => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selectAll();
    } else if (e.key === 'Escape' && selected.size) {
      e.preventDefault();
      clearSelection();
    }
  });
}

/** The filters as the URL has them (the Archived view adds status=ARCHIVED). */
function query() {
  const { params } = readLocation();
  const result = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) result.set(name, value);
  }

  for (const tag of params.getAll('tag')) if (tag.trim()) result.append('tag', tag.trim());
  if (archivedView()) result.set('status', 'ARCHIVED');
  else if (result.get('status') === 'ARCHIVED') result.delete('status');
  return result;
}

/** True when something narrows the list (a search, a type, a state or a tag). */
function filtered() {
  const q = query();
  return ['q', 'type', 'tag'].some(n => q.has(n)) || (q.has('status') && !archivedView());
}

/** Shows the library or the archived view for the current URL; reloads only when its filters changed. */
export async function showLibrary() {
  const { params } = readLocation();
  for (const name of FILTERS) filters[name].value = params.get(name) ?? '';
  filters.status.closest('label').hidden = archivedView();
  document.getElementById('library-title').textContent = archivedView() ? 'Archived' : 'Library';
  document.getElementById('upload-button').hidden = archivedView() || !can('media:write');
  document.getElementById('dropzone').hidden = archivedView() || !can('media:write');
  renderTagChips(params.getAll('tag'));
  const key = `${readLocation().view}?${query()}`;
  refreshTags();
  if (key !== shownQuery) await reloadLibrary();
}

function applyFilters() {
  const params = readLocation().params;
  for (const name of FILTERS) {
    const value = filters[name].value.trim();
    if (value) params.set(name, value);
    else params.delete(name);
  }

  writeParams(params);
  reloadLibrary();
}

/** Narrows the list to media carrying tag too (all chosen tags must match). */
export function addTagFilter(tag) {
  const params = readLocation().params;
  if (!params.getAll('tag').some(t => t.toLowerCase() === tag.toLowerCase())) params.append('tag', tag);
  writeParams(params);
  renderTagChips(params.getAll('tag'));
  reloadLibrary();
}

function removeTagFilter(tag) {
  const params = readLocation().params;
  const rest = params.getAll('tag').filter(t => t !== tag);
  params.delete('tag');
  for (const t of rest) params.append('tag', t);
  writeParams(params);
  renderTagChips(rest);
  reloadLibrary();
  tagPicker.focus();
}

function renderTagChips(tags) {
  tagChips.replaceChildren(...tags.map(tag => h('li', { class: 'chip' }, tag,
    h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove tag filter ${tag}`, onclick: () => removeTagFilter(tag) }, '×'))));
}

/** The workspace's tags, for the tag filter and the tag inputs' suggestions. */
export async function refreshTags() {
  try {
    const result = await api('/v2/media/tags');
    const tags = result.data ?? [];
    tagPicker.replaceChildren(h('option', { value: '' }, tags.length ? 'Add a tag…' : 'No tags yet'),
      ...tags.map(t => h('option', { value: t.tag }, `${t.tag} (${t.count})`)));
    document.getElementById('known-tags').replaceChildren(...tags.map(t => h('option', { value: t.tag })));
  } catch (error) {
    console.warn('tags', error.message);
  }
}

export async function reloadLibrary() {
  generation++;
  cursor = null;
  exhausted = false;
  loading = null;
  shownQuery = `${readLocation().view}?${query()}`;
  grid.replaceChildren();
  items.clear();
  clearSelection();
  await loadMore();
}

async function loadMore() {
  if (exhausted) return;
  if (loading) return loading;
  const mine = generation;
  const params = query();
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  grid.setAttribute('aria-busy', 'true');
  loading = api(`/v2/media?${params}`).then(page => {
    if (mine !== generation) return;
    for (const item of page.data) {
      items.set(item.id, item);
      if (!cardOf(item.id)) grid.append(card(item));
      watch(item).catch(error => console.warn('stopped following', item.id, error.message));
    }

    cursor = page.pagination.nextCursor;
    exhausted = !cursor;
  }).finally(() => {
    if (mine !== generation) return;
    loading = null;
    grid.setAttribute('aria-busy', 'false');
    more.hidden = exhausted;
    showEmpty();
  });
  return loading;
}

function showEmpty() {
  empty.hidden = grid.children.length > 0;
  if (!empty.hidden) {
    empty.replaceChildren(...(filtered() ? ['No media match these filters. ', h('a', { href: archivedView() ? '#archived' : '#library' }, 'Clear the filters')]
      : archivedView() ? ['Nothing is archived. Archived media are hidden from the library and pickers, and can be restored here.']
        : can('media:write') ? [h('strong', {}, 'Your library is empty.'), ' Upload images, audio, video or PDFs with ', h('em', {}, 'Upload files'), ', or drop files anywhere on this page.']
          : [h('strong', {}, 'The library is empty.'), ' Nothing has been uploaded to this workspace yet.']));
  }
}

function cardOf(id) {
  return grid.querySelector(`[data-id="${CSS.escape(id)}"]`);
}

/** Shows a new or changed item (new items go first) and follows it until it is ready or failed. */
export function upsert(item) {
  items.set(item.id, item);
  const existing = cardOf(item.id);
  const fresh = card(item);
  if (existing) existing.replaceWith(fresh);
  else if (!archivedView()) grid.prepend(fresh);
  empty.hidden = grid.children.length > 0;
  return watch(item);
}

/** Redraws a card after its details changed (or drops it from a view it no longer belongs to). */
export function updated(item) {
  items.set(item.id, item);
  if ((item.status === 'ARCHIVED') !== archivedView()) removeCard(item.id);
  else cardOf(item.id)?.replaceWith(card(item));
}

export function removeCard(id) {
  cardOf(id)?.remove();
  items.delete(id);
  if (selected.delete(id)) selectionChanged();
  showEmpty();
}

/** Resolves with the item once it is ready or failed, polling once per item however many callers wait. */
export function watch(item) {
  const state = stateOf(item);
  if (state !== 'pending' && state !== 'processing') return Promise.resolve(item);
  if (!watches.has(item.id)) {
    watches.set(item.id, poll(item.id).finally(() => watches.delete(item.id)));
  }

  return watches.get(item.id);
}

/** Polls with back-off: 1 s, then half as long again each time, up to 15 s (a pending upload may wait for hours). */
async function poll(id) {
  let delay = POLL_FIRST_MS;
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, delay));
    delay = Math.min(POLL_MAX_MS, Math.round(delay * 1.5));
    const item = await api(`/v2/media/${encodeURIComponent(id)}`);
    const existing = cardOf(id);
    if (existing && existing.dataset.status !== item.status + (item.path ? '+' : '')) {
      items.set(id, item);
      existing.replaceWith(card(item));
    }

    const state = stateOf(item);
    if (state !== 'pending' && state !== 'processing') return item;
  }
}

// Selection: click a checkbox, shift-click for a range, Ctrl+A for the whole page, Escape to clear.

export function selectedIds() {
  return [...grid.querySelectorAll('.card')].map(c => c.dataset.id).filter(id => selected.has(id));
}

export function selectAll() {
  if (document.body.classList.contains('read-only')) return;
  for (const c of grid.querySelectorAll('.card')) setSelected(c, true);
  selectionChanged();
}

export function clearSelection() {
  for (const c of grid.querySelectorAll('.card')) setSelected(c, false);
  selected.clear();
  anchor = null;
  selectionChanged();
}

function setSelected(cardElement, on) {
  const id = cardElement.dataset.id;
  if (on) selected.add(id);
  else selected.delete(id);
  cardElement.classList.toggle('selected', on);
  cardElement.querySelector('.select').checked = on;
}

function toggle(cardElement, range) {
  const cards = [...grid.querySelectorAll('.card')];
  const on = !selected.has(cardElement.dataset.id);
  const from = range && anchor ? cards.findIndex(c => c.dataset.id === anchor) : -1;
  if (from >= 0) {
    const to = cards.indexOf(cardElement);
    const target = selected.has(anchor);
    for (const c of cards.slice(Math.min(from, to), Math.max(from, to) + 1)) setSelected(c, target);
  } else {
    setSelected(cardElement, on);
  }

  anchor = cardElement.dataset.id;
  selectionChanged();
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
  const tags = item.tags ?? [];
  const checkbox = h('input', {
    type: 'checkbox', class: 'select', 'aria-label': `Select ${item.name}`,
    // Space toggles it from the keyboard; Shift+Space or shift-click selects the range from the last one toggled.
    onclick: e => toggle(element, e.shiftKey),
  });
  checkbox.checked = selected.has(item.id);
  const element = h('li', { class: `card${selected.has(item.id) ? ' selected' : ''}`, dataset: { id: item.id, state, kind, status: item.status + (item.path ? '+' : '') } },
    checkbox,
    h('button', {
      type: 'button', class: 'open', 'aria-label': `${item.name}, ${facts.join(', ')}, ${stateLabel(state)}${tags.length ? `, tags ${tags.join(', ')}` : ''}`,
      onclick: e => {
        // With a selection under way (or a modifier held), a click selects instead of opening.
        const selecting = !document.body.classList.contains('read-only') && (e.shiftKey || e.ctrlKey || e.metaKey || selected.size);
        if (selecting) toggle(element, e.shiftKey);
        else openDetail(item.id);
      },
      onpointerenter: () => animate(item, element),
    },
    thumbnail(item, kind, state),
    h('span', { class: 'text' },
      h('span', { class: 'name', title: item.name }, item.name),
      h('span', { class: 'meta' }, facts.join(' · ')),
      h('span', { class: 'badge', dataset: { state } }, stateLabel(state)),
      state === 'failed' ? h('span', { class: 'reason' }, failureMessage(item.failureCode)) : null,
      tags.length ? h('span', { class: 'tags' }, tags.map(t => h('span', { class: 'chip small' }, t))) : null)));
  return element;
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

/** Animated images and videos have an animated.webp rendition; it plays while the pointer is over the card. */
async function animate(item, element) {
  const img = element.querySelector('.thumb img');
  if (!img || element.dataset.animated || !['image/gif', 'image/webp'].includes(item.type)) return;
  element.dataset.animated = 'checking';
  try {
    const detail = await api(`/api/media/${encodeURIComponent(item.id)}`);
    const rendition = detail.renditions.find(r => r.name === 'animated.webp');
    if (!rendition?.url) {
      // It is made after the media is ready: the next hover asks again.
      delete element.dataset.animated;
      return;
    }

    element.dataset.animated = 'yes';
    const still = img.src;
    const button = element.querySelector('.open');
    const play = () => { img.src = rendition.url; };
    button.addEventListener('pointerenter', play);
    button.addEventListener('pointerleave', () => { img.src = still; });
    if (button.matches(':hover')) play();
  } catch (error) {
    console.warn('animated preview', item.id, error.message);
  }
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
