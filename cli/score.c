/* score.c: `iloscore score --sheet FILE.csv`: scores externally coded criteria, one result per
 * country-year, so analysts can replicate published codings with this engine's arithmetic. */
#include <string.h>

#include "cli.h"

static void print_score(int64_t raw_c, double score, bool json, bool last)
{
    int64_t s = ilo_round2(score);
    if (json)
        printf("\"raw\": %lld.%02lld, \"score\": %lld.%02lld}%s\n", (long long)(raw_c / 100), (long long)(raw_c % 100),
               (long long)(s / 100), (long long)(s % 100), last ? "" : ",");
    else
        printf("%8lld.%02lld %6lld.%02lld\n", (long long)(raw_c / 100), (long long)(raw_c % 100), (long long)(s / 100),
               (long long)(s % 100));
}

int cmd_score(cli_env *env, int argc, char **argv)
{
    const char *sheet = NULL, *method = "sdg-8.8.2", *format = "text";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--sheet") == 0    ? &sheet
                            : strcmp(a, "--method") == 0 ? &method
                            : strcmp(a, "--format") == 0 ? &format
                                                         : NULL;
        if (!slot) return cli_usage_error("score: unexpected argument '%s'", a);
        if (i + 1 >= argc) return cli_usage_error("score: option '%s' needs a value", a);
        *slot = argv[++i];
    }
    if (!sheet) return cli_usage_error("score: --sheet FILE is required");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0) return cli_usage_error("score: unknown format '%s' (text or json)", format);
    int rc = cli_load(env);
    if (rc) return rc;
    size_t me = ilo_model_find_method(env->model, method);
    if (me == SIZE_MAX) {
        cli_error("unknown method \"%s\"", method);
        return EXIT_NOTFOUND;
    }
    ilo_sheet *sh = NULL;
    if (ilo_sheet_read(env->model, sheet, &sh, env->ctx) != ILO_OK) return cli_report(env->ctx);
    if (json) printf("{\"schema_version\": 1, \"method\": \"%s\", \"results\": [\n", method);
    else printf("%-8s  %4s  %7s %11s %9s\n", "country", "year", "coded", "raw", "score");
    for (size_t i = 0; i < sh->n_rows; i++) {
        const ilo_sheet_row *r = &sh->rows[i];
        int64_t raw_c;
        double score;
        bool forced;
        ilo_score_coded(env->model, me, &r->coded, &raw_c, &score, &forced);
        if (json)
            printf("  {\"country\": \"%s\", \"year\": %d, \"coded\": %zu, \"forced\": %s, ", r->country, r->year,
                   ilo_bitset_count(&r->coded), forced ? "true" : "false");
        else printf("%-8s  %4d  %7zu ", r->country, r->year, ilo_bitset_count(&r->coded));
        print_score(raw_c, score, json, i + 1 == sh->n_rows);
    }
    if (json) printf("]}\n");
    ilo_sheet_free(sh);
    return EXIT_OK;
}
