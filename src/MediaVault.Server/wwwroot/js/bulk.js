// Acting on many media at once: the selection bar, a confirmation that says how many, POST /v2/media/bulk, and undo.
import { api } from './api.js';
import { toast } from './dom.js';
import { archivedView, clearSelection, items, refreshTags, reloadLibrary, selectAll, selectedIds } from './library.js';
import { can } from './session.js';
import { offerUndo, withdrawUndo } from './undo.js';

const BATCH = 500;
const bar = document.getElementById('bulkbar');
const count = document.getElementById('bulk-count');
const dialog = document.getElementById('confirm');
const tagInput = document.getElementById('confirm-tag-input');

const PAST = { delete: 'Deleted', archive: 'Archived', unarchive: 'Restored', tag: 'Tagged', untag: 'Untagged' };

export function initBulk() {
  document.getElementById('bulk-all').addEventListener('click', selectAll);
  document.getElementById('bulk-clear').addEventListener('click', () => {
    clearSelection();
    document.getElementById('grid').querySelector('.select')?.focus();
  });
  document.getElementById('bulk-archive').addEventListener('click', () => start('archive'));
  document.getElementById('bulk-restore').addEventListener('click', () => start('unarchive'));
  document.getElementById('bulk-tag').addEventListener('click', () => start('tag'));
  document.getElementById('bulk-untag').addEventListener('click', () => start('untag'));
  document.getElementById('bulk-delete').addEventListener('click', () => start('delete'));
}

/** Shows the bar while anything is selected, with the actions this user may take in this view. */
export function selectionChanged() {
  const ids = selectedIds();
  bar.hidden = ids.length === 0;
  count.textContent = `${ids.length} selected`;
  const write = can('media:write');
  document.getElementById('bulk-archive').hidden = !write || archivedView();
  document.getElementById('bulk-restore').hidden = !write || !archivedView();
  document.getElementById('bulk-tag').hidden = !write;
  document.getElementById('bulk-untag').hidden = !write;
  document.getElementById('bulk-delete').hidden = !can('media:delete');
}

const plural = n => `${n} ${n === 1 ? 'media item' : 'media items'}`;

async function start(action) {
  const ids = selectedIds();
  if (!ids.length) return;
  const n = plural(ids.length);
  const text = {
    delete: [`Delete ${n} permanently?`, 'They and all their renditions are removed for good, and links to them stop working. This cannot be undone.', `Delete ${ids.length}`],
    archive: [`Archive ${n}?`, 'Archived media are hidden from the library and from release and catalog pickers. Links already shared keep working. You can restore them from Archived.', `Archive ${ids.length}`],
    unarchive: [`Restore ${n}?`, 'They return to the library.', `Restore ${ids.length}`],
    tag: [`Add tags to ${n}`, 'Separate tags with commas.', `Tag ${ids.length}`],
    untag: [`Remove tags from ${n}`, 'Separate tags with commas.', `Remove from ${ids.length}`],
  }[action];
  const tags = await confirmAction(action, ...text);
  if (tags === null) return;
  await perform(action, ids, tags);
}

/** Opens the confirmation; resolves with the tags typed (empty for actions without tags), or null when cancelled. */
function confirmAction(action, title, text, okLabel) {
  const asksTags = action === 'tag' || action === 'untag';
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-error').textContent = '';
  document.getElementById('confirm-tags').hidden = !asksTags;
  tagInput.value = '';
  tagInput.required = asksTags;
  const ok = document.getElementById('confirm-ok');
  ok.textContent = okLabel;
  ok.className = `button ${action === 'delete' ? 'danger' : 'primary'}`;
  dialog.returnValue = '';
  dialog.showModal();
  (asksTags ? tagInput : document.getElementById('confirm-cancel')).focus();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'ok') resolve(null);
      else resolve(asksTags ? splitTags(tagInput.value) : []);
    }, { once: true });
  });
}

export function splitTags(text) {
  return [...new Set(text.split(',').map(t => t.trim()).filter(Boolean))];
}

dialog.querySelector('form').addEventListener('submit', e => {
  if (e.submitter?.value === 'ok' && !document.getElementById('confirm-tags').hidden && !splitTags(tagInput.value).length) {
    e.preventDefault();
    document.getElementById('confirm-error').textContent = 'Enter at least one tag.';
    tagInput.focus();
  }
});

/** Sends the action in batches of 500; resolves {succeeded, failed} (ids that answered, failures with their message). */
async function send(action, ids, tags) {
  const succeeded = [];
  const failed = [];
  try {
    for (let i = 0; i < ids.length; i += BATCH) {
      const json = { action, ids: ids.slice(i, i + BATCH) };
      if (tags.length) json.tags = tags;
      const result = await api('/v2/media/bulk', { method: 'POST', json });
      succeeded.push(...result.data.succeeded);
      failed.push(...result.data.failed);
    }
  } catch (error) {
    failed.push(...ids.filter(id => !succeeded.includes(id) && !failed.some(f => f.id === id)).map(id => ({ id, error: 'request_failed', message: error.message })));
  }

  return { succeeded, failed };
}

/** Acts, reloads the list, reports what was done and what failed, and offers undo where it can. */
async function perform(action, ids, tags) {
  withdrawUndo();
  const before = new Map(ids.map(id => [id, items.get(id)]));
  const { succeeded, failed } = await send(action, ids, tags);
  await reloadLibrary();
  refreshTags();
  const done = `${PAST[action]} ${plural(succeeded.length)}${tags.length ? ` (${tags.join(', ')})` : ''}.`;
  const problems = failed.length
    ? ` ${failed.length} could not be changed: ${failed.slice(0, 3).map(f => `${before.get(f.id)?.name ?? f.id} (${f.message})`).join('; ')}${failed.length > 3 ? '…' : ''}`
    : '';
  report(done + problems);
  // The bar went with the selection: keep the keyboard in the grid rather than on the page's start.
  document.querySelector('#grid .select, #grid .open')?.focus();
  const undo = succeeded.length ? undoOf(action, succeeded, tags, before) : null;
  if (undo) {
    offerUndo(done, async () => {
      await undo();
      await reloadLibrary();
      refreshTags();
      report('Undone.');
      toast('Undone.');
    });
  } else {
    toast(done + problems);
  }
}

function report(text) {
  document.getElementById('bulk-report').textContent = text;
}

/** What takes an archive or a tag change back: the opposite action, on exactly the media it changed. */
function undoOf(action, ids, tags, before) {
  if (action === 'archive') return () => send('unarchive', ids, []);
  if (action === 'unarchive') return () => send('archive', ids, []);
  if (action !== 'tag' && action !== 'untag') return null;
  const had = (id, tag) => (before.get(id)?.tags ?? []).some(t => t.toLowerCase() === tag.toLowerCase());
  return async () => {
    for (const tag of tags) {
      // Only the media whose tags this action changed: tagging what already had the tag changed nothing there.
      const changed = ids.filter(id => (action === 'tag' ? !had(id, tag) : had(id, tag)));
      if (changed.length) await send(action === 'tag' ? 'untag' : 'tag', changed, [tag]);
    }
  };
}
