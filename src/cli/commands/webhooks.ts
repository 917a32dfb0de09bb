import type { Command } from 'commander';
import {
  addWebhook,
  type DeliveryStatus,
  deactivateWebhook,
  deliveryCounts,
  generateSecret,
  listDeliveries,
  listWebhooks,
  redriveDeliveries,
  withoutSecret,
} from '../../activation/webhooks/webhook-store.js';
import { invalidInput } from '../../core/errors.js';
import { getSegment, listSegments } from '../../segments/index.js';
import { output, withApp } from '../context.js';

const SIGNING = `
Deliveries: segmenta POSTs {"id", "type": "segment.entered"|"segment.exited", "segment", "customer_id",
"occurred_at", "source", "conditions", "sequence"} to the URL when a customer enters or leaves a segment.
Each delivery is signed: header segmenta-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"
keyed with the webhook's secret>. Verify it over the raw body in constant time and refuse timestamps more than
5 minutes old; drop repeats by the idempotency-key header (delivery is at least once). Failed deliveries are
retried with exponential backoff, then dead-lettered (segmenta webhooks redrive). docs/webhooks.md has the details.`;

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalidInput(`${flag} ${value}: expected a positive whole number`);
  return n;
}

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];
const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

export function registerWebhooks(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .summary('segment enter/exit webhooks: add, list, remove, deliveries, redrive')
    .description(
      'Webhooks receive a signed JSON POST when a customer enters or exits a segment (all segments, or one). Deliveries go through an outbox written with the membership change, are retried with backoff and dead-lettered after 8 attempts. `segmenta serve` sends them.',
    )
    .addHelpText('after', SIGNING);

  webhooks
    .command('add')
    .summary('register a webhook; prints its signing secret (once)')
    .requiredOption('--name <name>', 'a unique name')
    .requiredOption('--url <url>', 'absolute http(s) URL the deliveries are POSTed to')
    .option('--secret <secret>', 'HMAC signing key, at least 16 characters (default: generated)')
    .option('--segment <name>', 'only this segment (default: every segment)')
    .option('--no-enter', 'do not send segment.entered')
    .option('--no-exit', 'do not send segment.exited')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  segmenta webhooks add --name crm --url https://crm.example.com/hooks/segmenta --segment lapsed-buyers\n${SIGNING}`,
    )
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const segmentId =
          opts.segment === undefined ? null : (await getSegment(app.warehouse, String(opts.segment))).id;
        const secret = opts.secret === undefined ? generateSecret() : String(opts.secret);
        const w = await addWebhook(
          app.warehouse,
          {
            name: String(opts.name),
            url: String(opts.url),
            secret,
            segmentId,
            onEnter: opts.enter !== false,
            onExit: opts.exit !== false,
          },
          Date.now(),
        );
        output(Boolean(opts.json), { ...withoutSecret(w), secret }, () =>
          [
            `added webhook ${w.id} ${w.name} → ${w.url}`,
            `secret: ${secret}`,
            opts.secret === undefined
              ? '(generated, shown once: store it now; receivers verify segmenta-signature with it)'
              : '(as given)',
          ].join('\n'),
        );
      });
    });

  webhooks
    .command('list')
    .summary('registered webhooks (never their secrets) and the outbox counts')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const names = new Map((await listSegments(app.warehouse)).map((s) => [s.id, s.name]));
        const all = (await listWebhooks(app.warehouse)).map((w) => ({
          ...withoutSecret(w),
          segment: w.segmentId === null ? null : (names.get(w.segmentId) ?? null),
        }));
        const counts = await deliveryCounts(app.warehouse);
        output(Boolean(opts.json), { items: all, deliveries: counts }, () =>
          [
            ...(all.length === 0
              ? ['no webhooks yet: segmenta webhooks add --name NAME --url URL']
              : all.map((w) => {
                  const on = [w.onEnter ? 'enter' : '', w.onExit ? 'exit' : ''].filter(Boolean).join('+');
                  return `${w.id}  ${w.active ? 'active  ' : 'inactive'}  ${w.name}  ${w.url}  ${w.segment ?? 'every segment'}  on ${on}`;
                })),
            `deliveries: ${counts.pending} pending, ${counts.delivered} delivered, ${counts.dead} dead`,
          ].join('\n'),
        );
      });
    });

  webhooks
    .command('remove <id>')
    .summary('deactivate a webhook (kept with its delivery history; pending deliveries are not sent)')
    .action(async (id: string, _opts, cmd: Command) => {
      const n = positive('webhook id', id)!;
      await withApp(cmd, async (app) => {
        const w = await deactivateWebhook(app.warehouse, n);
        process.stdout.write(`deactivated webhook ${w.id} ${w.name}\n`);
      });
    });

  webhooks
    .command('deliveries')
    .summary('the delivery outbox, newest first')
    .option('--status <status>', 'pending, delivered or dead')
    .option('--webhook <id>', 'only this webhook')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      if (opts.status !== undefined && !STATUSES.includes(opts.status))
        throw invalidInput(`--status ${opts.status}: expected one of pending, delivered, dead`);
      const webhookId = positive('--webhook', opts.webhook);
      const limit = positive('--limit', String(opts.limit))!;
      await withApp(cmd, async (app) => {
        const r = await listDeliveries(app.warehouse, {
          limit,
          ...(opts.status !== undefined ? { status: opts.status as DeliveryStatus } : {}),
          ...(webhookId !== undefined ? { webhookId } : {}),
        });
        output(Boolean(opts.json), r, () =>
          r.items.length === 0
            ? 'no deliveries'
            : [
                ...r.items.map(
                  (d) =>
                    `${d.id}  ${d.status.padEnd(9)}  ${d.webhook}  attempts ${d.attempts}  created ${iso(d.createdAt)}${d.status === 'pending' ? `  next ${iso(d.nextAttemptAt)}` : ''}${d.lastError ? `  last error: ${d.lastError}` : ''}`,
                ),
                ...(r.total > r.items.length ? [`… ${r.total - r.items.length} more (--limit)`] : []),
              ].join('\n'),
        );
      });
    });

  webhooks
    .command('redrive')
    .summary('put dead-lettered deliveries back in the queue (all, one webhook, or one delivery)')
    .option('--webhook <id>', 'only this webhook')
    .option('--delivery <id>', 'only this delivery (e.g. wh1-4812)')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      const webhookId = positive('--webhook', opts.webhook);
      await withApp(cmd, async (app) => {
        const n = await redriveDeliveries(
          app.warehouse,
          {
            ...(webhookId !== undefined ? { webhookId } : {}),
            ...(opts.delivery !== undefined ? { deliveryId: String(opts.delivery) } : {}),
          },
          Date.now(),
        );
        output(Boolean(opts.json), { redriven: n }, () =>
          n === 0
            ? 'no dead deliveries to re-drive'
            : `re-drove ${n} ${n === 1 ? 'delivery' : 'deliveries'}: sent by the next segmenta serve`,
        );
      });
    });
}
