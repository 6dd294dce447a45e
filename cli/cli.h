/*
 * cli.h: what the iloscore program's subcommands share: the exit codes, the parsed global
 * options, loading the model, and printing the engine's errors. cli/ uses reports/ and engine/,
 * never the other way round.
 */
#ifndef ILO_CLI_H
#define ILO_CLI_H

#include <stdio.h>

#include "iloscore.h"

/* Exit codes: listed in --help, the README and the man page; asserted by tests/cli. */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 2,       /* bad command line */
    EXIT_DATA = 3,        /* invalid data: syntax, schema, references, dates, limits */
    EXIT_IO = 4,          /* a file cannot be read or written */
    EXIT_NOTFOUND = 5,    /* an unknown country, method, regime or scenario was asked for */
    EXIT_UNREACHABLE = 6, /* target: no set of repeals reaches the target */
    EXIT_INTERNAL = 70    /* out of memory or a bug */
};

typedef struct cli_env {
    const char *data;      /* data tree */
    const char *const *scenario_files; /* --scenario FILE, in order (borrowed from argv) */
    size_t n_scenario_files;
    ilo_model *model;      /* owned; NULL until cli_load() */
    ilo_ctx *ctx;          /* owned */
} cli_env;

/* Prints every error recorded in ctx as "iloscore: FILE:LINE: message" and returns the exit code
 * that matches the first one. */
int cli_report(const ilo_ctx *ctx);
/* Loads env->data (and env's scenario files) into env->model; returns EXIT_OK or the exit code of
 * the failure, after printing the errors. */
int cli_load(cli_env *env);
/* Prints "iloscore: message" and a hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parses a year in ILO_YEAR_MIN..ILO_YEAR_MAX; false on anything else. */
int cli_parse_year(const char *s, int *out);
int cli_parse_double(const char *s, double *out);
int cli_parse_ulong(const char *s, unsigned long *out);
/* Flushes and closes stdout; returns EXIT_IO with a message if writing failed. */
int cli_finish_stdout(int code);

int cmd_check(cli_env *env, int argc, char **argv);
int cmd_score(cli_env *env, int argc, char **argv);

#endif
