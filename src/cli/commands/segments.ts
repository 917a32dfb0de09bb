import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { invalidInput } from '../../core/errors.js';
import {
  type BatchEvaluation,
  compileSegmentQuery,
  currentMembers,
  defineSegment,
  evaluateAndRecord,
  evaluateBatch,
  explain,
  FieldCatalogue,
  formatExplanation,
  freshness,
  getSegment,
  issueText,
  listSegments,
  parseSegment,
  readStatus,
  segmentHistory,
  segmentJsonSchema,
  segmentVersions,
} from '../../segments/index.js';
import { parseInstant } from '../../segments/schema/instant.js';
import { compile } from '../../sql/compile.js';
import { output, withApp } from '../context.js';

function readDefinition(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw invalidInput(`cannot read segment file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidInput(
      `segment file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** `--as-of`: a date means the end of that day (UTC), as in `segmenta analyze`; a date-time is used as is. */
function asOf(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  const t = parseInstant(value);
  if (t === undefined)
    throw invalidInput(`--as-of ${value}: expected YYYY-MM-DD or an ISO date-time with a zone`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_400_000 - 1 : t;
}

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalidInput(`--limit ${value}: expected a positive whole number`);
  return n;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function registerSegments(program: Command): void {
  const segments = program
    .command('segments')
    .summary('rule segments: create, evaluate, members, history, explain')
    .description(
      'Segments are JSON rules over profile fields (customer attributes, traits.KEY, scores.COLUMN of the latest analysis) and events (counts in rolling windows, first/last occurrence, has-not-done, sequences), with all/any/not nesting, static id lists and random buckets. `segmenta segments schema` prints the format. Every saved version is kept; every membership change is logged with the condition that changed.',
    );

  for (const [name, update] of [
    ['create', false],
    ['update', true],
  ] as const) {
    segments
      .command(`${name} <file>`)
      .summary(
        update
          ? 'save a new version of a segment and re-evaluate it'
          : 'create a segment from a JSON rule file and evaluate it',
      )
      .option('--note <text>', 'say why (kept in the edit history)')
      .option('--json', 'print JSON')
      .addHelpText(
        'after',
        `\nExample file:\n  {"name": "lapsed-fashion", "conditions": [\n    {"kind": "event", "event": "purchase", "where": [{"property": "category", "op": "=", "value": "fashion"}],\n     "count": {"op": "at_least", "value": 2}, "window": {"kind": "last", "days": 90}},\n    {"kind": "not_done", "event": "purchase", "window": {"kind": "last", "days": 30}},\n    {"kind": "field", "field": "scores.churn_risk", "op": ">", "value": 0.6}]}`,
      )
      .action(async (file: string, opts, cmd: Command) => {
        await withApp(cmd, async (app) => {
          const r = await defineSegment(app.warehouse, readDefinition(file), {
            update,
            now: Date.now(),
            ...(opts.note !== undefined ? { note: String(opts.note) } : {}),
          });
          output(Boolean(opts.json), r, () => {
            const e = r.evaluation;
            return `${update ? 'updated' : 'created'} ${r.segment.name} version ${r.segment.version}: ${e.size} members (${e.entered} entered, ${e.exited} exited) in ${e.durationMs.toFixed(0)} ms`;
          });
        });
      });
  }

  segments
    .command('list')
    .summary('every segment with its size and how current it is')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const now = Date.now();
        const statuses = await readStatus(app.warehouse);
        const rows = (await listSegments(app.warehouse)).map((s) => {
          const st = statuses.get(s.id);
          return {
            name: s.name,
            version: s.version,
            size: st?.size ?? null,
            status: st ?? null,
            freshness: freshness(s, st, now),
          };
        });
        output(Boolean(opts.json), rows, () =>
          rows.length === 0
            ? 'no segments yet: segmenta segments create FILE.json'
            : rows
                .map(
                  (r) =>
                    `${r.name} v${r.version}  ${r.size === null ? '-' : r.size} members  ${r.freshness.state}: ${r.freshness.note}`,
                )
                .join('\n'),
        );
      });
    });

  segments
    .command('show <name>')
    .summary("a segment's definition, versions and status")
    .option('--sql', 'also print the batch SQL and its parameters')
    .option('--json', 'print JSON')
    .action(async (name: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const s = await getSegment(app.warehouse, name);
        const status = (await readStatus(app.warehouse)).get(s.id);
        const versions = await segmentVersions(app.warehouse, s.id);
        let sql: { sql: string; params: readonly unknown[] } | undefined;
        if (opts.sql) {
          const parsed = parseSegment(s.definition, await FieldCatalogue.load(app.warehouse));
          if (!parsed.ok) throw invalidInput(parsed.error.map(issueText).join('\n'));
          sql = compile(compileSegmentQuery(parsed.value.plan, Date.now()));
        }
        const f = freshness(s, status, Date.now());
        output(
          Boolean(opts.json),
          { segment: s, status: status ?? null, freshness: f, versions, ...(sql ? { sql } : {}) },
          () =>
            [
              `${s.name} version ${s.version} (created ${iso(s.createdAt)}, updated ${iso(s.updatedAt)})`,
              `status: ${status ? `${status.size} members, ` : ''}${f.state}: ${f.note}`,
              JSON.stringify(s.definition, null, 2),
              `versions: ${versions.map((v) => `v${v.version} ${iso(v.createdAt)}${v.note ? ` "${v.note}"` : ''}`).join(', ')}`,
              ...(sql ? [`sql: ${sql.sql}`, `params: ${JSON.stringify(sql.params)}`] : []),
            ].join('\n'),
        );
      });
    });

  segments
    .command('members <name>')
    .summary('customers in a segment: as recorded, or computed as of an instant')
    .option(
      '--as-of <date>',
      'compute in the warehouse as of this day (end of day UTC) or date-time, without recording',
    )
    .option('--limit <n>', 'print at most this many ids', '1000')
    .option('--json', 'print JSON')
    .action(async (name: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const s = await getSegment(app.warehouse, name);
        const max = limit(String(opts.limit));
        let members: string[];
        let note: string;
        if (opts.asOf !== undefined) {
          const at = asOf(String(opts.asOf), Date.now());
          const parsed = parseSegment(s.definition, await FieldCatalogue.load(app.warehouse));
          if (!parsed.ok) throw invalidInput(parsed.error.map(issueText).join('\n'));
          members = await evaluateBatch(app.warehouse, parsed.value.plan, at);
          note = `computed as of ${iso(at)}`;
        } else {
          members = [...((await currentMembers(app.warehouse, s.id)).get(s.id) ?? [])].sort();
          note = freshness(s, (await readStatus(app.warehouse)).get(s.id), Date.now()).note;
        }
        output(
          Boolean(opts.json),
          { segment: s.name, size: members.length, note, members: members.slice(0, max) },
          () =>
            [
              `${s.name}: ${members.length} members (${note})`,
              ...members.slice(0, max),
              ...(members.length > max ? [`… ${members.length - max} more (--limit)`] : []),
            ].join('\n'),
        );
      });
    });

  segments
    .command('history <name>')
    .summary('who entered and left, when and why; --versions for the edit history')
    .option('--customer <id>', 'only this customer')
    .option('--versions', 'print the saved versions instead')
    .option('--limit <n>', 'at most this many changes, newest first', '100')
    .option('--json', 'print JSON')
    .action(async (name: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const s = await getSegment(app.warehouse, name);
        if (opts.versions) {
          const versions = await segmentVersions(app.warehouse, s.id);
          output(Boolean(opts.json), versions, () =>
            versions
              .map(
                (v) =>
                  `v${v.version}  ${iso(v.createdAt)}${v.note ? `  "${v.note}"` : ''}\n${JSON.stringify(v.definition)}`,
              )
              .join('\n'),
          );
          return;
        }
        const entries = await segmentHistory(app.warehouse, s.id, {
          limit: limit(String(opts.limit)),
          ...(opts.customer !== undefined ? { customerId: String(opts.customer) } : {}),
        });
        output(Boolean(opts.json), entries, () =>
          entries.length === 0
            ? 'no membership changes logged'
            : entries
                .map((e) => {
                  const why = e.conditions.map((c) => `${c.path} ${c.from}→${c.to}`).join(', ');
                  return `${iso(e.at)}  ${e.change.padEnd(7)}  ${e.customerId}  (${e.source}, v${e.version}${why ? `; ${why}` : ''})`;
                })
                .join('\n'),
        );
      });
    });

  segments
    .command('explain <name> <customer>')
    .summary('why a customer is (not) in a segment: each condition with its value')
    .option('--as-of <date>', 'as of this day (end of day UTC) or date-time (default: now)')
    .option('--json', 'print JSON')
    .action(async (name: string, customer: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const e = await explain(app.warehouse, name, customer, asOf(opts.asOf, Date.now()));
        output(Boolean(opts.json), e, () => formatExplanation(e));
      });
    });

  segments
    .command('evaluate [name]')
    .summary('evaluate in the warehouse (one segment, or all with --all) and record who entered and left')
    .option('--all', 'every segment')
    .option('--as-of <date>', 'as of this day (end of day UTC) or date-time (default: now)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        if (!name && !opts.all) throw invalidInput('say which segment, or --all');
        const now = Date.now();
        const at = asOf(opts.asOf, now);
        const names = opts.all ? (await listSegments(app.warehouse)).map((s) => s.name) : [name!];
        const results: BatchEvaluation[] = [];
        for (const n of names) results.push(await evaluateAndRecord(app.warehouse, n, { asOf: at, now }));
        output(Boolean(opts.json), results, () =>
          results
            .map(
              (r) =>
                `${r.segment.name} v${r.segment.version}: ${r.size} members as of ${iso(r.asOf)} (${r.entered} entered, ${r.exited} exited) in ${r.durationMs.toFixed(0)} ms`,
            )
            .join('\n'),
        );
      });
    });

  segments
    .command('fields')
    .summary('the profile fields rules can name (attributes, traits.KEY, scores of the latest analysis)')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const fields = (await FieldCatalogue.load(app.warehouse)).list();
        output(Boolean(opts.json), fields, () =>
          [
            ...fields.map((f) => `${f.name.padEnd(36)} ${f.type}`),
            'traits.KEY                           json (any key of the traits object)',
          ].join('\n'),
        );
      });
    });

  segments
    .command('schema')
    .summary('print the JSON schema of segment rule files')
    .action(() => {
      process.stdout.write(`${JSON.stringify(segmentJsonSchema(), null, 2)}\n`);
    });
}
