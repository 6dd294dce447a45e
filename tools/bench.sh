#!/bin/sh
# make bench: the scale benchmarks of iloscore, on synthetic worlds written under build/bench/.
#
#   1x   190 countries x 30 years (1991-2020), 50 provisions and about 200 incidents each
#   4x   760 countries x 30 years: four times the countries
#   16x  760 countries x 120 years (1901-2020): four times the countries and four times the years,
#        with the items of a country in step with its years (140 provisions and about 800
#        incidents each; a provision is in force 1 to 20 years, most incidents last a day), so
#        16 times the country-years, each holding about what a 1x country-year holds, and 15
#        times the bytes. More countries would need more codes than ISO 3166-1's user-assigned
#        ranges hold (1,029 usable).
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
# "sdg:N" and by bare SDG number, every country-year's rows apart); the world by years,
# `sensitivity --all --from 1991 --to 2020 --draws 10000` on 1x in one process with 1, 2 and 3
# threads (the same bytes?); the race against a NumPy reference (below); and the scaling exponent
# from 1x to 16x,
# log(t16/t1) / log(16), for load + eval and for each phase. The targets are checked at the end.
#
# The race: the 1x world's coding sheet (`sheet --all`) and the catalogue's weights (`sheet
# --weights`) go to tools/mc_reference.py (NumPy, as an analyst would vectorise it) and to
# `iloscore --data CATALOGUE sensitivity --sheet SHEET --all --no-groups` (the same percentiles
# of scores and ranks; the catalogue alone as data), 10,000 draws, for one year (2020) and for
# all 30 (1991-2020): whole-process wall-clock time, median of RUNS, and peak memory; the medians
# checked to agree within Monte Carlo error (tools/mc_compare.py). NumPy comes from Debian's
# python3-numpy (installed when missing, as GNU time is); without it the race is skipped with a
# message.
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
    : > "$dir/.parse"; : > "$dir/.load"; : > "$dir/.eval"; : > "$dir/.peak"; : > "$dir/.cpu"; : > "$dir/.ecpu"
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
        echo "${16}" >> "$dir/.ecpu"
        evals=$6
        echo $(( $(tail -1 "$dir/.time") * 1024 )) >> "$dir/.peak"
        i=$((i + 1))
    done
    parse=$(median < "$dir/.parse"); load=$(median < "$dir/.load"); eval=$(median < "$dir/.eval")
    peak=$(median < "$dir/.peak"); loadcpu=$(median < "$dir/.cpu"); evalcpu=$(median < "$dir/.ecpu")
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
    eval "beyond_cpu_$name=$beyond_cpu evalcpu_$name=$evalcpu"
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
# The world by years on 1x: one process, 1, 2 and 3 threads.
for t in 1 2 3; do
    s0=$(now_ns)
    "$bin" --data "$dir/1x" sensitivity --all --from 1991 --to 2020 --draws 10000 --seed 1 --threads $t --format csv \
        -o "$dir/world-years-$t.csv" || exit 1
    s1=$(now_ns)
    eval "wy_$t=$(echo "$s0 $s1" | awk '{ printf "%.3f", ($2 - $1) / 1e9 }')"
done
wy_same=no
cmp -s "$dir/world-years-1.csv" "$dir/world-years-2.csv" && cmp -s "$dir/world-years-1.csv" "$dir/world-years-3.csv" && wy_same=yes
printf '\nsensitivity --all --from 1991 --to 2020 --draws 10000 on 1x (one process, 5,700 country-years, with\n'
printf 'the leave-one-group-out impacts): %s s with 1 thread, %s s with 2, %s s with 3; the same bytes: %s\n' \
    "$wy_1" "$wy_2" "$wy_3" "$wy_same"

# The race against NumPy (see the top of this file).
py=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy' >/dev/null 2>&1; then py=$p; break; fi
done
if [ -z "$py" ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "bench: installing NumPy (python3-numpy) for the reference implementation" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-numpy >/dev/null 2>&1
    /usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 && py=/usr/bin/python3
fi
race_ok=skip
if [ -z "$py" ]; then
    printf '\nNumPy race: skipped (NumPy is missing: install python3-numpy)\n'
else
    rm -rf "$dir/catalogue" && mkdir -p "$dir/catalogue" && cp -R "$dir/1x/criteria" "$dir/catalogue/" || exit 1
    "$bin" --data "$dir/1x" sheet --all -o "$dir/1x-sheet.csv" || exit 1
    "$bin" --data "$dir/catalogue" sheet --weights -o "$dir/weights.csv" || exit 1
    # race NAME FROM TO: medians of RUNS of each side (wall-clock, peak memory); the agreement.
    race() {
        : > "$dir/.en"; : > "$dir/.np"; : > "$dir/.enm"; : > "$dir/.npm"
        i=0
        while [ $i -lt "$runs" ]; do
            s0=$(now_ns)
            /usr/bin/time -f "%M" -o "$dir/.time" "$bin" --data "$dir/catalogue" sensitivity --sheet "$dir/1x-sheet.csv" --all \
                --from "$2" --to "$3" --draws 10000 --seed 1 --no-groups --format csv -o "$dir/race-engine-$1.csv" || exit 1
            s1=$(now_ns)
            echo "$s0 $s1" | awk '{ printf "%.6f\n", ($2 - $1) / 1e9 }' >> "$dir/.en"
            tail -1 "$dir/.time" >> "$dir/.enm"
            s0=$(now_ns)
            /usr/bin/time -f "%M" -o "$dir/.time" "$py" tools/mc_reference.py "$dir/1x-sheet.csv" "$dir/weights.csv" "$2" "$3" \
                10000 1 25 "$dir/race-numpy-$1.csv" || exit 1
            s1=$(now_ns)
            echo "$s0 $s1" | awk '{ printf "%.6f\n", ($2 - $1) / 1e9 }' >> "$dir/.np"
            tail -1 "$dir/.time" >> "$dir/.npm"
            i=$((i + 1))
        done
        en=$(median < "$dir/.en"); np=$(median < "$dir/.np"); enm=$(median < "$dir/.enm"); npm=$(median < "$dir/.npm")
        agree=$("$py" tools/mc_compare.py "$dir/race-engine-$1.csv" "$dir/race-numpy-$1.csv" 10000) && agreed=yes || agreed=no
        printf '  %-9s engine %.3f s, %5.1f MB   NumPy %.3f s, %5.1f MB   ratio %.1f\n    medians: %s\n' "$1" "$en" \
            "$(echo "$enm / 1024" | bc -l)" "$np" "$(echo "$npm / 1024" | bc -l)" "$(echo "$np / $en" | bc -l)" "$agree"
        eval "race_ratio_$1=$(echo "$np / $en" | bc -l) race_mem_ok_$1=$(echo "$enm <= $npm" | bc -l) race_agree_$1=$agreed"
    }
    printf '\nNumPy race (sensitivity --sheet --all --no-groups vs tools/mc_reference.py, 10,000 draws, whole\n'
    printf 'processes, medians of %s runs, engine with 2 threads; ratio = NumPy time / engine time):\n' "$runs"
    race 1year 2020 2020
    race 30years 1991 2020
    race_ok=yes
fi

printf '\nscaling from 1x to 16x (16 times the country-years, %.1f times the bytes):\n' "$ratio"
printf '  load + eval: %.3f s -> %.3f s, exponent %s\n' "$t1" "$t16" "$exp_total"
exp_eval=$(exponent "$eval_1x" "$eval_16x" 16)
exp_evalcpu=$(exponent "$evalcpu_1x" "$evalcpu_16x" 16)
printf '  parse %s, load %s, eval %s (a country-year reads the items its year index lists)\n' \
    "$(exponent "$parse_1x" "$parse_16x" 16)" "$(exponent "$load_1x" "$load_16x" 16)" "$exp_eval"
printf '  eval in CPU time (one thread; what other processes took left out): %.3f s -> %.3f s, exponent %s\n' \
    "$evalcpu_1x" "$evalcpu_16x" "$exp_evalcpu"
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
printf '  evaluation'"'"'s exponent at most 1.05:             %s    %s (CPU time: %s, %s)\n' "$exp_eval" \
    "$(verdict "$(echo "$exp_eval <= 1.05" | bc -l)")" "$exp_evalcpu" "$(verdict "$(echo "$exp_evalcpu <= 1.05" | bc -l)")"
printf '  world by years, 1, 2 and 3 threads same bytes:  %s      %s\n' "$wy_same" "$(verdict "$([ "$wy_same" = yes ] && echo 1)")"
if [ "$race_ok" = yes ]; then
    for w in 1year 30years; do
        eval "r=\$race_ratio_$w mo=\$race_mem_ok_$w ag=\$race_agree_$w"
        printf '  NumPy / engine at least 5, %-8s             %.1f     %s (medians agree: %s; engine memory at most NumPy'"'"'s: %s)\n' \
            "$w:" "$r" "$(verdict "$(echo "$r >= 5" | bc -l)")" "$ag" "$(verdict "$mo")"
    done
fi
for name in 1x 4x 16x; do
    eval "p=\$peak_$name b=\$bytes_$name"
    printf '  %-4s peak memory at most 3x the input:          %.2fx   %s\n' "$name" "$(echo "$p / $b" | bc -l)" \
        "$(verdict "$(echo "$p <= 3 * $b" | bc -l)")"
done
rm -f "$dir/.sheet" "$dir/.parse" "$dir/.load" "$dir/.eval" "$dir/.peak" "$dir/.time" "$dir/.out" "$dir/.sens" \
    "$dir/.cpu" "$dir/.en" "$dir/.np" "$dir/.enm" "$dir/.npm" "$dir/.ecpu"
