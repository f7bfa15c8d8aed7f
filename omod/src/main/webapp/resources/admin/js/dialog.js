/*
 * Modal dialogs on the native <dialog> element: showModal() makes the rest of the page inert; we add
 * the two things it does not guarantee everywhere: Tab wraps around inside the dialog instead of
 * escaping to the browser's toolbar, and focus returns to the control that opened the dialog.
 */
import { h, uid } from './dom.js';
import { t } from './strings.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), '
  + 'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusableIn(root) {
  return Array.from(root.querySelectorAll(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
}

/**
 * Opens a modal dialog.
 * options: {title, content: node|array, actions: [node], wide: bool, initialFocus: element,
 *           returnFocus: element (default: the focused element), onClose: fn(returnValue)}
 * Returns {element, body, close(value), setError(text), closed: Promise<value>}.
 */
export function openDialog(options) {
  const titleId = uid('dialog-title');
  const opener = options.returnFocus || document.activeElement;
  const errorBox = h('p', { class: 'dialog-error', role: 'alert', hidden: true });
  const body = h('div', { class: 'dialog-body' }, options.content);
  const closeButton = h('button', { type: 'button', class: 'icon-button dialog-close', 'aria-label': t('common.close') }, '×');
  const element = h('dialog', { class: 'dialog' + (options.wide ? ' dialog-wide' : ''), 'aria-labelledby': titleId },
    h('div', { class: 'dialog-header' }, h('h2', { id: titleId }, options.title), closeButton),
    errorBox,
    body,
    options.actions && options.actions.length ? h('div', { class: 'dialog-actions' }, options.actions) : null);

  let resolveClosed;
  const closed = new Promise((resolve) => {
    resolveClosed = resolve;
  });
  let returnValue;
  let isClosed = false;

  function close(value) {
    if (isClosed) {
      return;
    }
    isClosed = true;
    returnValue = value;
    if (element.open) {
      element.close();
    }
    element.remove();
    const target = opener && document.contains(opener) ? opener : document.getElementById('main-heading');
    if (target && typeof target.focus === 'function') {
      target.focus();
    }
    if (options.onClose) {
      options.onClose(returnValue);
    }
    resolveClosed(returnValue);
  }

  closeButton.addEventListener('click', () => close(undefined));
  // Escape fires "cancel"; we close through our own path so that focus is restored the same way.
  element.addEventListener('cancel', (event) => {
    event.preventDefault();
    close(undefined);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') {
      return;
    }
    const items = focusableIn(element);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  document.body.appendChild(element);
  element.showModal();
  const focusTarget = options.initialFocus || focusableIn(body)[0] || closeButton;
  focusTarget.focus();

  return {
    element,
    body,
    close,
    closed,
    setError(text) {
      errorBox.textContent = text || '';
      errorBox.hidden = !text;
    }
  };
}

/** A yes/no question; resolves true when confirmed. */
export function confirmDialog(title, message, confirmLabel) {
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const ok = h('button', { type: 'button', class: 'button primary' }, confirmLabel || t('common.confirm'));
  const dialog = openDialog({ title, content: h('p', null, message), actions: [cancel, ok], initialFocus: cancel });
  cancel.addEventListener('click', () => dialog.close(false));
  ok.addEventListener('click', () => dialog.close(true));
  return dialog.closed.then((value) => value === true);
}
