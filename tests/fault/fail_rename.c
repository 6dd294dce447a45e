/*
 * fail_rename.c: a fault injector for the output tests (tests/cli/output-check.sh), loaded with
 * LD_PRELOAD. When ILO_FAIL_RENAME=N is set, the Nth call of rename() fails with EIO and every
 * other call does what rename() does; the program under test is not changed.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int rename(const char *from, const char *to)
{
    static int calls;
    int (*real)(const char *, const char *) = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    const char *n = getenv("ILO_FAIL_RENAME");
    if (n && atoi(n) == ++calls) {
        errno = EIO;
        return -1;
    }
    return real ? real(from, to) : (errno = ENOSYS, -1);
}
