/** Pieces both panels draw: the header, the notice banner, a value cell. */
import type { Cell, Note } from '../src/shared/protocol';
import { h } from './dom';

export function noticeBanner(notice: Note | undefined, status: string): HTMLElement | null {
  if (!notice || status === 'ok') return null;
  return h(
    'div',
    { class: `notice notice-${status}`, role: 'status' },
    h('strong', {}, notice.title),
    ' ',
    notice.summary,
    notice.detail ? h('div', { class: 'mono detail' }, notice.detail) : null,
  );
}

export function cellEl(tag: 'td' | 'th' | 'span', cell: Cell, extraClass = ''): HTMLElement {
  const classes = [extraClass, cell.unavailable !== undefined ? 'unavailable' : '', cell.na ? 'na' : ''].filter(Boolean).join(' ');
  const title = [cell.unavailable, cell.hint].filter((t) => t !== undefined && t !== '').join('\n');
  return h(tag, { class: classes || undefined, title: title || undefined }, cell.text);
}

export function button(label: string, onClick: () => void, appearance: 'primary' | 'secondary' = 'secondary'): HTMLElement {
  const b = h('vscode-button', { appearance }, label);
  b.addEventListener('click', onClick);
  return b;
}
