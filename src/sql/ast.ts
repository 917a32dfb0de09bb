/**
 * SQL as data (STYLE §2): a small frozen tree of nodes compiled by one visitor (`compile.ts`). Values only ever
 * appear as `param` nodes and are bound, never spliced into the text; identifiers are quoted in one place.
 */
export type BinaryOp =
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'AND'
  | 'OR'
  | '||'
  | 'LIKE'
  | 'ILIKE'
  | 'IS DISTINCT FROM'
  | 'IS NOT DISTINCT FROM';

export type UnaryOp = 'NOT' | 'NEG' | 'IS NULL' | 'IS NOT NULL';

/** SQL types a cast may name; a closed list so a type can never carry injected text. */
export type SqlType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'JSON';

export type Expr =
  | { readonly kind: 'column'; readonly table?: string; readonly name: string }
  | { readonly kind: 'param'; readonly value: SqlValue }
  | { readonly kind: 'star'; readonly table?: string }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr }
  | {
      readonly kind: 'call';
      readonly fn: string;
      readonly args: readonly Expr[];
      readonly distinct?: boolean;
      readonly filter?: Expr;
    }
  | {
      readonly kind: 'case';
      readonly whens: readonly { readonly when: Expr; readonly result: Expr }[];
      readonly else?: Expr;
    }
  | { readonly kind: 'in'; readonly expr: Expr; readonly list: readonly Expr[]; readonly negated?: boolean }
  | { readonly kind: 'between'; readonly expr: Expr; readonly low: Expr; readonly high: Expr }
  | { readonly kind: 'cast'; readonly expr: Expr; readonly type: SqlType }
  | { readonly kind: 'exists'; readonly query: Select }
  | { readonly kind: 'in_query'; readonly expr: Expr; readonly query: Select; readonly negated?: boolean }
  | { readonly kind: 'subquery'; readonly query: Select }
  | {
      readonly kind: 'window';
      readonly call: Expr;
      readonly partitionBy: readonly Expr[];
      readonly orderBy: readonly OrderBy[];
    };

export type SqlValue = string | number | bigint | boolean | null | Date;

export interface OrderBy {
  readonly expr: Expr;
  readonly direction: 'ASC' | 'DESC';
  readonly nulls?: 'FIRST' | 'LAST';
}

export type FromItem =
  | { readonly kind: 'table'; readonly name: string; readonly alias?: string }
  | { readonly kind: 'subquery'; readonly query: Select; readonly alias: string };

export interface Join {
  readonly type: 'INNER' | 'LEFT';
  readonly from: FromItem;
  readonly on: Expr;
}

export interface SelectItem {
  readonly expr: Expr;
  readonly as?: string;
}

export interface Select {
  readonly kind: 'select';
  readonly with?: readonly { readonly name: string; readonly query: Select }[];
  readonly distinct?: boolean;
  readonly columns: readonly SelectItem[];
  readonly from?: FromItem;
  readonly joins?: readonly Join[];
  readonly where?: Expr;
  readonly groupBy?: readonly Expr[];
  readonly having?: Expr;
  /** `UNION [ALL]` further queries; `orderBy`, `limit` and `offset` then apply to the whole union. */
  readonly union?: readonly { readonly all: boolean; readonly query: Select }[];
  readonly orderBy?: readonly OrderBy[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}
