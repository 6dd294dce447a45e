/* check.c: `iloscore check`: validate the whole data tree and print what it holds. */
#include <string.h>

#include "cli.h"

int cmd_check(cli_env *env, int argc, char **argv)
{
    if (argc > 1) return cli_usage_error("check: unexpected argument '%s'", argv[1]);
    int rc = cli_load(env);
    if (rc) return rc;
    cli_warnings(env->ctx); /* check alone prints them: the data are valid, but likely mistaken */
    const ilo_model *m = env->model;
    size_t published = 0, provisions = 0;
    for (size_t i = 0; i < m->n_criteria; i++) published += m->criteria[i].published;
    for (size_t i = 0; i < m->n_items; i++) provisions += m->items[i].kind == ILO_ITEM_PROVISION;
    char data[1024];
    printf("data:        %s\n", ilo_escape_controls(data, sizeof data, env->data)); /* one line, always */
    printf("files:       %zu\n", m->n_files);
    printf("conventions: %zu\n", m->n_conventions);
    printf("criteria:    %zu (%zu with published weights, %zu provisional)\n", m->n_criteria, published,
           m->n_criteria - published);
    printf("methods:     %zu\n", m->n_methods);
    printf("regimes:     %zu\n", m->n_regimes);
    printf("countries:   %zu\n", m->n_countries);
    printf("provisions:  %zu\n", provisions);
    printf("incidents:   %zu\n", m->n_items - provisions);
    printf("sources:     %zu\n", m->n_sources);
    printf("scenarios:   %zu\n", m->n_scenarios);
    size_t figures = 0, sdg = 0;
    for (size_t i = 0; i < m->n_vintages; i++) {
        figures += m->vintages[i].n_figures;
        sdg += m->vintages[i].measure == ILO_MEASURE_SDG;
    }
    printf("published:   %zu figures in %zu vintages (%zu SDG 8.8.2, %zu ITUC)\n", figures, m->n_vintages, sdg,
           m->n_vintages - sdg);
    printf("valid\n");
    return EXIT_OK;
}
