// A message with an Undo button that stays a few seconds, for changes that can be taken back (archive, tags).
import { h, showAbove } from './dom.js';

let timer = 0;

/** Shows message with an Undo button; undo() runs when it is pressed before the message goes. */
export function offerUndo(message, undo) {
  const bar = document.getElementById('undo');
  clearTimeout(timer);
  const button = h('button', {
    type: 'button', class: 'button', id: 'undo-button', onclick: async () => {
      hide(bar);
      await undo();
    },
  }, 'Undo');
  bar.replaceChildren(h('span', {}, message), button);
  showAbove(bar);
  timer = setTimeout(() => hide(bar), 10000);
}

/** Withdraws the offer (a new action makes the last one's undo ambiguous). */
export function withdrawUndo() {
  hide(document.getElementById('undo'));
}

function hide(bar) {
  clearTimeout(timer);
  if (bar.matches(':popover-open')) bar.hidePopover();
}
