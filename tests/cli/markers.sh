#!/bin/sh
# No output of assess, brief or trend, in any format, for any shipped country, year and method,
# carries research bookkeeping: the words MEMORY or INFERRED, a "research/" path, a "§", a seed number ("seed 001") or a "shared/seeds" path
# reference to a research file. Those belong in data comments, never in printed fields.
# Usage: sh tests/cli/markers.sh [BIN]; prints each offending command and line, then
# "markers: N outputs checked, N with markers", and exits non-zero on any.
set -u
bin=${1:-./iloscore}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
n=0; bad=0
check() {
    n=$((n+1))
    if LC_ALL=C "$bin" "$@" > "$T/out" 2>&1 && ! grep -n -e MEMORY -e INFERRED -e 'research/' -e '§' -e 'seeds\? 00[0-9]' -e 'shared/seeds' "$T/out" > "$T/hits"; then
        return
    fi
    bad=$((bad+1))
    echo "markers: iloscore $*"; head -5 "$T/hits" 2>/dev/null || head -5 "$T/out"
}
countries=$(ls countries/*.cfg | sed 's|.*/||; s|\.cfg$||')
methods=$(ls criteria/methods/*.cfg | sed 's|.*/||; s|\.cfg$||')
regimes=$(ls criteria/regimes/*.cfg | sed 's|.*/||; s|\.cfg$||')
for c in $countries; do
    for m in $methods; do
        for f in text md json csv html; do
            check trend "$c" --method "$m" --from 2010 --to 2024 --format "$f"
            for y in 2012 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024; do
                check assess "$c" --year "$y" --method "$m" --format "$f"
            done
            for r in $regimes; do
                for y in 2017 2018 2019 2021 2023; do
                    check brief "$c" --regime "$r" --year "$y" --method "$m" --format "$f"
                done
            done
        done
    done
done
echo "markers: $n outputs checked, $bad with markers"
[ "$bad" -eq 0 ]
