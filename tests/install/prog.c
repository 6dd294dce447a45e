/* prog.c: a program outside the project that uses the installed engine (tests/install/run.sh):
 * loads a data tree, evaluates one country-year and prints the result. Usage: prog DIR CODE YEAR
 * METHOD. */
#include <stdio.h>
#include <stdlib.h>

#include <iloscore.h>

int main(int argc, char **argv)
{
    if (argc != 5) return 2;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    ilo_result *r = NULL;
    int rc = 1;
    if (!ctx || ilo_model_load(argv[1], NULL, 0, &m, ctx) != ILO_OK) goto out;
    size_t c = ilo_model_find_country(m, argv[2]), me = ilo_model_find_method(m, argv[4]);
    if (c == SIZE_MAX || me == SIZE_MAX) goto out;
    ilo_profile p = ilo_profile_baseline(m, c);
    r = ilo_result_new(m);
    if (!r || ilo_eval(m, &p, me, atoi(argv[3]), r, ctx) != ILO_OK) goto out;
    printf("iloscore %s: %s %d %s: raw %lld.%02lld, score %.2f, %zu findings\n", ilo_version(), m->countries[c].code,
           r->year, m->methods[me].id, (long long)(r->raw_hundredths / 100), (long long)(r->raw_hundredths % 100), r->score,
           r->n_findings);
    rc = 0;
out:
    for (size_t i = 0; i < ilo_ctx_kept(ctx); i++) fprintf(stderr, "prog: %s\n", ilo_ctx_error(ctx, i)->msg);
    ilo_result_free(r);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
    return rc;
}
