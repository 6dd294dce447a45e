#!/usr/bin/env python3
"""mc_reference.py: the Monte Carlo of `iloscore sensitivity --sheet FILE --all` written as an
analyst would write it with NumPy, for `make bench` to race against the engine.

From a coding sheet (`iloscore sheet --all`: country,year,criterion[,sources]; a criterion by id,
sdg:N or N) and the catalogue's weights (`iloscore sheet --weights`), for every year from..to:
each draw multiplies every weight by 1 + u, u uniform on [-spread%, +spread%]; a country-year's
raw score is the sum of the weights of its coded criteria (the rules applied, the method's scope
kept), its score min(raw, cap) x scale / cap, or the scale when an all-encompassing criterion is
coded; ranks are competition ranks ("1224") among the year's countries in each draw. It prints
the 5th, 50th and 95th percentiles (linear interpolation, as GSL's) of each country-year's score
and rank, as CSV: country,year,score_p5,score_p50,score_p95,rank_p5,rank_p50,rank_p95.

The draws come from NumPy's generator, not GSL's, so the figures agree with the engine's within
Monte Carlo error, not to the digit. Vectorised the usual way: a (draws x criteria) weight
matrix, a (countries x criteria) coding matrix per year, their product, np.percentile, and
per-draw ranks from one argsort of the (draws x countries) scores.

Usage: mc_reference.py SHEET WEIGHTS FROM TO DRAWS SEED SPREAD OUT
"""
import csv
import sys

import numpy as np


def read_weights(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    ids = [r["criterion"] for r in rows]
    index = {c: i for i, c in enumerate(ids)}
    sdg = {int(r["sdg"]): i for i, r in enumerate(rows) if int(r["sdg"]) > 0}
    weight = np.array([float(r["weight"]) for r in rows])
    scored = np.array([r["scored"] == "1" for r in rows])
    forcing = np.array([r["all_encompassing"] == "1" for r in rows])
    implies = np.zeros((len(rows), len(rows)), dtype=bool)
    for i, r in enumerate(rows):
        for c in r["implies"].split(";"):
            implies[i, index[c]] = True
    return ids, index, sdg, weight, scored, forcing, implies, float(rows[0]["cap"]), float(rows[0]["scale"])


def criterion(name, index, sdg):
    if name.startswith("sdg:"):
        return sdg[int(name[4:])]
    if name.isdigit():
        return sdg[int(name)]
    return index[name]


def main(argv):
    sheet, weights, y0, y1, draws, seed, spread, out = argv[1:9]
    y0, y1, draws, seed, spread = int(y0), int(y1), int(draws), int(seed), float(spread) / 100.0
    ids, index, sdg, weight, scored, forcing, implies, cap, scale = read_weights(weights)
    n_crit = len(ids)

    # The sheet: per year, per country, the coded criteria.
    coded = {}
    with open(sheet, newline="") as f:
        reader = csv.reader(f)
        for row in reader:
            if row[0] == "country" or not row[0]:
                continue
            year = int(row[1])
            if y0 <= year <= y1:
                coded.setdefault(year, {}).setdefault(row[0], []).append(criterion(row[2], index, sdg))

    rng = np.random.default_rng(seed)
    W = weight * (1.0 + rng.uniform(-spread, spread, size=(draws, n_crit)))  # draws x criteria
    q = [5, 50, 95]
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "year", "score_p5", "score_p50", "score_p95", "rank_p5", "rank_p50", "rank_p95"])
        for year in range(y0, y1 + 1):
            countries = list(coded.get(year, {}))
            if not countries:
                continue
            n = len(countries)
            X = np.zeros((n, n_crit), dtype=bool)
            for i, c in enumerate(countries):
                X[i, coded[year][c]] = True
            X = (X.astype(np.uint8) @ implies.astype(np.uint8) > 0) & scored  # rules, then scope
            forced = (X & forcing).any(axis=1)
            S = W @ X.T.astype(np.float64)  # draws x countries: raw
            S = np.minimum(S, cap) * scale / cap
            S[:, forced] = scale
            # Competition ranks per draw: sort each draw, the first position of each run of equal
            # scores is the rank of the run.
            order = np.argsort(S, axis=1, kind="stable")
            Ss = np.take_along_axis(S, order, axis=1)
            start = np.ones(Ss.shape, dtype=bool)
            start[:, 1:] = Ss[:, 1:] != Ss[:, :-1]
            first = np.maximum.accumulate(np.where(start, np.arange(n), 0), axis=1)
            R = np.empty_like(order)
            np.put_along_axis(R, order, first + 1, axis=1)
            sp = np.percentile(S, q, axis=0)
            rp = np.percentile(R, q, axis=0)
            for i, c in enumerate(countries):
                w.writerow([c, year] + ["%.4f" % v for v in sp[:, i]] + ["%.2f" % v for v in rp[:, i]])


if __name__ == "__main__":
    if len(sys.argv) != 9:
        sys.stderr.write(__doc__.split("\n\n")[-1] + "\n")
        sys.exit(2)
    main(sys.argv)
