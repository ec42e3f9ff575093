import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildOpenApiDocument } from '../../../src/api/openapi/openapi-document';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = parse(readFileSync(path.resolve(__dirname, '../../../src/api/openapi.yaml'), 'utf8'));

describe('GET /openapi.json', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('keeps the contract /search path and its components exactly as written', async () => {
    const res = await t.http.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/search']).toEqual(contract.paths['/search']);
    for (const [section, entries] of Object.entries(contract.components as Record<string, object>)) {
      expect(res.body.components[section]).toMatchObject(entries);
    }
    expect(res.body.info).toEqual(contract.info);
  });

  it('documents every extra endpoint, each operation marked x-extension and tagged "(extension)"', async () => {
    const res = await t.http.get('/openapi.json');
    const extraPaths = Object.keys(res.body.paths).filter((p) => p !== '/search');
    expect(extraPaths.sort()).toEqual(
      [
        '/events/{id}',
        '/events/{id}/history',
        '/health',
        '/ready',
        '/metrics',
        '/admin/providers',
        '/admin/providers/{id}/sync',
        '/admin/providers/{id}/pause',
        '/admin/providers/{id}/resume',
        '/admin/runs',
        '/bookings',
        '/bookings/{id}',
        '/bookings/{id}/payment',
        '/products',
        '/products/{id}/dates',
        '/products/{id}/slots',
      ].sort(),
    );
    for (const p of extraPaths) {
      const operations: { 'x-extension': boolean; tags: string[] }[] = Object.values(res.body.paths[p]);
      for (const operation of operations) {
        expect(operation['x-extension']).toBe(true);
        expect(operation.tags.every((tag) => tag.endsWith('(extension)'))).toBe(true);
      }
    }
  });

  it('lists this server first so "Try it out" calls it, keeping the contract servers after it', async () => {
    const res = await t.http.get('/openapi.json');
    expect(res.body.servers).toEqual([{ url: '/', description: 'This server' }, ...contract.servers]);
  });

  it('refuses extensions that would redefine a contract path or component', () => {
    expect(() => buildOpenApiDocument(contract, { paths: { '/search': {} } })).toThrow(
      /redefine paths\.\/search/,
    );
    expect(() => buildOpenApiDocument(contract, { components: { schemas: { EventSummary: {} } } })).toThrow(
      /EventSummary/,
    );
  });

  it('supports conditional requests and compression like /search', async () => {
    const first = await t.http.get('/openapi.json').set('Accept-Encoding', 'gzip');
    expect(first.headers['content-encoding']).toBe('gzip');
    const again = await t.http.get('/openapi.json').set('If-None-Match', first.headers.etag as string);
    expect(again.status).toBe(304);
  });
});
