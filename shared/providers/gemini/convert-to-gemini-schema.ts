/**
 * @module Turns a JSON Schema (OpenAI tool parameters, `json_schema` response formats) into the
 * OpenAPI subset Gemini's `Schema` accepts. Gemini answers 400 "Unknown name" for keys outside
 * that subset (`$schema`, `additionalProperties`, `const`, …), so this keeps an allowlist.
 * @see https://ai.google.dev/api/caching#Schema
 */

const KEPT_KEYS = new Set([
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'required',
  'default',
  'example',
  'pattern',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minProperties',
  'maxProperties',
  'propertyOrdering',
]);

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Returns undefined for an object schema without properties: Gemini wants `parameters` left out then. */
export function convertToGeminiSchema(schema: unknown): JsonObject | undefined {
  if (!isObject(schema)) return undefined;
  if (
    schema.type === 'object' &&
    (!isObject(schema.properties) || Object.keys(schema.properties).length === 0)
  )
    return undefined;
  return convertNode(schema);
}

function convertNode(schema: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) if (KEPT_KEYS.has(key)) result[key] = value;
  if ('const' in schema) result.enum = [schema.const];
  if (Array.isArray(schema.type)) {
    // JSON Schema's `["string","null"]` is OpenAPI's `type` + `nullable`.
    const types = schema.type.filter((type) => type !== 'null');
    if (schema.type.includes('null')) result.nullable = true;
    if (types.length === 1) result.type = types[0];
    else if (types.length > 1) result.anyOf = types.map((type) => ({ type }));
  } else if (typeof schema.type === 'string') {
    result.type = schema.type;
  }
  if (isObject(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, value]) => [
        name,
        isObject(value) ? convertNode(value) : { type: 'object' },
      ]),
    );
  }
  if (isObject(schema.items)) result.items = convertNode(schema.items);
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants)) {
    const nonNull = variants.filter(
      (variant) => isObject(variant) && variant.type !== 'null',
    ) as JsonObject[];
    if (nonNull.length < variants.length) result.nullable = true;
    if (nonNull.length === 1 && nonNull[0]) Object.assign(result, convertNode(nonNull[0]));
    else result.anyOf = nonNull.map(convertNode);
  }
  return result;
}
