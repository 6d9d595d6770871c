import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPI } from 'openapi-types';
import { startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

/** Issue 13 (8): the served OpenAPI document, and the committed copy, pass @apidevtools/swagger-parser's validation. */
describe('the OpenAPI document is valid', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the served document validates (schema and semantics: path parameters, unique operation ids)', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenAPI.Document;
    const validated = await SwaggerParser.validate(doc);
    expect(Object.keys(validated.paths ?? {}).length).toBeGreaterThan(40);
    expect(Object.keys(validated.paths ?? {})).toEqual(
      expect.arrayContaining(['/api/ping/{id}', '/api/ping/{id}/{kind}']),
    );
  });

  it('the committed docs/openapi.json validates', async () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8')) as OpenAPI.Document;
    await expect(SwaggerParser.validate(doc)).resolves.toBeDefined();
  });

  it('the validator refuses an optional path parameter (the shape /api/ping/{id}{/kind} had)', async () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/p/{id}/{kind}': {
          get: {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'kind', in: 'path', required: false, schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    } as unknown as OpenAPI.Document;
    await expect(SwaggerParser.validate(doc)).rejects.toThrow(/required/);
  });
});
