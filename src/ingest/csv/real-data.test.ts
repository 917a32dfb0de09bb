import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CsvReader, openCsv } from './open-csv.js';

/** Shared public datasets, outside the repository (never copied into it). */
const data = (path: string) => fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url));

interface Summary {
  records: number;
  errors: number;
  widths: Set<number>;
  first: string[] | undefined;
  last: string[] | undefined;
  lastLine: number | undefined;
  byLine: Map<number, string[]>;
}

async function summarize(reader: CsvReader, keepLines: readonly number[] = []): Promise<Summary> {
  const s: Summary = {
    records: 0,
    errors: 0,
    widths: new Set(),
    first: undefined,
    last: undefined,
    lastLine: undefined,
    byLine: new Map(),
  };
  for await (const batch of reader.batches()) {
    s.records += batch.fields.length;
    s.errors += batch.errors.length;
    batch.fields.forEach((f, i) => {
      s.widths.add(f.length);
      if (keepLines.includes(batch.lines[i]!)) s.byLine.set(batch.lines[i]!, f);
    });
    s.first ??= batch.fields[0];
    s.last = batch.fields.at(-1);
    s.lastLine = batch.lines.at(-1);
  }
  return s;
}

async function open(path: string): Promise<CsvReader> {
  const r = await openCsv(data(path));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe.runIf(existsSync(data('')))('real files', () => {
  it('Online Retail (gzip, quoted commas and doubled quotes): 541,909 records of 8 fields', async () => {
    const reader = await open('online_retail/online_retail.csv.gz');
    expect(reader.compression).toBe('gzip');
    expect(reader.dialect).toMatchObject({
      delimiter: ',',
      encoding: 'utf-8',
      hasHeader: true,
      lineEnding: 'lf',
    });
    expect(reader.header?.join(',')).toBe(
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
    );
    const s = await summarize(reader, [111, 873]);
    expect(s).toMatchObject({ records: 541_909, errors: 0, widths: new Set([8]), lastLine: 541_910 });
    expect(s.byLine.get(111)?.[2]).toBe('AIRLINE LOUNGE,METAL SIGN');
    expect(s.byLine.get(873)?.[2]).toBe('RECORD FRAME 7" SINGLE SIZE ');
    expect(s.first).toEqual([
      '536365',
      '85123A',
      'WHITE HANGING HEART T-LIGHT HOLDER',
      '6',
      '2010-12-01 08:26:00',
      '2.55',
      '17850',
      'United Kingdom',
    ]);
  });

  it('CDNOW master (whitespace aligned, CRLF, header with a leading space): 69,659 records of 4 fields', async () => {
    const reader = await open('cdnow/CDNOW_master.txt');
    expect(reader.dialect).toMatchObject({ delimiter: 'whitespace', hasHeader: true, lineEnding: 'crlf' });
    expect(reader.header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    const s = await summarize(reader);
    expect(s).toMatchObject({ records: 69_659, errors: 0, widths: new Set([4]) });
    expect(s.first).toEqual(['00001', '19970101', '1', '11.77']);
  });

  it('CDNOW sample (whitespace aligned, no header): 6,919 records of 5 fields', async () => {
    const reader = await open('cdnow/CDNOW_sample.txt');
    expect(reader.dialect).toMatchObject({ delimiter: 'whitespace', hasHeader: false });
    expect(reader.header).toBeNull();
    const s = await summarize(reader);
    expect(s).toMatchObject({ records: 6_919, errors: 0, widths: new Set([5]), lastLine: 6_919 });
    expect(s.first).toEqual(['00004', '0001', '19970101', '2', '29.33']);
  });

  it('Mall Customers (CRLF): 200 records', async () => {
    const reader = await open('mall_customers/Mall_Customers.csv');
    expect(reader.dialect).toMatchObject({ delimiter: ',', hasHeader: true, lineEnding: 'crlf' });
    expect(reader.header).toEqual([
      'CustomerID',
      'Genre',
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
    ]);
    const s = await summarize(reader);
    expect(s).toMatchObject({ records: 200, errors: 0, widths: new Set([5]) });
    expect(s.first).toEqual(['0001', 'Male', '19', '15', '39']);
  });

  it('Telco churn (CRLF): 7,043 records of 21 fields', async () => {
    const reader = await open('telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv');
    expect(reader.dialect).toMatchObject({ delimiter: ',', hasHeader: true, lineEnding: 'crlf' });
    expect(reader.header).toHaveLength(21);
    expect(reader.header?.[0]).toBe('customerID');
    const s = await summarize(reader);
    expect(s).toMatchObject({ records: 7_043, errors: 0, widths: new Set([21]) });
    expect(s.first?.[0]).toBe('7590-VHVEG');
  });
});
