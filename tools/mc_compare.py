#!/usr/bin/env python3
"""mc_compare.py: do the engine's medians agree with the NumPy reference's within Monte Carlo
error? For `make bench`. Plain Python (no NumPy).

ENGINE is `iloscore sensitivity --all --format csv` (long rows: country,year,method,measure,value),
REFERENCE is tools/mc_reference.py's CSV. The two use different generators, so their medians
differ by chance: the standard error of a median of D draws is about sqrt(pi / 2) x sd / sqrt(D),
sd taken from the 5-95% spread ((p95 - p5) / 3.29), and of the difference of two independent ones
sqrt(2) times that. A median agrees when it is within 5 standard errors of the other (ranks: plus
one, as a median of integer ranks moves in steps). Prints the counts and the largest deviation in
standard errors; exits 1 when a country-year is missing from either file or a median disagrees.

Usage: mc_compare.py ENGINE REFERENCE DRAWS
"""
import csv
import math
import sys


def main(engine, reference, draws):
    eng = {}
    with open(engine, newline="") as f:
        for row in csv.DictReader(f):
            if row["measure"] in ("score:p5", "score:p50", "score:p95", "rank:p5", "rank:p50", "rank:p95"):
                eng.setdefault((row["country"], row["year"]), {})[row["measure"]] = float(row["value"])
    ref = {}
    with open(reference, newline="") as f:
        for row in csv.DictReader(f):
            ref[(row["country"], row["year"])] = {k.replace("_", ":"): float(v) for k, v in row.items() if "_p" in k}
    missing = set(eng) ^ set(ref)
    worst, bad, n = 0.0, 0, 0
    for key in ref:
        if key not in eng:
            continue
        for what, slack in (("score", 0.0), ("rank", 1.0)):
            a, b = eng[key][what + ":p50"], ref[key][what + ":p50"]
            sd = max(eng[key][what + ":p95"] - eng[key][what + ":p5"], ref[key][what + ":p95"] - ref[key][what + ":p5"]) / 3.29
            se = math.sqrt(2) * math.sqrt(math.pi / 2) * sd / math.sqrt(draws)
            n += 1
            if abs(a - b) > 5 * se + slack + 1e-9:
                bad += 1
            if se > 0:
                worst = max(worst, max(abs(a - b) - slack, 0.0) / se)
    ok = not missing and bad == 0 and n > 0
    print("%d medians compared (%d country-years), %d outside 5 standard errors, largest deviation %.2f SE, "
          "%d country-years in one file only: %s" % (n, n // 2, bad, worst, len(missing), "agree" if ok else "DISAGREE"))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.stderr.write("usage: mc_compare.py ENGINE REFERENCE DRAWS\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
