#!/bin/sh
# seeds.sh OUT: the fuzzer's seed corpus, one file per data file of the shipped tree and of
# tests/data/mini, each prefixed with the byte that makes fuzz_load.c put it in place of a file of
# the same kind (0 catalogue, 1 method, 2 regime, 3 country, 4 scenario).
set -eu
out=$1
mkdir -p "$out"
n=0
for root in . tests/data/mini; do
    for spec in "0 criteria" "1 criteria/methods" "2 criteria/regimes" "3 countries" "4 scenarios"; do
        kind=${spec%% *}
        sub=${spec#* }
        for f in "$root/$sub"/*.cfg; do
            [ -f "$f" ] || continue
            n=$((n + 1))
            { printf "\\00$kind"; cat "$f"; } >"$out/seed-$n"
        done
    done
done
echo "fuzz: $n seeds in $out"
