// Verifies signatures made by the module's WebhookSigner with the npm "standardwebhooks" library, an
// independent implementation. Run by SignatureInteropTest; by hand:  node verify.mjs cases.json
//
// cases.json: [{"name", "secret", "id", "timestamp", "body", "signature", "valid"?}, ...]
// "valid" defaults to true; a case with "valid": false must be refused, which proves the check is not vacuous.
// The library checks the timestamp against this machine's clock, so cases must be signed with the current time.
// Prints one line per case and exits 1 if any case did not come out as expected. Secrets are never printed.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

if (process.argv.length !== 3) {
  console.error("usage: node verify.mjs <cases.json>");
  process.exit(2);
}

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failures = 0;
for (const c of cases) {
  const expectValid = c.valid !== false;
  let error = null;
  try {
    new Webhook(c.secret).verify(
      c.body,
      { "webhook-id": c.id, "webhook-timestamp": String(c.timestamp), "webhook-signature": c.signature },
      { jsonParse: false },
    );
  } catch (e) {
    error = e;
  }
  const passed = expectValid === (error === null);
  if (!passed) {
    failures++;
  }
  const outcome = error === null ? "verified" : `refused (${error.message})`;
  console.log(`${passed ? "ok" : "FAIL"} ${c.name}: ${outcome}`);
}
console.log(`${cases.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 && cases.length > 0 ? 0 : 1);
