/*
 * profile.c: the profile a report command evaluates: COUNTRY's baseline, or the baseline as the
 * --scenario values amend it, with the name the report prints. One place, so that every command
 * that accepts --scenario applies it the same way (main.c refuses it for the others).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_profile_open(cli_env *env, size_t c, cli_profile *out)
{
    const ilo_model *m = env->model;
    memset(out, 0, sizeof *out);
    out->base = ilo_profile_baseline(m, c);
    out->p = &out->base;
    out->n_sc = env->n_scenario_args;
    if (!(out->sc = calloc(out->n_sc + 1, sizeof *out->sc))) return EXIT_INTERNAL;
    int rc = cli_scenarios(env, out->sc);
    if (rc || !out->n_sc) return rc;
    if (ilo_profile_apply(m, c, out->sc, out->n_sc, &out->amended, env->ctx) != ILO_OK) return cli_report(env->ctx);
    out->p = out->amended;
    for (size_t i = 0; i < out->n_sc; i++) {
        size_t len = strlen(out->name_buf);
        snprintf(out->name_buf + len, sizeof out->name_buf - len, "%s%s", i ? " + " : "scenario ",
                 m->scenarios[out->sc[i]].id);
    }
    out->name = out->name_buf;
    return EXIT_OK;
}

void cli_profile_close(cli_profile *p)
{
    if (!p) return;
    ilo_profile_free(p->amended);
    free(p->sc);
    p->amended = NULL;
    p->sc = NULL;
}
