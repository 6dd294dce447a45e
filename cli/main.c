/* main.c: the iloscore program: global options, the command table, --help and --version. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gsl/gsl_errno.h>

#include "cli.h"

typedef int (*cmd_fn)(cli_env *, int, char **);

static const struct command {
    const char *name;
    cmd_fn fn;
    const char *usage;
} commands[] = {
    {"check", cmd_check, "check                          validate all data, print counts"},
    {"score", cmd_score, "score --sheet FILE.csv [--method M] [--format text|json]\n                                 score externally coded criteria (country,year,criterion[,sources])"},
};

static void help(FILE *out)
{
    fputs("Usage: iloscore [--data DIR] COMMAND [OPTIONS]\n"
          "Scores how far a country's law and practice stand from ILO conventions.\n\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) fprintf(out, "  %s\n", commands[i].usage);
    fputs("\nGlobal options (before or after the command):\n"
          "  --data DIR        data tree (criteria/, countries/, scenarios/); default: the current\n"
          "                    folder if it has criteria/, else " ILO_DATADIR "\n"
          "  --scenario FILE   also load this scenario file (repeatable; applied in order)\n"
          "  --help            this help, to standard output\n"
          "  --version         the version\n\n"
          "Exit codes:\n"
          "  0   success\n"
          "  2   usage error (bad command line)\n"
          "  3   invalid data: syntax, unknown or missing keys, types, references, dates, limits\n"
          "  4   a file cannot be read or written\n"
          "  5   unknown country, method, regime or scenario\n"
          "  6   target: no set of repeals reaches the target\n"
          "  70  internal error (out of memory)\n\n"
          "Errors go to standard error as 'iloscore: FILE:LINE: message'.\n",
          out);
}

static const char *default_data(void)
{
    struct stat st;
    if (stat("criteria", &st) == 0 && S_ISDIR(st.st_mode)) return ".";
    return ILO_DATADIR;
}

/* Takes the global options out of argv (in place) and returns the new argc, or -1 after a usage
 * error. `files` receives the --scenario arguments. */
static int take_globals(int argc, char **argv, cli_env *env, const char **files)
{
    int out = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (strcmp(a, "--") == 0) {
            while (i < argc) argv[out++] = argv[i++];
            break;
        }
        if (strcmp(a, "--data") == 0 || strcmp(a, "--scenario") == 0) {
            if (i + 1 >= argc) {
                cli_usage_error("option '%s' needs a value", a);
                return -1;
            }
            val = argv[++i];
        } else if (strncmp(a, "--data=", 7) == 0) {
            val = a + 7;
            a = "--data";
        } else if (strncmp(a, "--scenario=", 11) == 0) {
            val = a + 11;
            a = "--scenario";
        }
        if (!val) {
            argv[out++] = argv[i];
        } else if (strcmp(a, "--data") == 0) {
            env->data = val;
        } else {
            files[env->n_scenario_files++] = val;
        }
    }
    return out;
}

int main(int argc, char **argv)
{
    /* Numbers in every output use the C locale: reports must not depend on the user's. */
    setlocale(LC_ALL, "C");
    /* GSL aborts on errors by default; the engine checks every domain itself. */
    gsl_set_error_handler_off();
    cli_env env = {0};
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return EXIT_INTERNAL;
    int rc = EXIT_OK;
    int n = take_globals(argc - 1, argv + 1, &env, files);
    env.scenario_files = files;
    if (n < 0) {
        rc = EXIT_USAGE;
        goto out;
    }
    if (!env.data) env.data = default_data();
    if (n == 0) {
        rc = cli_usage_error("no command given");
        goto out;
    }
    char **args = argv + 1;
    if (strcmp(args[0], "--help") == 0 || strcmp(args[0], "-h") == 0 || strcmp(args[0], "help") == 0) {
        help(stdout);
        rc = cli_finish_stdout(EXIT_OK);
        goto out;
    }
    if (strcmp(args[0], "--version") == 0) {
        printf("iloscore %s\n", ilo_version());
        rc = cli_finish_stdout(EXIT_OK);
        goto out;
    }
    const struct command *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, args[0]) == 0) cmd = &commands[i];
    if (!cmd) {
        rc = cli_usage_error("unknown command '%s'", args[0]);
        goto out;
    }
    for (int i = 1; i < n; i++)
        if (strcmp(args[i], "--help") == 0) {
            printf("Usage: iloscore %s\n", cmd->usage);
            rc = cli_finish_stdout(EXIT_OK);
            goto out;
        }
    env.ctx = ilo_ctx_new();
    if (!env.ctx) {
        rc = EXIT_INTERNAL;
        goto out;
    }
    rc = cli_finish_stdout(cmd->fn(&env, n, args));
out:
    ilo_model_free(env.model);
    ilo_ctx_free(env.ctx);
    free(files);
    return rc;
}
