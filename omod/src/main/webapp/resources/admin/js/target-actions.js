/*
 * The per-target actions that open a dialog: send a test event, rotate the signing secret (and show
 * any new secret exactly once), retry failed deliveries since a time, replay events since a time.
 */
import * as api from './api.js';
import { h, uid, announce, errorText, formatTime, toLocalInputValue, localInputToIso } from './dom.js';
import { openDialog } from './dialog.js';
import { t } from './strings.js';

/**
 * Shows a newly generated signing secret once. The secret lives only in this dialog's input; closing
 * the dialog empties the input and removes the dialog, and nothing else keeps it (no storage, no log).
 */
export function showSecretOnce(targetName, secret) {
  const inputId = uid('secret');
  const input = h('input', { id: inputId, type: 'text', readonly: true, value: secret, class: 'secret-value',
    spellcheck: 'false', autocomplete: 'off', 'aria-describedby': inputId + '-warn' });
  const copyStatus = h('p', { class: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button' }, t('secret.copy'));
  const done = h('button', { type: 'button', class: 'button primary' }, t('secret.done'));
  const dialog = openDialog({
    title: t('secret.title'),
    content: [
      h('p', { class: 'warning', id: inputId + '-warn' }, t('secret.warning')),
      h('label', { for: inputId }, t('secret.label', { name: targetName })),
      h('div', { class: 'secret-row' }, input, copy),
      copyStatus
    ],
    actions: [done],
    initialFocus: copy,
    onClose: () => {
      input.value = '';
    }
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      copyStatus.textContent = t('secret.copied');
    } catch (denied) {
      // No clipboard permission (plain http, or a browser policy): select it so Ctrl+C works.
      input.focus();
      input.select();
      copyStatus.textContent = t('secret.copyFailed');
    }
  });
  done.addEventListener('click', () => dialog.close(true));
  return dialog;
}

/** Sends a test event and shows the receiver's status, time and response excerpt. */
export function openTestDialog(target) {
  const result = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite' }, t('test.sending'));
  const close = h('button', { type: 'button', class: 'button primary' }, t('common.close'));
  const dialog = openDialog({ title: t('test.title', { name: target.name }), content: result, actions: [close], initialFocus: close });
  close.addEventListener('click', () => dialog.close());
  api.testTarget(target.uuid).then((answer) => {
    const ok = Boolean(answer.success);
    const summary = ok
      ? t('test.success', { status: answer.statusCode, millis: answer.durationMillis })
      : (answer.statusCode
        ? t('test.failureStatus', { status: answer.statusCode, millis: answer.durationMillis })
          + (answer.error ? ' ' + answer.error : '')
        : t('test.failure', { error: answer.error || '' }));
    result.replaceChildren(
      h('p', { class: 'test-summary ' + (ok ? 'ok' : 'bad') },
        h('span', { class: 'badge ' + (ok ? 'badge-ok' : 'badge-bad') }, answer.statusCode || '—'), ' ', summary),
      h('h3', null, t('test.excerpt')),
      answer.responseExcerpt
        ? h('pre', { class: 'excerpt', tabindex: '0' }, answer.responseExcerpt)
        : h('p', { class: 'muted' }, t('test.noExcerpt')));
  }).catch((error) => {
    result.replaceChildren(h('p', { class: 'test-summary bad' }, errorText(error)));
  });
  return dialog;
}

/** Asks for the overlap, rotates, and shows the new secret once. */
export function openRotateDialog(target, onDone) {
  const overlapId = uid('overlap');
  const overlap = h('input', { id: overlapId, type: 'number', min: 0, max: 720, step: 1, value: '24', inputmode: 'numeric' });
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const rotate = h('button', { type: 'button', class: 'button primary' }, t('rotate.submit'));
  const dialog = openDialog({
    title: t('rotate.title', { name: target.name }),
    content: [h('p', null, t('rotate.intro')), h('div', { class: 'field' }, h('label', { for: overlapId }, t('rotate.overlap')), overlap)],
    actions: [cancel, rotate],
    initialFocus: overlap
  });
  cancel.addEventListener('click', () => dialog.close());
  rotate.addEventListener('click', async () => {
    const hours = Number(overlap.value);
    if (!Number.isInteger(hours) || hours < 0 || hours > 720) {
      dialog.setError(t('validation.integer', { min: 0, max: 720 }));
      overlap.focus();
      return;
    }
    rotate.disabled = true;
    try {
      const answer = await api.rotateSecret(target.uuid, hours);
      dialog.close(true);
      if (onDone) {
        onDone();
      }
      showSecretOnce(target.name, answer.newSecret);
    } catch (error) {
      dialog.setError(errorText(error));
      rotate.disabled = false;
    }
  });
  return dialog;
}

/**
 * "Retry failed since" (mode 'retry') or "Replay since" (mode 'replay'): pick a time, confirm, run.
 * Two steps in one dialog so that a mistaken Enter never replays days of events.
 */
export function openSinceDialog(target, mode, onDone) {
  const isReplay = mode === 'replay';
  const inputId = uid('since');
  const since = h('input', { id: inputId, type: 'datetime-local', step: 60,
    value: toLocalInputValue(new Date(Date.now() - 24 * 3600 * 1000)), max: toLocalInputValue(new Date()) });
  const pick = h('div', { class: 'since-pick' },
    h('p', null, t(isReplay ? 'since.replayIntro' : 'since.retryIntro')),
    h('div', { class: 'field' }, h('label', { for: inputId }, t('since.label')), since));
  const question = h('p', { class: 'confirm-question', tabindex: '-1' });
  const confirmStep = h('div', { class: 'since-confirm', hidden: true }, question);
  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  const back = h('button', { type: 'button', class: 'button', hidden: true }, t('since.back'));
  const next = h('button', { type: 'button', class: 'button primary' }, t('since.next'));
  const run = h('button', { type: 'button', class: 'button primary' + (isReplay ? ' danger' : ''), hidden: true }, t('common.confirm'));
  const dialog = openDialog({
    title: t(isReplay ? 'since.replayTitle' : 'since.retryTitle', { name: target.name }),
    content: [pick, confirmStep],
    actions: [cancel, back, next, run],
    initialFocus: since
  });
  let iso = null;
  function showStep(confirming) {
    pick.hidden = confirming;
    next.hidden = confirming;
    confirmStep.hidden = !confirming;
    back.hidden = !confirming;
    run.hidden = !confirming;
    (confirming ? run : since).focus();
  }
  cancel.addEventListener('click', () => dialog.close());
  back.addEventListener('click', () => showStep(false));
  next.addEventListener('click', () => {
    iso = localInputToIso(since.value);
    if (!iso || new Date(iso).getTime() > Date.now()) {
      dialog.setError(t('since.invalid'));
      since.setAttribute('aria-invalid', 'true');
      since.focus();
      return;
    }
    dialog.setError('');
    since.removeAttribute('aria-invalid');
    question.textContent = t(isReplay ? 'since.confirmReplay' : 'since.confirmRetry', { name: target.name, time: formatTime(iso) });
    showStep(true);
  });
  since.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      next.click();
    }
  });
  run.addEventListener('click', async () => {
    run.disabled = true;
    try {
      const answer = isReplay ? await api.replaySince(target.uuid, iso) : await api.retryFailedSince(target.uuid, iso);
      dialog.close(true);
      announce(t(isReplay ? 'since.replayDone' : 'since.retryDone', { name: target.name, count: answer ? answer.count : 0 }));
      if (onDone) {
        onDone();
      }
    } catch (error) {
      dialog.setError(errorText(error));
      run.disabled = false;
    }
  });
  return dialog;
}
