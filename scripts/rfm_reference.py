#!/usr/bin/env python3
"""Independent RFM reference values for Online Retail (issue 3), with the standard library only (csv + gzip).

Run:  python3 scripts/rfm_reference.py [../shared/data/online_retail/online_retail.csv.gz]

Definitions (the same as Segmenta's, written again from the raw file without Segmenta's code or SQL):
- a line belongs to a customer when CustomerID is not empty; exact repeats of an earlier line (all 8 fields
  equal) are dropped, as the importer skips them as duplicates;
- a purchase line is one whose InvoiceNo does not start with "C" and whose Quantity is not negative;
- as-of date D: lines with InvoiceDate before D + 1 day; default D = the day after the last InvoiceDate;
- recency = days from the date of the customer's last purchase line to D; frequency = distinct purchase
  invoices; monetary = sum of Quantity * UnitPrice over purchase lines;
- scores among customers with at least one purchase: sort by (value, CustomerID) ascending (recency:
  descending value, then CustomerID ascending) and cut into 5 groups like SQL ntile(5) (the first n % 5 groups
  one larger); the group number is the score;
- group = MAP[r - 1][floor((f + m + 1) / 2) - 1].
"""
import csv
import datetime as dt
import gzip
import sys
from collections import Counter, defaultdict

PATH = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/online_retail/online_retail.csv.gz"
CUSTOMERS = ["12346", "12347", "12748", "17841", "14646", "13047", "18074"]
MAP = [
    ["Lost", "Lost", "At Risk", "At Risk", "Cannot Lose Them"],
    ["Hibernating", "Hibernating", "At Risk", "At Risk", "Cannot Lose Them"],
    ["About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"],
    ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"],
    ["New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"],
]


def read_lines(path):
    seen = set()
    out = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            key = tuple(row)
            if key in seen:
                continue
            seen.add(key)
            invoice, _, _, qty, when, price, customer, _ = row
            out.append((invoice, float(qty), dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S"), float(price), customer.strip()))
    return out


def ntile(n, i, k=5):
    q, r = divmod(n, k)
    big = r * (q + 1)
    return i // (q + 1) + 1 if i < big else r + (i - big) // q + 1


def rfm(lines, as_of):
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    invoices = defaultdict(set)
    money = defaultdict(float)
    last = {}
    for invoice, qty, when, price, customer in lines:
        if not customer or when >= cutoff or invoice.startswith("C") or qty < 0:
            continue
        invoices[customer].add(invoice)
        money[customer] += qty * price
        if customer not in last or when > last[customer]:
            last[customer] = when
    rows = {c: {"recency": (as_of - last[c].date()).days, "frequency": len(invoices[c]), "monetary": money[c]} for c in invoices}
    n = len(rows)
    for name, key, reverse in (("r", "recency", True), ("f", "frequency", False), ("m", "monetary", False)):
        ranked = sorted(rows, key=lambda c: ((-rows[c][key]) if reverse else rows[c][key], c))
        for i, c in enumerate(ranked):
            rows[c][name] = ntile(n, i)
    for v in rows.values():
        v["group"] = MAP[v["r"] - 1][(v["f"] + v["m"] + 1) // 2 - 1]
    return rows


def report(label, rows):
    print(f"== {label}: {len(rows)} customers with purchases")
    for c in CUSTOMERS:
        v = rows.get(c)
        if v:
            print(f"  {c}: recency={v['recency']} frequency={v['frequency']} monetary={v['monetary']:.2f} "
                  f"r={v['r']} f={v['f']} m={v['m']} group={v['group']}")
        else:
            print(f"  {c}: no purchases")
    print("  groups:", dict(sorted(Counter(v["group"] for v in rows.values()).items())))
    print("  cells:", {k: Counter(v[k] for v in rows.values())[5] for k in "rfm"}, "(customers with score 5)")


lines = read_lines(PATH)
default = max(w for _, _, w, _, _ in lines).date() + dt.timedelta(days=1)
report(f"as of {default} (default)", rfm(lines, default))
report("as of 2011-06-30", rfm(lines, dt.date(2011, 6, 30)))
