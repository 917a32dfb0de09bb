/**
 * The API requests each dashboard page makes when it opens, by page. One list serves three readers: the
 * end-of-analysis precompute (so no page is cold at a million customers), the API benchmark (`bench/api.bench.ts`)
 * and the docs. `{customer}` stands for a customer id the caller substitutes. Add a page's requests here when
 * adding the page.
 */
export const PAGE_REQUESTS: Readonly<Record<string, readonly string[]>> = {
  overview: ['/v1/overview'],
  rfm: ['/v1/overview'],
  lifecycle: ['/v1/overview', '/v1/segmentations/lifecycle/transitions'],
  segments: [
    '/v1/segmentations',
    '/v1/segmentations/rfm',
    '/v1/patterns?segmentation=rfm&limit=10',
    '/v1/segmentations/rfm/quality',
    '/v1/segmentations/rfm/profiles',
  ],
  value: ['/v1/overview', '/v1/customers?sort=-clv&limit=15'],
  churn: ['/v1/customers?sort=-churn_risk&min_churn_risk=0.5&min_monetary=1&limit=25'],
  customer: ['/v1/customers/{customer}', '/v1/customers?q=C000012&limit=10'],
  quality: ['/v1/quality'],
  clusters: ['/v1/clusterings', '/v1/clusterings/cluster/map'],
  // The page asks for one segment's weekday×hour; the segmentation's answer holds every segment's.
  behaviour: [
    '/v1/segmentations',
    '/v1/segmentations/behavioural.usage_pattern',
    '/v1/segmentations/behavioural.usage_pattern/weekday-hour',
  ],
  campaigns: ['/v1/segmentations', '/v1/campaigns/results?segmentation=rfm'],
};

/** Every distinct request of every page, `{customer}` replaced by `customerId`. */
export function pageRequestUrls(customerId: string): string[] {
  const urls = new Set<string>();
  for (const list of Object.values(PAGE_REQUESTS))
    for (const u of list) urls.add(u.replace('{customer}', encodeURIComponent(customerId)));
  return [...urls];
}
