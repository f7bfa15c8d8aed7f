/*
 * Entry point: builds the page shell (header, tabs, live regions), the login prompt used on a 401,
 * and wires the three panels together.
 */
import * as api from './api.js';
import { h, announce, errorText, uid } from './dom.js';
import { openDialog } from './dialog.js';
import { createTargetsPanel } from './targets.js';
import { createDeliveriesPanel } from './deliveries.js';
import { createStatsPanel } from './stats.js';
import { t } from './strings.js';

const state = { targets: [], eventTypes: [] };

/**
 * The login prompt. Resolves once a session exists; rejects if the person closes it. Credentials
 * go only into the one Basic-authenticated request that opens the session.
 */
function promptLogin() {
  return new Promise((resolve, reject) => {
    const userId = uid('login-user');
    const passId = uid('login-pass');
    const username = h('input', { id: userId, type: 'text', autocomplete: 'username', required: true });
    const password = h('input', { id: passId, type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'button primary' }, t('login.submit'));
    const form = h('form', { class: 'login-form', novalidate: true },
      h('p', null, t('login.intro')),
      h('div', { class: 'field' }, h('label', { for: userId }, t('login.username')), username),
      h('div', { class: 'field' }, h('label', { for: passId }, t('login.password')), password),
      h('div', { class: 'dialog-actions' }, submit));
    let signedIn = false;
    const dialog = openDialog({
      title: t('login.title'),
      content: form,
      initialFocus: username,
      onClose: () => {
        if (signedIn) {
          resolve();
        } else {
          reject(new api.ApiError(401, t('login.intro')));
        }
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!username.value || !password.value) {
        dialog.setError(t('login.required'));
        (username.value ? password : username).focus();
        return;
      }
      submit.disabled = true;
      try {
        signedIn = await api.login(username.value, password.value);
      } catch (networkFailure) {
        signedIn = false;
      }
      password.value = '';
      submit.disabled = false;
      if (signedIn) {
        dialog.close(true);
        showUser();
      } else {
        dialog.setError(t('login.failed'));
        password.focus();
      }
    });
  });
}

async function showUser() {
  try {
    const current = await api.session();
    const user = current && current.user ? current.user.display || current.user.username : null;
    document.getElementById('user').textContent = current.authenticated && user ? t('app.signedInAs', { user }) : '';
  } catch (ignored) {
    // Only cosmetic.
  }
}

/** Tabs after the WAI-ARIA pattern: arrow keys move between tabs, Tab goes into the panel. */
function setUpTabs(panels) {
  const tabs = panels.map((panel) => panel.tab);
  function select(index, focus) {
    panels.forEach((panel, i) => {
      const selected = i === index;
      panel.tab.setAttribute('aria-selected', String(selected));
      panel.tab.tabIndex = selected ? 0 : -1;
      panel.container.hidden = !selected;
    });
    if (focus) {
      tabs[index].focus();
    }
    panels[index].onShow();
  }
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(index, false));
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
      if (event.key in moves) {
        event.preventDefault();
        select((index + moves[event.key] + tabs.length) % tabs.length, true);
      }
    });
  });
  return select;
}

async function start() {
  document.title = t('app.title') + ' · OpenMRS';
  const skip = document.querySelector('.skip-link');
  if (skip) {
    skip.textContent = t('app.skip');
  }
  api.setLoginHandler(promptLogin);
  const root = document.getElementById('app');

  let selectTab = null;
  const deliveries = createDeliveriesPanel({ state });
  const stats = createStatsPanel();
  const targets = createTargetsPanel({
    state,
    onTargetsChanged: () => deliveries.updateChoices(),
    showDeliveries: (targetUuid) => {
      selectTab(1, true);
      deliveries.setFilters({ target: targetUuid });
    }
  });

  const panels = [
    { key: 'targets', module: targets },
    { key: 'deliveries', module: deliveries },
    { key: 'stats', module: stats }
  ].map((panel) => {
    const tabId = 'tab-' + panel.key;
    const panelId = 'panel-' + panel.key;
    panel.tab = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'aria-selected': 'false', tabindex: '-1' },
      t('tab.' + panel.key));
    panel.container = h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, class: 'panel', hidden: true },
      panel.module.element);
    let loaded = false;
    // Targets reload whenever shown is wasteful; load each panel the first time it is shown and then on Refresh.
    panel.onShow = () => {
      if (!loaded) {
        loaded = true;
        panel.module.refresh();
      }
    };
    return panel;
  });

  const contextPath = api.contextPath();
  root.append(
    h('header', { class: 'page-header' },
      h('div', { class: 'brand' },
        h('h1', { id: 'main-heading', tabindex: '-1' }, t('app.title')),
        h('p', { class: 'subtitle' }, t('app.subtitle'))),
      h('div', { class: 'header-side' },
        h('span', { id: 'user', class: 'user' }),
        h('a', { href: contextPath + '/admin/index.htm', class: 'admin-link' }, t('app.backToAdmin')))),
    h('div', { class: 'live' },
      h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'toast' }),
      h('div', { id: 'alert', role: 'alert', class: 'toast toast-error' })),
    h('div', { role: 'tablist', 'aria-label': t('app.title'), class: 'tabs' }, panels.map((panel) => panel.tab)),
    h('main', { id: 'content' }, panels.map((panel) => panel.container)));

  selectTab = setUpTabs(panels);

  // Ask for credentials before the first protected call when there is no session. Waiting for a 401
  // instead would also work, but the REST module's 401 carries "WWW-Authenticate: Basic", on which
  // browsers show their own login box first. /session answers anonymous callers without a 401.
  try {
    const current = await api.session();
    if (current && current.authenticated === false) {
      await promptLogin();
    }
  } catch (ignored) {
    // Closed prompt or no network: the calls below fail with a message that says which.
  }
  // The catalogue feeds the form and the log filter; load it before the first panel shows.
  try {
    state.eventTypes = await api.listEventTypes();
  } catch (error) {
    announce(errorText(error), true);
  }
  selectTab(0, false);
  showUser();
}

start();
