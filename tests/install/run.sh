#!/bin/sh
# The installed library: after `make install DESTDIR=D`, D holds the static and shared library,
# the header and iloscore.pc, and a program outside the project (tests/install/prog.c) builds
# with `cc $(pkg-config --cflags --libs iloscore) prog.c` (PKG_CONFIG_PATH into D, with
# PKG_CONFIG_SYSROOT_DIR=D so that the paths point there), against the shared library and against
# the static one, and prints what the engine computes for the fixture tree (the figures of
# `iloscore --data tests/data/mini assess XAA --year 2019 --method ev`).
# Usage: sh tests/install/run.sh DESTDIR PREFIX CC CFLAGS LDFLAGS
# Prints one line per failure and ends with "install: N passed, N failed".
set -u
D=$1; prefix=$2; cc=${3:-cc}; cflags=${4:-}; ldflags=${5:-}
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL install: $1"; fail=$((fail+1)); }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
lib="$D$prefix/lib"
for f in bin/iloscore include/iloscore.h lib/libiloscore.a lib/libiloscore.so lib/libiloscore.so.0 \
         lib/pkgconfig/iloscore.pc share/iloscore/criteria share/man/man1/iloscore.1; do
    [ -e "$D$prefix/$f" ] && ok || bad "$prefix/$f not installed"
done
export PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$D"
[ "$(pkg-config --modversion iloscore)" = "$(sed -n 's/^#define ILO_VERSION "\(.*\)"/\1/p' engine/iloscore.h)" ] && ok ||
    bad "pkg-config --modversion: $(pkg-config --modversion iloscore 2>&1)"
want="iloscore $(sed -n 's/^#define ILO_VERSION "\(.*\)"/\1/p' engine/iloscore.h): XAA 2019 ev: raw 3.58, score 0.38, 2 findings"
cp tests/install/prog.c "$T/prog.c"
# Shared: the command as a user types it (the library named before the program).
if (cd "$T" && $cc $cflags $(pkg-config --cflags --libs iloscore) prog.c -o prog $ldflags) 2>"$T/err"; then
    ok
    out=$(LD_LIBRARY_PATH="$lib" "$T/prog" tests/data/mini XAA 2019 ev 2>&1)
    [ "$out" = "$want" ] && ok || bad "shared: printed '$out', expected '$want'"
    LD_LIBRARY_PATH="$lib" ldd "$T/prog" | grep -q "libiloscore.so.0 => $lib/libiloscore.so.0" && ok ||
        bad "shared: not linked to the installed libiloscore.so.0: $(LD_LIBRARY_PATH="$lib" ldd "$T/prog" | grep ilo)"
else
    bad "shared: does not build: $(head -5 "$T/err")"
fi
# Static: the archive, with the private dependencies pkg-config --static lists.
if (cd "$T" && $cc $cflags $(pkg-config --cflags iloscore) prog.c -o prog-static "$lib/libiloscore.a" \
        $(pkg-config --static --libs iloscore | sed 's/-liloscore//') $ldflags) 2>"$T/err"; then
    ok
    out=$("$T/prog-static" tests/data/mini XAA 2019 ev 2>&1)
    [ "$out" = "$want" ] && ok || bad "static: printed '$out', expected '$want'"
    ldd "$T/prog-static" | grep -q libiloscore && bad "static: linked to a shared libiloscore" || ok
else
    bad "static: does not build: $(head -5 "$T/err")"
fi
echo "install: $pass passed, $fail failed"
[ $fail = 0 ]
