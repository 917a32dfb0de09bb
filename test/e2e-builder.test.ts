import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium } from './helpers/chromium.js';
import { demoServer, type Fixture } from './server-fixture.js';

const OUT = resolve('test-output');
const chromiumHere = haveChromium('segment builder');

/** The rule the test builds through the visual editor, as the JSON tab must show it. */
const RULE = {
  name: 'frequent-viewers',
  match: 'all',
  conditions: [
    { kind: 'field', field: 'scores.frequency', op: '>=', value: 3 },
    {
      kind: 'event',
      event: 'product_view',
      count: { op: 'at_least', value: 2 },
      window: { kind: 'last', days: 90 },
    },
  ],
};

/** An attribute of every element a selector matches (the tests compile without the DOM library). */
const attributes = async (page: Page, selector: string, name: string) =>
  Promise.all((await page.locator(selector).all()).map((l) => l.getAttribute(name)));

describe.skipIf(!chromiumHere)('segment builder in Chromium on the demo shop', () => {
  let fx: Fixture;
  let browser: Browser;
  let base: string;
  let webRoot: string;
  /** The builder's own pages: console and page errors, except the HTTP failures a step expects. */
  const errors: string[] = [];
  let expectedFailures: RegExp | null = null;

  const openPage = async (key: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (expectedFailures?.test(m.text())) return;
      errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    await page.goto(`${base}/?key=${key}#/builder`);
    await page.waitForSelector('[data-testid=cond-add-field]');
    return page;
  };

  /** What the API says for a definition, asked directly (not through the page). */
  const apiPreview = async (definition: object): Promise<{ count: number; customers: number }> => {
    const res = await fetch(`${base}/v1/segments/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.keys.read}`, 'content-type': 'application/json' },
      body: JSON.stringify({ definition }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { count: number; customers: number };
  };

  /** The count shown once the latest preview has answered (no request pending). */
  const shownCount = async (page: Page): Promise<number> => {
    const el = await page.waitForSelector('.builder-count:not(.stale) [data-testid=builder-count]');
    return Number(await el.getAttribute('data-count'));
  };

  const jsonShown = async (page: Page): Promise<unknown> => {
    await page.click('[data-testid=builder-tab-json]');
    const text = await page.inputValue('[data-testid=builder-json]');
    await page.click('[data-testid=builder-tab-visual]');
    return JSON.parse(text);
  };

  beforeAll(async () => {
    // Our own output directory: the dashboard test builds into web/dist at the same time.
    webRoot = await mkdtemp(join(tmpdir(), 'segmenta-builder-web-'));
    await build({
      configFile: resolve('web/vite.config.ts'),
      logLevel: 'error',
      build: { outDir: webRoot, emptyOutDir: true },
    });
    fx = await demoServer({ customers: 600, webRoot });
    base = await fx.server.fastify.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await mkdir(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
  });

  it('builds a rule visually, shows the live count the API gives, saves it and lists it with that size', async () => {
    const page = await openPage(fx.keys.write);
    expect(await page.textContent('main h1')).toBe('Segment builder');
    // An empty rule asks for a condition instead of counting.
    await page.waitForSelector('[data-testid=page-builder] .chart canvas');
    expect(await page.textContent('[data-testid=builder-live]')).toContain(
      'Add a condition to see how many customers match.',
    );
    expect(await page.locator('[data-testid=builder-save]').isDisabled()).toBe(true);
    await page.fill('[data-testid=builder-name]', RULE.name);

    await page.click('[data-testid=cond-add-field]');
    await page.selectOption('[data-testid=cond-0-field]', 'scores.frequency');
    // Only the operators of a number field are offered.
    const ops = await attributes(page, '[data-testid=cond-0-op] option', 'value');
    expect(ops).toEqual(['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'exists']);
    await page.selectOption('[data-testid=cond-0-op]', '>=');
    await page.fill('[data-testid=cond-0-value]', '3');
    const fieldOnly = await shownCount(page);
    const fieldOnlyApi = await apiPreview({ conditions: [RULE.conditions[0]] });
    expect(fieldOnly).toBe(fieldOnlyApi.count);

    await page.click('[data-testid=cond-add-event]');
    await page.selectOption('[data-testid=cond-1-event]', 'product_view');
    await page.selectOption('[data-testid=cond-1-count-op]', 'at_least');
    await page.fill('[data-testid=cond-1-count]', '2');
    await page.selectOption('[data-testid=cond-1-window]', 'last');
    await page.fill('[data-testid=cond-1-days]', '90');

    const count = await shownCount(page);
    const api = await apiPreview(RULE);
    expect(count).toBe(api.count);
    // A rule worth testing: it keeps some customers and drops others.
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(fieldOnly);
    expect(await page.textContent('[data-testid=builder-share]')).toContain(
      `${((100 * count) / api.customers).toLocaleString('en-US', { maximumFractionDigits: 1 })}% of all ${api.customers}`,
    );
    const sample = await attributes(page, '[data-testid=builder-sample] a', 'href');
    expect(sample.length).toBeGreaterThan(0);
    expect(sample.every((h) => h?.startsWith('#/customer/'))).toBe(true);
    // The JSON tab shows exactly the rule built visually.
    expect(await jsonShown(page)).toEqual(RULE);

    await page.click('[data-testid=builder-save]');
    const saved = await page.waitForSelector('[data-testid=builder-saved]');
    expect(Number(await saved.getAttribute('data-size'))).toBe(count);
    const row = await page.waitForSelector(`[data-testid=builder-segment-${RULE.name}]`);
    expect(await (await row.$('[data-testid=size]'))?.textContent()).toBe(count.toLocaleString('en-US'));
    // Saved with the batch path: the log lists everyone who entered.
    await page.waitForSelector('[data-testid=builder-log] tr');
    expect(await page.locator('[data-testid=builder-log] td.entered').count()).toBe(Math.min(15, count));
    await page.screenshot({ path: resolve(OUT, 'builder.png'), fullPage: true });

    // The API agrees: the segment is listed with the size the page showed.
    const list = (await (
      await fetch(`${base}/v1/segments`, { headers: { authorization: `Bearer ${fx.keys.read}` } })
    ).json()) as { items: { name: string; size: number; version: number }[] };
    expect(list.items.find((s) => s.name === RULE.name)).toMatchObject({ size: count, version: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits as JSON, shows validation problems instead of a count, and saves a new version', async () => {
    const page = await openPage(fx.keys.write);
    await page.click(`[data-testid=builder-segment-${RULE.name}]`);
    await page.waitForSelector('[data-testid=builder-editing]');
    expect(await page.inputValue('[data-testid=builder-name]')).toBe(RULE.name);
    expect(await page.inputValue('[data-testid=cond-0-value]')).toBe('3');

    // A misspelt field: the server's located message replaces the count.
    expectedFailures = /status of 400/;
    await page.click('[data-testid=builder-tab-json]');
    const broken = { ...RULE, conditions: [{ ...RULE.conditions[0], field: 'scores.frequncy' }] };
    await page.fill('[data-testid=builder-json]', JSON.stringify(broken));
    const problems = await page.waitForSelector('[data-testid=builder-problems]');
    expect(await problems.textContent()).toContain(
      'conditions[0].field: unknown field "scores.frequncy" (did you mean "scores.frequency"?)',
    );
    expect(await page.locator('[data-testid=builder-count]').count()).toBe(0);
    // ... and the visual editor marks the condition it is about.
    await page.click('[data-testid=builder-tab-visual]');
    expect(await page.textContent('[data-testid=cond-0-problems]')).toBe(
      'field: unknown field "scores.frequncy" (did you mean "scores.frequency"?); fields are customer attributes, traits.KEY or scores.COLUMN',
    );
    expect(await page.locator('[data-testid=cond-1-problems]').count()).toBe(0);
    await page.screenshot({ path: resolve(OUT, 'builder-invalid.png'), fullPage: true });
    await page.click('[data-testid=builder-tab-json]');
    expectedFailures = null;

    // Fixed in JSON: the visual editor follows and the count is back.
    const edited = { ...RULE, conditions: [{ ...RULE.conditions[0], value: 5 }, RULE.conditions[1]] };
    await page.fill('[data-testid=builder-json]', JSON.stringify(edited, null, 2));
    await page.click('[data-testid=builder-tab-visual]');
    expect(await page.inputValue('[data-testid=cond-0-value]')).toBe('5');
    const count = await shownCount(page);
    expect(count).toBe((await apiPreview(edited)).count);

    await page.fill('[data-testid=builder-note]', 'five orders or more');
    await page.click('[data-testid=builder-save]');
    const saved = await page.waitForSelector('[data-testid=builder-saved]');
    expect(await saved.textContent()).toContain(`${RULE.name} v2`);
    expect(Number(await saved.getAttribute('data-size'))).toBe(count);
    await page.waitForFunction(
      `document.querySelector('[data-testid=builder-segment-${RULE.name}] [data-testid=size]')?.textContent === '${count.toLocaleString('en-US')}'`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('nests a group, negates a condition and lists values; the count follows', async () => {
    const rfm = (await (
      await fetch(`${base}/v1/segmentations/rfm`, { headers: { authorization: `Bearer ${fx.keys.read}` } })
    ).json()) as { segments: { segment: string; customers: number }[] };
    const groups = rfm.segments.map((s) => s.segment).slice(0, 2);
    expect(groups).toHaveLength(2);
    const page = await openPage(fx.keys.read);
    await page.fill('[data-testid=builder-name]', 'grouped');
    await page.click('[data-testid=cond-add-field]');
    await page.selectOption('[data-testid=cond-0-field]', 'scores.rfm_segment');
    // A text field: no ordering operators.
    const ops = await attributes(page, '[data-testid=cond-0-op] option', 'value');
    expect(ops).toEqual(['=', '!=', 'in', 'contains', 'exists']);
    await page.selectOption('[data-testid=cond-0-op]', 'in');
    await page.fill('[data-testid=cond-0-values]', groups.join(', '));
    await page.click('[data-testid=cond-0-not]');

    await page.click('[data-testid=cond-add-group]');
    await page.selectOption('[data-testid=cond-1-match]', 'any');
    await page.selectOption('[data-testid=cond-1-0-field]', 'scores.churn_risk');
    await page.selectOption('[data-testid=cond-1-0-op]', 'between');
    await page.fill('[data-testid=cond-1-0-low]', '0.2');
    await page.fill('[data-testid=cond-1-0-high]', '0.6');
    await page.click('[data-testid=cond-1-add-event]');
    await page.selectOption('[data-testid=cond-1-1-did]', 'not_done');
    await page.selectOption('[data-testid=cond-1-1-event]', 'email_open');
    await page.selectOption('[data-testid=cond-1-1-window]', 'between');
    await page.fill('[data-testid=cond-1-1-from]', '2026-01-01');
    await page.fill('[data-testid=cond-1-1-to]', '2026-07-01');

    const expected = {
      name: 'grouped',
      match: 'all',
      conditions: [
        { kind: 'not', condition: { kind: 'field', field: 'scores.rfm_segment', op: 'in', values: groups } },
        {
          kind: 'any',
          conditions: [
            { kind: 'field', field: 'scores.churn_risk', op: 'between', low: 0.2, high: 0.6 },
            {
              kind: 'not_done',
              event: 'email_open',
              window: { kind: 'between', from: '2026-01-01', to: '2026-07-01' },
            },
          ],
        },
      ],
    };
    const count = await shownCount(page);
    expect(await jsonShown(page)).toEqual(expected);
    const api = await apiPreview(expected);
    expect(count).toBe(api.count);
    // Negating the first condition changes the count to what the API says for the rule without NOT.
    await page.click('[data-testid=cond-0-not]');
    const plain = await shownCount(page);
    const withoutNot = {
      ...expected,
      conditions: [expected.conditions[0]!.condition, expected.conditions[1]],
    };
    expect(plain).toBe((await apiPreview(withoutNot)).count);
    expect(plain).not.toBe(count);
    await page.screenshot({ path: resolve(OUT, 'builder-group.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never lets a slow answer for an older rule replace the count of the newer one', async () => {
    const page = await openPage(fx.keys.read);
    const withValue = (value: number) => ({
      ...RULE,
      conditions: [{ ...RULE.conditions[0], value }, RULE.conditions[1]],
    });
    const [older, newer] = [await apiPreview(withValue(2)), await apiPreview(withValue(6))];
    expect(older.count).not.toBe(newer.count);
    let held = 0;
    await page.route('**/v1/segments/preview', async (route) => {
      if (route.request().postData()?.includes('"op":">=","value":2}')) {
        held++;
        await new Promise((r) => setTimeout(r, 1500));
      }
      await route.continue();
    });
    await page.click('[data-testid=builder-tab-json]');
    await page.fill('[data-testid=builder-json]', JSON.stringify(withValue(2)));
    await page.waitForTimeout(500); // past the debounce: the request for value 2 is on its way, held
    await page.fill('[data-testid=builder-json]', JSON.stringify(withValue(6)));
    expect(await shownCount(page)).toBe(newer.count);
    await page.waitForTimeout(1800); // the held answer has arrived by now
    expect(held).toBe(1);
    expect(await shownCount(page)).toBe(newer.count);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a read key clearly that it cannot save, and saves with a pasted write key', async () => {
    const page = await openPage(fx.keys.read);
    await page.click('[data-testid=builder-tab-json]');
    await page.fill('[data-testid=builder-json]', JSON.stringify({ ...RULE, name: 'viewers-read-key' }));
    await page.click('[data-testid=builder-tab-visual]');
    await shownCount(page);
    expectedFailures = /status of 403/;
    await page.click('[data-testid=builder-save]');
    const forbidden = await page.waitForSelector('[data-testid=builder-forbidden]');
    expect(await forbidden.textContent()).toContain(
      'This key can only read: create a write key with segmenta keys create --scope write and sign in with it.',
    );
    await page.screenshot({ path: resolve(OUT, 'builder-read-key.png'), fullPage: true });
    expectedFailures = null;
    const before = await (
      await fetch(`${base}/v1/segments`, { headers: { authorization: `Bearer ${fx.keys.read}` } })
    ).json();
    expect((before as { items: { name: string }[] }).items.map((s) => s.name)).not.toContain(
      'viewers-read-key',
    );

    await page.fill('[data-testid=builder-key]', fx.keys.write);
    await page.click('[data-testid=builder-key-save]');
    await page.waitForSelector('[data-testid=builder-saved]');
    await page.waitForSelector('[data-testid=builder-segment-viewers-read-key]');
    // The pasted key is the session's key now (kept like a signed-in key).
    expect(await page.evaluate("localStorage.getItem('segmenta.key')")).toBe(fx.keys.write);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Spanish', async () => {
    const page = await openPage(fx.keys.read);
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=nav-builder]')).toBe('Constructor de segmentos');
    expect(await page.textContent('[data-testid=cond-add-field]')).toBe('+ Condición de campo');
    await page.click('[data-testid=cond-add-event]');
    await page.selectOption('[data-testid=cond-0-window]', 'last');
    expect(await page.textContent('[data-testid=cond-0]')).toContain('en los últimos');
    const count = await shownCount(page);
    expect(await page.textContent('[data-testid=builder-live]')).toContain(
      `${count.toLocaleString('es-ES')} clientes`,
    );
    await page.screenshot({ path: resolve(OUT, 'builder-es.png'), fullPage: true });
    await page.click('[data-testid=lang]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
