// Rewrites docs/model.schema.json from the zod model schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { MODEL_JSON_SCHEMA_PATH, modelJsonSchema } from '../lib/model/json-schema';

writeFileSync(MODEL_JSON_SCHEMA_PATH, JSON.stringify(modelJsonSchema(), null, 2) + '\n');
console.log(`wrote ${MODEL_JSON_SCHEMA_PATH}`);
