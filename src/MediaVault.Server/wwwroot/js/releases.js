// Releases: the list with statuses, one release's media, uploads while editable, submit, approve or reject.
import { api } from './api.js';
import { formatBytes, formatDate, formatDuration, h, icon, toast, waveform } from './dom.js';
import { failureMessage } from './failures.js';
import { can } from './session.js';
import { uploadRow, uploadToRelease } from './uploads.js';

const rows = document.getElementById('release-rows');
const listError = document.getElementById('releases-error');
const listMore = document.getElementById('releases-more');
const EDITABLE = ['draft', 'rejected'];
const REVIEWABLE = ['submitted', 'under_review'];
let page = 0;
let current = null;
let openDetail = () => {};

export function initReleases({ onOpen }) {
  openDetail = onOpen;
  listMore.addEventListener('click', () => loadPage(page + 1));
  const form = document.getElementById('new-release');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    listError.textContent = '';
    try {
      const created = await api('/releases', { method: 'POST', json: { title: form.title.value.trim(), displayArtist: form.displayArtist.value.trim() || undefined } });
      form.reset();
      location.hash = `#release/${created.data.id}`;
    } catch (error) {
      listError.textContent = error.message;
    }
  });
  document.getElementById('readiness-profile').addEventListener('change', () => { if (current) showReadiness(current); });
  const input = document.getElementById('release-file-input');
  document.getElementById('release-upload-button').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    uploadIntoRelease([...input.files]);
    input.value = '';
  });
}

export async function showReleases() {
  document.getElementById('new-release').hidden = !can('releases:write');
  rows.replaceChildren();
  await loadPage(1);
}

async function loadPage(number) {
  listError.textContent = '';
  try {
    const result = await api(`/releases?limit=20&page=${number}`);
    page = number;
    for (const release of result.data.releases) {
      rows.append(h('tr', { dataset: { id: release.id } },
        h('td', {}, h('a', { href: `#release/${release.id}` }, release.title)),
        h('td', {}, release.displayArtist ?? ''),
        h('td', {}, statusBadge(release.status)),
        h('td', {}, formatDate(release.updatedAt))));
    }

    listMore.hidden = result.data.pagination.page >= result.data.pagination.totalPages;
    if (!rows.children.length) rows.append(h('tr', {}, h('td', { colSpan: 4, class: 'empty' }, 'No releases yet.')));
  } catch (error) {
    listError.textContent = error.message;
  }
}

function statusBadge(status) {
  return h('span', { class: 'badge', dataset: { status } }, status.replace('_', ' '));
}

export async function showRelease(id) {
  const error = document.getElementById('release-error');
  error.textContent = '';
  if (current?.id !== id) clear();
  try {
    const result = await api(`/releases/${encodeURIComponent(id)}`);
    current = result.data;
    render(current);
  } catch (failure) {
    // Never leave the previous release on screen under an error about another one.
    clear();
    document.getElementById('release-title').textContent = failure.status === 404 ? 'Release not found' : 'Release unavailable';
    error.textContent = failure.status === 404 ? 'This release does not exist, or you cannot see it.' : failure.message;
  }
}

function clear() {
  current = null;
  document.getElementById('release-title').textContent = 'Loading…';
  document.getElementById('release-status').replaceChildren();
  document.getElementById('release-status').hidden = true;
  document.getElementById('release-meta').textContent = '';
  document.getElementById('release-feedback').hidden = true;
  document.getElementById('release-actions').replaceChildren();
  document.getElementById('release-upload').hidden = true;
  document.getElementById('release-media').replaceChildren();
  document.getElementById('release-empty').hidden = true;
  document.getElementById('readiness-problems').replaceChildren();
  document.getElementById('readiness-verdict').hidden = true;
  document.getElementById('readiness-error').textContent = '';
}

function render(release) {
  document.getElementById('release-title').textContent = release.title;
  document.getElementById('release-status').replaceWith(Object.assign(statusBadge(release.status), { id: 'release-status' }));
  document.getElementById('release-meta').textContent = [release.displayArtist, release.format, release.type, `updated ${formatDate(release.updatedAt)}`].filter(Boolean).join(' · ');
  const feedback = document.getElementById('release-feedback');
  feedback.hidden = !release.feedback;
  // Feedback on an approval is a note, not a warning; only a rejection's is drawn as a problem.
  feedback.dataset.status = release.status;
  feedback.textContent = release.feedback ? `Reviewer feedback: ${release.feedback}` : '';
  const editable = EDITABLE.includes(release.status);
  document.getElementById('release-upload').hidden = !(editable && can('releases:write'));
  document.getElementById('release-actions').replaceChildren(...actions(release, editable));

  const media = [...(release.media ?? []), ...(release.tracks ?? []).flatMap(t => t.media ?? [])];
  const list = document.getElementById('release-media');
  list.replaceChildren(...media.map(mediaCard));
  document.getElementById('release-empty').hidden = media.length > 0;
  showReadiness(release);
  if (media.some(m => ['pending', 'uploaded', 'processing'].includes(m.metadata?.state))) {
    setTimeout(() => { if (location.hash === `#release/${release.id}`) showRelease(release.id); }, 2000);
  }
}

function actions(release, editable) {
  const buttons = [];
  if (editable && can('releases:write')) {
    buttons.push(h('button', { type: 'button', class: 'button primary', onclick: () => act(release, 'submit') }, 'Submit for review'));
  }

  if (REVIEWABLE.includes(release.status) && can('releases:review')) {
    const feedback = h('input', { id: 'review-feedback', placeholder: 'Feedback (optional)' });
    buttons.push(
      h('label', { for: 'review-feedback' }, 'Feedback ', feedback),
      h('button', { type: 'button', class: 'button primary', onclick: () => act(release, 'approve', feedback.value) }, 'Approve'),
      h('button', { type: 'button', class: 'button danger', onclick: () => act(release, 'reject', feedback.value) }, 'Reject'));
  }

  return buttons;
}

async function act(release, action, feedback) {
  const error = document.getElementById('release-error');
  error.textContent = '';
  try {
    const json = action === 'submit' ? undefined : feedback?.trim() ? { feedback: feedback.trim() } : undefined;
    await api(`/releases/${encodeURIComponent(release.id)}/${action}`, { method: 'POST', json });
    toast(`Release ${action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'rejected'}`);
    await showRelease(release.id);
  } catch (failure) {
    error.textContent = failure.message;
  }
}

/** The readiness report for the chosen profile: a verdict, then each problem with what was measured and the fix. */
async function showReadiness(release) {
  const profile = document.getElementById('readiness-profile').value;
  const verdict = document.getElementById('readiness-verdict');
  const list = document.getElementById('readiness-problems');
  const error = document.getElementById('readiness-error');
  error.textContent = '';
  try {
    const report = (await api(`/releases/${encodeURIComponent(release.id)}/readiness?profile=${encodeURIComponent(profile)}`)).data;
    if (current?.id !== release.id) return;
    const names = new Map([...(release.media ?? []), ...(release.tracks ?? []).flatMap(t => t.media ?? [])].map(m => [m.cloudId, m.name]));
    const pending = report.problems.some(p => p.rule === 'pending_analysis');
    verdict.hidden = false;
    verdict.dataset.verdict = report.ready ? 'ready' : 'not-ready';
    verdict.textContent = report.ready ? 'Ready for delivery' : pending ? 'Analysing…' : 'Not ready';
    list.replaceChildren(...report.problems.map(problem => h('li', { dataset: { severity: problem.severity } },
      h('strong', {}, `${problem.severity === 'error' ? 'Error' : 'Warning'}: `),
      `${names.get(problem.mediaId) ?? ''} — ${problem.message} `,
      problem.measured !== null && problem.measured !== undefined ? `(measured ${problem.measured}${problem.expected ? `, expected ${problem.expected}` : ''}) ` : '',
      h('span', { class: 'rule' }, problem.rule),
      h('span', { class: 'remedy' }, problem.remediation))));
    // Only the report is asked again while analysis runs: the cards keep their place (and focus) until the page reloads.
    if (pending) setTimeout(() => { if (current?.id === release.id) showReadiness(current); }, 2000);
  } catch (failure) {
    error.textContent = failure.message;
  }
}

/** Audio cards draw their waveform rendition (audiowaveform JSON) over the icon. */
async function drawWaveform(box, rendition) {
  try {
    const response = await fetch(rendition.url);
    if (response.ok) box.replaceChildren(waveform(await response.json()));
  } catch (error) {
    // The icon stays; a missing waveform is not worth an error on the page.
    console.warn('waveform', rendition.url, error);
  }
}

/** A release's media card: uploaded media open the same detail panel as the library's; links open their URL. */
function mediaCard(media) {
  const meta = media.metadata ?? {};
  const state = meta.state === 'uploaded' ? 'processing' : meta.state ?? (media.isLink ? 'ready' : 'processing');
  const thumb = (meta.renditions ?? []).find(r => r.name?.startsWith('thumb-'));
  const kind = media.isLink ? 'link' : media.type;
  const loudness = typeof meta.integratedLoudness === 'number' ? `${meta.integratedLoudness} LUFS, ${meta.truePeak ?? '−∞'} dBTP` : '';
  const facts = [media.type, formatBytes(meta.fileSize), meta.duration ? formatDuration(meta.duration) : meta.width ? `${meta.width}×${meta.height}` : '', loudness].filter(Boolean);
  const box = h('span', { class: 'thumb' }, thumb ? h('img', { src: thumb.url, alt: '', loading: 'lazy' }) : icon(['image', 'video', 'audio'].includes(kind) ? kind : kind === 'link' ? 'link' : 'document'));
  const wave = (meta.renditions ?? []).find(r => r.name === 'waveform.json');
  if (wave && !thumb) drawWaveform(box, wave);
  const content = [
    box,
    h('span', { class: 'text' },
      h('span', { class: 'name', title: media.name }, media.name),
      h('span', { class: 'meta' }, facts.join(' · ')),
      h('span', { class: 'badge', dataset: { state } }, state),
      state === 'failed' ? h('span', { class: 'reason' }, failureMessage(meta.failureCode)) : null),
  ];
  const opener = media.isLink || !media.cloudId
    ? h('a', { href: media.cloudUrl ?? '#', target: '_blank', rel: 'noopener', class: 'card-link' }, content)
    : h('button', { type: 'button', class: 'open', 'aria-label': `${media.name}, ${facts.join(', ')}, ${state}`, onclick: () => openDetail(media.cloudId) }, content);
  return h('li', { class: 'card', dataset: { id: media.cloudId, state } }, opener);
}

export async function uploadIntoRelease(files) {
  if (!current || files.length === 0) return;
  const list = document.getElementById('release-uploads');
  const id = current.id;
  let left = files.length;
  for (const file of files) {
    uploadRow(list, file, async (row, signal) => {
      try {
        await uploadToRelease(id, file, row, signal);
        row.set('ready', 'Uploaded');
      } finally {
        if (--left <= 0 && current?.id === id) await showRelease(id);
      }
    });
  }
}
