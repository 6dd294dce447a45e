/*
 * synth.c: `iloscore synth --countries N --out DIR`: writes a synthetic data tree (the catalogue
 * of --data, whose country profiles are not read, and N invented countries) for benchmarks and
 * scale tests. Same options, same bytes.
 */
#include <string.h>

#include "cli.h"

int cmd_synth(cli_env *env, int argc, char **argv)
{
    ilo_synth_opts o = {0, 1991, 2020, 1};
    const char *out = NULL;
    bool have_n = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--countries") != 0 && strcmp(a, "--from") != 0 && strcmp(a, "--to") != 0 &&
            strcmp(a, "--seed") != 0 && strcmp(a, "--out") != 0)
            return cli_usage_error("synth: unexpected argument '%s'", a);
        if (i + 1 >= argc) return cli_usage_error("synth: option '%s' needs a value", a);
        const char *v = argv[++i];
        unsigned long n;
        if (strcmp(a, "--out") == 0) {
            if (!*v) return cli_usage_error("synth: --out needs a folder name");
            out = v;
        } else if (strcmp(a, "--countries") == 0) {
            if (!cli_parse_ulong(v, &n) || n < 1 || n > ilo_synth_capacity())
                return cli_usage_error("synth: bad number of countries '%s' (1-%zu: the ISO 3166-1 user-assigned codes)", v,
                                       ilo_synth_capacity());
            o.countries = n;
            have_n = true;
        } else if (strcmp(a, "--seed") == 0) {
            if (!cli_parse_ulong(v, &n)) return cli_usage_error("synth: bad seed '%s' (a non-negative integer)", v);
            o.seed = n;
        } else {
            int y;
            if (!cli_parse_year(v, &y)) return cli_usage_error("synth: bad year '%s' (%d-%d)", v, ILO_YEAR_MIN, ILO_YEAR_MAX);
            if (a[2] == 'f') o.from = y;
            else o.to = y;
        }
    }
    if (!have_n) return cli_usage_error("synth: --countries N is required");
    if (!out) return cli_usage_error("synth: --out DIR is required");
    if (o.from > o.to) return cli_usage_error("synth: --from %d is after --to %d", o.from, o.to);
    if (ilo_synth_write(env->data, &o, out, env->ctx) != ILO_OK) return cli_report(env->ctx);
    char first[4], last[4];
    ilo_synth_code(0, first);
    ilo_synth_code(o.countries - 1, last);
    char safe[1024];
    printf("wrote %s: %zu synthetic countries (%s..%s), %d-%d, seed %llu\n", ilo_escape_controls(safe, sizeof safe, out),
           o.countries, first, last, o.from, o.to, (unsigned long long)o.seed);
    return EXIT_OK;
}
