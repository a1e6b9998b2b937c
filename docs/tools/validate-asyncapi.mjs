// Validates an AsyncAPI document with the reference parser (@asyncapi/parser) and prints its diagnostics as JSON
// lines; exits 1 when any has severity error. Usage: node validate-asyncapi.mjs docs/asyncapi.yaml
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
const severities = ['error', 'warning', 'info', 'hint'];
let errors = 0;
for (const d of diagnostics) {
  const severity = severities[d.severity] ?? String(d.severity);
  if (severity === 'error') errors++;
  console.log(JSON.stringify({ severity, code: d.code, message: d.message, path: d.path.join('.') }));
}
if (document) {
  const channels = document.channels().all().map((c) => c.address());
  const messages = document.allMessages().all().map((m) => m.name() ?? m.id());
  console.log(JSON.stringify({ channels, messages }));
}
process.exit(errors > 0 || !document ? 1 : 0);
