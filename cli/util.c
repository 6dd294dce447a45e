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

/* Prints "iloscore: " and the message, control characters escaped (ilo_escape_controls): the one
 * place the program's messages go through, so that no value (a country argument, a file name)
 * can print a line of its own. */
static void put_message(const char *fmt, va_list ap)
{
    char raw[2048], safe[4096];
    vsnprintf(raw, sizeof raw, fmt, ap);
    fprintf(stderr, "iloscore: %s\n", ilo_escape_controls(safe, sizeof safe, raw));
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_message(fmt, ap);
    va_end(ap);
}

int cli_report(const ilo_ctx *ctx)
{
    size_t kept = ilo_ctx_kept(ctx), count = ilo_ctx_count(ctx);
    for (size_t i = 0; i < kept; i++) {
        const ilo_error *e = ilo_ctx_error(ctx, i);
        if (e->file[0] && e->line > 0) cli_error("%s:%d: %s", e->file, e->line, e->msg);
        else if (e->file[0]) cli_error("%s: %s", e->file, e->msg);
        else cli_error("%s", e->msg);
    }
    if (count > kept) cli_error("%zu more errors not shown", count - kept);
    return exit_for(ilo_ctx_status(ctx));
}

void cli_warnings(const ilo_ctx *ctx)
{
    size_t n = ilo_ctx_warning_count(ctx);
    for (size_t i = 0; i < n && i < ILO_MAX_ERRORS; i++) {
        const ilo_error *w = ilo_ctx_warning(ctx, i);
        if (w->file[0] && w->line > 0) cli_error("%s:%d: warning: %s", w->file, w->line, w->msg);
        else if (w->file[0]) cli_error("%s: warning: %s", w->file, w->msg);
        else cli_error("warning: %s", w->msg);
    }
    if (n > ILO_MAX_ERRORS) cli_error("%zu more warnings not shown", n - ILO_MAX_ERRORS);
}

int cli_load(cli_env *env)
{
    cli_outputs_inputs(env->data, env->scenario_files, env->n_scenario_files);
    if (ilo_model_load(env->data, env->scenario_files, env->n_scenario_files, &env->model, env->ctx) != ILO_OK)
        return cli_report(env->ctx);
    if (env->as_of.prec && ilo_model_as_of(env->model, &env->as_of, env->ctx) != ILO_OK) return cli_report(env->ctx);
    return EXIT_OK;
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_message(fmt, ap);
    va_end(ap);
    fputs("Try 'iloscore --help' for more information.\n", stderr);
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
        cli_error("cannot write to standard output: %s", strerror(errno));
        return code == EXIT_OK ? EXIT_IO : code;
    }
    return code;
}
