#!/bin/sh
# deps-asan.sh [SANITIZERS]: makes sure clang can build and link with -fsanitize=SANITIZERS
# (default address,undefined; make fuzz asks for fuzzer,address,undefined). Used only by
# `make asan` and `make fuzz`. On Debian installs what is missing (clang, and the sanitizer and
# libFuzzer runtimes of that clang: libclang-rt-N-dev, N its major version), as tools/deps.sh does
# for the libraries; elsewhere stops and names what to install.
san=${1:-address,undefined}

probe() {
    dir=$(mktemp -d) || return 1
    case "$san" in
    *fuzzer*) echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' ;;
    *) echo 'int main(void) { return 0; }' ;;
    esac >"$dir/probe.c"
    clang -fsanitize="$san" "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1
    ok=$?
    rm -rf "$dir"
    return $ok
}

if command -v clang >/dev/null 2>&1; then
    probe && exit 0
    major=$(clang --version | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -1)
    missing="libclang-rt-${major:-14}-dev"
else
    missing="clang libclang-rt-14-dev"
fi
if [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "iloscore: installing $missing (for -fsanitize=$san)" >&2
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null || {
        echo "iloscore: could not install: $missing" >&2; exit 1; }
    probe && exit 0
    echo "iloscore: clang still cannot link with -fsanitize=$san after installing $missing" >&2
    exit 1
fi
echo "iloscore: clang cannot link with -fsanitize=$san; install $missing (or its equivalent for your system)" >&2
exit 1
