// The detail panel's social networks: a badge per network and placement (from GET /v2/media/{id}/compatibility),
// the problems behind it, and "Make it fit" (POST /v2/media/{id}/conform), polled until the rendition is made.
import { api } from './api.js';
import { formatBytes, h, toast } from './dom.js';
import { can } from './session.js';

const POLL_MS = 1000;

/** A section that fills itself; null for media no social profile applies to (documents, audio) or not yet ready. */
export function socialSection(item) {
  if (!item || item.status !== 'SUCCESS' || !/^(image|video)\//.test(item.type ?? '')) return null;
  const box = h('div', { class: 'social', id: 'social' }, h('p', { class: 'hint' }, 'Checking…'));
  load(item, box);
  return h('section', {}, h('h3', {}, 'Social networks'), box);
}

async function load(item, box) {
  try {
    const [report, media] = await Promise.all([
      api(`/v2/media/${encodeURIComponent(item.id)}/compatibility`),
      api(`/v2/media/${encodeURIComponent(item.id)}`),
    ]);
    const made = media.conformed ?? [];
    box.replaceChildren(h('ul', { class: 'plain social-list' }, report.data.networks.map(entry =>
      row(item, entry, made.find(c => c.network === entry.network && c.placement === entry.placement)))));
  } catch (error) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
  }
}

function row(item, entry, conformed) {
  const errors = entry.problems.filter(p => p.severity === 'error');
  const warnings = entry.problems.filter(p => p.severity === 'warning');
  const state = errors.length ? 'bad' : warnings.length ? 'warn' : 'ok';
  const label = errors.length ? `${errors.length} problem${errors.length > 1 ? 's' : ''}` : warnings.length ? 'fits, with advice' : 'fits';
  const status = h('div', { class: 'conformed' });
  if (conformed) showConformed(status, conformed);
  return h('li', { class: `social-row ${state}`, dataset: { network: entry.network, placement: entry.placement } },
    h('span', { class: `badge ${state}`, title: label }, `${entry.title}: ${label}`),
    entry.problems.length ? h('details', {}, h('summary', {}, 'Why'), h('ul', {}, entry.problems.map(p => h('li', {},
      h('strong', {}, p.severity === 'error' ? 'Refused: ' : 'Advice: '), `${p.message} `,
      h('span', { class: 'hint' }, `Measured ${p.measured ?? 'unknown'}, expected ${p.expected}. ${p.remediation}`))))) : null,
    entry.problems.length && can('media:write') ? fitForm(item, entry, status) : null,
    status);
}

function fitForm(item, entry, status) {
  const fit = h('select', { 'aria-label': `How to fit ${entry.title}` },
    h('option', { value: 'pad' }, 'Letterbox (keep everything)'), h('option', { value: 'crop' }, 'Crop to fill'));
  const button = h('button', {
    type: 'button', class: 'button', onclick: async () => {
      button.disabled = true;
      try {
        const answer = await api(`/v2/media/${encodeURIComponent(item.id)}/conform`, {
          method: 'POST', json: { network: entry.network, placement: entry.placement, fit: fit.value },
        });
        showConformed(status, answer.data);
        if (answer.data.status === 'PROCESSING') poll(item, entry, status);
      } catch (error) {
        status.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
      } finally {
        button.disabled = false;
      }
    },
  }, 'Make it fit');
  return h('div', { class: 'actions' }, fit, button);
}

async function poll(item, entry, status) {
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    if (!status.isConnected) return;
    const media = await api(`/v2/media/${encodeURIComponent(item.id)}`).catch(() => null);
    const conformed = media?.conformed?.find(c => c.network === entry.network && c.placement === entry.placement);
    if (!conformed) return;
    showConformed(status, conformed);
    if (conformed.status !== 'PROCESSING') {
      toast(conformed.status === 'SUCCESS' ? `Made a version for ${entry.title}` : `Could not make a version for ${entry.title}`);
      return;
    }
  }
}

function showConformed(status, conformed) {
  if (conformed.status === 'SUCCESS') {
    const specs = conformed.specs ?? {};
    status.replaceChildren(h('p', {}, h('a', { href: conformed.path, target: '_blank', rel: 'noopener' }, 'Fitted version'),
      ` ${specs.width}×${specs.height}${specs.duration ? `, ${specs.duration.toFixed(1)} s` : ''}, ${formatBytes(specs.fileSizeBytes)} (${conformed.fit})`));
  } else if (conformed.status === 'ERROR') {
    status.replaceChildren(h('p', { class: 'error' }, conformed.reason ?? 'The fitted version could not be made.'));
  } else {
    status.replaceChildren(h('p', { class: 'hint' }, 'Making a fitted version…'));
  }
}
