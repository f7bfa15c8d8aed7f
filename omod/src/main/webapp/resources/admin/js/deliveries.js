/*
 * The delivery log: filters, a page of deliveries, attempt details in a dialog, and retry.
 * Paging follows the REST module: startIndex / limit, and a "next" link when there is more.
 */
import * as api from './api.js';
import { h, replaceChildren, announce, errorText, formatTime, shortUuid, localInputToIso } from './dom.js';
import { openDialog } from './dialog.js';
import { t } from './strings.js';

const STATUSES = ['pending', 'delivered', 'failed', 'dead'];
const PAGE_SIZES = [25, 50, 100];

/** context: {state: {targets, eventTypes}}. Returns {element, refresh(), setFilters(f), updateChoices()}. */
export function createDeliveriesPanel(context) {
  const controls = {
    target: h('select', { id: 'log-target', name: 'target' }),
    status: h('select', { id: 'log-status', name: 'status' },
      h('option', { value: '' }, t('common.any')),
      STATUSES.map((status) => h('option', { value: status }, t('status.' + status)))),
    eventType: h('select', { id: 'log-event', name: 'eventType' }),
    patient: h('input', { id: 'log-patient', name: 'patient', type: 'text', autocomplete: 'off', spellcheck: 'false', size: 20 }),
    fromdate: h('input', { id: 'log-from', name: 'fromdate', type: 'datetime-local' }),
    todate: h('input', { id: 'log-to', name: 'todate', type: 'datetime-local' })
  };
  const pageSize = h('select', { id: 'log-size' }, PAGE_SIZES.map((n) => h('option', { value: n }, String(n))));
  const labelled = (key, control) => h('div', { class: 'field' }, h('label', { for: control.id }, t(key)), control);
  const reset = h('button', { type: 'button', class: 'button' }, t('log.reset'));
  const form = h('form', { class: 'filters-bar', 'aria-label': t('log.filters') },
    labelled('log.target', controls.target),
    labelled('log.status', controls.status),
    labelled('log.eventType', controls.eventType),
    labelled('log.patient', controls.patient),
    labelled('log.from', controls.fromdate),
    labelled('log.to', controls.todate),
    h('div', { class: 'field field-buttons' },
      h('button', { type: 'submit', class: 'button primary' }, t('log.apply')), reset));
  const table = h('div', { class: 'table-wrap' });
  const previous = h('button', { type: 'button', class: 'button small' }, t('log.previous'));
  const next = h('button', { type: 'button', class: 'button small' }, t('log.next'));
  const range = h('span', { class: 'range', 'aria-live': 'polite' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('log.heading') },
    previous, range, next, h('span', { class: 'spacer' }), labelled('log.pageSize', pageSize));
  const element = h('section', { class: 'panel-inner', 'aria-labelledby': 'log-heading' },
    h('div', { class: 'toolbar' }, h('h2', { id: 'log-heading' }, t('log.heading')), h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button', onclick: () => load() }, t('common.refresh'))),
    form, table, pager);

  let startIndex = 0;
  let applied = {};

  function readFilters() {
    return {
      target: controls.target.value,
      status: controls.status.value,
      eventType: controls.eventType.value,
      patient: controls.patient.value.trim(),
      fromdate: localInputToIso(controls.fromdate.value),
      todate: localInputToIso(controls.todate.value)
    };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    applied = readFilters();
    startIndex = 0;
    load();
  });
  reset.addEventListener('click', () => {
    Object.values(controls).forEach((control) => {
      control.value = '';
    });
    applied = {};
    startIndex = 0;
    load();
  });
  pageSize.addEventListener('change', () => {
    startIndex = 0;
    load();
  });
  previous.addEventListener('click', () => {
    startIndex = Math.max(0, startIndex - Number(pageSize.value));
    load();
  });
  next.addEventListener('click', () => {
    startIndex += Number(pageSize.value);
    load();
  });

  /** Refills the target and event type choices, keeping what is selected. */
  function updateChoices() {
    const keepTarget = controls.target.value;
    replaceChildren(controls.target, h('option', { value: '' }, t('common.any')),
      context.state.targets.map((target) => h('option', { value: target.uuid }, target.name)));
    controls.target.value = keepTarget;
    const keepType = controls.eventType.value;
    replaceChildren(controls.eventType, h('option', { value: '' }, t('common.any')),
      context.state.eventTypes.map((type) => h('option', { value: type.name }, type.name)));
    controls.eventType.value = keepType;
  }

  // Loads can overlap (a first load as the tab opens, then a filtered one): only the latest renders.
  let loadSequence = 0;

  async function load() {
    const limit = Number(pageSize.value);
    const mine = ++loadSequence;
    table.setAttribute('aria-busy', 'true');
    try {
      const page = await api.searchDeliveries(applied, startIndex, limit);
      if (mine !== loadSequence) {
        return;
      }
      render(page.results);
      previous.disabled = startIndex === 0;
      next.disabled = !page.hasNext;
      range.textContent = page.results.length
        ? t('log.range', { from: startIndex + 1, to: startIndex + page.results.length })
        : '';
    } catch (error) {
      announce(errorText(error), true);
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  function render(deliveries) {
    if (!deliveries.length) {
      replaceChildren(table, h('p', { class: 'empty' }, t('log.empty')));
      return;
    }
    replaceChildren(table, h('table', { class: 'data log-table' },
      h('thead', null, h('tr', null,
        ['created', 'event', 'target', 'patient', 'status', 'attempts', 'code', 'when', 'error', 'actions'].map((key) =>
          h('th', { scope: 'col', class: 'col-' + key }, t('log.col.' + key))))),
      h('tbody', null, deliveries.map(row))));
  }

  function row(delivery) {
    const id = shortUuid(delivery.uuid);
    const canRetry = delivery.status === 'failed' || delivery.status === 'dead';
    const when = delivery.status === 'pending' || delivery.status === 'failed' ? delivery.nextAttemptAt : delivery.completedAt;
    return h('tr', { 'data-uuid': delivery.uuid },
      h('td', { class: 'col-created' }, formatTime(delivery.createdAt)),
      h('td', { class: 'col-event' }, delivery.eventType),
      h('td', { class: 'col-target' }, delivery.targetName || shortUuid(delivery.targetUuid)),
      h('td', { class: 'col-patient mono', title: delivery.patientUuid || '' }, shortUuid(delivery.patientUuid)),
      h('td', { class: 'col-status' }, h('span', { class: 'badge status-' + delivery.status }, t('status.' + delivery.status))),
      h('td', { class: 'col-attempts num' }, String(delivery.attempts || 0)),
      h('td', { class: 'col-code num' }, delivery.lastStatusCode ? String(delivery.lastStatusCode) : t('common.none')),
      h('td', { class: 'col-when' }, when ? formatTime(when) : t('common.none')),
      h('td', { class: 'col-error' }, delivery.lastError ? h('span', { class: 'error-text', title: delivery.lastError }, delivery.lastError) : t('common.none')),
      h('td', { class: 'col-actions' }, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button small', 'aria-label': t('log.detailsLabel', { id }),
          onclick: () => openDetails(delivery) }, t('log.details')),
        canRetry ? h('button', { type: 'button', class: 'button small', 'aria-label': t('log.retryLabel', { id }),
          onclick: (event) => retry(delivery, event.currentTarget) }, t('log.retry')) : null)));
  }

  async function retry(delivery, button) {
    const id = shortUuid(delivery.uuid);
    button.disabled = true;
    try {
      await api.retryDelivery(delivery.uuid);
      announce(t('log.retried', { id }));
      await load();
      // Keep the keyboard user's place: focus the row's details button after the reload.
      const again = table.querySelector('tr[data-uuid="' + CSS.escape(delivery.uuid) + '"] button');
      if (again) {
        again.focus();
      }
    } catch (error) {
      announce(errorText(error), true);
      button.disabled = false;
    }
  }

  async function openDetails(delivery) {
    const id = shortUuid(delivery.uuid);
    const content = h('div', { class: 'attempts', 'aria-busy': 'true' }, t('app.loading'));
    const close = h('button', { type: 'button', class: 'button primary' }, t('common.close'));
    const dialog = openDialog({ title: t('attempts.title', { id }), content, actions: [close], wide: true, initialFocus: close });
    close.addEventListener('click', () => dialog.close());
    try {
      const full = await api.getDelivery(delivery.uuid);
      const attempts = full.attemptLog || [];
      replaceChildren(content,
        h('p', null, t('attempts.event', { type: full.eventType, uuid: full.eventUuid }), ' · ',
          h('span', { class: 'badge status-' + full.status }, t('status.' + full.status))),
        attempts.length ? h('table', { class: 'data attempts-table' },
          h('thead', null, h('tr', null, ['started', 'duration', 'code', 'error', 'response'].map((key) =>
            h('th', { scope: 'col' }, t('attempts.col.' + key))))),
          h('tbody', null, attempts.map((attempt) => h('tr', null,
            h('td', null, formatTime(attempt.startedAt), attempt.manual ? h('span', { class: 'badge' }, t('attempts.manual')) : null),
            h('td', { class: 'num' }, t('attempts.ms', { millis: attempt.durationMillis })),
            h('td', { class: 'num' }, attempt.statusCode ? String(attempt.statusCode) : t('common.none')),
            h('td', null, attempt.error ? h('span', { class: 'error-text' }, attempt.error) : t('common.none')),
            h('td', null, attempt.responseExcerpt ? h('pre', { class: 'excerpt' }, attempt.responseExcerpt) : t('common.none'))))))
          : h('p', { class: 'muted' }, t('attempts.empty')));
    } catch (error) {
      replaceChildren(content, h('p', { class: 'error-text' }, errorText(error)));
    } finally {
      content.removeAttribute('aria-busy');
    }
  }

  /** Sets the filters from outside (a target's "Show deliveries") and loads the first page. */
  function setFilters(filters) {
    Object.keys(controls).forEach((key) => {
      controls[key].value = filters[key] || '';
    });
    applied = readFilters();
    startIndex = 0;
    return load();
  }

  return { element, refresh: load, setFilters, updateChoices };
}
