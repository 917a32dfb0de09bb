import { describe, expect, it } from 'vitest';
import {
  and,
  asc,
  call,
  caseWhen,
  col,
  compile,
  desc,
  eq,
  ge,
  inList,
  inQuery,
  isNull,
  not,
  select,
  table,
  val,
} from './index.js';

describe('compile (duckdb)', () => {
  it('binds every value and quotes every identifier', () => {
    const q = select(
      { customer_id: col('customer_id'), n: call('count', [col('order_id')], { distinct: true }) },
      {
        from: table('order_lines'),
        where: and(eq(col('status'), val('purchase')), ge(col('amount'), val(0))),
        groupBy: [col('customer_id')],
        orderBy: [desc(col('n')), asc(col('customer_id'))],
        limit: 10,
      },
    );
    expect(compile(q)).toEqual({
      sql:
        'SELECT "customer_id" AS "customer_id", count(DISTINCT "order_id") AS "n" FROM "order_lines" ' +
        'WHERE (("status" = $1) AND ("amount" >= $2)) GROUP BY "customer_id" ORDER BY "n" DESC, "customer_id" ASC LIMIT $3',
      params: ['purchase', 0, 10],
    });
  });

  it('cannot be injected through values or identifiers', () => {
    const evil = `x"; DROP TABLE customers; --`;
    const q = select([col(evil)], { from: table('customers'), where: eq(col('email'), val(evil)) });
    const c = compile(q);
    expect(c.sql).toBe('SELECT "x""; DROP TABLE customers; --" FROM "customers" WHERE ("email" = $1)');
    expect(c.params).toEqual([evil]);
    expect(() => compile(select([call('sum); drop table x; --', [])]))).toThrow(/invalid SQL function name/);
  });

  it('compiles CASE, IN, NOT, IS NULL and empty lists', () => {
    const q = select([
      caseWhen([{ when: isNull(col('a')), result: val('none') }], val('some')),
      not(inList(col('b'), [val(1), val(2)])),
      inList(col('c'), []),
    ]);
    expect(compile(q)).toEqual({
      sql: 'SELECT (CASE WHEN ("a" IS NULL) THEN $1 ELSE $2 END), (NOT ("b" IN ($3, $4))), FALSE',
      params: ['none', 'some', 1, 2],
    });
  });
});

describe('compile: IN (SELECT …) and UNION', () => {
  it('binds values inside the subquery in order and applies ORDER BY to the whole union', () => {
    const q = select([col('customer_id')], {
      from: table('customers'),
      where: inQuery(
        col('customer_id'),
        select([col('customer_id')], { from: table('events'), where: eq(col('type'), val('buy')) }),
        true,
      ),
      union: [
        {
          all: false,
          query: select([col('customer_id')], { from: table('events'), where: eq(col('type'), val('view')) }),
        },
      ],
      orderBy: [asc(col('customer_id'))],
      limit: 5,
    });
    expect(compile(q)).toEqual({
      sql:
        'SELECT "customer_id" FROM "customers" WHERE ("customer_id" NOT IN (SELECT "customer_id" FROM "events" WHERE ("type" = $1))) ' +
        'UNION SELECT "customer_id" FROM "events" WHERE ("type" = $2) ORDER BY "customer_id" ASC LIMIT $3',
      params: ['buy', 'view', 5],
    });
  });
});
