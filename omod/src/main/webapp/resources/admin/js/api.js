/*
 * The only file that knows URLs and JSON shapes of the REST API. When the server side changes a path
 * or a field name, adjust it here and nowhere else.
 *
 * Authentication is the browser's OpenMRS session cookie. On a 401 the page asks for credentials once
 * (see setLoginHandler), opens a session with one Basic-authenticated GET of /session, and retries the
 * request. The password is never stored: it lives only in that one request's header.
 */

/** Everything before /moduleResources/ in the page's own URL: "/openmrs" on a default install. */
export function contextPath(pathname = window.location.pathname) {
  const at = pathname.indexOf('/moduleResources/');
  return at >= 0 ? pathname.substring(0, at) : '/openmrs';
}

const REST_BASE = contextPath() + '/ws/rest/v1/';

/** URL paths, relative to REST_BASE. */
const PATHS = {
  session: 'session',
  targets: 'webhooktarget',
  target: (uuid) => 'webhooktarget/' + encodeURIComponent(uuid),
  targetAction: (uuid, action) => 'webhooks/target/' + encodeURIComponent(uuid) + '/' + action,
  deliveries: 'webhookdelivery',
  delivery: (uuid) => 'webhookdelivery/' + encodeURIComponent(uuid),
  deliveryRetry: (uuid) => 'webhooks/delivery/' + encodeURIComponent(uuid) + '/retry',
  stats: 'webhooks/stats',
  eventTypes: 'webhooks/eventtypes'
};

/** An HTTP failure with what the REST module's error body said. */
export class ApiError extends Error {
  constructor(status, message, fieldErrors, globalErrors) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    /** { fieldName: [message, ...] }, keyed by the REST field name (url, eventTypes[1], auth.headerName). */
    this.fieldErrors = fieldErrors || {};
    this.globalErrors = globalErrors || [];
  }
}

let loginHandler = null;
let loginInFlight = null;

/**
 * The page registers a function that shows the login prompt and resolves once a session exists
 * (it calls login() itself until that succeeds or the person gives up, then rejects).
 */
export function setLoginHandler(handler) {
  loginHandler = handler;
}

function buildUrl(path, query) {
  const url = new URL(REST_BASE + path, window.location.origin);
  if (query) {
    Object.keys(query).forEach((key) => {
      const value = query[key];
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(key, value);
      }
    });
  }
  return url.pathname + url.search;
}

/**
 * The REST module's error body is {"error":{"message","code","globalErrors","fieldErrors"}}.
 * fieldErrors values are lists of {code, message}; we keep the messages only.
 */
async function toApiError(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    // Not JSON (a proxy's HTML page, say): the status alone tells what happened.
  }
  const error = (body && body.error) || {};
  const fieldErrors = {};
  const rawFields = error.fieldErrors || {};
  Object.keys(rawFields).forEach((field) => {
    const list = Array.isArray(rawFields[field]) ? rawFields[field] : [rawFields[field]];
    fieldErrors[field] = list.map((entry) => (entry && entry.message) || String(entry));
  });
  const globalErrors = (error.globalErrors || []).map((entry) => (entry && entry.message) || String(entry));
  // translatedMessage is the plain text; message wraps it in "[...]" and appends details.
  const message = error.translatedMessage || error.rawMessage || error.message || response.statusText || '';
  return new ApiError(response.status, message, fieldErrors, globalErrors);
}

async function send(method, path, options = {}, retried = false) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (networkFailure) {
    throw new ApiError(0, '', {}, []);
  }
  if (response.status === 401 && !retried && loginHandler) {
    // One prompt for every request that failed at the same time.
    if (!loginInFlight) {
      loginInFlight = Promise.resolve(loginHandler()).finally(() => {
        loginInFlight = null;
      });
    }
    await loginInFlight;
    return send(method, path, options, true);
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Base64 of UTF-8 bytes, so that non-ASCII passwords survive. */
function base64Utf8(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary);
}

/** Opens a session; true when the credentials were accepted. */
export async function login(username, password) {
  const response = await fetch(buildUrl(PATHS.session), {
    method: 'GET',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json', Authorization: 'Basic ' + base64Utf8(username + ':' + password) }
  });
  if (!response.ok) {
    return false;
  }
  const body = await response.json();
  return Boolean(body && body.authenticated);
}

/** {authenticated, user:{display}} of the current session; never prompts. */
export async function session() {
  const response = await fetch(buildUrl(PATHS.session), { credentials: 'same-origin', cache: 'no-store',
    headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : { authenticated: false };
}

/** True when a results list says there is a further page. */
export function hasNext(page) {
  return Boolean(page && Array.isArray(page.links) && page.links.some((link) => link.rel === 'next'));
}

// --- targets -----------------------------------------------------------------------------------

export function listTargets(includeAll) {
  return send('GET', PATHS.targets, { query: { v: 'full', includeAll: includeAll ? 'true' : '' } })
    .then((page) => (page && page.results) || []);
}

export function getTarget(uuid) {
  return send('GET', PATHS.target(uuid), { query: { v: 'full' } });
}

/** Create: the response is the target; only this response carries signing.newSecret. */
export function createTarget(target) {
  return send('POST', PATHS.targets, { body: target });
}

/** Update: POST to the uuid with the changed properties. */
export function updateTarget(uuid, changes) {
  return send('POST', PATHS.target(uuid), { body: changes });
}

export function retireTarget(uuid, reason) {
  return send('DELETE', PATHS.target(uuid), { query: { reason } });
}

export function setTargetEnabled(uuid, enabled) {
  return send('POST', PATHS.targetAction(uuid, enabled ? 'enable' : 'disable'), { body: {} });
}

/** {success, statusCode, durationMillis, error, responseExcerpt} */
export function testTarget(uuid) {
  return send('POST', PATHS.targetAction(uuid, 'test'), { body: {} });
}

/** {newSecret} */
export function rotateSecret(uuid, overlapHours) {
  return send('POST', PATHS.targetAction(uuid, 'rotatesecret'), { body: { overlapHours } });
}

/** {count}; since is an ISO-8601 instant. */
export function retryFailedSince(uuid, since) {
  return send('POST', PATHS.targetAction(uuid, 'retryfailed'), { body: { since } });
}

/** {count}; since is an ISO-8601 instant. */
export function replaySince(uuid, since) {
  return send('POST', PATHS.targetAction(uuid, 'replay'), { body: { since } });
}

// --- deliveries --------------------------------------------------------------------------------

/**
 * filters: {target, status, eventType, patient, fromdate, todate} (ISO instants for the dates).
 * Returns {results, hasNext}.
 */
export function searchDeliveries(filters, startIndex, limit) {
  const query = Object.assign({}, filters, { startIndex, limit, v: 'default' });
  return send('GET', PATHS.deliveries, { query })
    .then((page) => ({ results: (page && page.results) || [], hasNext: hasNext(page) }));
}

/** The delivery with its attemptLog. */
export function getDelivery(uuid) {
  return send('GET', PATHS.delivery(uuid), { query: { v: 'full' } });
}

export function retryDelivery(uuid) {
  return send('POST', PATHS.deliveryRetry(uuid), { body: {} });
}

// --- stats and catalogue -----------------------------------------------------------------------

/**
 * {queueDepth, oldestPendingAgeMillis, eventsAwaitingFanOut, delivered, failed, dead, captureFailures,
 *  targets: [{targetUuid, targetName, pending, delivered, failed, dead, successRate (0..1),
 *             latencyP50Millis, latencyP95Millis}], lastDay: [{hour (ISO), delivered, failedAttempts}]}
 */
export function getStats() {
  return send('GET', PATHS.stats);
}

/** [{name, resource, action}] */
export function listEventTypes() {
  return send('GET', PATHS.eventTypes).then((page) => (page && page.results) || []);
}
