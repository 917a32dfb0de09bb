#!/usr/bin/env python3
"""scikit-learn reference figures for Segmenta's clustering code (tests and benchmarks).

Needs Debian's python3-sklearn and python3-pandas (CI installs both). Subcommands:

  online-retail --data ../shared/data/online_retail/online_retail.csv.gz [--labels LABELS.csv]
      Builds the standardised log R, F, M features of the UCI Online Retail data and prints, as JSON:
        - for each label column of LABELS.csv (written by src/models/cluster/online-retail.test.ts: CustomerID,
          the test's own standardised features z_recency, z_frequency, z_monetary, then one column per k):
          scikit-learn's silhouette_score, calinski_harabasz_score and davies_bouldin_score of THOSE labels on
          THIS script's features, and the largest absolute difference between both pipelines' features;
        - for k = 2..8: scikit-learn's own KMeans(n_clusters=k, n_init=10, random_state=0) inertia and silhouette.

      Feature definitions (the test implements the same ones):
        * drop lines without CustomerID and invoices whose InvoiceNo starts with 'C' (cancellations);
        * reference date = latest InvoiceDate in the remaining lines + 1 day (2011-12-10 12:50:00);
        * recency   = whole days (floor) from the customer's latest InvoiceDate to the reference date;
        * frequency = number of distinct InvoiceNo of the customer;
        * monetary  = sum of Quantity * UnitPrice over the customer's lines;
        * keep customers with monetary > 0;
        * features = log1p(recency), log1p(frequency), log1p(monetary), each standardised to mean 0 and
          population standard deviation 1 (StandardScaler).

  kmeans-bench --file DATA.f64 --n N --d D --k K [--n-init 1] [--seed 0]
      Reads N x D little-endian float64 (numpy.fromfile), times KMeans(K, n_init, random_state=seed).fit
      (default Lloyd algorithm, all cores) and prints {"seconds", "inertia", "n_iter", "threads"} as JSON.
      Used by bench/kmeans.bench.ts on the very data it clusters itself.

Example: python3 scripts/sklearn_reference.py online-retail --data ../shared/data/online_retail/online_retail.csv.gz
"""

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.preprocessing import StandardScaler


def rfm_features(path):
    df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
    df = df[df["CustomerID"].notna()]
    df = df[~df["InvoiceNo"].str.startswith("C")]
    reference = df["InvoiceDate"].max() + pd.Timedelta(days=1)
    df = df.assign(amount=df["Quantity"] * df["UnitPrice"])
    g = df.groupby("CustomerID")
    rfm = pd.DataFrame(
        {
            "recency": (reference - g["InvoiceDate"].max()).dt.days,
            "frequency": g["InvoiceNo"].nunique(),
            "monetary": g["amount"].sum(),
        }
    )
    rfm = rfm[rfm["monetary"] > 0]
    rfm.index = rfm.index.astype(np.int64)
    z = StandardScaler().fit_transform(np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(float)))
    return rfm, z


def online_retail(args):
    rfm, z = rfm_features(args.data)
    out = {"customers": int(len(rfm)), "labels": {}, "sklearn_kmeans": {}}
    if args.labels:
        lab = pd.read_csv(args.labels).set_index("CustomerID")
        lab.index = lab.index.astype(np.int64)
        if set(lab.index) != set(rfm.index):
            out["error"] = "customer sets differ: %d in labels, %d here" % (len(lab), len(rfm))
            print(json.dumps(out))
            return
        lab = lab.loc[rfm.index]
        theirs = lab[["z_recency", "z_frequency", "z_monetary"]].to_numpy(float)
        out["max_feature_difference"] = float(np.max(np.abs(theirs - z)))
        for col in [c for c in lab.columns if c.startswith("k")]:
            labels = lab[col].to_numpy()
            out["labels"][col] = {
                "silhouette": float(silhouette_score(z, labels)),
                "calinski_harabasz": float(calinski_harabasz_score(z, labels)),
                "davies_bouldin": float(davies_bouldin_score(z, labels)),
            }
    if not args.skip_kmeans:
        for k in range(2, 9):
            km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(z)
            out["sklearn_kmeans"]["k%d" % k] = {
                "inertia": float(km.inertia_),
                "silhouette": float(silhouette_score(z, km.labels_)),
            }
    print(json.dumps(out))


def kmeans_bench(args):
    from threadpoolctl import threadpool_info

    x = np.fromfile(args.file, dtype="<f8").reshape(args.n, args.d)
    start = time.perf_counter()
    km = KMeans(n_clusters=args.k, n_init=args.n_init, random_state=args.seed).fit(x)
    seconds = time.perf_counter() - start
    threads = max([p.get("num_threads", 1) for p in threadpool_info()] or [1])
    print(json.dumps({"seconds": seconds, "inertia": float(km.inertia_), "n_iter": int(km.n_iter_), "threads": threads}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("online-retail")
    p.add_argument("--data", required=True)
    p.add_argument("--labels")
    p.add_argument("--skip-kmeans", action="store_true")
    p.set_defaults(run=online_retail)
    b = sub.add_parser("kmeans-bench")
    b.add_argument("--file", required=True)
    b.add_argument("--n", type=int, required=True)
    b.add_argument("--d", type=int, required=True)
    b.add_argument("--k", type=int, required=True)
    b.add_argument("--n-init", type=int, default=1)
    b.add_argument("--seed", type=int, default=0)
    b.set_defaults(run=kmeans_bench)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
