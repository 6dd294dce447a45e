/* score.c: `iloscore score --sheet FILE.csv`: scores externally coded criteria, one result per
 * country-year, so analysts can replicate published codings with this engine's arithmetic. */
#include <string.h>

#include "cli.h"

static bool render_scores(rep_buf *out, rep_format f, const void *doc)
{
    return rep_render(out, f, REP_KIND_SHEET_SCORE, doc);
}

int cmd_score(cli_env *env, int argc, char **argv)
{
    const char *sheet = NULL, *method = "sdg-8.8.2";
    cli_outputs o = {NULL, 0, -1};
    int rc = EXIT_OK;
    for (int i = 1; i < argc && !rc; i++) {
        int taken = cli_output_option(&o, argc, argv, &i);
        if (taken < 0) rc = -taken;
        if (taken) continue;
        const char *a = argv[i];
        const char **slot = strcmp(a, "--sheet") == 0 ? &sheet : strcmp(a, "--method") == 0 ? &method : NULL;
        if (!slot) rc = cli_usage_error("score: unexpected argument '%s'", a);
        else if (i + 1 >= argc) rc = cli_usage_error("score: option '%s' needs a value", a);
        else *slot = argv[++i];
    }
    if (!rc && !sheet) rc = cli_usage_error("score: --sheet FILE is required");
    if (!rc) rc = cli_outputs_finish(&o);
    if (!rc) rc = cli_load(env);
    rep_sheet_score_doc doc = {env->model, 0, NULL, sheet};
    if (!rc) rc = cli_find_method(env->model, method, &doc.method);
    ilo_sheet *sh = NULL;
    if (!rc && ilo_sheet_read(env->model, sheet, &sh, env->ctx) != ILO_OK) rc = cli_report(env->ctx);
    doc.sheet = sh;
    if (!rc) rc = cli_outputs_write(&o, render_scores, &doc);
    ilo_sheet_free(sh);
    cli_outputs_free(&o);
    return rc;
}
