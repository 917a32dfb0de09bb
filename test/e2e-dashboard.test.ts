import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from './helpers/chromium.js';
import { demoServer, type Fixture } from './server-fixture.js';

const PAGES = [
  'overview',
  'rfm',
  'lifecycle',
  'segments',
  'builder',
  'clusters',
  'behaviour',
  'campaigns',
  'value',
  'churn',
  'customer',
  'quality',
];
const OUT = resolve('test-output');
const chromiumHere = haveChromium('dashboard');

describe.skipIf(!chromiumHere)('dashboard in Chromium on the demo shop', () => {
  let fx: Fixture;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'error' });
    fx = await demoServer({ customers: 600, webRoot: resolve('web/dist') });
    base = await fx.server.fastify.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    await mkdir(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it('asks for a key without one, then takes it from the URL', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid=key]');
    await page.goto(`${base}/?key=${fx.keys.read}#/overview`);
    await page.waitForSelector('[data-testid=page-overview] .kpi');
  });

  for (const id of PAGES) {
    it(`page ${id} loads with its charts and no errors`, async () => {
      await page.click(`[data-testid=nav-${id}]`);
      await page.waitForSelector(`[data-testid=page-${id}]`);
      // Pages say "Loading…" until their API answers arrive.
      await page.waitForFunction("!document.querySelector('main')?.textContent?.includes('Loading')");
      await page.waitForSelector(`[data-testid=page-${id}] .chart canvas`, { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main .error').count()).toBe(0);
      await page.screenshot({ path: resolve(OUT, `dashboard-${id}.png`), fullPage: true });
      expect(errors).toEqual([]);
    });
  }

  it('switches the interface to Spanish and back', async () => {
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=page-overview] .kpi');
    expect(await page.textContent('[data-testid=nav-overview]')).toBe('Overview');
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=nav-overview]')).toBe('Resumen');
    expect(await page.textContent('main h1')).toBe('Resumen');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.screenshot({ path: resolve(OUT, 'dashboard-overview-es.png'), fullPage: true });
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=nav-overview]')).toBe('Overview');
    expect(errors).toEqual([]);
  });
});
