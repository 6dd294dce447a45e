/*
 * parse_only.c: the bare libconfig parse of a data tree, for `make bench`: config_read_file() and
 * config_destroy() on every *.cfg the loader reads (criteria/, criteria/methods/,
 * criteria/regimes/, countries/, scenarios/), nothing else. Prints the seconds it took (monotonic
 * clock, from the first file to the last) and the number of files and bytes.
 *
 * Usage: parse_only DIR
 */
#include <dirent.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parses every *.cfg of top/sub in name order; returns the number of failures. */
static int parse_dir(const char *top, const char *sub, size_t *files, long long *bytes)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", top, sub);
    DIR *d = opendir(dir);
    if (!d) return 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0 || e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            char **v = realloc(names, cap * sizeof *v);
            if (!v) exit(70);
            names = v;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        config_t cfg;
        config_init(&cfg);
        if (!config_read_file(&cfg, path)) {
            fprintf(stderr, "parse_only: %s:%d: %s\n", path, config_error_line(&cfg), config_error_text(&cfg));
            bad++;
        }
        config_destroy(&cfg);
        struct stat st;
        if (stat(path, &st) == 0) *bytes += st.st_size;
        (*files)++;
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: parse_only DIR\n", stderr);
        return 2;
    }
    static const char *const subs[] = {"criteria", "criteria/methods", "criteria/regimes", "countries", "scenarios"};
    size_t files = 0;
    long long bytes = 0;
    int bad = 0;
    double t0 = now();
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) bad += parse_dir(argv[1], subs[i], &files, &bytes);
    double t1 = now();
    printf("parse %.6f files %zu bytes %lld\n", t1 - t0, files, bytes);
    return bad ? 1 : 0;
}
