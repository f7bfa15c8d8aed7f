// Runs the OpenFn job of docs/openfn.md, verbatim, in @openfn/runtime with @openfn/language-openmrs, as a Lightning
// step with the OpenMRS adaptor would run it. Run by OpenFnIT:
//
//   node --experimental-vm-modules run-job.mjs <docs/openfn.md> <state.json> <final-state.json>
//
// The job is the first ```js block after the heading "## 3. The job". Lightning compiles a job before the runtime
// runs it: the adaptor functions the job names are imported, and its top-level statements become the operations the
// module exports. The OpenFn compiler is not on the npm registry reachable here, so this file does that one step
// itself (compile() below); the job's text is not changed. state.json holds what the trigger gives the job
// (data: the notification body, request.headers) and configuration (instanceUrl, username, password: the
// credential). The final state is written without its configuration.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import run from "@openfn/runtime";

const ADAPTOR = "@openfn/language-openmrs";

if (process.argv.length !== 5) {
  console.error("usage: node --experimental-vm-modules run-job.mjs <openfn.md> <state.json> <final-state.json>");
  process.exit(2);
}

/** The job: the first js block after "## 3. The job". */
function jobOf(markdown) {
  const at = markdown.indexOf("## 3. The job");
  if (at < 0) throw new Error("no '## 3. The job' section");
  const m = /```js\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!m) throw new Error("no ```js block in '## 3. The job'");
  return m[1];
}

/** The top-level statements of the job: split at ';' outside brackets, strings, template literals and comments. */
function statements(src) {
  const out = [];
  // frames: the base code, code inside a template's ${...}, or a template literal; depth counts brackets per code frame
  const frames = [{ kind: "code", depth: 0, sub: false }];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const f = frames[frames.length - 1];
    const c = src[i], n = src[i + 1];
    if (f.kind === "template") {
      if (c === "\\") i++;
      else if (c === "`") frames.pop();
      else if (c === "$" && n === "{") { frames.push({ kind: "code", depth: 0, sub: true }); i++; }
      continue;
    }
    if (c === "/" && n === "/") { const e = src.indexOf("\n", i); i = e < 0 ? src.length : e; continue; }
    if (c === "/" && n === "*") { i = src.indexOf("*/", i + 2) + 1; continue; }
    if (c === "'" || c === '"') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
      continue;
    }
    if (c === "`") { frames.push({ kind: "template" }); continue; }
    if (c === "}" && f.sub && f.depth === 0) { frames.pop(); continue; }
    if ("([{".includes(c)) f.depth++;
    else if (")]}".includes(c)) f.depth--;
    else if (c === ";" && frames.length === 1 && f.depth === 0) {
      const s = strip(src.slice(start, i));
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const rest = strip(src.slice(start));
  if (rest) out.push(rest);
  return out;
}

/** A statement without its leading comments and blank lines. */
function strip(s) {
  return s.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, "").trim();
}

/** What the OpenFn compiler makes of a job: imports of the adaptor functions it names, its operations exported. */
function compile(job, adaptorExports) {
  const named = new Set(job.match(/[A-Za-z_$][\w$]*/g));
  const imports = adaptorExports.filter((e) => e !== "default" && named.has(e));
  return `import { ${imports.join(", ")} } from "${ADAPTOR}";\nexport default [\n${statements(job).join(",\n")}\n];\n`;
}

const require = createRequire(import.meta.url);
const adaptorDir = path.dirname(require.resolve(`${ADAPTOR}/package.json`));
const adaptor = await import(ADAPTOR);
const source = compile(jobOf(readFileSync(process.argv[2], "utf8")), Object.keys(adaptor));
const state = JSON.parse(readFileSync(process.argv[3], "utf8"));

const lines = [];
const jobLogger = {
  log: (...a) => lines.push(a.join(" ")),
  info: (...a) => lines.push(a.join(" ")),
  warn: (...a) => lines.push(a.join(" ")),
  error: (...a) => lines.push(a.join(" ")),
  debug: () => {},
  success: (...a) => lines.push(a.join(" ")),
  always: (...a) => lines.push(a.join(" ")),
};
const final = await run(source, state, {
  jobLogger,
  linker: { modules: { [ADAPTOR]: { path: adaptorDir } } },
});
delete final.configuration;
final.jobLog = lines;
writeFileSync(process.argv[4], JSON.stringify(final));
console.log(`job ran: ${statements(jobOf(readFileSync(process.argv[2], "utf8"))).length} operations; log: ${JSON.stringify(lines)}`);
