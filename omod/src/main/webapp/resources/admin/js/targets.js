/*
 * The targets panel: one row per target with its health at a glance, an enabled switch, and actions.
 */
import * as api from './api.js';
import { h, replaceChildren, announce, errorText, relativeTime } from './dom.js';
import { confirmDialog } from './dialog.js';
import { openTargetForm } from './target-form.js';
import { openTestDialog, openRotateDialog, openSinceDialog } from './target-actions.js';
import { t } from './strings.js';

/**
 * context: {state: {targets, eventTypes}, showDeliveries(targetUuid), onTargetsChanged()}
 * Returns {element, refresh()}.
 */
export function createTargetsPanel(context) {
  const showRetired = h('input', { type: 'checkbox', id: 'show-retired' });
  const addButton = h('button', { type: 'button', class: 'button primary', id: 'add-target' }, t('targets.add'));
  const body = h('div', { class: 'table-wrap' });
  const element = h('section', { class: 'panel-inner', 'aria-labelledby': 'targets-heading' },
    h('div', { class: 'toolbar' },
      h('h2', { id: 'targets-heading' }, t('targets.heading')),
      h('span', { class: 'check' }, showRetired, h('label', { for: 'show-retired' }, t('targets.showRetired'))),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button', onclick: () => refresh() }, t('common.refresh')),
      addButton),
    body);

  addButton.addEventListener('click', () => openTargetForm(null, formContext()));
  // One listener for all rows: a click outside an open "More" menu closes it.
  document.addEventListener('click', (event) => {
    body.querySelectorAll('details.menu[open]').forEach((menu) => {
      if (!menu.contains(event.target)) {
        menu.open = false;
      }
    });
  });
  showRetired.addEventListener('change', () => refresh());

  function formContext() {
    return { eventTypes: context.state.eventTypes, onSaved: () => refresh() };
  }

  // Refreshes can overlap (a switch toggled twice quickly): only the latest answer renders.
  let refreshSequence = 0;

  async function refresh() {
    const mine = ++refreshSequence;
    body.setAttribute('aria-busy', 'true');
    try {
      const targets = await api.listTargets(showRetired.checked);
      if (mine !== refreshSequence) {
        return;
      }
      context.state.targets = targets;
      render(targets);
      context.onTargetsChanged();
    } catch (error) {
      announce(errorText(error), true);
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function render(targets) {
    // Re-rendering replaces the row buttons; give focus back to the same button of the same target.
    const active = document.activeElement;
    const activeRow = active && body.contains(active) ? active.closest('tr[data-uuid]') : null;
    const focusKey = activeRow && active.dataset.action ? [activeRow.dataset.uuid, active.dataset.action] : null;
    renderRows(targets);
    if (focusKey) {
      const again = body.querySelector('tr[data-uuid="' + CSS.escape(focusKey[0]) + '"] [data-action="' + focusKey[1] + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function renderRows(targets) {
    if (!targets.length) {
      replaceChildren(body, h('p', { class: 'empty' }, t('targets.empty')));
      return;
    }
    replaceChildren(body, h('table', { class: 'data targets-table' },
      h('thead', null, h('tr', null,
        ['name', 'events', 'health', 'lastSuccess', 'lastError', 'enabled', 'actions'].map((key) =>
          h('th', { scope: 'col', class: 'col-' + key }, t('targets.col.' + key))))),
      h('tbody', null, targets.map(row))));
  }

  function healthCell(target) {
    const health = target.health || {};
    const state = health.state || 'active';
    const failures = health.consecutiveFailures || 0;
    return h('td', { class: 'col-health' },
      h('span', { class: 'badge state-' + state }, t('state.' + state)),
      failures ? h('span', { class: 'failures' }, failures === 1 ? t('targets.failure') : t('targets.failures', { count: failures })) : null);
  }

  function enabledSwitch(target) {
    const button = h('button', { type: 'button', role: 'switch', class: 'switch', 'data-action': 'toggle', 'aria-checked': String(Boolean(target.enabled)),
      'aria-label': t('targets.toggleLabel', { name: target.name }), disabled: target.retired ? true : null },
    h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-thumb' })),
    h('span', { class: 'switch-text', 'aria-hidden': 'true' }, target.enabled ? t('common.yes') : t('common.no')));
    button.addEventListener('click', async () => {
      const wanted = !target.enabled;
      button.disabled = true;
      try {
        await api.setTargetEnabled(target.uuid, wanted);
        target.enabled = wanted;
        button.setAttribute('aria-checked', String(wanted));
        button.querySelector('.switch-text').textContent = wanted ? t('common.yes') : t('common.no');
        announce(t(wanted ? 'targets.enabledNow' : 'targets.disabledNow', { name: target.name }));
        // The server may change the health state with the switch (disabled -> active): show it.
        refresh();
      } catch (error) {
        announce(errorText(error), true);
      } finally {
        button.disabled = false;
        button.focus();
      }
    });
    return button;
  }

  /** "More" actions in a native <details>, which is keyboard operable without any script. */
  function moreMenu(target) {
    const details = h('details', { class: 'menu' });
    const item = (label, action) => h('li', null, h('button', { type: 'button', class: 'menu-item',
      onclick: () => {
        details.open = false;
        // The item hides with the menu: let a dialog opened by the action return focus to the summary.
        details.querySelector('summary').focus();
        action();
      } }, label));
    details.append(
      h('summary', { class: 'button small', 'data-action': 'more', 'aria-label': t('targets.moreLabel', { name: target.name }) }, t('targets.more')),
      h('ul', { class: 'menu-list' },
        target.signing && target.signing.enabled ? item(t('targets.rotate'), () => openRotateDialog(target, refresh)) : null,
        item(t('targets.retryFailed'), () => openSinceDialog(target, 'retry', refresh)),
        item(t('targets.replay'), () => openSinceDialog(target, 'replay', refresh)),
        item(t('targets.showDeliveries'), () => context.showDeliveries(target.uuid)),
        target.retired ? null : item(t('targets.retire'), () => retire(target))));
    // The menu closes when focus goes elsewhere, like any drop-down (clicks: see the panel's listener).
    details.addEventListener('focusout', (event) => {
      if (details.open && event.relatedTarget && !details.contains(event.relatedTarget)) {
        details.open = false;
      }
    });
    // Escape closes the menu and gives focus back to its summary.
    details.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && details.open) {
        event.preventDefault();
        details.open = false;
        details.querySelector('summary').focus();
      }
    });
    return details;
  }

  async function retire(target) {
    const ok = await confirmDialog(t('targets.retireTitle', { name: target.name }), t('targets.retireConfirm', { name: target.name }), t('common.confirm'));
    if (!ok) {
      return;
    }
    try {
      await api.retireTarget(target.uuid, 'retired from the admin page');
      announce(t('targets.retired.done', { name: target.name }));
      refresh();
    } catch (error) {
      announce(errorText(error), true);
    }
  }

  function row(target) {
    const health = target.health || {};
    const events = (target.eventTypes || []).join(', ');
    return h('tr', { class: target.retired ? 'retired' : null, 'data-uuid': target.uuid },
      h('td', { class: 'col-name' },
        h('div', { class: 'target-name' }, target.name, target.retired ? h('span', { class: 'badge state-disabled' }, t('targets.retired')) : null),
        h('div', { class: 'target-url', title: target.url }, target.url)),
      h('td', { class: 'col-events', title: events }, events || t('common.none')),
      healthCell(target),
      h('td', { class: 'col-lastSuccess' }, relativeTime(health.lastSuccessAt)),
      h('td', { class: 'col-lastError' }, health.lastError
        ? h('div', null, h('div', { class: 'error-text', title: health.lastError }, health.lastError),
          health.lastFailureAt ? h('div', { class: 'muted small' }, relativeTime(health.lastFailureAt)) : null)
        : t('common.none')),
      h('td', { class: 'col-enabled' }, enabledSwitch(target)),
      h('td', { class: 'col-actions' },
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'button small', 'data-action': 'edit', 'aria-label': t('targets.editLabel', { name: target.name }),
            onclick: async () => {
              // Edit the freshest copy: another admin may have changed it since the list loaded.
              try {
                openTargetForm(await api.getTarget(target.uuid), formContext());
              } catch (error) {
                announce(errorText(error), true);
              }
            } }, t('targets.edit')),
          h('button', { type: 'button', class: 'button small', 'data-action': 'test', 'aria-label': t('targets.testLabel', { name: target.name }),
            disabled: target.retired ? true : null, onclick: () => openTestDialog(target) }, t('targets.test')),
          moreMenu(target))));
  }

  return { element, refresh };
}
