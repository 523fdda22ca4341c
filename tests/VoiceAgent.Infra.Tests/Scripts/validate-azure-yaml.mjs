// Validates azure.yaml against azd's official JSON schema (draft 2019-09) with ajv.
// Usage: node validate-azure-yaml.mjs <azure.yaml> <azure.yaml.json>   (run with NODE_PATH or cwd at the repo root)
// The schema refers by URL to schemas of azd's AI extensions, which VoiceAgent does not use: those external
// $refs are replaced by {} (permissive) instead of fetched (../shared/schemas/README.md).
// Prints "valid" and exits 0, or prints the errors as JSON and exits 1.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [yamlPath, schemaPath] = process.argv.slice(2);
if (!yamlPath || !schemaPath) {
  console.error('usage: validate-azure-yaml.mjs <azure.yaml> <azure.yaml.json>');
  process.exit(2);
}

// Resolve ajv and yaml from the repository's node_modules (npm ci at the repo root), whatever the cwd.
const require = createRequire(join(process.cwd(), 'package.json'));
const Ajv2019 = require('ajv/dist/2019').default;
const YAML = require('yaml');

let externalRefs = 0;
function dropExternalRefs(node) {
  if (Array.isArray(node)) {
    return node.map(dropExternalRefs);
  }
  if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      externalRefs++;
      return {};
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dropExternalRefs(value)]));
  }
  return node;
}

const schema = dropExternalRefs(JSON.parse(readFileSync(schemaPath, 'utf8')));
const document = YAML.parse(readFileSync(yamlPath, 'utf8'));
const ajv = new Ajv2019({ strict: false, allErrors: true });
const validate = ajv.compile(schema);
if (validate(document)) {
  console.log(`valid (${externalRefs} external $refs treated as permissive)`);
  process.exit(0);
}
console.log(JSON.stringify(validate.errors, null, 2));
process.exit(1);
