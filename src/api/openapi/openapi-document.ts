import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { apiSourceFile } from '../api-source-file';

/** An OpenAPI document as parsed from YAML. */
export type OpenApiDocument = Record<string, unknown> & {
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
  servers?: unknown[];
};

/** Reads a YAML file of `src/api/`. */
export function readApiYaml(relative: string): OpenApiDocument {
  return parse(readFileSync(apiSourceFile(relative), 'utf8')) as OpenApiDocument;
}

/**
 * The contract plus this service's extension endpoints. Contract paths and components are never
 * overwritten (a clash is a start-up error); a relative server is listed first so "Try it out" in
 * /docs calls this server rather than the contract's mock.
 */
export function buildOpenApiDocument(
  contract: OpenApiDocument,
  extensions: OpenApiDocument,
): OpenApiDocument {
  const document = structuredClone(contract);
  document.servers = [{ url: '/', description: 'This server' }, ...(contract.servers ?? [])];
  document.paths = mergeDisjoint('paths', contract.paths ?? {}, extensions.paths ?? {});
  const components: Record<string, Record<string, unknown>> = { ...document.components };
  for (const [section, entries] of Object.entries(extensions.components ?? {})) {
    components[section] = mergeDisjoint(`components.${section}`, components[section] ?? {}, entries);
  }
  document.components = components;
  return document;
}

/** Reads `openapi.yaml` and `openapi/openapi-extensions.yaml` and merges them. */
export function loadOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument(readApiYaml('openapi.yaml'), readApiYaml('openapi/openapi-extensions.yaml'));
}

function mergeDisjoint(
  where: string,
  base: Record<string, unknown>,
  added: Record<string, unknown>,
): Record<string, unknown> {
  const clash = Object.keys(added).find((key) => key in base);
  if (clash !== undefined) throw new Error(`openapi extensions must not redefine ${where}.${clash}`);
  return { ...base, ...added };
}
