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

/** A campaign's treated-vs-control conversion, for everyone or one segment. */
export interface Uplift {
  treated: number;
  control: number;
  contaminated: number;
  treatedRate: number | null;
  controlRate: number | null;
  uplift: number | null;
  low: number | null;
  high: number | null;
  revenuePerTreated: number | null;
}
/** GET /v1/campaigns/results: every campaign before the run, overall and by segment. */
export interface CampaignResults {
  segmentation: string;
  campaigns: {
    campaign: string;
    name: string;
    channel: string | null;
    sentAt: string | null;
    all: Uplift;
    segments: ({ segment: string } & Uplift)[];
  }[];
}

/** GET /v1/segmentations/:name/transitions: a Sankey of moves between two runs (a note when there is one run). */
export interface Transitions {
  segmentation: string;
  fromRun: number | null;
  toRun: number;
  fromAsOf: string | null;
  toAsOf: string;
  kept: number | null;
  nodes: { id: string; segment: string; side: 'from' | 'to'; run: number }[];
  links: { source: string; target: string; customers: number }[];
  note?: string;
}

/** GET /v1/clusterings/:name/map: the customers' 2-D projection (a sample), with each cluster's centroid. */
export interface ClusterMap {
  run: number;
  customers: number;
  sampled: number;
  clusters: { cluster: number; name: string; size: number; share: number; centroid: [number, number] }[];
  points: [number, number, number, string][];
}

/** GET /v1/segmentations/:name/segments/:segment/weekday-hour: a segment's orders against everyone's. */
export interface SegmentWeekdayHour {
  segment: string;
  customers: number;
  segmentOrders: number;
  allOrders: number;
  segmentGrid: number[][];
  allGrid: number[][];
}
