import { type Command, Option } from 'commander';
import { invalidInput } from '../../core/errors.js';
import { ENTITIES, entityByName } from '../../ingest/entities/index.js';
import { importFile } from '../../ingest/import-file.js';
import { formatImportReport } from '../../ingest/import-report.js';
import { output, withApp } from '../context.js';
import { progressBar } from '../progress.js';

const collect = (v: string, acc: string[]) => [...acc, v];

function parseMaps(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    for (const pair of item.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw invalidInput(`--map ${pair}: expected field=column, e.g. --map ordered_at=Fecha`);
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return out;
}

export function registerImport(program: Command): void {
  const entities = Object.values(ENTITIES)
    .map((e) => `  ${e.name.padEnd(19)} ${e.doc.split('. ')[0]!.replace(/\.$/, '')}`)
    .join('\n');
  program
    .command('import')
    .summary('load a CSV, JSONL or Parquet file into the warehouse')
    .description(
      'Load a file of one entity into the warehouse. CSV delimiter, quoting, encoding (UTF-8 or Windows-1252/Latin-1), gzip, decimal comma and date format are detected; columns are mapped from English and Spanish names. Nothing is lost: every row is accepted, quarantined with line, column and reason, or skipped as a duplicate, and the import is all-or-nothing.',
    )
    .argument('<entity>', `what the file holds: ${Object.keys(ENTITIES).join(', ')}`)
    .argument('<file>', 'path to .csv/.txt/.tsv (optionally .gz), .jsonl or .parquet')
    .option(
      '--map <field=column>',
      'map a field to a column by name or number (repeatable, or comma-separated)',
      collect,
      [],
    )
    .option('--mapping <name>', 'reuse a mapping saved with --save-mapping')
    .option('--save-mapping <name>', 'save this mapping and formats under a name')
    .option('--delimiter <char>', "field separator: , ; tab | or 'whitespace' (default: detected)")
    .option('--encoding <name>', 'utf-8 or latin1/windows-1252 (default: detected)')
    .option('--no-header', 'the first line is data, not column names (map columns by number)')
    .addOption(
      new Option('--decimal <sep>', 'decimal separator of numbers (default: detected per column)').choices([
        '.',
        ',',
      ]),
    )
    .option(
      '--date-format <fmt>',
      "date format: iso, dmy (dd/mm/yyyy), mdy, ymd-compact (yyyymmdd) or a pattern like '%d/%m/%Y %H:%M'",
    )
    .option('--country <code>', 'default country for phone numbers', 'ES')
    .option('--json', 'print the import report as JSON')
    .addHelpText(
      'after',
      `\nEntities ('segmenta entities NAME' lists the fields and the column names recognised):\n${entities}\n\nExamples:\n  segmenta import orders ventas.csv                       # ; separated, decimal comma, dd/mm/yyyy: detected\n  segmenta import orders CDNOW_master.txt --map quantity=number_of_cds\n  segmenta import orders sample.txt --no-header --map customer_id=1,ordered_at=3,quantity=4,amount=5\n  segmenta import customers clientes.csv --save-mapping crm\n  segmenta import customers clientes-junio.csv --mapping crm`,
    )
    .action(async (entity: string, file: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const bar = progressBar(`importing ${file}`);
        const report = await importFile(app.warehouse, {
          entity,
          path: file,
          map: parseMaps(opts.map),
          ...(opts.mapping ? { mappingName: opts.mapping } : {}),
          ...(opts.saveMapping ? { saveMappingAs: opts.saveMapping } : {}),
          ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
          ...(opts.encoding ? { encoding: opts.encoding } : {}),
          ...(opts.header === false ? { header: false } : {}),
          ...(opts.decimal ? { decimal: opts.decimal } : {}),
          ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
          country: opts.country,
          onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, `${p.rows.toLocaleString('en-US')} rows`),
        });
        bar.done();
        output(Boolean(opts.json), report, () => formatImportReport(report));
      });
    });
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .summary('list what can be imported: entities, their fields and recognised column names')
    .argument('[entity]', 'one entity to show in full')
    .option('--json', 'print JSON')
    .action((name: string | undefined, opts) => {
      const list = name ? [entityByName(name)] : Object.values(ENTITIES);
      output(Boolean(opts.json), list, () =>
        list
          .map((e) =>
            [
              `${e.name} → table ${e.table}: ${e.doc}`,
              ...e.fields.map(
                (f) =>
                  `  ${f.name.padEnd(14)} ${f.type.padEnd(9)} ${f.required ? 'required ' : '         '}${f.doc}\n${' '.repeat(28)}columns: ${f.aliases.join(', ')}`,
              ),
            ].join('\n'),
          )
          .join('\n\n'),
      );
    });
}
