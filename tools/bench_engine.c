/*
 * bench_engine.c: the engine's load and evaluation times, for `make bench`. Loads DIR with
 * ilo_model_load(), then evaluates every country in every year its sources cover (the span of
 * their dates) under every method, reusing one result. Prints the seconds of each phase
 * (monotonic clock) and what was done, the CPU time the load took on all threads (the
 * loader parses on a second thread, so its wall-clock time is less than its CPU time), and the
 * evaluation's CPU time (one thread: on an idle machine its wall-clock time; on a busy one, the
 * time other processes took is left out). The
 * process's peak memory is measured from outside (/usr/bin/time -v).
 *
 * Usage: bench_engine DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "iloscore.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void) { return clock_s(CLOCK_MONOTONIC); }

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: bench_engine DIR\n", stderr);
        return 2;
    }
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    double t0 = now(), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    if (!ctx || ilo_model_load(argv[1], NULL, 0, &m, ctx) != ILO_OK) {
        for (size_t i = 0; ctx && i < ilo_ctx_kept(ctx); i++) {
            const ilo_error *e = ilo_ctx_error(ctx, i);
            fprintf(stderr, "bench_engine: %s:%d: %s\n", e->file, e->line, e->msg);
        }
        return 1;
    }
    double t_load = now() - t0, cpu_load = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    /* Each country's span of years, in one pass over the sources (not timed). */
    int *from = calloc(m->n_countries + 1, sizeof *from), *to = calloc(m->n_countries + 1, sizeof *to);
    if (!from || !to) return 70;
    for (size_t i = 0; i < m->n_sources; i++) {
        const ilo_source *s = &m->sources[i];
        if (s->country >= m->n_countries || !s->date.prec) continue;
        if (!from[s->country] || s->date.year < from[s->country]) from[s->country] = s->date.year;
        if (s->date.year > to[s->country]) to[s->country] = s->date.year;
    }
    double t1 = now(), e0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    ilo_result *r = ilo_result_new(m);
    size_t evals = 0;
    double check = 0; /* a sum of the scores, so the work cannot be optimised away */
    for (size_t c = 0; r && c < m->n_countries; c++) {
        ilo_profile p = ilo_profile_baseline(m, c);
        for (size_t me = 0; from[c] && me < m->n_methods; me++)
            for (int y = from[c]; y <= to[c]; y++) {
                if (ilo_eval(m, &p, me, y, r, ctx) != ILO_OK) return 1;
                check += r->score;
                evals++;
            }
    }
    double t2 = now(), e1 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    printf("load %.6f eval %.6f evals %zu countries %zu items %zu checksum %.4f loadcpu %.6f evalcpu %.6f\n", t_load,
           t2 - t1, evals, m->n_countries, m->n_items, check, cpu_load, e1 - e0);
    free(from);
    free(to);
    ilo_result_free(r);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
    return 0;
}
