import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fails } from './helpers/cli.js';

describe('segmenta patterns', () => {
  it('states the hidden patterns of a segmentation of the latest run, in English or Spanish', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'segmenta-patterns-')), 'shop.duckdb');
    const none = await fails('--db', db, 'patterns');
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('error: no finished analysis run yet');
    await cli('--db', db, 'demo', '--customers', '3000');
    await cli('--db', db, 'analyze');
    const { stdout } = await cli(
      '--db',
      db,
      'patterns',
      '--segmentation',
      'behavioural.usage_pattern',
      '--json',
      '--top',
      '50',
    );
    const out = JSON.parse(stdout) as {
      run: number;
      statements: { segment: string; kind: string; text: { en: string } }[];
    };
    expect(out.run).toBe(1);
    // The Tuesday-night persona surfaces through the behavioural usage segmentation.
    expect(out.statements.some((s) => s.kind === 'weekday_hour' && /Tuesday 2\d-2\dh/.test(s.text.en))).toBe(
      true,
    );
    const es = await cli(
      '--db',
      db,
      'patterns',
      '--segmentation',
      'behavioural.usage_pattern',
      '--lang',
      'es',
      '--top',
      '3',
    );
    expect(es.stdout).toMatch(/compra .* más/);
    const bad = await fails('--db', db, 'patterns', '--kind', 'colour');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kind colour: expected one of weekday_hour, category_channel, creative');
  });
});
