/*
 * The create / edit form of a target. Field elements carry data-field="<REST field name>" so that
 * client-side checks and the server's 400 fieldErrors (keyed the same way: url, eventTypes[1],
 * auth.headerName, filters.concepts) land next to the field they are about.
 */
import * as api from './api.js';
import { h, uid, announce, errorText, replaceChildren } from './dom.js';
import { openDialog } from './dialog.js';
import { showSecretOnce } from './target-actions.js';
import { t } from './strings.js';

const FILTER_KEYS = ['encounterTypes', 'visitTypes', 'concepts', 'locations', 'forms'];
const AUTH_TYPES = ['none', 'basic', 'bearer', 'apiKey'];
const DEFAULT_API_KEY_HEADER = 'x-api-key';
const HEADER_NAME = /^[A-Za-z0-9-]+$/;
const UUID_LIKE = /^[A-Za-z0-9-]{1,38}$/;

/** Numeric settings with their bounds; the server has the final word, these catch typos early. */
const NUMBERS = [
  { key: 'batchSize', min: 1, max: 1000, fallback: 1 },
  { key: 'maxConcurrency', min: 1, max: 64, fallback: 4 },
  { key: 'timeoutSeconds', min: 1, max: 300, fallback: 15 },
  { key: 'maxAttempts', min: 1, max: 100, fallback: 8 }
];

function isMasked(value) {
  return typeof value === 'string' && value.startsWith('****');
}

/** A labelled control with its hint and its (initially hidden) error line, wired with aria-describedby. */
function field(label, control, options = {}) {
  const id = control.id || uid('f');
  control.id = id;
  const errorId = id + '-error';
  const hintId = options.hint ? id + '-hint' : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (options.field) {
    control.dataset.field = options.field;
  }
  if (options.required) {
    control.setAttribute('aria-required', 'true');
  }
  const isCheck = control.type === 'checkbox';
  return h('div', { class: 'field' + (isCheck ? ' field-check' : '') + (options.className ? ' ' + options.className : ''),
    'data-error-for': options.field || null },
  isCheck ? null : h('label', { for: id }, label, options.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
  isCheck ? h('span', { class: 'check' }, control, h('label', { for: id }, label)) : control,
  options.hint ? h('p', { class: 'hint', id: hintId }, options.hint) : null,
  h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** The event picker: per resource of the catalogue a "resource.*" box and one box per event type. */
function eventPicker(eventTypes, selected) {
  const byResource = new Map();
  eventTypes.forEach((type) => {
    if (!byResource.has(type.resource)) {
      byResource.set(type.resource, []);
    }
    byResource.get(type.resource).push(type);
  });
  const chosen = new Set(selected || []);
  const known = new Set();
  const groups = [];
  byResource.forEach((types, resource) => {
    const pattern = resource + '.*';
    known.add(pattern);
    const all = h('input', { type: 'checkbox', value: pattern, checked: chosen.has(pattern), class: 'event-all' });
    const singles = types.map((type) => {
      known.add(type.name);
      return h('input', { type: 'checkbox', value: type.name, checked: chosen.has(type.name) || chosen.has(pattern),
        disabled: chosen.has(pattern), class: 'event-one' });
    });
    // A whole-resource pattern covers its single types: show them ticked and locked, send only the pattern.
    all.addEventListener('change', () => {
      singles.forEach((box) => {
        box.disabled = all.checked;
        if (all.checked) {
          box.checked = true;
        }
      });
    });
    const allId = uid('ev');
    all.id = allId;
    groups.push(h('div', { class: 'event-group', role: 'group', 'aria-label': t('form.events.group', { resource }) },
      h('span', { class: 'check event-group-head' }, all, h('label', { for: allId, id: allId + '-label' }, t('form.events.all', { resource, pattern }))),
      h('div', { class: 'event-singles' }, singles.map((box) => {
        box.id = uid('ev');
        return h('span', { class: 'check' }, box, h('label', { for: box.id }, box.value));
      }))));
  });
  const others = (selected || []).filter((name) => !known.has(name));
  const otherInput = h('input', { type: 'text', value: others.join(', '), autocomplete: 'off', class: 'events-other' });
  const errorId = uid('events-error');
  const container = h('fieldset', { class: 'events', 'data-field': 'eventTypes', 'aria-describedby': errorId },
    h('legend', null, t('form.section.events'), h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
    h('p', { class: 'hint' }, t('form.events.hint')),
    h('div', { class: 'event-groups' }, groups),
    field(t('form.events.other'), otherInput, { hint: t('form.events.otherHint') }),
    h('p', { class: 'field-error', id: errorId, hidden: true }));
  container.dataset.errorFor = 'eventTypes';
  return {
    element: container,
    value() {
      const result = [];
      container.querySelectorAll('.event-group').forEach((group) => {
        const all = group.querySelector('.event-all');
        if (all.checked) {
          result.push(all.value);
        } else {
          group.querySelectorAll('.event-one').forEach((box) => {
            if (box.checked) {
              result.push(box.value);
            }
          });
        }
      });
      otherInput.value.split(',').map((s) => s.trim()).filter(Boolean).forEach((name) => result.push(name));
      return result;
    }
  };
}

/** Rows of header name / value; stored values come back masked and are sent back as they are. */
function headersEditor(headers) {
  const rows = h('div', { class: 'header-rows' });
  const hintId = uid('headers-hint');
  function addRow(name, value) {
    const index = rows.children.length + 1;
    const nameInput = h('input', { type: 'text', value: name || '', autocomplete: 'off', 'aria-label': t('form.headers.name') + ' ' + index,
      class: 'header-name', 'data-field': name ? 'headers.' + name : null });
    const valueInput = h('input', { type: 'text', value: '', autocomplete: 'off', 'aria-label': t('form.headers.value') + ' ' + index,
      class: 'header-value', placeholder: isMasked(value) ? t('form.auth.keepSecret', { masked: value }) : '' });
    if (isMasked(value)) {
      valueInput.dataset.masked = value;
    } else if (value) {
      valueInput.value = value;
    }
    const row = h('div', { class: 'header-row' }, nameInput, valueInput,
      h('button', { type: 'button', class: 'button small', 'aria-label': t('form.headers.removeLabel', { index }),
        onclick: () => {
          const next = row.nextElementSibling || row.previousElementSibling;
          row.remove();
          (next ? next.querySelector('input') : addButton).focus();
        } }, t('common.remove')));
    rows.appendChild(row);
    return nameInput;
  }
  const addButton = h('button', { type: 'button', class: 'button small', onclick: () => addRow('', '').focus() }, t('form.headers.add'));
  Object.keys(headers || {}).forEach((name) => addRow(name, headers[name]));
  const errorId = uid('headers-error');
  const element = h('fieldset', { class: 'headers', 'data-field': 'headers', 'aria-describedby': hintId + ' ' + errorId },
    h('legend', null, t('form.section.headers')),
    h('p', { class: 'hint', id: hintId }, t('form.headers.hint')),
    rows, addButton,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
  element.dataset.errorFor = 'headers';
  return {
    element,
    value() {
      const result = {};
      rows.querySelectorAll('.header-row').forEach((row) => {
        const name = row.querySelector('.header-name').value.trim();
        const valueInput = row.querySelector('.header-value');
        const value = valueInput.value || valueInput.dataset.masked || '';
        if (name) {
          result[name] = value;
        }
      });
      return result;
    },
    names() {
      return Array.from(rows.querySelectorAll('.header-name')).map((input) => ({ input, name: input.value.trim() }));
    }
  };
}

/** Authentication: the type select shows only the fields of that type. */
function authSection(auth, urlInput) {
  const current = auth || { type: 'none' };
  const typeSelect = h('select', null, AUTH_TYPES.map((type) =>
    h('option', { value: type, selected: current.type === type ? true : null }, t('form.auth.' + type))));
  const secret = (name, type) => {
    const input = h('input', { type, autocomplete: 'new-password', value: '' });
    const stored = current[name];
    if (isMasked(stored)) {
      input.dataset.masked = stored;
      input.placeholder = stored;
    }
    return input;
  };
  const username = h('input', { type: 'text', autocomplete: 'off', value: current.username || '' });
  const password = secret('password', 'password');
  const token = secret('token', 'password');
  const headerName = h('input', { type: 'text', autocomplete: 'off', value: current.headerName || '' });
  const keyValue = secret('value', 'password');
  const keepHint = (input) => (input.dataset.masked ? t('form.auth.keepSecret', { masked: input.dataset.masked }) : null);

  const groups = {
    basic: h('div', { class: 'auth-fields' },
      field(t('form.auth.username'), username, { field: 'auth.username', required: true }),
      field(t('form.auth.password'), password, { field: 'auth.password', required: !password.dataset.masked, hint: keepHint(password) })),
    bearer: h('div', { class: 'auth-fields' },
      field(t('form.auth.token'), token, { field: 'auth.token', required: !token.dataset.masked, hint: keepHint(token) })),
    apiKey: h('div', { class: 'auth-fields' },
      field(t('form.auth.headerName'), headerName, { field: 'auth.headerName', required: true }),
      field(t('form.auth.value'), keyValue, { field: 'auth.value', required: !keyValue.dataset.masked, hint: keepHint(keyValue) }))
  };
  const openfnHint = h('p', { class: 'hint openfn-hint' }, t('form.auth.openfnHint'));

  function update() {
    Object.keys(groups).forEach((type) => {
      groups[type].hidden = typeSelect.value !== type;
    });
    if (typeSelect.value === 'apiKey' && !headerName.value) {
      headerName.value = DEFAULT_API_KEY_HEADER;
    }
    // The hint matters for OpenFn receivers and for anyone choosing a header key.
    openfnHint.hidden = !(typeSelect.value === 'apiKey' || /openfn/i.test(urlInput.value));
  }
  typeSelect.addEventListener('change', update);
  urlInput.addEventListener('input', update);
  update();

  const element = h('fieldset', { class: 'auth' },
    h('legend', null, t('form.section.auth')),
    field(t('form.auth.type'), typeSelect, { field: 'auth.type' }),
    openfnHint,
    groups.basic, groups.bearer, groups.apiKey);
  const secretValue = (input) => input.value || input.dataset.masked || '';
  return {
    element,
    value() {
      const type = typeSelect.value;
      switch (type) {
        case 'basic':
          return { type, username: username.value.trim(), password: secretValue(password) };
        case 'bearer':
          return { type, token: secretValue(token) };
        case 'apiKey':
          return { type, headerName: headerName.value.trim(), value: secretValue(keyValue) };
        default:
          return { type: 'none' };
      }
    }
  };
}

/** Checks that need no server: required fields, URL shape, number ranges, header names. */
function validate(payload, controls) {
  const errors = {};
  if (!payload.name) {
    errors.name = [t('validation.required')];
  }
  let url = null;
  try {
    url = new URL(payload.url);
  } catch (invalid) {
    url = null;
  }
  if (!payload.url) {
    errors.url = [t('validation.required')];
  } else if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    errors.url = [t('validation.url')];
  }
  if (!payload.eventTypes.length) {
    errors.eventTypes = [t('validation.events')];
  }
  NUMBERS.forEach(({ key, min, max }) => {
    const value = payload[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      errors[key] = [t('validation.integer', { min, max })];
    }
  });
  const auth = payload.auth;
  const requireValue = (name, value) => {
    if (!value) {
      errors['auth.' + name] = [t('validation.required')];
    }
  };
  if (auth.type === 'basic') {
    requireValue('username', auth.username);
    requireValue('password', auth.password);
  } else if (auth.type === 'bearer') {
    requireValue('token', auth.token);
  } else if (auth.type === 'apiKey') {
    requireValue('headerName', auth.headerName);
    requireValue('value', auth.value);
    if (auth.headerName && !HEADER_NAME.test(auth.headerName)) {
      errors['auth.headerName'] = [t('validation.headerName')];
    }
  }
  controls.headers.names().forEach(({ name }) => {
    if (name && !HEADER_NAME.test(name)) {
      errors.headers = [t('validation.headerName')];
    }
  });
  FILTER_KEYS.forEach((key) => {
    if (payload.filters[key].some((value) => !UUID_LIKE.test(value))) {
      errors['filters.' + key] = [t('validation.uuidList')];
    }
  });
  return errors;
}

/** The element showing errors for a REST field name: exact, then without [index], then the parent. */
function errorHost(form, key) {
  const candidates = [key, key.replace(/\[\d+\]/g, ''), key.replace(/\[\d+\]/g, '').split('.')[0]];
  for (const name of candidates) {
    const host = form.querySelector('[data-error-for="' + CSS.escape(name) + '"]');
    if (host && !host.closest('[hidden]')) {
      return host;
    }
  }
  return null;
}

function clearErrors(form, summary) {
  form.querySelectorAll('.field-error').forEach((p) => {
    p.hidden = true;
    p.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.has-error').forEach((el) => el.classList.remove('has-error'));
  summary.hidden = true;
  summary.textContent = '';
}

/** Shows errors beside their fields; the rest, and a summary, at the top. Focuses the first bad field. */
function showErrors(form, summary, fieldErrors, otherMessages) {
  clearErrors(form, summary);
  const unplaced = (otherMessages || []).slice();
  let firstInvalid = null;
  Object.keys(fieldErrors).forEach((key) => {
    const messages = fieldErrors[key];
    const host = errorHost(form, key);
    if (!host) {
      unplaced.push(key + ': ' + messages.join(' '));
      return;
    }
    const line = host.querySelector(':scope > .field-error');
    line.textContent = (line.textContent ? line.textContent + ' ' : '') + messages.join(' ');
    line.hidden = false;
    host.classList.add('has-error');
    const control = host.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
    }
    if (host.matches('fieldset')) {
      host.setAttribute('aria-invalid', 'true');
    }
    if (control && (!firstInvalid || (firstInvalid.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING))) {
      firstInvalid = control;
    }
  });
  summary.hidden = false;
  replaceChildren(summary, h('strong', null, t('form.errorsSummary')),
    unplaced.length ? h('ul', null, unplaced.map((text) => h('li', null, text))) : null);
  if (firstInvalid) {
    firstInvalid.focus();
  } else {
    summary.focus();
  }
}

/**
 * Opens the form for a new target (target null) or an existing one.
 * context: {eventTypes, onSaved(target)}
 */
export function openTargetForm(target, context) {
  const editing = Boolean(target);
  const source = target || {};
  const name = h('input', { type: 'text', value: source.name || '', autocomplete: 'off', maxlength: 255 });
  const description = h('textarea', { rows: 2 }, source.description || '');
  const url = h('input', { type: 'url', value: source.url || '', autocomplete: 'off', spellcheck: 'false', inputmode: 'url' });
  const enabled = h('input', { type: 'checkbox', checked: source.enabled !== false });
  const events = eventPicker(context.eventTypes, source.eventTypes);
  const filters = source.filters || {};
  const filterInputs = {};
  FILTER_KEYS.forEach((key) => {
    filterInputs[key] = h('input', { type: 'text', value: (filters[key] || []).join(', '), autocomplete: 'off', spellcheck: 'false' });
  });
  const representation = h('select', null, ['none', 'ref', 'default', 'full'].map((value) =>
    h('option', { value, selected: (source.representation || 'none') === value ? true : null }, t('form.representation.' + value))));
  const ordering = h('select', null, [['per-patient', 'form.ordering.perPatient'], ['none', 'form.ordering.none']].map(([value, key]) =>
    h('option', { value, selected: (source.ordering || 'per-patient') === value ? true : null }, t(key))));
  const numbers = {};
  NUMBERS.forEach(({ key, min, max, fallback }) => {
    numbers[key] = h('input', { type: 'number', min, max, step: 1, value: String(source[key] !== undefined && source[key] !== null ? source[key] : fallback), inputmode: 'numeric' });
  });
  const auth = authSection(source.auth, url);
  const headers = headersEditor(source.headers);
  const signing = source.signing || { enabled: !editing };
  const signingEnabled = h('input', { type: 'checkbox', checked: Boolean(signing.enabled) });

  const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
  const formId = uid('target-form');
  const form = h('form', { class: 'target-form', id: formId, novalidate: true },
    summary,
    h('div', { class: 'form-columns' },
      h('div', { class: 'form-column' },
        h('fieldset', null, h('legend', null, t('form.section.basics')),
          field(t('form.name'), name, { field: 'name', required: true }),
          field(t('form.url'), url, { field: 'url', required: true, hint: t('form.urlHint') }),
          field(t('form.description'), description, { field: 'description' }),
          field(t('form.enabled'), enabled, { field: 'enabled' })),
        events.element),
      h('div', { class: 'form-column' },
        h('fieldset', null, h('legend', null, t('form.section.payload')),
          h('div', { class: 'grid-2' },
            field(t('form.representation'), representation, { field: 'representation' }),
            field(t('form.ordering'), ordering, { field: 'ordering' }),
            NUMBERS.map(({ key }) => field(t('form.' + key), numbers[key], { field: key })))),
        auth.element,
        headers.element,
        h('fieldset', null, h('legend', null, t('form.section.signing')),
          field(t('form.signing.enabled'), signingEnabled, { field: 'signing.enabled',
            hint: editing ? t('form.signing.count', { count: signing.secretCount || 0 }) : t('form.signing.hint') })),
        h('fieldset', { class: 'filters' }, h('legend', null, t('form.section.filters')),
          h('p', { class: 'hint' }, t('form.filters.hint')),
          h('div', { class: 'grid-2' }, FILTER_KEYS.map((key) =>
            field(t('form.filters.' + key), filterInputs[key], { field: 'filters.' + key })))))));

  function collect() {
    const payload = {
      name: name.value.trim(),
      description: description.value.trim(),
      url: url.value.trim(),
      enabled: enabled.checked,
      eventTypes: events.value(),
      filters: {},
      representation: representation.value,
      ordering: ordering.value,
      auth: auth.value(),
      headers: headers.value(),
      signing: { enabled: signingEnabled.checked }
    };
    FILTER_KEYS.forEach((key) => {
      payload.filters[key] = filterInputs[key].value.split(',').map((s) => s.trim()).filter(Boolean);
    });
    NUMBERS.forEach(({ key }) => {
      const raw = numbers[key].value.trim();
      payload[key] = raw === '' ? NaN : Number(raw);
    });
    return payload;
  }

  const cancel = h('button', { type: 'button', class: 'button' }, t('common.cancel'));
  // The save button sits in the dialog footer, outside the <form>; form= makes it the form's submit
  // button, so Enter in a text field saves too.
  const save = h('button', { type: 'submit', class: 'button primary', form: formId }, t('common.save'));
  const dialog = openDialog({
    title: editing ? t('form.editTitle', { name: source.name }) : t('form.createTitle'),
    content: form,
    actions: [cancel, save],
    wide: true,
    initialFocus: name
  });
  cancel.addEventListener('click', () => dialog.close(false));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const payload = collect();
    const clientErrors = validate(payload, { headers });
    if (Object.keys(clientErrors).length) {
      showErrors(form, summary, clientErrors, []);
      return;
    }
    clearErrors(form, summary);
    save.disabled = true;
    save.setAttribute('aria-busy', 'true');
    try {
      const saved = editing ? await api.updateTarget(source.uuid, payload) : await api.createTarget(payload);
      const newSecret = saved && saved.signing ? saved.signing.newSecret : null;
      if (newSecret) {
        // Keep the one-time secret out of every object that lives on after this dialog.
        delete saved.signing.newSecret;
      }
      dialog.close(true);
      announce(t(editing ? 'targets.saved' : 'targets.created', { name: saved ? saved.name || payload.name : payload.name }));
      await context.onSaved(saved);
      if (newSecret) {
        showSecretOnce(saved.name || payload.name, newSecret);
      }
    } catch (error) {
      if (error.status === 400) {
        const others = [];
        if (!Object.keys(error.fieldErrors).length && error.message) {
          others.push(error.message);
        }
        showErrors(form, summary, error.fieldErrors, others.concat(error.globalErrors));
      } else {
        dialog.setError(errorText(error));
      }
    } finally {
      save.disabled = false;
      save.removeAttribute('aria-busy');
    }
  });
  return dialog;
}
