'use strict';
/*
 * The admin page (/moduleResources/webhooks/admin/index.html) in Debian's headless Chromium against a REAL
 * OpenMRS, driven step by step by AdminPageIT (server-tests). Each step is what a person does on the page and
 * checks what that person sees; the Java side checks the server and the receiver in between.
 *
 * Protocol: one JSON command per line on stdin ({"step": "...", ...}), one JSON answer per line on stdout
 * ({"ok": true, "result": {...}} or {"ok": false, "error": "..."}). Everything else goes to stderr.
 * After every step: no script error on the page, nothing in web storage, no secret in a URL or the console.
 *
 * Environment: OPENMRS_URL (with context path), CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR.
 * playwright-core comes from the omod's browser harness (omod/src/test/browser/node_modules, npm ci there):
 * no second dependency tree.
 */
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const HARNESS = path.resolve(__dirname, '../../../../omod/src/test/browser');
const { chromium } = require(require.resolve('playwright-core', { paths: [HARNESS] }));

const OPENMRS_URL = (process.env.OPENMRS_URL || '').replace(/\/+$/, '');
const PAGE_URL = OPENMRS_URL + '/moduleResources/webhooks/admin/index.html';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR || path.resolve(__dirname, '../../../target/admin-page-screenshots');
// The flags the closed network needs (no background connections at start); a fresh profile per run.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1366, height: 768 };
// A real server on a loaded 2-core machine: generous.
const TIMEOUT = 60000;
const FORBIDDEN = 'You do not have the privilege to do this.';

function log(text) {
  process.stderr.write('[admin-page] ' + text + '\n');
}

function expect(condition, message) {
  if (!condition) {
    throw new Error('Expectation failed: ' + message);
  }
}

let browser = null;
let shotNumber = 0;
/** The signed-in sessions by name ("admin", "viewer"): a browser context each, as two people would have. */
const sessions = {};
/** Secrets the page was given or showed: none may appear in a URL or the console. */
const secrets = [];

async function newContext() {
  if (!browser) {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error('Chromium not found at ' + CHROMIUM + ' (apt-get install -y chromium)');
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    // Playwright starts Chromium with a fresh, empty --user-data-dir of its own, removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const s = { context, page, pageErrors: [], consoleLines: [], urls: [] };
  page.on('console', (msg) => s.consoleLines.push(msg.type() + ': ' + msg.text()));
  page.on('pageerror', (error) => s.pageErrors.push(error.message));
  page.on('request', (request) => s.urls.push(request.url()));
  return s;
}

async function snap(s, name) {
  shotNumber += 1;
  const file = path.join(SHOTS, String(shotNumber).padStart(2, '0') + '-' + name + '.png');
  await s.page.screenshot({ path: file, fullPage: true });
  return file;
}

function session(name) {
  const s = sessions[name];
  if (!s) {
    throw new Error('no session "' + name + '": sign in first');
  }
  return s;
}

function row(s, name) {
  return s.page.locator('.targets-table tbody tr', { has: s.page.locator('.target-name', { hasText: name }) });
}

async function showTab(s, name) {
  const tab = s.page.getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await tab.click();
  }
}

/**
 * Clicks, then waits until the message bar (role "status" for successes, "alert" for failures) shows a message with
 * `text` written after the click, and returns that message. The page empties the bar and writes the new message a
 * moment later, so a message equal to the one before is still seen as new.
 */
async function clickForMessage(s, locator, role, text) {
  const id = role === 'alert' ? 'alert' : 'status';
  await s.page.evaluate((regionId) => {
    window.webhooksE2eMessages = [];
    const region = document.getElementById(regionId);
    if (window.webhooksE2eObserver) {
      window.webhooksE2eObserver.disconnect();
    }
    window.webhooksE2eObserver = new MutationObserver(() => window.webhooksE2eMessages.push(region.textContent.trim()));
    window.webhooksE2eObserver.observe(region, { childList: true, characterData: true, subtree: true });
  }, id);
  await locator.click();
  const handle = await s.page.waitForFunction((wanted) => window.webhooksE2eMessages.find((m) => m.includes(wanted)), text);
  const shown = await handle.jsonValue();
  await s.page.evaluate(() => window.webhooksE2eObserver.disconnect());
  return shown;
}

// --- steps ------------------------------------------------------------------------------------------------------

const steps = {};

/** Opens the page in a new browser context and signs in through the page's own prompt, as its first visit does. */
steps.signIn = async ({ as, user, password }) => {
  if (sessions[as]) {
    await sessions[as].context.close();
  }
  const s = await newContext();
  sessions[as] = s;
  secrets.push(password);
  const response = await s.page.goto(PAGE_URL);
  expect(response && response.ok(), 'the page answers 200: ' + (response && response.status()));
  const dialog = s.page.getByRole('dialog', { name: 'Sign in to OpenMRS' });
  await dialog.waitFor();
  await snap(s, as + '-sign-in');
  await dialog.getByLabel('Username').fill(user);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.waitFor({ state: 'detached' });
  const signedIn = s.page.locator('#user');
  await s.page.waitForFunction(() => /Signed in as/.test(document.getElementById('user').textContent));
  await s.page.locator('#panel-targets .table-wrap:not([aria-busy])').waitFor();
  const cookies = await s.context.cookies(OPENMRS_URL);
  await snap(s, as + '-targets');
  return {
    user: (await signedIn.textContent()).trim(),
    sessionCookie: cookies.some((c) => c.name === 'JSESSIONID'),
    alert: (await s.page.locator('#alert').textContent()).trim()
  };
};

/**
 * The legacy UI's way in (legacyui): its login form, then Administration, then the module's link. The page opens
 * on the legacy UI's session, without asking to sign in again.
 */
steps.legacyAdminLink = async ({ user, password }) => {
  const s = await newContext();
  sessions.legacy = s;
  secrets.push(password);
  await s.page.goto(OPENMRS_URL + '/login.htm');
  await s.page.locator('input[name="uname"]').fill(user);
  await s.page.locator('input[name="pw"]').fill(password);
  await Promise.all([s.page.waitForNavigation(), s.page.locator('input[type="submit"]').first().click()]);
  await s.page.goto(OPENMRS_URL + '/admin/index.htm');
  const link = s.page.getByRole('link', { name: 'Manage webhook targets and deliveries' });
  await link.waitFor();
  await snap(s, 'legacy-admin-list');
  const href = (await link.getAttribute('href')).trim();
  await Promise.all([s.page.waitForNavigation(), link.click()]);
  expect(s.page.url().startsWith(PAGE_URL), 'the link opens the page: ' + s.page.url());
  await s.page.waitForFunction(() => /Signed in as/.test(document.getElementById('user').textContent));
  await s.page.locator('#panel-targets .table-wrap:not([aria-busy])').waitFor();
  const prompted = await s.page.getByRole('dialog', { name: 'Sign in to OpenMRS' }).count();
  await snap(s, 'legacy-to-page');
  const result = { href, prompted: prompted > 0, user: (await s.page.locator('#user').textContent()).trim() };
  await s.context.close();
  delete sessions.legacy;
  return result;
};

/**
 * Add target: name, URL, all patient events, max attempts, API key auth, signing (on by default); the secret is
 * shown once.
 */
steps.createTarget = async ({ as, name, url, apiKey, maxAttempts }) => {
  const s = session(as);
  secrets.push(apiKey);
  await showTab(s, 'Targets');
  await s.page.getByRole('button', { name: 'Add target' }).click();
  const form = s.page.getByRole('dialog', { name: 'Add a target' });
  await form.waitFor();
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'URL', exact: true }).fill(url);
  await form.getByRole('checkbox', { name: 'All patient events (patient.*)' }).check();
  if (maxAttempts) {
    await form.getByLabel('Max attempts', { exact: true }).fill(String(maxAttempts));
  }
  await form.getByLabel('Type', { exact: true }).selectOption('apiKey');
  expect((await form.getByLabel(/^Header name \*$/).inputValue()) === 'x-api-key', 'x-api-key is the default header');
  await form.getByLabel(/^Key \*$/).fill(apiKey);
  expect(await form.getByLabel('Sign notifications (Standard Webhooks, HMAC-SHA256)').isChecked(), 'signing on by default');
  await snap(s, 'create-form');
  const dialog = s.page.getByRole('dialog', { name: 'Signing secret' });
  const created = await clickForMessage(s, form.getByRole('button', { name: 'Save' }), 'status', name + ' was created.');
  await dialog.waitFor();
  const secret = await dialog.locator('input.secret-value').inputValue();
  secrets.push(secret);
  await dialog.getByText('It will not be shown again').waitFor();
  await snap(s, 'create-secret-once');
  await dialog.getByRole('button', { name: 'I have stored it' }).click();
  await dialog.waitFor({ state: 'detached' });
  const r = row(s, name);
  await r.waitFor();
  const html = await s.page.content();
  expect(!html.includes(secret), 'the secret is gone from the page once the dialog is closed');
  expect(!html.includes(apiKey), 'the API key is not in the page');
  await snap(s, 'create-listed');
  return {
    uuid: await r.getAttribute('data-uuid'),
    secret,
    created,
    rowText: (await r.textContent()).replace(/\s+/g, ' ').trim(),
    enabled: await r.getByRole('switch').getAttribute('aria-checked')
  };
};

/** Send test event: the dialog shows the receiver's answer. */
steps.testSend = async ({ as, name, expectText }) => {
  const s = session(as);
  await showTab(s, 'Targets');
  await row(s, name).getByRole('button', { name: 'Send test event to ' + name }).click();
  const dialog = s.page.getByRole('dialog', { name: 'Test event to ' + name });
  await dialog.locator('.test-summary').waitFor();
  if (expectText) {
    await dialog.locator('.test-summary', { hasText: expectText }).waitFor();
  }
  const summary = (await dialog.locator('.test-summary').textContent()).replace(/\s+/g, ' ').trim();
  await snap(s, as + '-test-send');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'detached' });
  return { summary };
};

async function logRows(s) {
  return s.page.locator('.log-table tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const cell = (key) => {
      const td = tr.querySelector('.col-' + key);
      return td ? td.textContent.trim() : null;
    };
    return { uuid: tr.getAttribute('data-uuid'), event: cell('event'), target: cell('target'), patient: tr.querySelector('.col-patient').title,
      status: cell('status'), attempts: cell('attempts'), code: cell('code'), error: cell('error'),
      retry: Boolean(Array.from(tr.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Retry')) };
  }));
}

/**
 * Delivery log filtered to a target and a patient; presses Refresh (as a person waiting would) until a row shows
 * `status` (Delivered, Failed, ...) or the time is up. Returns the rows shown.
 */
steps.deliveryLog = async ({ as, targetUuid, patientUuid, status, seconds }) => {
  const s = session(as);
  await showTab(s, 'Delivery log');
  await s.page.getByLabel('Target', { exact: true }).selectOption(targetUuid);
  await s.page.getByLabel('Patient uuid', { exact: true }).fill(patientUuid || '');
  await s.page.getByRole('button', { name: 'Apply filters' }).click();
  const deadline = Date.now() + (seconds || 60) * 1000;
  let rows = [];
  for (;;) {
    await s.page.locator('#panel-deliveries .table-wrap:not([aria-busy])').waitFor();
    rows = await logRows(s);
    if (!status || rows.some((r) => r.status === status) || Date.now() > deadline) {
      break;
    }
    await s.page.waitForTimeout(1000);
    await s.page.locator('#panel-deliveries').getByRole('button', { name: 'Refresh' }).click();
  }
  await snap(s, as + '-log-' + (status || 'any').toLowerCase());
  return { rows };
};

/** Retry on one row of the log; then Refresh until it shows Delivered; then its attempts in the details dialog. */
steps.retry = async ({ as, deliveryUuid, seconds }) => {
  const s = session(as);
  await showTab(s, 'Delivery log');
  const id = deliveryUuid.substring(0, 8);
  const tr = s.page.locator('.log-table tbody tr[data-uuid="' + deliveryUuid + '"]');
  const announced = await clickForMessage(s, tr.getByRole('button', { name: 'Retry delivery ' + id }), 'status',
    'Delivery ' + id + ' queued for retry.');
  await snap(s, 'retry-queued');
  const deadline = Date.now() + (seconds || 60) * 1000;
  let shown = null;
  for (;;) {
    await s.page.locator('#panel-deliveries .table-wrap:not([aria-busy])').waitFor();
    shown = (await logRows(s)).find((r) => r.uuid === deliveryUuid);
    if ((shown && shown.status === 'Delivered') || Date.now() > deadline) {
      break;
    }
    await s.page.waitForTimeout(1000);
    await s.page.locator('#panel-deliveries').getByRole('button', { name: 'Refresh' }).click();
  }
  await snap(s, 'retry-delivered');
  await tr.getByRole('button', { name: 'Attempts of delivery ' + id }).click();
  const dialog = s.page.getByRole('dialog', { name: 'Delivery ' + id });
  await dialog.locator('.attempts:not([aria-busy])').waitFor();
  const attempts = await dialog.locator('.attempts-table tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const cells = tr.querySelectorAll('td');
    return { manual: Boolean(tr.querySelector('.badge')), code: cells[2].textContent.trim(), error: cells[3].textContent.trim() };
  }));
  await snap(s, 'retry-attempts');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  return { announced, row: shown, attempts };
};

/** The Statistics tab as shown: cards, the chart's description, and the row of one target. */
steps.stats = async ({ as, targetName }) => {
  const s = session(as);
  const tab = s.page.getByRole('tab', { name: 'Statistics' });
  if ((await tab.getAttribute('aria-selected')) === 'true') {
    await s.page.locator('#panel-stats').getByRole('button', { name: 'Refresh' }).click();
  } else {
    await tab.click();
  }
  await s.page.locator('#panel-stats .cards').waitFor();
  await s.page.locator('#panel-stats .stats-body:not([aria-busy])').waitFor();
  const cards = {};
  for (const card of await s.page.locator('#panel-stats .card').all()) {
    cards[(await card.locator('.card-label').textContent()).trim()] = (await card.locator('.card-value').textContent()).trim();
  }
  const chart = s.page.locator('svg.chart');
  const hasChart = (await chart.count()) > 0;
  const perTarget = await s.page.locator('#panel-stats .per-target tbody tr').evaluateAll((rows) => rows.map((tr) =>
    [tr.querySelector('th').textContent.trim()].concat(Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim()))));
  await snap(s, as + '-stats');
  return {
    cards,
    chartDesc: hasChart ? (await chart.locator('desc').textContent()).trim() : null,
    bars: hasChart ? await chart.locator('rect.bar-delivered').count() : 0,
    target: perTarget.find((cells) => cells[0] === targetName) || null
  };
};

/**
 * A user without Manage Webhooks: the page lets them look, and refuses each change with a message that says why.
 * Returns what was shown for each attempt.
 */
steps.refusedChanges = async ({ as, name, deliveryUuid }) => {
  const s = session(as);
  const seen = {};
  await showTab(s, 'Targets');
  const r = row(s, name);
  await r.waitFor();
  seen.listed = true;

  // Add target: filled in and saved, refused in the form.
  await s.page.getByRole('button', { name: 'Add target' }).click();
  const form = s.page.getByRole('dialog', { name: 'Add a target' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name + ' (viewer)');
  await form.getByRole('textbox', { name: 'URL', exact: true }).fill('https://receiver.example.org/hook');
  await form.getByRole('checkbox', { name: 'All patient events (patient.*)' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.locator('.dialog-error', { hasText: FORBIDDEN }).waitFor();
  seen.create = (await form.locator('.dialog-error').textContent()).trim();
  await snap(s, as + '-create-refused');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });

  // Send test event: the dialog says it is not allowed.
  await r.getByRole('button', { name: 'Send test event to ' + name }).click();
  const test = s.page.getByRole('dialog', { name: 'Test event to ' + name });
  await test.locator('.test-summary', { hasText: FORBIDDEN }).waitFor();
  seen.test = (await test.locator('.test-summary').textContent()).trim();
  await snap(s, as + '-test-refused');
  await test.getByRole('button', { name: 'Close' }).first().click();

  // The enabled switch: refused, and it stays on.
  seen.toggle = await clickForMessage(s, r.getByRole('switch'), 'alert', FORBIDDEN);
  await s.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  seen.toggleAfter = await row(s, name).getByRole('switch').getAttribute('aria-checked');
  await snap(s, as + '-toggle-refused');

  // Retry of a failed delivery in the log: refused.
  if (deliveryUuid) {
    await showTab(s, 'Delivery log');
    await s.page.getByLabel('Status', { exact: true }).selectOption('');
    await s.page.getByLabel('Target', { exact: true }).selectOption({ label: name });
    await s.page.getByRole('button', { name: 'Apply filters' }).click();
    const tr = s.page.locator('.log-table tbody tr[data-uuid="' + deliveryUuid + '"]');
    await tr.waitFor();
    seen.retry = await clickForMessage(s, tr.getByRole('button', { name: 'Retry delivery ' + deliveryUuid.substring(0, 8) }),
      'alert', FORBIDDEN);
    await snap(s, as + '-retry-refused');
  }
  return seen;
};

steps.screenshot = async ({ as, name }) => ({ file: await snap(session(as), name) });

/** After every step: what must never happen on the page, whatever the step. */
async function checkHygiene() {
  for (const [name, s] of Object.entries(sessions)) {
    expect(s.pageErrors.length === 0, name + ': no script errors: ' + s.pageErrors.join('; '));
    const storage = await s.page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage)));
    expect(storage === '{}{}', name + ': nothing in localStorage or sessionStorage');
    const leaks = secrets.filter(Boolean).filter((x) => s.urls.some((u) => u.includes(x)) || s.consoleLines.some((l) => l.includes(x)));
    expect(leaks.length === 0, name + ': a secret in a URL or the console');
  }
}

async function close() {
  for (const s of Object.values(sessions)) {
    await s.context.close().catch(() => {});
  }
  if (browser) {
    await browser.close().catch(() => {});
  }
}

async function main() {
  if (!OPENMRS_URL) {
    throw new Error('OPENMRS_URL is not set');
  }
  const lines = readline.createInterface({ input: process.stdin });
  const answer = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
  for await (const line of lines) {
    if (!line.trim()) {
      continue;
    }
    const command = JSON.parse(line);
    if (command.step === 'close') {
      break;
    }
    const fn = steps[command.step];
    const started = Date.now();
    try {
      if (!fn) {
        throw new Error('unknown step ' + command.step);
      }
      const result = await fn(command);
      await checkHygiene();
      log(command.step + (command.as ? ' (' + command.as + ')' : '') + ': ok in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s');
      answer({ ok: true, result });
    } catch (error) {
      let shot = null;
      const s = sessions[command.as] || Object.values(sessions)[0];
      if (s) {
        shot = await snap(s, 'FAILED-' + command.step).catch(() => null);
      }
      const consoleLines = s ? s.consoleLines.filter((l) => !l.includes('Failed to load resource')).slice(-10) : [];
      log(command.step + ': FAILED in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s');
      answer({ ok: false, error: String(error.stack || error), screenshot: shot, console: consoleLines,
        pageErrors: s ? s.pageErrors : [] });
    }
  }
  await close();
}

main().then(() => process.exit(0), async (error) => {
  log('harness error: ' + String(error.stack || error));
  await close();
  process.exit(1);
});
