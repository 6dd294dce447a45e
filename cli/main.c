/* main.c: the iloscore program: global options, the command table, --help and --version. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gsl/gsl_errno.h>

#include "cli.h"

typedef int (*cmd_fn)(cli_env *, int, char **);

/* The output options every report command takes (cli/output.c). */
#define REPORT_OPTIONS                                                                              \
    "  --format F        text (default), md, json, csv or html: standard output's format, and a\n"   \
    "                    file's when its extension does not tell\n"                                 \
    "  -o FILE           write to FILE instead of standard output, in the format of its extension\n" \
    "                    (.txt .md .json .csv .html); repeatable; -o - is standard output. Files\n"  \
    "                    are replaced atomically: a failed run leaves them as they were\n"

static const struct command {
    const char *name;
    cmd_fn fn;
    const char *usage;
    const char *details; /* more help for `iloscore COMMAND --help`; may be NULL */
} commands[] = {
    {"check", cmd_check, "check                          validate all data, print counts"},
    {"score", cmd_score, "score --sheet FILE.csv [--method M] [--format F] [-o FILE]...\n                                 score externally coded criteria (country,year,criterion[,sources])"},
    {"assess", cmd_assess, "assess COUNTRY [--year Y] [--method M] [--format F] [-o FILE]...\n"
                           "                                 annual assessment: score, findings, sources, trend",
     "\nOptions:\n"
     "  --year Y          the year assessed; default: COUNTRY's latest year with a published SDG\n"
     "                    8.8.2 figure, else with an ITUC rating, else the latest year any of its\n"
     "                    provisions, incidents or their sources is dated\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     "  --trend-years N   also show the trend over the N years before Y and Y; default 5, 0 for none\n"
     REPORT_OPTIONS},
    {"trend", cmd_trend, "trend COUNTRY [--from Y] [--to Y] [--method M] [--format F] [-o FILE]...\n"
                         "                                 scores by year, slope and the years of largest change",
     "\nOptions:\n"
     "  --from Y          first year; default: 9 years before --to, but not before the earliest year\n"
     "                    a published figure or a source of one of COUNTRY's items is dated\n"
     "  --to Y            last year; default as assess's --year\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     REPORT_OPTIONS},
    {"sheet", cmd_sheet, "sheet (COUNTRY | --all | --weights) [--method M] [--from Y] [--to Y] [-o FILE]\n"
                         "                                 the coding sheet behind the scores, as score --sheet reads it",
     "\nOne CSV row per country, year and coded criterion: country,year,criterion,sources (the\n"
     "admissible sources that make it count, joined by ';'). A country-year with nothing coded has\n"
     "no row (its score is 0.00). `iloscore score --sheet` on the output gives the same scores.\n\n"
     "Options:\n"
     "  --all             every country of the data, in data order\n"
     "  --weights         instead, the catalogue's weights as the method scores them:\n"
     "                    criterion,sdg,weight,scored,all_encompassing,cap,scale,implies\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     "  --from Y, --to Y  years; default per country as trend's\n"
     "  -o FILE           write to FILE (atomically) instead of standard output\n"},
    {"rank", cmd_rank, "rank [--year Y | --from Y --to Y] [--sheet FILE] [--method M] [--format F] [-o FILE]...\n"
                       "                                 every country ranked by score, ties stated, published figures beside",
     "\nRank 1 is the lowest score. Countries are ranked on the unrounded score; equal scores share a\n"
     "rank and the next ranks are skipped (standard competition ranking, 1224), marked '='. A country\n"
     "with nothing coded or examined in the year is listed as not assessed, not ranked. The ILO states\n"
     "that SDG 8.8.2 is not intended as a tool to compare countries: every report says so.\n\n"
     "Options:\n"
     "  --year Y          default: the latest of the countries' default years (see assess --help)\n"
     "  --from Y, --to Y  one ranking per year (JSON: an array; CSV: one table; not HTML)\n"
     "  --sheet FILE      rank the country-years of a coding sheet (country,year,criterion[,sources];\n"
     "                    criteria by id, sdg:N or N), weights from the catalogue; a country-year\n"
     "                    without a row is not assessed; default year: the sheet's latest\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     REPORT_OPTIONS},
    {"sensitivity", cmd_sensitivity, "sensitivity (COUNTRY | --all) [--year Y] [--draws N] [--seed S] [--spread P] ...\n"
                                     "                                 Monte Carlo over the criterion weights: score and rank intervals",
     "\nEach country-year is evaluated once; each draw multiplies every criterion's weight by 1 + u,\n"
     "u uniform on [-P%, +P%] (gsl_rng_mt19937 seeded per draw from the seed and the draw's number),\n"
     "and re-scores (the cap and the all-encompassing rule kept). Reports the 5th, 50th and 95th\n"
     "percentiles of the score per country-year; with --all, of the rank per country in the year; and\n"
     "the impact of leaving out each criteria group (mean absolute rank change with --all, else mean\n"
     "absolute score change). With one COUNTRY, also the uncertainty of the coding itself: the score\n"
     "without each text (leave one text out), under the other window readings and with the sources'\n"
     "publication years where the data records them, each side by side with the weights' band, and\n"
     "which dominates. Same seed, same bytes, whatever --threads. Progress goes to\n"
     "standard error when it is a terminal.\n\n"
     "Options:\n"
     "  --all             every country, ranked within each year; else COUNTRY over its years\n"
     "  --year Y          the year (COUNTRY default: its years as trend's; --all: as rank's)\n"
     "  --from Y, --to Y  the years (with --all: every country in every year, in one run)\n"
     "  --sheet FILE      with --all: the country-years of a coding sheet (see rank --help);\n"
     "                    default years: the sheet's\n"
     "  --no-groups       skip the leave-one-group-out impacts (the percentiles alone)\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     "  --draws N         default 1000 (1-10000000)\n"
     "  --seed S          default 1\n"
     "  --spread P        weights vary by up to +-P percent; default 25 (0-100)\n"
     "  --threads N       worker threads; default 2 (the output does not depend on it)\n"
     REPORT_OPTIONS},
    {"synth", cmd_synth, "synth --countries N [--from Y] [--to Y] [--seed S] --out DIR\n"
                         "                                 write a synthetic data tree for benchmarks and scale tests",
     "\nWrites DIR (which must not exist, or be empty): the catalogue of --data (criteria/, copied\n"
     "byte for byte) and N invented countries marked synthetic = true, with codes from the ISO 3166-1\n"
     "user-assigned ranges (QMA-QZZ, ZZA-ZZZ, AAA-AAZ, then X codes not in use; at most 1029), years\n"
     "+ 20 provisions (each in force 1 to 20 years) and about 200 incidents per 30 years (most on one\n"
     "day) each, with their sources. The same options give\n"
     "the same bytes; a failed run leaves nothing behind.\n\n"
     "Options:\n"
     "  --countries N     how many countries (1-1029)\n"
     "  --from Y, --to Y  the years the world covers; default 1991-2020\n"
     "  --seed S          generator seed; default 1\n"
     "  --out DIR         the folder to create\n"},
    {"compare", cmd_compare, "compare COUNTRY --scenario FILE|ID... [--from Y] [--to Y] [--method M] [--format F] [-o FILE]...\n"
                             "                                 baseline and scenario side by side, year by year",
     "\nThe scenarios (--scenario, repeatable) are applied in the order given to a copy of COUNTRY's\n"
     "baseline, which is never changed. Per year: total, law, practice and per-convention scores of\n"
     "both, the delta (scenario - baseline), the rating change (methods with bands only), the\n"
     "place among published SDG 8.8.2 scores, the findings removed, added or\n"
     "changed, and the criteria that stop or start being coded.\n\n"
     "Options:\n"
     "  --scenario FILE|ID a scenario file, or the id of a scenario in the data tree; repeatable\n"
     "  --from Y          first year; default as trend's\n"
     "  --to Y            last year; default as trend's, or the latest effective year of the\n"
     "                    scenarios if later\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     REPORT_OPTIONS},
    {"target", cmd_target, "target COUNTRY --year Y (--score S | --rating R) [--method M] [--format F] [-o FILE]...\n"
                           "                                 the fewest repeals of provisions that reach a score or rating",
     "\nFinds the smallest set of COUNTRY's law provisions whose repeal brings the score of year Y to\n"
     "S or better (0 is best), or the rating to R or better, and prints the provisions and the\n"
     "resulting score. Repealing a provision means it does not count in Y at all; incidents keep\n"
     "the criteria they code. With --scenario, the search runs on the profile after the scenarios.\n"
     "Exit code 6, with the reason on standard output, when no set of repeals reaches the target\n"
     "(incidents alone keep the score above it, an incident forces the worst score, or Y is marked\n"
     "as a breakdown of the rule of law). A year not assessed (nothing coded or examined) has no\n"
     "score and is refused (exit 2).\n\n"
     "The search is exact, not greedy: after checking that repealing every provision reaches the\n"
     "target, it scores all sets of 1, 2, 3... provisions and stops at the first size that does;\n"
     "ties go to the larger improvement, then to the provisions first in the profile. Only the\n"
     "provisions counted in Y that code a criterion no incident codes are searched.\n"
     "Limits: at most 64 such provisions; at most 2^32 sets scored (about 6 ns each: the search\n"
     "stops with exit code 3 rather than run past about half a minute). The work is\n"
     "C(n,1) + ... + C(n,k) sets for an answer of k provisions out of n, 2^n at worst: 0.1 s for\n"
     "n = 24, 2 s for n = 28, 30 s for n = 32.\n\n"
     "Options:\n"
     "  --year Y          the year (required)\n"
     "  --score S         the target score, at most two decimals (e.g. 2.5)\n"
     "  --rating R        the target rating, a band of the method (e.g. 3); refused (exit 2)\n"
     "                    for a method without bands, as every shipped method is\n"
     "  --method M        scoring method (criteria/methods/); default sdg-8.8.2\n"
     REPORT_OPTIONS},
    {"brief", cmd_brief, "brief COUNTRY --regime R [--year Y] [--window-years N] [--method M] [--format F] [-o FILE]...\n"
                         "                                 trade-review brief: verdicts per criterion of a trade regime",
     "\nOpens with whether the regime applied on the as-of day (programme in force, the country's\n"
     "standing) and the review period, then maps the period's findings onto a trade regime's\n"
     "criteria (criteria/regimes/): per criterion the\n"
     "ratification of its conventions, its score, its coded / clear / not-assessed criteria and a\n"
     "concern level by a stated rule; the key findings with their sources, the ILO supervisory\n"
     "record, the trend, published figures beside, the reforms that would address each concern (the\n"
     "country's scenarios and the smallest repeal set), the gaps and the caveat. With --scenario FILE|ID\n"
     "the brief is of the law as that scenario amends it.\n\n"
     "Options:\n"
     "  --regime R        us-gsp, us-agoa, eu-gsp-eba or eu-gsp-plus (the ids in\n"
     "                    criteria/regimes/); required\n"
     "  --year Y          the year of the brief; default the year of --as-of, else as assess's\n"
     "                    --year. The brief is as of --as-of DATE, default the end of the year\n"
     "  --window-years N  the review period: the year and the N - 1 before it (1-10); default 3.\n"
     "                    A criterion coded in any year of the period counts as coded\n"
     "  --method M        scoring method (criteria/methods/); default all-sources, with the\n"
     "                    sdg-8.8.2 score shown beside\n"
     REPORT_OPTIONS},
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
          "  --scenario FILE   also load this scenario file (repeatable; applied in order by\n"
          "                    assess, trend, compare, target and brief, which name the profile;\n"
          "                    check validates it; every other command refuses it, exit 2).\n"
          "                    A value that names no file is the id of a scenario already in\n"
          "                    the data tree (DIR/scenarios/), e.g. --scenario kaz-2020-amendments\n"
          "  --as-of DATE      use only the evidence published by the end of DATE (YYYY-MM-DD):\n"
          "                    sources dated later (a partial date counts from its last day), the\n"
          "                    events and published figures they alone support, and trade decisions\n"
          "                    taken later are ignored. For assess, trend, compare, target, brief,\n"
          "                    rank, sensitivity and sheet; default: all evidence\n"
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

/* The commands that apply --scenario (check validates the files). Every other command refuses
 * the option rather than ignore it: a report must never claim a profile it did not evaluate. */
static bool takes_scenario(const char *cmd)
{
    static const char *const yes[] = {"check", "assess", "trend", "compare", "target", "brief"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcmp(cmd, yes[i]) == 0) return true;
    return false;
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
        if (strcmp(a, "--data") == 0 || strcmp(a, "--scenario") == 0 || strcmp(a, "--as-of") == 0) {
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
        } else if (strncmp(a, "--as-of=", 8) == 0) {
            val = a + 8;
            a = "--as-of";
        }
        if (!val) {
            argv[out++] = argv[i];
        } else if (strcmp(a, "--data") == 0) {
            env->data = val;
        } else if (strcmp(a, "--as-of") == 0) {
            if (!ilo_date_parse(val, &env->as_of) || env->as_of.prec != ILO_DATE_DAY) {
                cli_usage_error("--as-of needs a day as YYYY-MM-DD, not '%s'", val);
                return -1;
            }
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
    /* The --scenario values, then (from files + argc + 1) the files among them to load. */
    const char **files = calloc(2 * ((size_t)argc + 1), sizeof *files);
    if (!files) return EXIT_INTERNAL;
    int rc = EXIT_OK;
    int n = take_globals(argc - 1, argv + 1, &env, files);
    env.scenario_files = files;
    if (n < 0) {
        rc = EXIT_USAGE;
        goto out;
    }
    if (!env.data) env.data = default_data();
    cli_split_scenarios(&env, files + argc + 1);
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
    if (env.n_scenario_args && !takes_scenario(cmd->name)) {
        rc = cli_usage_error("%s: --scenario is not supported by this command (it would be ignored); "
                             "assess, trend, compare, target and brief apply it", cmd->name);
        goto out;
    }
    for (int i = 1; i < n; i++)
        if (strcmp(args[i], "--help") == 0) {
            printf("Usage: iloscore %s\n", cmd->usage);
            if (cmd->details) fputs(cmd->details, stdout);
            rc = cli_finish_stdout(EXIT_OK);
            goto out;
        }
    /* Commands that read no dated evidence cannot honour --as-of: refused, never ignored. */
    if (env.as_of.prec && (cmd->fn == cmd_check || cmd->fn == cmd_score || cmd->fn == cmd_synth)) {
        rc = cli_usage_error("%s does not take --as-of", cmd->name);
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
