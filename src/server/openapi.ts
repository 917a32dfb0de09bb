import { z } from 'zod';
import type { Route } from './route.js';

type JsonSchema = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/** Query or path parameters from an object schema, one OpenAPI parameter per property. */
function parameters(s: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!s) return [];
  const json = schemaOf(s, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

const PROBLEM = {
  description: 'Problem detail (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** The OpenAPI 3 document, built from the same zod schemas that validate each request. */
export function openApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const ok: JsonSchema = { description: 'OK' };
    if (r.produces) ok.content = { [r.produces]: { schema: { type: 'string', format: 'binary' } } };
    else if (r.response) ok.content = { 'application/json': { schema: schemaOf(r.response, 'output') } };
    const op: JsonSchema = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        [String(r.status ?? 200)]: ok,
        '400': PROBLEM,
        ...(r.scope ? { '401': PROBLEM, '403': PROBLEM } : {}),
        '404': PROBLEM,
      },
      ...(r.scope ? { security: [{ apiKey: [] }], 'x-scope': r.scope } : { security: [] }),
    };
    if (r.body === 'raw') {
      op.requestBody = {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    } else if (r.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Segmenta API',
      version: '0.1.0',
      description:
        'Customers, segmentations, analysis runs, imports, data quality and hidden patterns. Every route but /health needs `Authorization: Bearer <key>` (`segmenta keys create --scope read|write|admin`). Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Segmenta API key' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            hint: { type: 'string' },
          },
        },
      },
    },
    paths,
  };
}

/** A small docs page listing every operation of the document, no external assets. */
export function docsPage(doc: JsonSchema): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = ((op.parameters ?? []) as JsonSchema[])
        .map((p) => `<code>${esc(String(p.name))}</code>${p.required ? '*' : ''}`)
        .join(' ');
      rows.push(
        `<tr><td><b>${method.toUpperCase()}</b></td><td><code>${esc(path)}</code></td><td>${esc(String(op.summary))}</td><td>${esc(String(op['x-scope'] ?? 'public'))}</td><td>${params}</td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Segmenta API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}code{background:#f4f4f4;padding:0 .2rem}</style></head>
<body><h1>Segmenta API</h1><p>${esc(String((doc.info as JsonSchema).description))}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3).</p>
<table><thead><tr><th>method</th><th>path</th><th>what</th><th>scope</th><th>parameters (* required)</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
