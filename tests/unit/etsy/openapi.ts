import { readFileSync } from 'node:fs';
import { repoFilePath } from '../../peers/reference';

/** A small reader for Etsy's OpenAPI 3.0 document: just what the contract test needs. */
export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    securitySchemes: Record<string, { flows?: Record<string, Record<string, unknown>> }>;
  };
}

/** Etsy's own document, the repository's copy (tests/reference/etsy-openapi/SOURCE.md). */
export function loadBaseline(): Spec {
  const path = repoFilePath('reference/etsy-openapi/baseline.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

export function findOperation(
  spec: Spec,
  method: string,
  path: string,
): { template: string; operation: Operation; pathParams: Record<string, string> } | null {
  // Literal segments win over templates: /users/me is getMe, not getUser with user_id "me".
  const templates = Object.entries(spec.paths).sort(
    ([a], [b]) => a.split('{').length - b.split('{').length,
  );
  for (const [template, item] of templates) {
    const names: string[] = [];
    const pattern = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    const operation = item[method.toLowerCase()];
    if (match && operation) {
      return {
        template,
        operation,
        pathParams: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])),
      };
    }
  }
  return null;
}

function resolve(spec: Spec, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(spec, spec.components.schemas[name]!);
}

/** Problems with `value` under `schema`; empty when it conforms. */
export function checkValue(spec: Spec, raw: Schema, value: unknown, at = '$'): string[] {
  const schema = resolve(spec, raw);
  if (value === null)
    return schema.nullable ? [] : [`${at}: null where the spec says not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part) => checkValue(spec, part, value, at));
  for (const alternatives of [schema.oneOf, schema.anyOf]) {
    if (
      alternatives &&
      !alternatives.some((alt) => checkValue(spec, alt, value, at).length === 0)
    ) {
      return [`${at}: matches none of its alternatives`];
    }
  }
  const problems: string[] = [];
  const typeOk: Record<string, (v: unknown) => boolean> = {
    integer: (v) => Number.isInteger(v),
    number: (v) => typeof v === 'number',
    string: (v) => typeof v === 'string',
    boolean: (v) => typeof v === 'boolean',
    array: (v) => Array.isArray(v),
    object: (v) => typeof v === 'object' && !Array.isArray(v),
  };
  if (schema.type && !typeOk[schema.type]?.(value)) {
    return [`${at}: ${JSON.stringify(value)} is not ${schema.type}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      problems.push(...checkValue(spec, schema.items!, item, `${at}[${i}]`)),
    );
  }
  if (schema.type === 'object' && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in record)) problems.push(`${at}.${name}: required`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name in record)
        problems.push(...checkValue(spec, property, record[name], `${at}.${name}`));
    }
  }
  return problems;
}

/** A query/path/form value is text on the wire: read it the way the schema types it. */
export function checkWireValue(spec: Spec, raw: Schema, text: string, at: string): string[] {
  const schema = resolve(spec, raw);
  if (schema.type === 'array') {
    if (/[[\]"]/.test(text)) return [`${at}: list sent with brackets or quotes: ${text}`];
    const items = text === '' ? [] : text.split(',');
    return items.flatMap((item, i) =>
      checkWireValue(spec, schema.items ?? {}, item, `${at}[${i}]`),
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(text)) return [`${at}: "${text}" is not a number`];
    return checkValue(spec, schema, Number(text), at);
  }
  if (schema.type === 'boolean') {
    return ['true', 'false'].includes(text) ? [] : [`${at}: "${text}" is not a boolean`];
  }
  return checkValue(spec, schema, text, at);
}
