// The detail panel's form: name, alt text, description and tags, saved with PATCH /v2/media/{id} (merge).
import { api } from './api.js';
import { h, toast } from './dom.js';

/** A tag input: chips with a remove button, a text box that adds on Enter or comma, suggestions from the workspace. */
export function tagEditor(initial, { label = 'Tags', id = 'edit-tags' } = {}) {
  const tags = [...initial];
  const list = h('ul', { class: 'chips', 'aria-label': 'Current tags' });
  const input = h('input', { id, list: 'known-tags', autocomplete: 'off', placeholder: 'Add a tag, then Enter' });
  const draw = () => list.replaceChildren(...tags.map(tag => h('li', { class: 'chip' }, tag,
    h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove tag ${tag}`, onclick: () => { remove(tag); input.focus(); } }, '×'))));
  const add = text => {
    for (const tag of text.split(',').map(t => t.trim()).filter(Boolean)) {
      if (!tags.some(t => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
    draw();
  };
  const remove = tag => {
    tags.splice(tags.indexOf(tag), 1);
    draw();
  };
  input.addEventListener('keydown', e => {
    if ((e.key === 'Enter' || e.key === ',') && input.value.trim()) {
      e.preventDefault();
      add(input.value);
      input.value = '';
    } else if (e.key === 'Backspace' && !input.value && tags.length) {
      remove(tags[tags.length - 1]);
    }
  });
  input.addEventListener('change', () => {
    // A suggestion picked from the list arrives as a change without Enter.
    if (input.value.includes(',') || document.activeElement !== input) return;
    add(input.value);
    input.value = '';
  });
  draw();
  const element = h('div', { class: 'tag-editor' }, h('label', { for: id }, label), list, input);
  return { element, value: () => { if (input.value.trim()) { add(input.value); input.value = ''; } return [...tags]; } };
}

/** The edit form for one library media; saved(item) gets the Get-a-Media answer. */
export function editForm(item, { saved, writable }) {
  const problem = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { id: 'edit-name', name: 'name', value: item.name, required: true, maxLength: 255, disabled: !writable });
  const alt = h('textarea', { id: 'edit-alt', name: 'altText', rows: 2, maxLength: 1000, disabled: !writable }, item.altText ?? '');
  const description = h('textarea', { id: 'edit-description', name: 'description', rows: 4, maxLength: 5000, disabled: !writable }, item.description ?? '');
  const tags = tagEditor(item.tags ?? []);
  const save = h('button', { type: 'submit', class: 'button primary', id: 'edit-save' }, 'Save changes');
  const form = h('form', { class: 'editor', id: 'edit-form', novalidate: true },
    h('label', { for: 'edit-name' }, 'Name'), name,
    h('label', { for: 'edit-alt' }, 'Alt text ', h('span', { class: 'hint' }, '(describes the image for people who cannot see it)')), alt,
    h('label', { for: 'edit-description' }, 'Description'), description,
    tags.element,
    problem,
    writable ? h('div', { class: 'actions' }, save) : null);
  if (!writable) tags.element.querySelector('input').disabled = true;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    problem.textContent = '';
    if (!name.value.trim()) {
      problem.textContent = 'Give the media a name.';
      name.focus();
      return;
    }

    save.disabled = true;
    try {
      const json = { name: name.value.trim(), altText: alt.value, description: description.value, tags: tags.value() };
      const updated = await api(`/v2/media/${encodeURIComponent(item.id)}`, { method: 'PATCH', json });
      toast('Changes saved');
      saved(updated);
    } catch (error) {
      problem.textContent = error.message;
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
