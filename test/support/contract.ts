import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { loadOpenApiDocument } from '../../src/api/openapi/openapi-document';

/** The consumers' contract, unchanged. */
export const CONTRACT_PATH = path.resolve(__dirname, '../../src/api/openapi.yaml');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Options of {@link createContractValidator}. */
export interface ContractOptions {
  /**
   * Refuse properties the contract does not list (default true). The contract itself allows extras; this
   * service promises exactly its fields, so our tests hold it to that.
   */
  exactProperties?: boolean;
  /** The operation's method (default `get`). */
  method?: 'get' | 'post';
  /** Validate against what `/openapi.json` serves (the contract plus this service's extensions). */
  served?: boolean;
}

/** Validates response bodies of one operation of the contract. */
export interface ContractValidator {
  /** Problems of `body` as the response for `status` (empty when it conforms). */
  problems(status: number, body: unknown): string[];
  /** Throws, listing the problems, unless `body` conforms. */
  assert(status: number, body: unknown): void;
}

/**
 * Builds a validator for the responses of `GET <path>` (or another method) in the contract, with ajv and ajv-formats.
 * OpenAPI 3.0 schemas are converted to JSON Schema first: `$ref`s inlined, `nullable: true` turned into a
 * `null` type, `example` dropped. Statuses the contract does not list (503, 414...) are checked against
 * its `500` response, the generic error shape.
 */
export function createContractValidator(
  operationPath = '/search',
  options: ContractOptions = {},
): ContractValidator {
  const contract = (
    options.served ? loadOpenApiDocument() : parse(readFileSync(CONTRACT_PATH, 'utf8'))
  ) as JsonObject;
  const method = options.method ?? 'get';
  const operation = lookup(contract, `#/paths/${operationPath.replace(/\//g, '~1')}/${method}`) as JsonObject;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const [status, response] of Object.entries(operation.responses as JsonObject)) {
    const resolved = resolveRefs(contract, response, new Set()) as JsonObject;
    const schema = lookup(resolved, '#/content/application~1json/schema');
    validators.set(status, ajv.compile(toJsonSchema(schema, options.exactProperties ?? true) as object));
  }
  const problems = (status: number, body: unknown): string[] => {
    const validate = validators.get(String(status)) ?? validators.get('500');
    if (!validate) return [`the contract has no response for ${status}`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  };
  return {
    problems,
    assert(status, body) {
      const found = problems(status, body);
      if (found.length > 0) {
        throw new Error(
          `response ${status} breaks the contract:\n  ${found.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`,
        );
      }
    },
  };
}

function lookup(root: Json, pointer: string): Json {
  let node: Json = root;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node))
      throw new Error(`contract has no ${pointer}`);
    node = (node as JsonObject)[key] as Json;
  }
  return node;
}

function resolveRefs(root: JsonObject, node: Json, seen: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(root, item, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) throw new Error(`recursive $ref ${ref} is not supported`);
    return resolveRefs(root, lookup(root, ref), new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveRefs(root, v, seen)]));
}

// The contract's own `time` example ("22:38:19", local wall clock) has no offset, which RFC 3339
// `full-time` requires; ajv-formats' `iso-time` is the same grammar with the offset optional.
const FORMATS: Record<string, string> = { time: 'iso-time' };

function toJsonSchema(node: Json, exact: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, exact));
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node;
  const entries = Object.entries(rest).filter(([key]) => key !== 'example');
  const schema: JsonObject = Object.fromEntries(entries.map(([k, v]) => [k, toJsonSchema(v, exact)]));
  if (typeof schema.format === 'string') schema.format = FORMATS[schema.format] ?? schema.format;
  if (exact && schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  if (nullable === true && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  return schema;
}
