'use strict';
/*
 * Test server for the admin page: serves the page from omod/src/main/webapp/resources/admin/ under
 * /openmrs/moduleResources/webhooks/admin/ and answers /openmrs/ws/rest/v1/... in memory with the
 * JSON shapes of the REST module (results + links lists, its error body, 401 for no session, 403
 * for a user without the manage privilege). Stateful: what the page creates shows up in the lists.
 *
 * Run alone for manual work: node server.js [port]   (users admin/Admin123 and viewer/Viewer123)
 */
const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const CONTEXT = '/openmrs';
const PAGE_PREFIX = CONTEXT + '/moduleResources/webhooks/admin/';
const REST_PREFIX = CONTEXT + '/ws/rest/v1/';
const PAGE_DIR = path.resolve(__dirname, '../../main/webapp/resources/admin');

const USERS = {
  admin: { password: 'Admin123', uuid: 'a1b2c3d4-0000-4000-8000-000000000001', display: 'admin', manage: true },
  viewer: { password: 'Viewer123', uuid: 'a1b2c3d4-0000-4000-8000-000000000002', display: 'viewer', manage: false }
};

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

const RESOURCES = {
  patient: ['created', 'updated', 'voided', 'unvoided', 'deleted', 'merged'],
  encounter: ['created', 'updated', 'voided', 'unvoided', 'deleted'],
  obs: ['created', 'voided', 'unvoided', 'deleted'],
  visit: ['created', 'updated', 'voided', 'unvoided', 'deleted']
};
const EVENT_TYPES = [];
Object.keys(RESOURCES).forEach((resource) => RESOURCES[resource].forEach((action) =>
  EVENT_TYPES.push({ name: resource + '.' + action, resource, action })));

const HOUR = 3600 * 1000;

/** A small deterministic PRNG so the seeded data (and so the screenshots) are the same every run. */
function prng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

function uuidFrom(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-4' + hex.slice(13, 16) + '-8' + hex.slice(17, 20) + '-' + hex.slice(20, 32);
}

function mask(value) {
  if (value === null || value === undefined || value === '') {
    return value;
  }
  const text = String(value);
  return '****' + (text.length > 8 ? text.slice(-4) : '');
}

function isMasked(value) {
  return typeof value === 'string' && value.startsWith('****');
}

function newSecret() {
  return 'whsec_' + crypto.randomBytes(24).toString('base64');
}

function restError(status, message, extra) {
  return { status, body: { error: Object.assign({ message, code: 'webhooks.test.server', detail: '' }, extra || {}) } };
}

function validationError(fieldErrors, globalErrors) {
  const shaped = {};
  Object.keys(fieldErrors).forEach((key) => {
    shaped[key] = [{ code: 'webhooks.error.invalid', message: fieldErrors[key] }];
  });
  return { status: 400, body: { error: { message: 'Invalid Submission', code: 'webservices.rest.error.invalid.submission',
    globalErrors: (globalErrors || []).map((message) => ({ code: 'webhooks.error.invalid', message })), fieldErrors: shaped } } };
}

function createState(now) {
  const random = prng(20261127);
  const state = { targets: [], deliveries: [], sessions: new Map(), requests: [], now, basicChallenge: true };
  const openfn = {
    uuid: '6f1c2a9e-3b7d-4e21-9a55-0c1d2e3f4a51', name: 'OpenFn LIME', description: 'Lab orders to the LIME workflow',
    url: 'https://app.openfn.org/i/3f2a9c1e', enabled: true, eventTypes: ['patient.*', 'encounter.created'],
    filters: { encounterTypes: [], visitTypes: [], concepts: [], locations: [], forms: [] },
    representation: 'default', ordering: 'per-patient', batchSize: 1, maxConcurrency: 4, timeoutSeconds: 15, maxAttempts: 8,
    auth: { type: 'apiKey', headerName: 'x-api-key', value: 'sk_live_openfn_7d41' }, headers: {},
    secrets: ['whsec_seeded_secret_openfn_0001'], signingEnabled: true,
    health: { state: 'active', consecutiveFailures: 0, lastSuccessAt: new Date(now - 4 * 60 * 1000).toISOString(),
      lastFailureAt: new Date(now - 26 * HOUR).toISOString(), lastError: null },
    retired: false
  };
  const lab = {
    uuid: '9b8e7d6c-5a4b-4c3d-8e2f-1a0b9c8d7e62', name: 'Lab bridge', description: 'Sends results to the district lab',
    url: 'https://lab.example.org/hooks/openmrs-fail', enabled: true, eventTypes: ['obs.created', 'encounter.*'],
    filters: { encounterTypes: ['67a71486-1a54-468f-ac3e-7091a9a79584'], visitTypes: [], concepts: [], locations: [], forms: [] },
    representation: 'none', ordering: 'none', batchSize: 10, maxConcurrency: 2, timeoutSeconds: 30, maxAttempts: 12,
    auth: { type: 'bearer', token: 'eyJhbGciOiJIUzI1NiJ9.lab.token9f3e' }, headers: { 'X-Site': 'district-7' },
    secrets: [], signingEnabled: false,
    health: { state: 'paused', consecutiveFailures: 7, lastSuccessAt: new Date(now - 5 * HOUR).toISOString(),
      lastFailureAt: new Date(now - 3 * 60 * 1000).toISOString(), lastError: 'HTTP 503 Service Unavailable' },
    retired: false
  };
  state.targets.push(openfn, lab);

  const patients = Array.from({ length: 6 }, () => uuidFrom(random));
  state.patients = patients;
  for (let i = 0; i < 64; i += 1) {
    const target = i % 3 === 2 ? lab : openfn;
    const createdAt = now - Math.floor(random() * 23 * HOUR) - 60 * 1000;
    const names = target === lab ? ['obs.created', 'encounter.created', 'encounter.updated'] : ['patient.created', 'patient.updated', 'encounter.created'];
    const eventType = names[Math.floor(random() * names.length)];
    let status;
    if (target === lab) {
      status = ['failed', 'dead', 'delivered', 'failed'][i % 4];
    } else {
      status = i % 11 === 0 ? 'pending' : (i % 13 === 0 ? 'dead' : 'delivered');
    }
    state.deliveries.push(makeDelivery(random, target, eventType, patients[i % patients.length], createdAt, status));
  }
  return state;
}

function makeDelivery(random, target, eventType, patientUuid, createdAt, status) {
  const attempts = [];
  const count = status === 'pending' ? 0 : (status === 'delivered' ? 1 + (random() < 0.2 ? 1 : 0) : (status === 'dead' ? target.maxAttempts : 3));
  for (let a = 0; a < count; a += 1) {
    const last = a === count - 1;
    const ok = status === 'delivered' && last;
    attempts.push({
      startedAt: new Date(createdAt + a * 60 * 1000 + 200).toISOString(),
      durationMillis: 40 + Math.floor(random() * 300),
      statusCode: ok ? 200 : (target.url.includes('fail') ? 503 : 500),
      error: ok ? null : (target.url.includes('fail') ? 'HTTP 503 Service Unavailable' : 'HTTP 500 Internal Server Error'),
      responseExcerpt: ok ? '{"work_order_id":"wo-' + Math.floor(random() * 90000 + 10000) + '"}' : '<html><body>Maintenance</body></html>',
      manual: false
    });
  }
  const last = attempts[attempts.length - 1];
  return {
    uuid: uuidFrom(random), eventUuid: uuidFrom(random), eventType, patientUuid, targetUuid: target.uuid,
    status, attempts: count,
    nextAttemptAt: status === 'pending' || status === 'failed' ? new Date(createdAt + 2 * HOUR).toISOString() : null,
    lastStatusCode: last ? last.statusCode : null, lastError: last ? last.error : null,
    createdAt: new Date(createdAt).toISOString(),
    completedAt: status === 'delivered' || status === 'dead' ? (last ? last.startedAt : null) : null,
    attemptLog: attempts
  };
}

function link(base, rel, uri) {
  return { rel, uri: base + uri, resourceAlias: uri.split('/')[0].split('?')[0] };
}

function targetJson(target, base, rep) {
  const json = {
    uuid: target.uuid, display: target.name, name: target.name, description: target.description, url: target.url,
    enabled: target.enabled, eventTypes: target.eventTypes.slice(), retired: target.retired,
    health: Object.assign({}, target.health)
  };
  if (rep !== 'ref') {
    Object.assign(json, {
      filters: JSON.parse(JSON.stringify(target.filters)), representation: target.representation, ordering: target.ordering,
      batchSize: target.batchSize, maxConcurrency: target.maxConcurrency, timeoutSeconds: target.timeoutSeconds,
      maxAttempts: target.maxAttempts,
      auth: maskAuth(target.auth),
      headers: Object.fromEntries(Object.entries(target.headers).map(([k, v]) => [k, mask(v)])),
      signing: { enabled: target.signingEnabled, secretCount: target.secrets.length }
    });
  }
  json.links = [link(base, 'self', 'webhooktarget/' + target.uuid)];
  if (rep !== 'full') {
    json.links.push(link(base, 'full', 'webhooktarget/' + target.uuid + '?v=full'));
  }
  return json;
}

function maskAuth(auth) {
  const copy = Object.assign({}, auth);
  ['password', 'token', 'value'].forEach((key) => {
    if (copy[key]) {
      copy[key] = mask(copy[key]);
    }
  });
  return copy;
}

function deliveryJson(state, delivery, base, rep) {
  const target = state.targets.find((tg) => tg.uuid === delivery.targetUuid);
  const json = {
    uuid: delivery.uuid, display: delivery.eventType + ' → ' + (target ? target.name : delivery.targetUuid),
    eventUuid: delivery.eventUuid, eventType: delivery.eventType, patientUuid: delivery.patientUuid,
    targetUuid: delivery.targetUuid, targetName: target ? target.name : null, status: delivery.status,
    attempts: delivery.attempts, nextAttemptAt: delivery.nextAttemptAt, lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError, createdAt: delivery.createdAt, completedAt: delivery.completedAt
  };
  if (rep === 'full') {
    json.attemptLog = delivery.attemptLog.map((a) => Object.assign({}, a));
  }
  json.links = [link(base, 'self', 'webhookdelivery/' + delivery.uuid)];
  return json;
}

function knownEventType(name) {
  if (EVENT_TYPES.some((type) => type.name === name)) {
    return true;
  }
  const match = /^([a-z]+)\.\*$/.exec(name || '');
  return Boolean(match && RESOURCES[match[1]]);
}

/** The server's validation: a URL must be https (http needs a global property), names of events must exist. */
function validateTarget(input, existing) {
  const errors = {};
  const merged = Object.assign({}, existing ? { name: existing.name, url: existing.url, eventTypes: existing.eventTypes } : {}, input);
  if (!merged.name || !String(merged.name).trim()) {
    errors.name = 'Name is required';
  }
  if (!merged.url) {
    errors.url = 'URL is required';
  } else if (!String(merged.url).startsWith('https://')) {
    errors.url = 'URL must start with https://';
  }
  if (!Array.isArray(merged.eventTypes) || !merged.eventTypes.length) {
    errors.eventTypes = 'At least one event type is required';
  } else {
    merged.eventTypes.forEach((name, index) => {
      if (!knownEventType(name)) {
        errors['eventTypes[' + index + ']'] = 'Unknown event type: ' + name;
      }
    });
  }
  const auth = input.auth;
  if (auth && auth.type === 'apiKey' && !auth.headerName) {
    errors['auth.headerName'] = 'Header name is required for API key authentication';
  }
  if (input.representation && !['none', 'ref', 'default', 'full'].includes(input.representation)) {
    errors.representation = 'Must be one of none, ref, default, full';
  }
  return errors;
}

function applyTarget(target, input) {
  ['name', 'description', 'url', 'enabled', 'representation', 'ordering', 'batchSize', 'maxConcurrency', 'timeoutSeconds', 'maxAttempts']
    .forEach((key) => {
      if (input[key] !== undefined) {
        target[key] = input[key];
      }
    });
  if (input.eventTypes) {
    target.eventTypes = input.eventTypes.slice();
  }
  if (input.filters) {
    target.filters = Object.assign({ encounterTypes: [], visitTypes: [], concepts: [], locations: [], forms: [] }, input.filters);
  }
  if (input.auth) {
    const previous = target.auth || {};
    const next = Object.assign({}, input.auth);
    ['password', 'token', 'value'].forEach((key) => {
      if (isMasked(next[key])) {
        next[key] = previous[key];
      }
    });
    target.auth = next;
  }
  if (input.headers) {
    const previous = target.headers || {};
    target.headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k, isMasked(v) ? previous[k] : v]));
  }
  let generated = null;
  if (input.signing) {
    target.signingEnabled = Boolean(input.signing.enabled);
    if (target.signingEnabled && target.secrets.length === 0) {
      generated = newSecret();
      target.secrets.push(generated);
    }
  }
  return generated;
}

function hourlySeries(state) {
  const random = prng(7);
  const end = Math.floor(state.now / HOUR) * HOUR;
  return Array.from({ length: 24 }, (unused, i) => {
    const hour = end - (23 - i) * HOUR;
    const daytime = Math.sin(((i + 6) / 24) * Math.PI * 2) * 0.5 + 0.7;
    return {
      hour: new Date(hour).toISOString(),
      delivered: Math.round((40 + random() * 30) * daytime),
      failedAttempts: i >= 18 ? Math.round(6 + random() * 8) : Math.round(random() * 3)
    };
  });
}

function stats(state) {
  const live = state.deliveries;
  const pending = live.filter((d) => d.status === 'pending');
  const oldest = pending.reduce((min, d) => Math.min(min, Date.parse(d.createdAt)), Infinity);
  const count = (list, status) => list.filter((d) => d.status === status).length;
  return {
    queueDepth: pending.length + count(live, 'failed'),
    oldestPendingAgeMillis: Number.isFinite(oldest) ? state.now - oldest : null,
    eventsAwaitingFanOut: 3,
    delivered: count(live, 'delivered'), failed: count(live, 'failed'), dead: count(live, 'dead'),
    captureFailures: 2,
    targets: state.targets.filter((tg) => !tg.retired).map((tg) => {
      const mine = live.filter((d) => d.targetUuid === tg.uuid);
      const done = count(mine, 'delivered');
      const attempted = done + count(mine, 'failed') + count(mine, 'dead');
      return { targetUuid: tg.uuid, targetName: tg.name, pending: count(mine, 'pending'), delivered: done,
        failed: count(mine, 'failed'), dead: count(mine, 'dead'), successRate: attempted ? done / attempted : null,
        latencyP50Millis: tg.url.includes('fail') ? 412 : 87, latencyP95Millis: tg.url.includes('fail') ? 15000 : 240 };
    }),
    lastDay: hourlySeries(state)
  };
}

function parseCookies(header) {
  const cookies = {};
  (header || '').split(';').forEach((part) => {
    const at = part.indexOf('=');
    if (at > 0) {
      cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
    }
  });
  return cookies;
}

/** Answers one REST call: {status, body, headers}. */
function rest(state, req, url, body) {
  const base = 'http://' + req.headers.host + REST_PREFIX;
  const route = url.pathname.substring(REST_PREFIX.length).replace(/\/$/, '');
  const parts = route.split('/');
  const q = url.searchParams;
  const cookies = parseCookies(req.headers.cookie);
  let user = state.sessions.get(cookies.JSESSIONID) || null;

  if (route === 'session') {
    const authorization = req.headers.authorization || '';
    if (authorization.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.substring(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const name = decoded.substring(0, colon);
      const candidate = USERS[name];
      if (!candidate || candidate.password !== decoded.substring(colon + 1)) {
        return { status: 200, body: { authenticated: false } };
      }
      const id = crypto.randomBytes(16).toString('hex');
      state.sessions.set(id, name);
      return { status: 200, body: { sessionId: id, authenticated: true, user: { uuid: candidate.uuid, display: candidate.display, username: name } },
        headers: { 'Set-Cookie': 'JSESSIONID=' + id + '; Path=' + CONTEXT + '; HttpOnly; SameSite=Lax' } };
    }
    return { status: 200, body: user ? { authenticated: true, user: { uuid: USERS[user].uuid, display: USERS[user].display, username: user } }
      : { authenticated: false } };
  }
  if (!user) {
    // Like the REST module's BaseRestController: a Basic challenge with the 401 of an anonymous caller.
    const answer = restError(401, 'User is not logged in [Privileges required: Get Webhook Targets]',
      { rawMessage: 'Privileges required: Get Webhook Targets', translatedMessage: 'Privileges required: Get Webhook Targets' });
    // state.basicChallenge = false plays a browser whose person cancelled its own login box (headless
    // Chromium would otherwise wait on the challenge forever).
    if (state.basicChallenge) {
      answer.headers = { 'WWW-Authenticate': 'Basic realm="OpenMRS at /ws/rest"' };
    }
    return answer;
  }
  const method = req.method;
  const isWrite = method !== 'GET';
  if (isWrite && !USERS[user].manage) {
    return restError(403, 'Privileges required: Manage Webhooks', { rawMessage: 'Privileges required: Manage Webhooks',
      translatedMessage: 'Privileges required: Manage Webhooks' });
  }
  const findTarget = (uuid) => state.targets.find((tg) => tg.uuid === uuid);
  const notFound = () => restError(404, 'Object with given uuid doesn\'t exist [null]');

  if (parts[0] === 'webhooktarget') {
    const rep = q.get('v') || 'default';
    if (parts.length === 1 && method === 'GET') {
      const all = q.get('includeAll') === 'true';
      return { status: 200, body: { results: state.targets.filter((tg) => all || !tg.retired).map((tg) => targetJson(tg, base, rep)) } };
    }
    if (parts.length === 1 && method === 'POST') {
      const errors = validateTarget(body || {}, null);
      if (Object.keys(errors).length) {
        return validationError(errors);
      }
      const target = { uuid: crypto.randomUUID(), name: '', description: '', url: '', enabled: true, eventTypes: [],
        filters: { encounterTypes: [], visitTypes: [], concepts: [], locations: [], forms: [] }, representation: 'none',
        ordering: 'per-patient', batchSize: 1, maxConcurrency: 4, timeoutSeconds: 15, maxAttempts: 8, auth: { type: 'none' },
        headers: {}, secrets: [], signingEnabled: false,
        health: { state: 'active', consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null, lastError: null }, retired: false };
      const generated = applyTarget(target, body);
      state.targets.push(target);
      const json = targetJson(target, base, 'full');
      if (generated) {
        json.signing.newSecret = generated;
      }
      return { status: 201, body: json };
    }
    const target = findTarget(parts[1]);
    if (!target) {
      return notFound();
    }
    if (method === 'GET') {
      return { status: 200, body: targetJson(target, base, rep) };
    }
    if (method === 'POST') {
      const errors = validateTarget(body || {}, target);
      if (Object.keys(errors).length) {
        return validationError(errors);
      }
      const generated = applyTarget(target, body);
      const json = targetJson(target, base, 'full');
      if (generated) {
        json.signing.newSecret = generated;
      }
      return { status: 200, body: json };
    }
    if (method === 'DELETE') {
      if (q.get('purge') === 'true') {
        state.targets = state.targets.filter((tg) => tg !== target);
      } else {
        target.retired = true;
        target.enabled = false;
      }
      return { status: 204, body: null };
    }
  }

  if (parts[0] === 'webhooks' && parts[1] === 'target' && method === 'POST') {
    const target = findTarget(parts[2]);
    if (!target) {
      return notFound();
    }
    const action = parts[3];
    const since = body && body.since ? Date.parse(body.since) : NaN;
    switch (action) {
      case 'test':
        if (target.url.includes('fail')) {
          return { status: 200, body: { success: false, statusCode: 503, durationMillis: 1204, error: 'HTTP 503 Service Unavailable',
            responseExcerpt: '<html><body>Maintenance until 14:00</body></html>' } };
        }
        return { status: 200, body: { success: true, statusCode: 200, durationMillis: 87, error: null,
          responseExcerpt: '{"work_order_id":"wo-48213","status":"accepted"}' } };
      case 'rotatesecret': {
        const secret = newSecret();
        target.secrets.push(secret);
        target.signingEnabled = true;
        return { status: 200, body: { newSecret: secret } };
      }
      case 'enable':
        target.enabled = true;
        if (target.health.state === 'disabled') {
          target.health.state = 'active';
        }
        return { status: 200, body: targetJson(target, base, 'default') };
      case 'disable':
        target.enabled = false;
        return { status: 200, body: targetJson(target, base, 'default') };
      case 'retryfailed':
      case 'replay': {
        if (Number.isNaN(since)) {
          return validationError({ since: 'since must be an ISO-8601 time' });
        }
        if (action === 'retryfailed') {
          const list = state.deliveries.filter((d) => d.targetUuid === target.uuid && (d.status === 'failed' || d.status === 'dead')
            && Date.parse(d.createdAt) >= since);
          list.forEach((d) => {
            d.status = 'pending';
            d.nextAttemptAt = new Date(state.now).toISOString();
            d.completedAt = null;
          });
          return { status: 200, body: { count: list.length } };
        }
        const events = new Map();
        state.deliveries.filter((d) => Date.parse(d.createdAt) >= since).forEach((d) => events.set(d.eventUuid, d));
        const random = prng(events.size + 1);
        events.forEach((d) => state.deliveries.push(makeDelivery(random, target, d.eventType, d.patientUuid, state.now, 'pending')));
        return { status: 200, body: { count: events.size } };
      }
      default:
        return restError(404, 'Unknown action ' + action);
    }
  }

  if (parts[0] === 'webhookdelivery') {
    if (parts.length === 1 && method === 'GET') {
      const from = q.get('fromdate') ? Date.parse(q.get('fromdate')) : -Infinity;
      const to = q.get('todate') ? Date.parse(q.get('todate')) : Infinity;
      const list = state.deliveries.filter((d) => (!q.get('target') || d.targetUuid === q.get('target'))
        && (!q.get('status') || d.status === q.get('status'))
        && (!q.get('eventType') || d.eventType === q.get('eventType'))
        && (!q.get('patient') || d.patientUuid === q.get('patient'))
        && Date.parse(d.createdAt) >= from && Date.parse(d.createdAt) <= to)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      const start = Math.max(0, parseInt(q.get('startIndex') || '0', 10) || 0);
      const limit = Math.min(100, Math.max(1, parseInt(q.get('limit') || '50', 10) || 50));
      const page = list.slice(start, start + limit);
      const links = [];
      const pageUrl = (startIndex) => {
        const copy = new URLSearchParams(q);
        copy.set('startIndex', String(startIndex));
        copy.set('limit', String(limit));
        return 'webhookdelivery?' + copy.toString();
      };
      if (start + limit < list.length) {
        links.push(link(base, 'next', pageUrl(start + limit)));
      }
      if (start > 0) {
        links.push(link(base, 'prev', pageUrl(Math.max(0, start - limit))));
      }
      const result = { results: page.map((d) => deliveryJson(state, d, base, q.get('v') || 'default')) };
      if (links.length) {
        result.links = links;
      }
      return { status: 200, body: result };
    }
    const delivery = state.deliveries.find((d) => d.uuid === parts[1]);
    if (!delivery) {
      return notFound();
    }
    return { status: 200, body: deliveryJson(state, delivery, base, q.get('v') || 'default') };
  }

  if (parts[0] === 'webhooks' && parts[1] === 'delivery' && parts[3] === 'retry' && method === 'POST') {
    const delivery = state.deliveries.find((d) => d.uuid === parts[2]);
    if (!delivery) {
      return notFound();
    }
    delivery.status = 'pending';
    delivery.nextAttemptAt = new Date(state.now).toISOString();
    delivery.completedAt = null;
    return { status: 200, body: deliveryJson(state, delivery, base, 'default') };
  }
  if (route === 'webhooks/stats' && method === 'GET') {
    return { status: 200, body: stats(state) };
  }
  if (route === 'webhooks/eventtypes' && method === 'GET') {
    return { status: 200, body: { results: EVENT_TYPES.map((type) => Object.assign({}, type)) } };
  }
  return restError(404, 'No resource ' + route);
}

function serveFile(res, urlPath) {
  let relative = decodeURIComponent(urlPath.substring(PAGE_PREFIX.length)) || 'index.html';
  const file = path.resolve(PAGE_DIR, relative);
  if (!file.startsWith(PAGE_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
}

/**
 * Starts the server on 127.0.0.1 (port 0 picks a free one). Resolves to
 * {port, url, state(), reset(), close()}; state().requests lists every REST call the page made.
 */
function startServer(port = 0, now = Date.now()) {
  let state = createState(now);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://' + req.headers.host);
    if (url.pathname.startsWith(PAGE_PREFIX)) {
      serveFile(res, url.pathname);
      return;
    }
    if (!url.pathname.startsWith(REST_PREFIX)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let body = null;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text) {
        try {
          body = JSON.parse(text);
        } catch (invalid) {
          const answer = restError(400, 'Could not read JSON');
          res.writeHead(400, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(answer.body));
          return;
        }
      }
      const record = { method: req.method, path: url.pathname + url.search, body, authorization: Boolean(req.headers.authorization) };
      state.requests.push(record);
      let answer;
      try {
        answer = rest(state, req, url, body);
      } catch (failure) {
        answer = restError(500, String(failure && failure.stack));
      }
      record.status = answer.status;
      const headers = Object.assign({ 'Content-Type': 'application/json;charset=UTF-8' }, answer.headers || {});
      res.writeHead(answer.status, headers);
      res.end(answer.body === null ? '' : JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        url: 'http://127.0.0.1:' + actual + PAGE_PREFIX + 'index.html',
        state: () => state,
        reset: () => {
          state = createState(now);
        },
        close: () => new Promise((done) => server.close(done))
      });
    });
  });
}

module.exports = { startServer, USERS, EVENT_TYPES };

if (require.main === module) {
  startServer(Number(process.argv[2] || 8090)).then((s) => {
    process.stdout.write('Admin page at ' + s.url + ' (admin / Admin123)\n');
  });
}
