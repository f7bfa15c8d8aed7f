'use strict';
/*
 * Drives the admin page in Debian's headless Chromium (playwright-core, no downloaded browser)
 * against server.js, one fresh browser context and fresh server state per scenario, at 1366×768.
 * Writes one screenshot per scenario to omod/target/browser-screenshots/<scenario>.png, prints
 * "ok" / "not ok" per scenario and a closing "N passed, N failed" line, and exits 1 on any failure.
 *
 *   node run.js [scenario-name ...]      env: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { startServer } = require('./server');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR || path.resolve(__dirname, '../../../target/browser-screenshots');
// The flags the closed network needs: no background connections to Google's hosts at start.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1366, height: 768 };
// Not UTC, so that the local-time inputs really are converted to UTC instants.
const TIMEZONE = 'Africa/Nairobi';
const TZ_OFFSET_HOURS = 3;

function expect(condition, message) {
  if (!condition) {
    throw new Error('Expectation failed: ' + message);
  }
}

function expectEqual(actual, expected, message) {
  if (actual !== expected) {
    throw new Error('Expectation failed: ' + message + '\n    expected: ' + JSON.stringify(expected) + '\n    actual:   ' + JSON.stringify(actual));
  }
}

/** Loads the page and signs in through the prompt that the first 401 brings up. */
async function signIn(t, username = 'admin', password = 'Admin123') {
  await t.page.goto(t.server.url);
  const dialog = t.page.getByRole('dialog', { name: 'Sign in to OpenMRS' });
  await dialog.waitFor();
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.waitFor({ state: 'detached' });
  await t.page.locator('.targets-table').waitFor();
}

function row(t, name) {
  return t.page.locator('.targets-table tbody tr', { has: t.page.locator('.target-name', { hasText: name }) });
}

/** The REST calls the page made whose path starts with prefix (after /openmrs/ws/rest/v1/). */
function calls(t, prefix, method) {
  return t.server.state().requests.filter((r) => r.path.startsWith('/openmrs/ws/rest/v1/' + prefix) && (!method || r.method === method));
}

async function openMore(t, targetName, item) {
  const r = row(t, targetName);
  await r.locator('summary', { hasText: 'More' }).click();
  await r.getByRole('button', { name: item }).click();
}

/** Presses Tab until the focused element matches the predicate (run in the page), at most max times. */
async function tabUntil(t, predicateSource, max = 60, shift = false) {
  for (let i = 0; i < max; i += 1) {
    await t.page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    // eslint-disable-next-line no-new-func
    const hit = await t.page.evaluate(predicateSource);
    if (hit) {
      return i + 1;
    }
  }
  const where = await t.page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 160));
  throw new Error('Tab never reached the wanted element; focus is on ' + where);
}

async function focusedLabel(t) {
  return t.page.evaluate(() => {
    const el = document.activeElement;
    if (!el) {
      return null;
    }
    if (el.getAttribute('aria-label')) {
      return el.getAttribute('aria-label');
    }
    if (el.labels && el.labels.length) {
      return el.labels[0].textContent.trim();
    }
    return el.textContent.trim();
  });
}

const scenarios = [];
function scenario(name, fn) {
  scenarios.push({ name, fn });
}

scenario('login-then-list', async (t) => {
  await t.page.goto(t.server.url);
  const dialog = t.page.getByRole('dialog', { name: 'Sign in to OpenMRS' });
  await dialog.waitFor();
  // No session: the page asks /session (never a 401) and prompts before any protected call, so the
  // browser's own Basic-auth box (which a 401's WWW-Authenticate would bring up) never appears.
  expectEqual(JSON.stringify(t.server.state().requests.map((r) => r.path.split('?')[0])),
    JSON.stringify(['/openmrs/ws/rest/v1/session']), 'only /session asked before signing in');
  expectEqual(await focusedLabel(t), 'Username', 'focus starts in the username field');
  await dialog.getByLabel('Username').fill('admin');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.getByText('Wrong username or password.').waitFor();
  await dialog.getByLabel('Password').fill('Admin123');
  await t.page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await t.page.locator('.targets-table').waitFor();
  expectEqual(await t.page.locator('.targets-table tbody tr').count(), 2, 'two seeded targets listed');
  const lab = row(t, 'Lab bridge');
  expectEqual((await lab.locator('.badge').first().textContent()).trim(), 'Paused', 'health state badge');
  expect((await lab.textContent()).includes('7 consecutive failures'), 'consecutive failures shown');
  expect((await lab.textContent()).includes('HTTP 503 Service Unavailable'), 'last error shown');
  expectEqual(await row(t, 'OpenFn LIME').getByRole('switch').getAttribute('aria-checked'), 'true', 'enabled switch on');
  await t.page.getByText('Signed in as admin').waitFor();
  // The password went only into the one session request; everything after rides on the cookie.
  const authorized = t.server.state().requests.filter((r) => r.authorization);
  expectEqual(authorized.length, 2, 'Basic auth only on the two sign-in attempts');
  expect(authorized.every((r) => r.path.startsWith('/openmrs/ws/rest/v1/session')), 'Basic auth only on /session');
  expect(calls(t, 'webhooktarget').some((r) => r.path.includes('v=full')), 'targets listed with v=full');

  // Enabled switch: keyboard toggles it, the server hears it.
  const toggle = row(t, 'OpenFn LIME').getByRole('switch');
  await toggle.focus();
  await t.page.keyboard.press('Space');
  await t.page.getByRole('status').filter({ hasText: 'OpenFn LIME is disabled.' }).waitFor();
  expectEqual(calls(t, 'webhooks/target/6f1c2a9e-3b7d-4e21-9a55-0c1d2e3f4a51/disable', 'POST').length, 1, 'disable called');
  // Wait for the list refresh that follows the toggle to finish (it replaces the row and gives focus back to
  // the new switch): a key pressed while the old switch is being replaced would be lost between keydown and keyup.
  await t.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]')
    && document.activeElement && document.activeElement.getAttribute('role') === 'switch'
    && document.activeElement.getAttribute('aria-checked') === 'false');
  await t.page.keyboard.press('Space');
  await t.page.getByRole('status').filter({ hasText: 'OpenFn LIME is enabled.' }).waitFor();
  await t.snap();

  // A session that ends mid-work: the 401 brings the prompt back, and the refused request is retried.
  // Real browsers first show their own Basic-auth box for the 401's WWW-Authenticate challenge;
  // this plays what follows when the person cancels it (headless Chromium has no such box).
  t.server.state().basicChallenge = false;
  await t.context.clearCookies();
  const before = calls(t, 'webhooktarget?').length;
  await t.page.getByRole('button', { name: 'Refresh' }).click();
  await dialog.waitFor();
  await dialog.getByLabel('Username').fill('admin');
  await dialog.getByLabel('Password').fill('Admin123');
  await t.page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await t.page.waitForFunction(() => document.querySelectorAll('.targets-table tbody tr').length === 2);
  expectEqual(calls(t, 'webhooktarget?').length, before + 2, 'the refused list request was retried once after signing in');
  expect(t.server.state().requests.some((r) => r.path.startsWith('/openmrs/ws/rest/v1/webhooktarget') && r.status === 401),
    'the list request was refused with 401 first');
});

scenario('create-validation-then-success', async (t) => {
  await signIn(t);
  await t.page.getByRole('button', { name: 'Add target' }).click();
  const form = t.page.getByRole('dialog', { name: 'Add a target' });
  await form.waitFor();

  // Client-side: nothing filled in, nothing sent.
  await form.getByRole('button', { name: 'Save' }).click();
  const nameField = form.locator('[data-error-for="name"]');
  await nameField.locator('.field-error', { hasText: 'Required.' }).waitFor();
  await form.locator('[data-error-for="eventTypes"] > .field-error', { hasText: 'Choose at least one event type.' }).waitFor();
  expectEqual(calls(t, 'webhooktarget', 'POST').length, 0, 'no POST while the form is incomplete');
  expectEqual(await focusedLabel(t), 'Name *', 'focus moved to the first invalid field');

  // Server-side: http:// passes the client check, the server answers 400 with fieldErrors.url.
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('District HIE');
  await form.getByRole('textbox', { name: 'URL', exact: true }).fill('http://hie.example.org/openmrs');
  await form.getByRole('checkbox', { name: 'All patient events (patient.*)' }).check();
  await form.getByRole('checkbox', { name: 'encounter.created', exact: true }).check();
  await form.getByLabel('Other patterns', { exact: true }).fill('order.*');
  await form.getByRole('button', { name: 'Save' }).click();
  // fieldErrors keyed "eventTypes[2]" land on the event picker.
  await form.locator('[data-error-for="eventTypes"] > .field-error', { hasText: 'Unknown event type: order.*' }).waitFor();
  await form.getByLabel('Other patterns', { exact: true }).fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.locator('[data-error-for="eventTypes"] > .field-error').waitFor({ state: 'hidden' });
  const urlField = form.locator('[data-error-for="url"]');
  const urlError = urlField.locator('.field-error');
  await urlError.filter({ hasText: 'URL must start with https://' }).waitFor();
  const urlInput = urlField.locator('input');
  expectEqual(await urlInput.getAttribute('aria-invalid'), 'true', 'URL input marked invalid');
  const describedBy = await urlInput.getAttribute('aria-describedby');
  expect(describedBy.split(' ').includes(await urlError.getAttribute('id')), 'the error is the input\'s description');
  expect(await urlInput.evaluate((el) => el === document.activeElement), 'focus moved to the URL field');
  expect(await nameField.locator('.field-error').isHidden(), 'the fixed name field has no error any more');
  const sent = calls(t, 'webhooktarget', 'POST')[1].body;
  expectEqual(JSON.stringify(sent.eventTypes), JSON.stringify(['patient.*', 'encounter.created']), 'pattern sent, not its single types');
  await t.snap('create-validation-error');

  await urlInput.fill('https://hie.example.org/openmrs');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  // Signing is on by default for a new target: the secret dialog follows the create.
  const secret = t.page.getByRole('dialog', { name: 'Signing secret' });
  await secret.waitFor();
  await secret.getByRole('button', { name: 'I have stored it' }).click();
  await row(t, 'District HIE').waitFor();
  await t.page.getByRole('status').filter({ hasText: 'District HIE was created.' }).waitFor();
  expectEqual(await t.page.locator('.targets-table tbody tr').count(), 3, 'the new target is listed');

  // Edit: stored secrets come back masked and are sent back masked, so the server keeps them.
  await row(t, 'Lab bridge').getByRole('button', { name: 'Edit Lab bridge' }).click();
  const edit = t.page.getByRole('dialog', { name: 'Edit Lab bridge' });
  await edit.waitFor();
  await edit.getByLabel('Description', { exact: true }).fill('Results to the district lab (edited)');
  await edit.getByText('Stored (****9f3e). Leave empty to keep it.').waitFor();
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  const update = calls(t, 'webhooktarget/9b8e7d6c-5a4b-4c3d-8e2f-1a0b9c8d7e62', 'POST')[0].body;
  expectEqual(update.auth.token, '****9f3e', 'masked token sent back unchanged');
  expectEqual(update.headers['X-Site'], '****ct-7', 'masked header value sent back unchanged');
  const stored = t.server.state().targets.find((tg) => tg.name === 'Lab bridge');
  expectEqual(stored.auth.token, 'eyJhbGciOiJIUzI1NiJ9.lab.token9f3e', 'the server kept the stored token');
  expectEqual(stored.description, 'Results to the district lab (edited)', 'description updated');

  // The API-key target's edit form: the key is masked, the OpenFn hint shows.
  await row(t, 'OpenFn LIME').getByRole('button', { name: 'Edit OpenFn LIME' }).click();
  const openfn = t.page.getByRole('dialog', { name: 'Edit OpenFn LIME' });
  await openfn.locator('.openfn-hint').waitFor();
  expectEqual(await openfn.getByLabel(/^Header name/).inputValue(), 'x-api-key', 'stored header name shown');
  expectEqual(await openfn.getByLabel(/^Key/).inputValue(), '', 'the key itself is never put in the form');
  await t.snap('edit-target');
  await openfn.getByRole('button', { name: 'Cancel' }).click();

  // Retire: gone from the list, back with "Show retired targets".
  await openMore(t, 'District HIE', 'Retire…');
  const confirm = t.page.getByRole('dialog', { name: 'Retire District HIE' });
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await t.page.getByRole('status').filter({ hasText: 'District HIE was retired.' }).waitFor();
  await t.page.waitForFunction(() => document.querySelectorAll('.targets-table tbody tr').length === 2);
  await t.page.getByLabel('Show retired targets').check();
  await row(t, 'District HIE').locator('.badge', { hasText: 'retired' }).waitFor();
  expect(calls(t, 'webhooktarget?').some((r) => r.path.includes('includeAll=true')), 'retired targets asked for with includeAll');
});

scenario('secret-shown-once', async (t) => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(t.server.url).origin });
  await signIn(t);
  const addButton = t.page.getByRole('button', { name: 'Add target' });
  await addButton.click();
  const form = t.page.getByRole('dialog', { name: 'Add a target' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('OpenFn referrals');
  await form.getByRole('textbox', { name: 'URL', exact: true }).fill('https://app.openfn.org/i/referrals');
  await form.getByRole('checkbox', { name: 'All encounter events (encounter.*)' }).check();
  await form.getByLabel('Type', { exact: true }).selectOption('apiKey');
  expectEqual(await form.getByLabel(/^Header name \*$/).inputValue(), 'x-api-key', 'x-api-key is the default header');
  await form.locator('.openfn-hint').waitFor();
  await form.getByLabel(/^Key \*$/).fill('openfn-key-123456');
  expect(await form.getByLabel('Sign notifications (Standard Webhooks, HMAC-SHA256)').isChecked(), 'signing on by default');
  await form.getByRole('button', { name: 'Save' }).click();

  const dialog = t.page.getByRole('dialog', { name: 'Signing secret' });
  await dialog.waitFor();
  const secretValue = await dialog.locator('input.secret-value').inputValue();
  expect(/^whsec_/.test(secretValue), 'a whsec_ secret is shown: ' + secretValue);
  await dialog.getByText('It will not be shown again').waitFor();
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await dialog.getByText('Copied to the clipboard.').waitFor();
  expectEqual(await t.page.evaluate(() => navigator.clipboard.readText()), secretValue, 'copy puts the secret on the clipboard');
  const created = t.server.state().targets.find((tg) => tg.name === 'OpenFn referrals');
  expectEqual(created.secrets[0], secretValue, 'the shown secret is the stored one');
  await t.snap();

  await dialog.getByRole('button', { name: 'I have stored it' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await addButton.evaluate((el) => el === document.activeElement), 'focus back on Add target');
  await row(t, 'OpenFn referrals').waitFor();
  const html = await t.page.content();
  expect(!html.includes(secretValue), 'the secret is gone from the page after closing');
  expect(!html.includes('openfn-key-123456'), 'the API key is not in the page');
  const listJson = JSON.stringify(t.server.state().targets);
  expect(listJson.includes(secretValue), '(sanity) server holds the secret');

  // Edit shows only the count of secrets, never a value.
  await row(t, 'OpenFn referrals').getByRole('button', { name: 'Edit OpenFn referrals' }).click();
  const edit = t.page.getByRole('dialog', { name: 'Edit OpenFn referrals' });
  await edit.getByText('1 active secret(s).').waitFor();
  expect(!(await t.page.content()).includes(secretValue), 'the edit form does not show the secret');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Rotating shows the new secret once, too.
  await openMore(t, 'OpenFn referrals', 'Rotate signing secret…');
  const rotate = t.page.getByRole('dialog', { name: 'Rotate the signing secret of OpenFn referrals' });
  await rotate.getByLabel('Overlap (hours)').fill('48');
  await rotate.getByRole('button', { name: 'Rotate' }).click();
  await dialog.waitFor();
  const rotated = await dialog.locator('input.secret-value').inputValue();
  expect(/^whsec_/.test(rotated) && rotated !== secretValue, 'a new secret after rotation');
  expectEqual(calls(t, 'webhooks/target/' + created.uuid + '/rotatesecret', 'POST')[0].body.overlapHours, 48, 'overlap sent');
  await t.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(!(await t.page.content()).includes(rotated), 'the rotated secret is gone after Escape');
  t.secrets.push(secretValue, rotated, 'openfn-key-123456');
});

scenario('test-send', async (t) => {
  await signIn(t);
  const button = row(t, 'OpenFn LIME').getByRole('button', { name: 'Send test event to OpenFn LIME' });
  await button.click();
  const dialog = t.page.getByRole('dialog', { name: 'Test event to OpenFn LIME' });
  await dialog.getByText('The receiver answered 200 in 87 ms.').waitFor();
  expect((await dialog.locator('pre.excerpt').textContent()).includes('"work_order_id":"wo-48213"'), 'response excerpt shown');
  await t.snap();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  expect(await button.evaluate((el) => el === document.activeElement), 'focus back on the test button');

  await row(t, 'Lab bridge').getByRole('button', { name: 'Send test event to Lab bridge' }).click();
  const failing = t.page.getByRole('dialog', { name: 'Test event to Lab bridge' });
  await failing.getByText('The receiver answered 503 in 1204 ms. HTTP 503 Service Unavailable').waitFor();
  expect((await failing.locator('pre.excerpt').textContent()).includes('Maintenance until 14:00'), 'failing excerpt shown');
  await t.snap('test-send-failure');
});

scenario('filter-delivery-log', async (t) => {
  await signIn(t);
  // A target's "Show deliveries" opens the log filtered to it.
  await openMore(t, 'OpenFn LIME', 'Show deliveries');
  await t.page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll('.log-table tbody .col-target'));
    return cells.length > 0 && cells.every((c) => c.textContent === 'OpenFn LIME');
  });
  expectEqual(await t.page.getByRole('tab', { name: 'Delivery log' }).getAttribute('aria-selected'), 'true', 'log tab selected');
  await t.page.getByRole('button', { name: 'Reset' }).click();
  const rows = t.page.locator('.log-table tbody tr');
  await t.page.waitForFunction(() => document.querySelectorAll('.log-table tbody tr').length === 25);
  await rows.first().waitFor();
  expectEqual(await rows.count(), 25, 'first page of 25');
  await t.page.getByText('Showing 1–25').waitFor();
  await t.page.getByRole('button', { name: 'Next page' }).click();
  await t.page.getByText('Showing 26–50').waitFor();
  expect(calls(t, 'webhookdelivery?').some((r) => r.path.includes('startIndex=25')), 'paging by startIndex');
  await t.page.getByRole('button', { name: 'Previous page' }).click();
  await t.page.getByText('Showing 1–25').waitFor();

  await t.page.getByLabel('Target', { exact: true }).selectOption({ label: 'Lab bridge' });
  await t.page.getByLabel('Status', { exact: true }).selectOption('failed');
  await t.page.getByRole('button', { name: 'Apply filters' }).click();
  await t.page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll('.log-table tbody .col-status'));
    return cells.length > 0 && cells.every((c) => c.textContent.trim() === 'Failed');
  });
  const targets = await t.page.locator('.log-table tbody .col-target').allTextContents();
  expect(targets.length > 0 && targets.every((name) => name === 'Lab bridge'), 'only Lab bridge rows: ' + targets.join(','));
  const last = calls(t, 'webhookdelivery?').pop().path;
  expect(last.includes('target=9b8e7d6c-5a4b-4c3d-8e2f-1a0b9c8d7e62') && last.includes('status=failed'), 'filters sent: ' + last);

  // Patient and a time range (local time in the inputs, UTC instants on the wire).
  const patient = t.server.state().patients[2];
  await t.page.getByRole('button', { name: 'Reset' }).click();
  await t.page.getByLabel('Patient uuid', { exact: true }).fill(patient);
  await t.page.getByLabel('From', { exact: true }).fill('2020-01-01T09:30');
  await t.page.getByRole('button', { name: 'Apply filters' }).click();
  await t.page.waitForFunction((uuid) => {
    const cells = Array.from(document.querySelectorAll('.log-table tbody .col-patient'));
    return cells.length > 0 && cells.every((c) => c.getAttribute('title') === uuid);
  }, patient);
  const withPatient = calls(t, 'webhookdelivery?').pop().path;
  expect(withPatient.includes('patient=' + patient), 'patient filter sent');
  const expectedFrom = new Date(Date.UTC(2020, 0, 1, 9 - TZ_OFFSET_HOURS, 30)).toISOString();
  expect(decodeURIComponent(withPatient).includes('fromdate=' + expectedFrom), 'fromdate in UTC: ' + withPatient);
  await t.page.getByRole('button', { name: 'Reset' }).click();
  await t.page.getByLabel('Event type', { exact: true }).selectOption('obs.created');
  await t.page.getByRole('button', { name: 'Apply filters' }).click();
  await t.page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll('.log-table tbody .col-event'));
    return cells.length > 0 && cells.every((c) => c.textContent === 'obs.created');
  });

  // Attempt details on click.
  await t.page.locator('.log-table tbody tr').first().getByRole('button', { name: /^Attempts of delivery/ }).click();
  const details = t.page.getByRole('dialog', { name: /^Delivery / });
  await details.locator('.attempts-table tbody tr').first().waitFor();
  expect((await details.textContent()).includes('503'), 'attempt status code shown');
  await t.snap('delivery-attempts');
  await t.page.keyboard.press('Escape');
  await details.waitFor({ state: 'detached' });
  await t.page.getByLabel('Event type', { exact: true }).selectOption('');
  await t.page.getByLabel('Target', { exact: true }).selectOption({ label: 'Lab bridge' });
  await t.page.getByLabel('Status', { exact: true }).selectOption('failed');
  await t.page.getByRole('button', { name: 'Apply filters' }).click();
  await t.page.waitForFunction(() => document.querySelectorAll('.log-table tbody .col-status').length > 0
    && Array.from(document.querySelectorAll('.log-table tbody .col-status')).every((c) => c.textContent.trim() === 'Failed'));
  await t.snap();
});

scenario('retry-delivery', async (t) => {
  await signIn(t);
  await t.page.getByRole('tab', { name: 'Delivery log' }).click();
  await t.page.getByLabel('Status', { exact: true }).selectOption('dead');
  await t.page.getByRole('button', { name: 'Apply filters' }).click();
  await t.page.waitForFunction(() => document.querySelectorAll('.log-table tbody .col-status').length > 0
    && Array.from(document.querySelectorAll('.log-table tbody .col-status')).every((c) => c.textContent.trim() === 'Dead'));
  const before = await t.page.locator('.log-table tbody tr').count();
  const first = t.page.locator('.log-table tbody tr').first();
  const uuid = await first.getAttribute('data-uuid');
  await first.getByRole('button', { name: /^Retry delivery/ }).click();
  await t.page.getByRole('status').filter({ hasText: 'queued for retry' }).waitFor();
  expectEqual(calls(t, 'webhooks/delivery/' + uuid + '/retry', 'POST').length, 1, 'retry called for the row');
  await t.page.waitForFunction((n) => document.querySelectorAll('.log-table tbody tr').length === n - 1
    || (n === 1 && document.querySelector('.table-wrap .empty')), before);
  expectEqual(t.server.state().deliveries.find((d) => d.uuid === uuid).status, 'pending', 'the delivery is pending again');
  await t.snap();
});

scenario('replay-since', async (t) => {
  await signIn(t);
  await openMore(t, 'OpenFn LIME', 'Replay events since…');
  const dialog = t.page.getByRole('dialog', { name: 'Replay events to OpenFn LIME' });
  await dialog.waitFor();
  const input = dialog.getByLabel('Since (your local time)');
  expect((await input.inputValue()).length === 16, 'a default time is filled in');
  // Three hours ago, in the page's local time zone.
  const since = await t.page.evaluate(() => {
    const d = new Date(Date.now() - 3 * 3600 * 1000);
    d.setSeconds(0, 0);
    const pad = (n) => String(n).padStart(2, '0');
    return { local: d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes()),
      iso: d.toISOString() };
  });
  await input.fill(since.local);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByText(/^Replay every event since .* to OpenFn LIME\?$/).waitFor();
  expectEqual(calls(t, 'webhooks/target/', 'POST').length, 0, 'nothing sent before confirming');
  await t.snap();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
  const call = calls(t, 'webhooks/target/6f1c2a9e-3b7d-4e21-9a55-0c1d2e3f4a51/replay', 'POST');
  expectEqual(call.length, 1, 'one replay call');
  expectEqual(call[0].body.since, since.iso, 'since sent as the UTC instant of the local time');
  await t.page.getByRole('status').filter({ hasText: /events queued for replay to OpenFn LIME/ }).waitFor();
  await t.snap('replay-since-done');

  // Retry failed since, with Back: the first Continue must not send anything either.
  await openMore(t, 'Lab bridge', 'Retry failed since…');
  const retry = t.page.getByRole('dialog', { name: 'Retry failed deliveries of Lab bridge' });
  await retry.getByRole('button', { name: 'Continue' }).click();
  await retry.getByRole('button', { name: 'Back' }).click();
  await retry.getByRole('button', { name: 'Continue' }).click();
  await retry.getByRole('button', { name: 'Confirm' }).click();
  await retry.waitFor({ state: 'detached' });
  const expected = t.server.state().deliveries.length >= 0;
  expect(expected, 'server state readable');
  await t.page.getByRole('status').filter({ hasText: /deliveries of Lab bridge queued for retry/ }).waitFor();
  expectEqual(calls(t, 'webhooks/target/9b8e7d6c-5a4b-4c3d-8e2f-1a0b9c8d7e62/retryfailed', 'POST').length, 1, 'one retryfailed call');
});

scenario('stats-chart', async (t) => {
  await signIn(t);
  await t.page.getByRole('tab', { name: 'Statistics' }).click();
  const chart = t.page.locator('svg.chart');
  await chart.waitFor();
  expectEqual(await chart.locator('rect.bar-delivered').count(), 24, '24 delivered bars');
  expectEqual(await chart.locator('rect.bar-failed').count(), 24, '24 failed bars');
  const heights = await chart.locator('rect.bar-delivered').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  expect(heights.some((hgt) => hgt > 20), 'bars have height');
  expectEqual(await chart.getAttribute('role'), 'img', 'chart is an image to assistive technology');
  expect((await chart.locator('desc').textContent()).includes('delivered'), 'chart has a text description');
  const cards = await t.page.locator('.card').allTextContents();
  expect(cards.some((c) => c.startsWith('Queue depth')), 'queue depth card');
  expect(cards.some((c) => c.startsWith('Oldest pending')), 'oldest pending card');
  expect(cards.some((c) => c.startsWith('Capture failures2')), 'capture failures card: ' + cards.join(' | '));
  expectEqual(await t.page.locator('.card-alert', { hasText: 'Capture failures' }).count(), 1, 'capture failures flagged');
  await t.page.locator('.per-target tbody tr').nth(1).waitFor();
  await t.snap();
});

scenario('keyboard-create', async (t) => {
  await signIn(t);
  // Start from the top of the document, as a keyboard user arriving on the page.
  await t.page.evaluate(() => document.activeElement && document.activeElement.blur());
  await tabUntil(t, () => document.activeElement && document.activeElement.textContent === 'Add target');
  const visibleFocus = await t.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none');
  expect(visibleFocus, 'focus is visible on Add target');
  await t.page.keyboard.press('Enter');
  const form = t.page.getByRole('dialog', { name: 'Add a target' });
  await form.waitFor();
  expectEqual(await focusedLabel(t), 'Name *', 'focus starts in Name');

  // The dialog traps focus: Shift+Tab from the first control wraps to the last one (Save), Tab wraps back.
  await t.page.keyboard.press('Shift+Tab');
  expectEqual(await focusedLabel(t), 'Close', 'Shift+Tab reaches the close button');
  await t.page.keyboard.press('Shift+Tab');
  expectEqual(await focusedLabel(t), 'Save', 'Shift+Tab wraps to Save');
  await t.page.keyboard.press('Tab');
  expectEqual(await focusedLabel(t), 'Close', 'Tab wraps to the first control');
  await t.page.keyboard.press('Tab');

  await t.page.keyboard.type('Keyboard target');
  await t.page.keyboard.press('Tab');
  expectEqual(await focusedLabel(t), 'URL *', 'URL follows Name');
  await t.page.keyboard.type('https://kb.example.org/hook');
  await tabUntil(t, () => document.activeElement.value === 'visit.*');
  await t.page.keyboard.press('Space');
  await tabUntil(t, () => document.activeElement.labels && document.activeElement.labels[0]
    && document.activeElement.labels[0].textContent === 'Type');
  await t.snap('keyboard-create-form');
  // Arrow keys on a focused <select> change its value in Chromium on Linux.
  await t.page.keyboard.press('End');
  expectEqual(await t.page.evaluate(() => document.activeElement.value), 'apiKey', 'auth type chosen with the keyboard');
  await tabUntil(t, () => document.activeElement.labels && document.activeElement.labels[0]
    && document.activeElement.labels[0].textContent.startsWith('Key'));
  await t.page.keyboard.type('kb-secret-key-0042');
  // Enter in a text field submits the form.
  await t.page.keyboard.press('Enter');
  const secret = t.page.getByRole('dialog', { name: 'Signing secret' });
  await secret.waitFor();
  expectEqual(await focusedLabel(t), 'Copy', 'focus on Copy in the secret dialog');
  await t.page.keyboard.press('Tab');
  expectEqual(await focusedLabel(t), 'I have stored it', 'Tab reaches the done button');
  await t.page.keyboard.press('Enter');
  await secret.waitFor({ state: 'detached' });
  expectEqual(await focusedLabel(t), 'Add target', 'focus returns to Add target');
  await row(t, 'Keyboard target').waitFor();
  const body = calls(t, 'webhooktarget', 'POST')[0].body;
  expectEqual(JSON.stringify(body.eventTypes), '["visit.*"]', 'event pattern chosen by keyboard');
  expectEqual(body.auth.type, 'apiKey', 'apiKey sent');
  expectEqual(body.auth.headerName, 'x-api-key', 'default header name sent');
  expectEqual(body.auth.value, 'kb-secret-key-0042', 'key sent');

  // Escape closes a dialog and gives focus back to its opener.
  await t.page.keyboard.press('Enter');
  await form.waitFor();
  await t.page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  expectEqual(await focusedLabel(t), 'Add target', 'Escape restores focus');
  t.secrets.push('kb-secret-key-0042');
  await t.snap();
});

scenario('forbidden-without-privilege', async (t) => {
  await signIn(t, 'viewer', 'Viewer123');
  await row(t, 'OpenFn LIME').getByRole('button', { name: 'Send test event to OpenFn LIME' }).click();
  const dialog = t.page.getByRole('dialog', { name: 'Test event to OpenFn LIME' });
  await dialog.getByText('You do not have the privilege to do this.', { exact: false }).waitFor();
  await t.snap();
});

async function main() {
  const only = process.argv.slice(2);
  const selected = only.length ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  if (!fs.existsSync(CHROMIUM)) {
    process.stdout.write('Chromium not found at ' + CHROMIUM + ' (apt-get install -y chromium)\n0 passed, 1 failed\n');
    process.exit(1);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  let passed = 0;
  let failed = 0;
  for (const [index, sc] of selected.entries()) {
    server.reset();
    const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: TIMEZONE, locale: 'en-US' });
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const consoleLines = [];
    const pageErrors = [];
    const urls = [];
    page.on('console', (msg) => consoleLines.push(msg.type() + ': ' + msg.text()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => urls.push(request.url()));
    let snapped = false;
    const t = {
      page, context, server, secrets: [],
      snap: async (name) => {
        if (!name) {
          snapped = true;
        }
        await page.screenshot({ path: path.join(SHOTS, (name || sc.name) + '.png') });
      }
    };
    const started = Date.now();
    let error = null;
    try {
      await sc.fn(t);
      expect(pageErrors.length === 0, 'no script errors: ' + pageErrors.join('; '));
      // Secrets never in a URL, the console or web storage.
      const storage = await page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage)));
      expectEqual(storage, '{}{}', 'nothing in localStorage or sessionStorage');
      const leaks = t.secrets.concat(['whsec_']).filter((s) => urls.some((u) => u.includes(s)) || consoleLines.some((l) => l.includes(s)));
      expect(leaks.length === 0, 'secrets in a URL or the console: ' + leaks.join(', '));
      if (!snapped) {
        await t.snap();
      }
    } catch (failure) {
      error = failure;
      try {
        await page.screenshot({ path: path.join(SHOTS, sc.name + '.png') });
      } catch (ignored) {
        // The page may be gone; the error says why.
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (error) {
      failed += 1;
      process.stdout.write('not ok ' + (index + 1) + ' - ' + sc.name + ' (' + seconds + ' s)\n');
      process.stdout.write('    ' + String(error.stack || error).split('\n').join('\n    ') + '\n');
      if (pageErrors.length) {
        process.stdout.write('    page errors: ' + pageErrors.join('; ') + '\n');
      }
      const interesting = consoleLines.filter((l) => !l.includes('Failed to load resource'));
      if (interesting.length) {
        process.stdout.write('    console: ' + interesting.join('\n    console: ') + '\n');
      }
    } else {
      passed += 1;
      process.stdout.write('ok ' + (index + 1) + ' - ' + sc.name + ' (' + seconds + ' s)\n');
    }
    await context.close();
  }
  await browser.close();
  await server.close();
  process.stdout.write('screenshots: ' + SHOTS + '\n');
  process.stdout.write(passed + ' passed, ' + failed + ' failed\n');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  process.stdout.write('harness error: ' + String(error.stack || error) + '\n0 passed, 1 failed\n');
  process.exit(1);
});
