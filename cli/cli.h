/*
 * cli.h: what the iloscore program's subcommands share: the exit codes, the parsed global
 * options, loading the model, and printing the engine's errors. cli/ uses reports/ and engine/,
 * never the other way round.
 */
#ifndef ILO_CLI_H
#define ILO_CLI_H

#include <stdio.h>

#include "iloscore.h"
#include "report.h"

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
    const char *const *scenario_files; /* --scenario FILE, in order (borrowed from argv): the files
                                          to load, once cli_split_scenarios() has run */
    size_t n_scenario_files;
    const char *const *scenario_args;  /* every --scenario value, in order: files and ids */
    size_t n_scenario_args;
    ilo_date as_of;        /* --as-of DATE: the evidence cut-off; prec ILO_DATE_NONE when absent.
                              cli_load() restricts the model to it (ilo_model_as_of()) */
    ilo_model *model;      /* owned; NULL until cli_load() */
    ilo_ctx *ctx;          /* owned */
} cli_env;

/* Prints every error recorded in ctx as "iloscore: FILE:LINE: message" and returns the exit code
 * that matches the first one. */
int cli_report(const ilo_ctx *ctx);
/* Prints every warning recorded in ctx as "iloscore: FILE:LINE: warning: message". */
void cli_warnings(const ilo_ctx *ctx);
/* Loads env->data (and env's scenario files) into env->model; returns EXIT_OK or the exit code of
 * the failure, after printing the errors. */
int cli_load(cli_env *env);
/* Prints "iloscore: message" to stderr, control characters escaped (every message of the
 * program goes through it or cli_usage_error(), so none can be forged by a value). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
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
int cmd_assess(cli_env *env, int argc, char **argv);
int cmd_trend(cli_env *env, int argc, char **argv);
int cmd_brief(cli_env *env, int argc, char **argv);
int cmd_compare(cli_env *env, int argc, char **argv);
int cmd_target(cli_env *env, int argc, char **argv);
int cmd_sheet(cli_env *env, int argc, char **argv);
int cmd_synth(cli_env *env, int argc, char **argv);
int cmd_rank(cli_env *env, int argc, char **argv);
int cmd_sensitivity(cli_env *env, int argc, char **argv);

/* Outputs of the report commands (output.c): `--format F` and `-o FILE` (repeatable, "-" for
 * standard output). A file's format comes from its extension, else from --format. Without -o,
 * the report goes to standard output in --format (default text). */
typedef struct cli_output {
    const char *path; /* NULL: standard output */
    rep_format format;
} cli_output;
typedef struct cli_outputs {
    cli_output *v; /* owned */
    size_t n;
    int format;    /* --format, or -1 */
} cli_outputs;
/* If argv[*i] is --format, -o or --output, takes it (and its value, advancing *i) and returns 1;
 * returns 0 for another argument, or minus the exit code after a usage error. */
int cli_output_option(cli_outputs *o, int argc, char **argv, int *i);
/* Settles each output's format once every option is read; EXIT_OK or EXIT_USAGE. */
int cli_outputs_finish(cli_outputs *o);
void cli_outputs_free(cli_outputs *o);
typedef bool (*cli_render_fn)(rep_buf *out, rep_format f, const void *doc);
/* Registers what the run reads (the data tree, the extra scenario files; borrowed): no output may
 * replace one of those files (cli_load() calls it). */
void cli_outputs_inputs(const char *data, const char *const *files, size_t n);
/* Renders doc once per output, then writes them all as one transaction: files atomically (a
 * temporary file in the same folder, fsync, rename), all or none, even when a rename fails or
 * SIGINT, SIGTERM or SIGHUP arrives; then standard output. A write error is reported as
 * "iloscore: FILE: message" and returns EXIT_IO; an output that is a data file of the run is
 * refused (EXIT_IO), and so are two outputs naming one file (EXIT_USAGE). */
int cli_outputs_write(const cli_outputs *o, cli_render_fn render, const void *doc);

/* Lookups for the report commands (assess.c). Unknown ids print
 * `iloscore: unknown country "X"` (or method) and return EXIT_NOTFOUND. */
int cli_find_country(const ilo_model *m, const char *arg, size_t *out);
int cli_find_method(const ilo_model *m, const char *arg, size_t *out);
/* The default year of a report on country c: its latest year with a published SDG 8.8.2 figure,
 * else with any published figure, else the latest year any of its items or their sources is
 * dated; 0 when it has no dated data. */
int cli_default_year(const ilo_model *m, size_t c);
/* The latest year any evidence on c is dated (an item's start or end, a source of one of its items, an
 * event, a published figure); 0 if none. */
int cli_last_year(const ilo_model *m, size_t c);
/* The earliest year a published figure or a source of one of c's items is dated; 0 if none. */
int cli_first_year(const ilo_model *m, size_t c);
/* The default year of `rank` and `sensitivity --all` (rank.c): the latest of every country's
 * cli_default_year(); 0 when no country has dated data. */
int cli_default_world_year(const ilo_model *m);

/* --scenario (compare.c). A value naming an existing file is a scenario file; any other value is
 * the id of a scenario of the data tree (DIR/scenarios/). cli_split_scenarios() moves
 * env->scenario_files to env->scenario_args and puts in env->scenario_files, using `loadable`
 * (room for as many), the files cli_load() must load: the existing files, once each, except
 * those in DIR/scenarios/ that the tree load reads anyway. Call it once --data is known. */
void cli_split_scenarios(cli_env *env, const char **loadable);
/* After cli_load(): the scenarios of env->scenario_args, in order, as indices into
 * env->model->scenarios (out has room for env->n_scenario_args). Prints
 * `iloscore: unknown scenario "X" ...` and returns EXIT_NOTFOUND for a value that is neither. */
int cli_scenarios(const cli_env *env, size_t *out);

/* The profile a report command evaluates (profile.c): country c's baseline, or, when --scenario
 * was given, the baseline amended by those scenarios in order. `name` is NULL for the baseline,
 * else "scenario A + B" (in name_buf). The struct owns `amended` and `sc`; release them with
 * cli_profile_close() (which accepts a zeroed or half-opened struct). Returns EXIT_OK or the
 * exit code of the failure, after printing it. */
typedef struct cli_profile {
    ilo_profile base;
    ilo_profile *amended;  /* owned; NULL for the baseline */
    const ilo_profile *p;  /* what to evaluate: &base or amended */
    size_t *sc, n_sc;      /* the scenarios applied, as indices (owned) */
    const char *name;
    char name_buf[512];
} cli_profile;
int cli_profile_open(cli_env *env, size_t c, cli_profile *out);
void cli_profile_close(cli_profile *p);
/* EXIT_OK if year is not after cli_last_year() (nor after the effective year of a scenario pr
 * applies); else a usage error naming cmd: a year with no evidence at all is never scored. */
int cli_check_year(const char *cmd, const ilo_model *m, size_t c, const cli_profile *pr, int year);

#endif
