import type { Command } from 'commander';
import {
  CLUSTER_FEATURES,
  clusterRun,
  FEATURE_SETS,
  formatClustering,
  getRun,
} from '../../analysis/index.js';
import { invalidInput } from '../../core/errors.js';
import { output, runNumber, withApp } from '../context.js';

export function registerCluster(program: Command): void {
  const sets = Object.entries(FEATURE_SETS)
    .map(([name, features]) => `  ${name.padEnd(14)} ${features.join(', ')}`)
    .join('\n');
  program
    .command('cluster')
    .summary('find customer segments by clustering: automatic k, profiles, persona cards, 2-D map')
    .description(
      `Cluster the customers of an analysis run (default: the latest) with k-means on scaled features (log for money and counts, robust scaling, missing values filled, categories one-hot), choose k automatically (silhouette, Calinski-Harabasz and Davies-Bouldin for k = 3..10; the table and the reason are printed) or take --k, name each cluster from what sets it apart, and print persona cards. The clustering is stored as a segmentation of the run (segmenta segmentations count, segmenta quality segments, segmenta export customers --segment NAME=...). segmenta analyze already stores one, named "cluster", on behavioural + value features.\n\nFeature sets:\n${sets}\nor any comma-separated list of: ${Object.keys(CLUSTER_FEATURES).join(', ')}`,
    )
    .option('--k <k>', 'number of clusters, or auto', 'auto')
    .option(
      '--features <set>',
      'behavioural, value, demographic, psychographic, sets joined with + (default behavioural+value), or a,b,c',
    )
    .option('--run <n>', 'analysis run (default: the latest)')
    .option('--name <name>', 'segmentation name to store it under (default: cluster[.features][.kN])')
    .option('--seed <n>', 'random seed (same seed, same clusters)', '1')
    .option('--json', 'print the clustering as JSON (persona cards, k table, profiles, quality)')
    .addHelpText(
      'after',
      `\nExamples:\n  segmenta cluster\n  segmenta cluster --k 6 --features value\n  segmenta cluster --features psychographic --run 2\n  segmenta cluster --features frequency,monetary_net,weekend_share --json`,
    )
    .action(async (opts, cmd: Command) => {
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0)
        throw invalidInput(`--seed ${opts.seed}: expected a whole number`);
      await withApp(cmd, async (app) => {
        const runId = runNumber(opts.run);
        const run = await getRun(app.warehouse, runId);
        const c = await clusterRun(app.warehouse, {
          runId: run.runId,
          k: String(opts.k),
          seed,
          ...(opts.features !== undefined ? { features: String(opts.features) } : {}),
          ...(opts.name !== undefined ? { name: String(opts.name) } : {}),
        });
        const { labels: _labels, map: _map, ...stored } = c;
        output(Boolean(opts.json), { ...stored, asOf: run.asOf }, () =>
          formatClustering({ ...c, asOf: run.asOf }),
        );
      });
    });
}
