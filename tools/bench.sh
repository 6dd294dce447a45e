#!/bin/sh
# make bench: the scale benchmarks of iloscore, on synthetic worlds written under build/bench/.
#
#   1x   190 countries x 30 years (1991-2020), about 50 provisions and 200 incidents each
#   4x   760 countries x 30 years: four times the countries
#   16x  760 countries x 120 years (1901-2020): four times the countries and four times the years,
#        with the items of a country in proportion to its years (about 200 provisions and 800
#        incidents each), so 16 times the country-years and 16 times the bytes. More countries
#        would need more codes than ISO 3166-1's user-assigned ranges hold (1,029 usable).
#
# For each world, the median of RUNS runs (default 5) of:
#   parse   tools/parse_only: libconfig's config_read_file() on every file, nothing else
#   load    tools/bench_engine: ilo_model_load() (read, check, build the model), wall-clock; the
#           loader parses on a second thread, so its CPU time (all threads) is printed beside
#   beyond  (load - parse) / parse: what loading adds to the bare parse, wall-clock (the target),
#           and the same with load's CPU time, the engine's work whichever thread did it
#   eval    tools/bench_engine: ilo_eval() of every country in every year its sources cover,
#           under every method (2 in the shipped catalogue)
#   peak    the peak resident memory of bench_engine's process (load + eval), /usr/bin/time -v
# then, on 1x, `iloscore sensitivity --all --draws 10000` (whole command: load, evaluation,
# draws, report) with 2 threads and with 1; `iloscore score --sheet` (whole command, shipped data)
# on coding sheets of 100,000 and 300,000 country-years (three rows each, criteria by id, by
# "sdg:N" and by bare SDG number, every country-year's rows apart); and the scaling exponent from 1x to 16x,
# log(t16/t1) / log(16), for load + eval and for each phase. The targets are checked at the end.
#
# Usage: sh tools/bench.sh ./iloscore build/tools [RUNS]
set -u
bin=${1:-./iloscore}
tools=${2:-build/tools}
runs=${3:-5}
dir=build/bench
mkdir -p "$dir"

if [ ! -x /usr/bin/time ]; then
    if [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
        sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
        echo "bench: installing GNU time (/usr/bin/time) for peak memory" >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null 2>&1
    fi
    [ -x /usr/bin/time ] || { echo "bench: needs GNU time at /usr/bin/time (package 'time')" >&2; exit 1; }
fi

now_ns() { date +%s%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# World NAME N FROM TO: regenerated when missing, when its options changed or when iloscore is
# newer than it (the generator may have changed).
world() {
    name=$1; n=$2; from=$3; to=$4
    params="countries $n years $from-$to seed 1"
    if [ -d "$dir/$name" ] && [ -f "$dir/$name.params" ] && [ "$(cat "$dir/$name.params")" = "$params" ] &&
       [ ! "$bin" -nt "$dir/$name.params" ]; then
        return 0
    fi
    rm -rf "$dir/$name" "$dir/$name.params"
    echo "bench: writing the $name world ($n countries, $from-$to) to $dir/$name" >&2
    "$bin" --data . synth --countries "$n" --from "$from" --to "$to" --seed 1 --out "$dir/$name" >/dev/null || exit 1
    echo "$params" > "$dir/$name.params"
}

world 1x 190 1991 2020
world 4x 760 1991 2020
world 16x 760 1901 2020

# measure NAME: sets parse, load, eval, peak (bytes), bytes, evals for the world.
measure() {
    w="$dir/$1"
    : > "$dir/.parse"; : > "$dir/.load"; : > "$dir/.eval"; : > "$dir/.peak"; : > "$dir/.cpu"
    i=0
    while [ $i -lt "$runs" ]; do
        set -- $("$tools/parse_only" "$w") || exit 1
        echo "$2" >> "$dir/.parse"
        bytes=$6
        /usr/bin/time -f "%M" -o "$dir/.time" "$tools/bench_engine" "$w" > "$dir/.out" || exit 1
        set -- $(cat "$dir/.out")
        echo "$2" >> "$dir/.load"
        echo "$4" >> "$dir/.eval"
        echo "${14}" >> "$dir/.cpu"
        evals=$6
        echo $(( $(tail -1 "$dir/.time") * 1024 )) >> "$dir/.peak"
        i=$((i + 1))
    done
    parse=$(median < "$dir/.parse"); load=$(median < "$dir/.load"); eval=$(median < "$dir/.eval")
    peak=$(median < "$dir/.peak"); loadcpu=$(median < "$dir/.cpu")
}

printf '\niloscore %s: make bench, medians of %s runs (%s cores)\n\n' "$("$bin" --version | cut -d' ' -f2)" "$runs" "$(nproc)"
printf '%-5s %9s %6s %8s %10s %9s %9s %10s %9s %9s %10s %10s %8s\n' world countries years evals "input MB" "parse s" \
    "load s" "load CPU s" "eval s" "beyond %" "beyond CPU" "peak MB" "peak/in"
for name in 1x 4x 16x; do
    measure "$name"
    case $name in 16x) years=120 ;; *) years=30 ;; esac
    countries=$(ls "$dir/$name/countries" | wc -l)
    beyond=$(awk -v l="$load" -v p="$parse" 'BEGIN { printf "%.0f", 100 * (l - p) / p }')
    beyond_cpu=$(awk -v l="$loadcpu" -v p="$parse" 'BEGIN { printf "%.0f", 100 * (l - p) / p }')
    printf '%-5s %9s %6s %8s %10.1f %9.3f %9.3f %10.3f %9.3f %9s %10s %10.1f %8.2f\n' "$name" "$countries" "$years" \
        "$evals" "$(echo "$bytes / 1048576" | bc -l)" "$parse" "$load" "$loadcpu" "$eval" "$beyond" "$beyond_cpu" \
        "$(echo "$peak / 1048576" | bc -l)" "$(echo "$peak / $bytes" | bc -l)"
    eval "parse_$name=$parse load_$name=$load eval_$name=$eval peak_$name=$peak bytes_$name=$bytes beyond_$name=$beyond"
    eval "beyond_cpu_$name=$beyond_cpu"
done

# Sensitivity on 1x: the whole command, wall-clock and CPU time.
sens() {
    : > "$dir/.sens"; : > "$dir/.cpu"
    i=0
    while [ $i -lt "$runs" ]; do
        t0=$(now_ns)
        /usr/bin/time -f "%U %S" -o "$dir/.time" "$bin" --data "$dir/1x" sensitivity --all --draws 10000 --seed 1 \
            --threads "$1" --format json -o "$dir/sensitivity-$1.json" || exit 1
        t1=$(now_ns)
        echo "$t0 $t1" | awk '{ printf "%.6f\n", ($2 - $1) / 1e9 }' >> "$dir/.sens"
        awk '{ printf "%.6f\n", $1 + $2 }' "$dir/.time" >> "$dir/.cpu"
        i=$((i + 1))
    done
    sens_wall=$(median < "$dir/.sens"); sens_cpu=$(median < "$dir/.cpu")
}
sens 2; sens2=$sens_wall; cpu2=$sens_cpu
sens 1; sens1=$sens_wall; cpu1=$sens_cpu
same=no; cmp -s "$dir/sensitivity-1.json" "$dir/sensitivity-2.json" && same=yes
printf '\nsensitivity --all --draws 10000 on 1x (whole command: load, evaluation, draws, report):\n'
printf '  2 threads: %.3f s wall, %.3f s CPU\n  1 thread:  %.3f s wall, %.3f s CPU\n' "$sens2" "$cpu2" "$sens1" "$cpu1"
printf '  the two outputs are the same bytes: %s\n' "$same"

# Coding sheets: N country-years (N/100 countries x 100 years), written in three passes so
# that the rows of a country-year are far apart.
sheet_file() {
    f="$dir/sheet-$1.csv"
    [ -f "$f" ] && return 0
    awk -v n="$1" 'BEGIN {
        print "country,year,criterion,sources"
        split("facb-gp-join-law|sdg:12|24", crit, "|")
        for (p = 1; p <= 3; p++)
            for (c = 0; c < n / 100; c++)
                for (y = 0; y < 100; y++)
                    printf "X%04d,%d,%s,src-%d\n", c, 1921 + y, crit[p], p
    }' > "$f"
}
score_sheet() {
    sheet_file "$1"
    : > "$dir/.sheet"
    i=0
    while [ $i -lt "$runs" ]; do
        t0=$(now_ns)
        "$bin" --data . score --sheet "$dir/sheet-$1.csv" > "$dir/.out" || exit 1
        t1=$(now_ns)
        echo "$t0 $t1" | awk '{ printf "%.6f\n", ($2 - $1) / 1e9 }' >> "$dir/.sheet"
        i=$((i + 1))
    done
    sheet_rows=$(($(wc -l < "$dir/.out") - 1))
    sheet_time=$(median < "$dir/.sheet")
}
score_sheet 100000; sheet100=$sheet_time; rows100=$sheet_rows
score_sheet 300000; sheet300=$sheet_time; rows300=$sheet_rows
printf '\nscore --sheet (whole command: load the shipped data, read the sheet, score every country-year):\n'
printf '  100,000 country-years (%s scored, %s): %.3f s\n' "$rows100" "$(du -h "$dir/sheet-100000.csv" | cut -f1)" "$sheet100"
printf '  300,000 country-years (%s scored, %s): %.3f s, exponent %s\n' "$rows300" \
    "$(du -h "$dir/sheet-300000.csv" | cut -f1)" "$sheet300" "$(awk -v a="$sheet100" -v b="$sheet300" 'BEGIN { printf "%.3f", log(b / a) / log(3) }')"

exponent() { awk -v a="$1" -v b="$2" -v r="$3" 'BEGIN { printf "%.3f", log(b / a) / log(r) }'; }
t1=$(echo "$load_1x + $eval_1x" | bc -l); t16=$(echo "$load_16x + $eval_16x" | bc -l)
ratio=$(echo "$bytes_16x / $bytes_1x" | bc -l)
exp_total=$(exponent "$t1" "$t16" 16)
printf '\nscaling from 1x to 16x (16 times the country-years, %.1f times the bytes):\n' "$ratio"
printf '  load + eval: %.3f s -> %.3f s, exponent %s\n' "$t1" "$t16" "$exp_total"
printf '  parse %s, load %s, eval %s (ilo_eval scans every item of a country in every year, and a 16x\n' \
    "$(exponent "$parse_1x" "$parse_16x" 16)" "$(exponent "$load_1x" "$load_16x" 16)" "$(exponent "$eval_1x" "$eval_16x" 16)"
printf '  country has 4 times the years and so 4 times the items: eval work is 64 times 1x'"'"'s)\n'
t4=$(echo "$load_4x + $eval_4x" | bc -l)
printf '  1x to 4x (countries only): load + eval exponent %s\n' "$(exponent "$t1" "$t4" 4)"

verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "MISSED"; fi; }
printf '\ntargets:\n'
printf '  1x load + evaluation under 1 s:                 %.3f s  %s\n' "$t1" "$(verdict "$(echo "$t1 < 1" | bc -l)")"
printf '  engine beyond the bare parse at most 25%%:       %s%%     %s (wall-clock; CPU time: %s%%)\n' "$beyond_1x" \
    "$(verdict "$(echo "$beyond_1x <= 25" | bc -l)")" "$beyond_cpu_1x"
printf '  10,000 draws with rank intervals under 2 s:     %.3f s  %s\n' "$sens2" "$(verdict "$(echo "$sens2 < 2" | bc -l)")"
printf '  100,000 country-years of a sheet under 1 s:     %.3f s  %s\n' "$sheet100" "$(verdict "$(echo "$sheet100 < 1" | bc -l)")"
printf '  scaling exponent at most 1.1:                   %s    %s\n' "$exp_total" "$(verdict "$(echo "$exp_total <= 1.1" | bc -l)")"
for name in 1x 4x 16x; do
    eval "p=\$peak_$name b=\$bytes_$name"
    printf '  %-4s peak memory at most 3x the input:          %.2fx   %s\n' "$name" "$(echo "$p / $b" | bc -l)" \
        "$(verdict "$(echo "$p <= 3 * $b" | bc -l)")"
done
rm -f "$dir/.sheet" "$dir/.parse" "$dir/.load" "$dir/.eval" "$dir/.peak" "$dir/.time" "$dir/.out" "$dir/.sens" "$dir/.cpu"
