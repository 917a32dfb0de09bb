/** Shapes of the API answers the pages read (see /openapi.json). */
export interface Overview {
  run: number;
  asOf: string;
  customers: number;
  buyers: number;
  revenue: number;
  active: number;
  atRisk: number;
  highChurnRisk: number;
  predictedValue: number;
  meanChurnRisk: number | null;
  aov: number | null;
  rfmGrid: { r: number; f: number; customers: number; monetary: number }[];
  lifecycle: { phase: string; stage: string; customers: number; revenue: number }[];
  rfmGroups: { segment: string; customers: number; revenue: number; mean_clv: number | null }[];
  trends: { month: string; orders: number; revenue: number; customers: number }[];
  cohorts: { cohort: string; size: number; retention: number[] }[];
  weekdayHour: { weekday: number; hour: number; orders: number }[];
  clvDistribution: { from: number; to: number; customers: number }[];
}

export type Row = Record<string, string | number | boolean | null>;

export interface Page {
  items: Row[];
  total: number;
  limit: number;
  offset: number;
  next: number | null;
}
