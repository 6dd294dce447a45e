/* util.c: error reporting, model loading and number parsing for the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int exit_for(ilo_status s)
{
    switch (s) {
    case ILO_OK: return EXIT_OK;
    case ILO_ERR_IO: return EXIT_IO;
    case ILO_ERR_PARSE:
    case ILO_ERR_INVALID:
    case ILO_ERR_LIMIT:
    case ILO_ERR_DOMAIN: return EXIT_DATA;
    case ILO_ERR_NOTFOUND: return EXIT_NOTFOUND;
    case ILO_ERR_NOMEM: return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

int cli_report(const ilo_ctx *ctx)
{
    size_t kept = ilo_ctx_kept(ctx), count = ilo_ctx_count(ctx);
    for (size_t i = 0; i < kept; i++) {
        const ilo_error *e = ilo_ctx_error(ctx, i);
        if (e->file[0] && e->line > 0) fprintf(stderr, "iloscore: %s:%d: %s\n", e->file, e->line, e->msg);
        else if (e->file[0]) fprintf(stderr, "iloscore: %s: %s\n", e->file, e->msg);
        else fprintf(stderr, "iloscore: %s\n", e->msg);
    }
    if (count > kept) fprintf(stderr, "iloscore: %zu more errors not shown\n", count - kept);
    return exit_for(ilo_ctx_status(ctx));
}

int cli_load(cli_env *env)
{
    if (ilo_model_load(env->data, env->scenario_files, env->n_scenario_files, &env->model, env->ctx) != ILO_OK)
        return cli_report(env->ctx);
    if (env->as_of.prec && ilo_model_as_of(env->model, &env->as_of, env->ctx) != ILO_OK) return cli_report(env->ctx);
    return EXIT_OK;
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("iloscore: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'iloscore --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

int cli_parse_year(const char *s, int *out)
{
    unsigned long v;
    if (!cli_parse_ulong(s, &v) || v < ILO_YEAR_MIN || v > ILO_YEAR_MAX) return 0;
    *out = (int)v;
    return 1;
}

int cli_parse_ulong(const char *s, unsigned long *out)
{
    char *end;
    if (!s || !*s || *s == '-' || *s == '+' || *s == ' ') return 0;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end) return 0;
    *out = v;
    return 1;
}

int cli_parse_double(const char *s, double *out)
{
    char *end;
    if (!s || !*s) return 0;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || v != v || v > 1e300 || v < -1e300) return 0;
    *out = v;
    return 1;
}

int cli_finish_stdout(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "iloscore: cannot write to standard output: %s\n", strerror(errno));
        return code == EXIT_OK ? EXIT_IO : code;
    }
    return code;
}
