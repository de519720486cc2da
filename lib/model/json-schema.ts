import { z } from 'zod';
import { MODEL_FORMAT, modelSchema } from './schema';

/**
 * The published JSON Schema for model files, generated from the zod schema so the two cannot drift
 * (tests/unit/model/validate.test.ts fails when docs/model.schema.json is stale; `npm run schema` rewrites it).
 * Cross-field rules (unique ids, operator fits the field, tier order) are not expressible here; `icp validate` checks them.
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(modelSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://icp-fit.dev/schema/model.schema.json',
    title: 'ICP Fit model',
    description: `An Ideal Customer Profile model (format "${MODEL_FORMAT}"). See docs/model-format.md.`,
  };
}

export const MODEL_JSON_SCHEMA_PATH = 'docs/model.schema.json';
