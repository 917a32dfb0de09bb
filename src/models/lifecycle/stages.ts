/** The four lifecycle phases of the brief and their 16 stages. */
export const PHASES = ['acquisition', 'growth', 'maturity', 'decline'] as const;
export type Phase = (typeof PHASES)[number];

export const STAGES = {
  first_time_buyer: { phase: 'acquisition', doc: 'one purchase, made recently' },
  trial_user: { phase: 'acquisition', doc: 'one purchase a while ago, not yet a repeat buyer, not lapsed' },
  evaluation: { phase: 'acquisition', doc: 'no purchase yet; browsing, opening emails or newly signed up' },
  decision: { phase: 'acquisition', doc: 'no purchase yet; carts or checkouts in the last 30 days' },
  rapid_adopter: { phase: 'growth', doc: 'repeat buyer early in the relationship' },
  feature_explorer: { phase: 'growth', doc: 'repeat buyer exploring several categories or channels' },
  power_user: { phase: 'growth', doc: 'repeat buyer ordering often right now' },
  advocate: { phase: 'growth', doc: 'repeat buyer who engages with and responds to our communication' },
  loyal: { phase: 'maturity', doc: 'long-standing, frequent buyer' },
  high_value: { phase: 'maturity', doc: 'long-standing buyer in the top value quintile' },
  stable: { phase: 'maturity', doc: 'long-standing buyer on a steady rhythm' },
  brand_advocate: {
    phase: 'maturity',
    doc: 'long-standing buyer who engages with and responds to our communication',
  },
  at_risk: { phase: 'decline', doc: 'overdue against their own rhythm, or buying sharply less' },
  churned: { phase: 'decline', doc: 'no purchase for several times their usual gap' },
  win_back_opportunity: { phase: 'decline', doc: 'lapsed, but still engaged or valuable enough to win back' },
  lost_cause: {
    phase: 'decline',
    doc: 'no purchase for over a year, or registered long ago and never bought',
  },
} as const satisfies Record<string, { phase: Phase; doc: string }>;

export type Stage = keyof typeof STAGES;
export const STAGE_IDS = Object.keys(STAGES) as Stage[];
export const phaseOf = (s: Stage): Phase => STAGES[s].phase;
