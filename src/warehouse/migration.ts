/** A versioned schema change. Statements are fixed DDL text; once released a migration never changes. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}
