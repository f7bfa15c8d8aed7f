/*
 * Small DOM and formatting helpers. Elements are built with h() rather than innerHTML so that data
 * from the server (names, errors, response excerpts) can never become markup.
 */
import { t } from './strings.js';

/**
 * h('button', {type: 'button', onclick: fn, class: 'x'}, 'text', otherNode)
 * Attributes starting with "on" become listeners; null/undefined/false attributes are left out;
 * true becomes an empty attribute. Children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((name) => {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.substring(2), value);
      } else if (name === 'dataset') {
        Object.assign(element.dataset, value);
      } else if (name === 'value' || name === 'checked') {
        element[name] = value;
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    });
  }
  appendAll(element, children);
  return element;
}

function appendAll(parent, children) {
  children.forEach((child) => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      appendAll(parent, child);
    } else {
      parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
}

/** Replaces all children of parent. */
export function replaceChildren(parent, ...children) {
  while (parent.firstChild) {
    parent.removeChild(parent.firstChild);
  }
  appendAll(parent, children);
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix) {
  idCounter += 1;
  return (prefix || 'id') + '-' + idCounter;
}

/**
 * Shows the result of an action in the message bar: successes in the polite status region, failures
 * in the alert region. Each clears the other, so the bar shows only the latest outcome. The region is
 * emptied first and filled a moment later so that the same message twice is still announced.
 */
export function announce(text, isError) {
  const status = document.getElementById('status');
  const alert = document.getElementById('alert');
  if (!status || !alert) {
    return;
  }
  const region = isError ? alert : status;
  const other = isError ? status : alert;
  other.textContent = '';
  other.classList.remove('visible');
  region.textContent = '';
  region.classList.toggle('visible', Boolean(text));
  window.setTimeout(() => {
    region.textContent = text;
  }, 30);
}

/** A short local date and time, or "never" for null. */
export function formatTime(iso) {
  if (!iso) {
    return t('common.never');
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * "4 min ago" for a past instant (health at a glance); the exact time goes in the element's title.
 * Returns a <time> element.
 */
export function relativeTime(iso) {
  if (!iso) {
    return document.createTextNode(t('common.never'));
  }
  const date = new Date(iso);
  const age = Date.now() - date.getTime();
  const text = Number.isNaN(age) ? String(iso) : (age < 60000 ? t('time.justNow') : t('time.ago', { duration: formatDuration(age) }));
  return h('time', { datetime: iso, title: formatTime(iso) }, text);
}

/** "3 min", "2 h": the largest whole unit. */
export function formatDuration(millis) {
  if (millis === null || millis === undefined) {
    return t('common.none');
  }
  const units = [['duration.d', 86400000], ['duration.h', 3600000], ['duration.min', 60000], ['duration.s', 1000]];
  for (const [key, size] of units) {
    if (millis >= size) {
      return t(key, { n: Math.floor(millis / size) });
    }
  }
  return t('duration.ms', { n: Math.round(millis) });
}

/** The value for an <input type="datetime-local"> showing this instant in local time. */
export function toLocalInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
    + pad(date.getHours()) + ':' + pad(date.getMinutes());
}

/** ISO instant from a datetime-local value (read as local time), or null when empty or invalid. */
export function localInputToIso(value) {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** First 8 characters of a uuid, for tables; the full one goes in a title. */
export function shortUuid(uuid) {
  return uuid ? String(uuid).substring(0, 8) : t('common.none');
}

/**
 * The text to show for a failed API call: a field-less 400 shows the server's message, the other
 * statuses a fixed explanation (a 403 tells the person about privileges, not a stack trace).
 */
export function errorText(error) {
  if (!error || typeof error.status !== 'number') {
    return t('common.error', { message: error && error.message ? error.message : String(error) });
  }
  switch (error.status) {
    case 0:
      return t('common.networkError');
    case 401:
      return t('login.intro');
    case 403:
      return t('common.forbidden');
    case 404:
      return t('common.notFound');
    case 400:
      return t('common.error', { message: [error.message].concat(error.globalErrors || []).filter(Boolean).join(' ') });
    default:
      return error.message ? t('common.error', { message: error.message }) : t('common.serverError', { status: error.status });
  }
}
