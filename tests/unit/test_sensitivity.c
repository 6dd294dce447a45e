/* test_sensitivity.c: ranking with ties (tests/data/rank), the Monte Carlo over the weights
 * (zero spread gives the point score; same seed, same bytes; 1, 2 or 3 threads, same bytes; the
 * leave-one-group-out impacts worked by hand) and synthetic worlds (same seed, same bytes; a
 * world loads), on a small world written by ilo_synth_write() into a temporary folder. */
#include <math.h>
#include <unistd.h>

#include "testutil.h"

#include "report.h"

#include <gsl/gsl_rng.h>

#include "internal.h"

static ilo_model *R;          /* tests/data/rank */
static ilo_model *W;          /* a small synthetic world */
static char world[256];

/* Removes a folder written by ilo_synth_write (two levels of subfolders at most). */
static void rm_rf(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", path);
}

static int setup(void **state)
{
    (void)state;
    R = test_load("rank");
    ilo_ctx *ctx = ilo_ctx_new();
    char tmpl[] = "/tmp/ilo-sens-XXXXXX";
    if (!mkdtemp(tmpl)) return -1;
    snprintf(world, sizeof world, "%s/world", tmpl);
    ilo_synth_opts o = {12, 2016, 2020, 5};
    ilo_status st = ilo_synth_write(".", &o, world, ctx);
    if (st != ILO_OK || ilo_model_load(world, NULL, 0, &W, ctx) != ILO_OK) {
        for (size_t i = 0; i < ilo_ctx_kept(ctx); i++)
            fprintf(stderr, "%s:%d: %s\n", ilo_ctx_error(ctx, i)->file, ilo_ctx_error(ctx, i)->line,
                    ilo_ctx_error(ctx, i)->msg);
        return -1;
    }
    ilo_ctx_free(ctx);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(R);
    ilo_model_free(W);
    char *slash = strrchr(world, '/');
    if (slash) *slash = '\0';
    rm_rf(world);
    return 0;
}

static ilo_sensitivity *run(const ilo_model *m, ilo_sens_opts o)
{
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_sensitivity *s = NULL;
    assert_int_equal(ilo_sensitivity_new(m, &o, &s, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return s;
}

/* The document rendered in format f (caller frees). */
static char *render(const ilo_model *m, const ilo_sensitivity *s, rep_format f)
{
    rep_sensitivity_doc doc = {m, s};
    rep_buf b = REP_BUF_INIT;
    assert_true(rep_render(&b, f, REP_KIND_SENSITIVITY, &doc));
    return rep_buf_detach(&b, NULL);
}

static ilo_sens_opts all_opts(const ilo_model *m, int year, size_t draws, uint64_t seed, double spread, unsigned threads)
{
    ilo_sens_opts o = {0};
    o.method = ilo_model_find_method(m, m == R ? "ev" : "sdg-8.8.2");
    o.all = true;
    o.from = o.to = year;
    o.draws = draws;
    o.seed = seed;
    o.spread = spread;
    o.threads = threads;
    return o;
}

/* ---- ranks ---- */

static void competition_ranks_share_and_skip(void **state)
{
    (void)state;
    const double v[] = {2.0, 1.0, 2.0, 3.0, 1.0, 2.0};
    uint32_t r[6];
    assert_true(ilo_competition_ranks(v, 6, r));
    const uint32_t want[] = {3, 1, 3, 6, 1, 3}; /* 1 1 3 3 3 6: "1224"-style */
    for (int i = 0; i < 6; i++) assert_int_equal(r[i], want[i]);
    assert_true(ilo_competition_ranks(v, 0, r));
    double many[100];
    uint32_t rk[100];
    for (int i = 0; i < 100; i++) many[i] = (double)((i * 37) % 10); /* ten ties of ten */
    assert_true(ilo_competition_ranks(many, 100, rk));
    for (int i = 0; i < 100; i++) assert_int_equal(rk[i], (uint32_t)(10 * ((i * 37) % 10) + 1));
}

static void ranking_states_ties_and_not_assessed(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_ranking *r = NULL;
    assert_int_equal(ilo_ranking_new(R, ilo_model_find_method(R, "ev"), 2020, &r, ctx), ILO_OK);
    assert_int_equal(r->n, 7);
    assert_int_equal(r->n_ranked, 6);
    assert_int_equal(r->n_tie_groups, 2);
    static const struct {
        const char *code;
        uint32_t rank, tied;
        int64_t raw;
    } want[] = {{"XRF", 1, 1, 0}, {"XRA", 2, 2, 193}, {"XRB", 2, 2, 193}, {"XRC", 4, 1, 361},
                {"XRD", 5, 2, 358}, {"XRE", 5, 2, 358}};
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(R->countries[r->entries[i].country].code, want[i].code);
        assert_int_equal(r->entries[i].rank, want[i].rank);
        assert_int_equal(r->entries[i].tied, want[i].tied);
        assert_int_equal(r->entries[i].raw_hundredths, want[i].raw);
        assert_true(r->entries[i].assessed);
    }
    assert_true(r->entries[3].forced == false && r->entries[4].forced && r->entries[5].forced);
    assert_string_equal(R->countries[r->entries[6].country].code, "XRG");
    assert_false(r->entries[6].assessed);
    assert_int_equal(r->entries[6].rank, 0);
    /* Every format says the caveat and marks the ties. */
    for (int f = 0; f < REP_NFORMATS; f++) {
        rep_rank_doc doc = {R, r};
        rep_buf b = REP_BUF_INIT;
        assert_true(rep_render(&b, (rep_format)f, REP_KIND_RANK, &doc));
        if (f != REP_CSV) assert_non_null(strstr(b.data, "not intended as a tool to compare"));
        if (f == REP_TEXT || f == REP_MD || f == REP_HTML) assert_non_null(strstr(b.data, "2="));
        rep_buf_free(&b);
    }
    ilo_ranking_free(r);
    ilo_ctx_free(ctx);
}

/* ---- sensitivity ---- */

static void zero_spread_gives_the_point_score(void **state)
{
    (void)state;
    /* One country over its years, and every country in one year. */
    ilo_sens_opts o = all_opts(W, 2020, 50, 9, 0.0, 2);
    o.all = false;
    o.country = 0;
    o.from = 2016;
    ilo_sensitivity *s = run(W, o);
    assert_int_equal(s->n_units, 5);
    for (size_t u = 0; u < s->n_units; u++) {
        const ilo_sens_unit *un = &s->units[u];
        if (!un->assessed) continue;
        assert_true(un->p5 == un->score && un->p50 == un->score && un->p95 == un->score);
    }
    ilo_sensitivity_free(s);
    s = run(W, all_opts(W, 2020, 50, 9, 0.0, 2));
    size_t checked = 0;
    for (size_t u = 0; u < s->n_units; u++) {
        const ilo_sens_unit *un = &s->units[u];
        if (!un->assessed) continue;
        assert_true(un->p5 == un->score && un->p95 == un->score);
        assert_true(un->rank_p5 == (double)un->rank && un->rank_p95 == (double)un->rank);
        checked++;
    }
    assert_true(checked >= 6);
    ilo_sensitivity_free(s);
    /* The point score is ilo_eval's, to the last bit. */
    ilo_result *r = ilo_result_new(W);
    ilo_ctx *ctx = ilo_ctx_new();
    s = run(W, all_opts(W, 2019, 3, 1, 0.0, 1));
    for (size_t u = 0; u < s->n_units; u++) {
        ilo_profile p = ilo_profile_baseline(W, u);
        assert_int_equal(ilo_eval(W, &p, s->opts.method, 2019, r, ctx), ILO_OK);
        if (s->units[u].assessed) assert_true(s->units[u].p50 == r->score);
    }
    ilo_sensitivity_free(s);
    ilo_ctx_free(ctx);
    ilo_result_free(r);
}

/* The order reports show units in: on tests/data/rank in 2020 the point ranks are the ranking's
 * (ranking_states_ties_and_not_assessed): XRF 1, XRA and XRB 2 (by code), XRC 4, XRD and XRE 5,
 * then XRG, not assessed; the units themselves are in model order, XRA first. Over 2019-2020
 * the 2019 units come first and 2020's follow in the same order. */
static void units_in_report_order(void **state)
{
    (void)state;
    static const char *const want[] = {"XRF", "XRA", "XRB", "XRC", "XRD", "XRE", "XRG"};
    static const uint32_t ranks[] = {1, 2, 2, 4, 5, 5, 0};
    ilo_sens_opts o = all_opts(R, 2020, 5, 1, 0.0, 1);
    for (int from = 2020; from >= 2019; from--) {
        o.from = from;
        ilo_sensitivity *s = run(R, o);
        const ilo_sens_unit **order = ilo_sensitivity_order(s);
        assert_non_null(order);
        size_t at = s->n_units - 7; /* 2020's units are the last 7 */
        assert_int_equal(s->n_units, from == 2020 ? 7 : 14);
        for (size_t i = 0; i < at; i++) assert_int_equal(order[i]->year, 2019);
        for (size_t i = 0; i < 7; i++) {
            assert_int_equal(order[at + i]->year, 2020);
            assert_string_equal(order[at + i]->code, want[i]);
            assert_int_equal(order[at + i]->rank, ranks[i]);
        }
        free(order);
        ilo_sensitivity_free(s);
    }
}

static void spread_widens_and_seeds_differ(void **state)
{
    (void)state;
    ilo_sensitivity *a = run(W, all_opts(W, 2020, 400, 1, 25.0, 2));
    ilo_sensitivity *b = run(W, all_opts(W, 2020, 400, 2, 25.0, 2));
    bool wider = false, differ = false;
    for (size_t u = 0; u < a->n_units; u++) {
        const ilo_sens_unit *x = &a->units[u], *y = &b->units[u];
        if (!x->assessed || x->forced || x->raw_hundredths == 0) continue;
        assert_true(x->p5 <= x->p50 && x->p50 <= x->p95);
        assert_true(x->p5 < x->score && x->score < x->p95);
        wider = true;
        differ |= x->p5 != y->p5;
    }
    assert_true(wider);
    assert_true(differ);
    ilo_sensitivity_free(a);
    ilo_sensitivity_free(b);
}

static void same_seed_same_bytes(void **state)
{
    (void)state;
    ilo_sensitivity *a = run(W, all_opts(W, 2020, 300, 77, 30.0, 2));
    ilo_sensitivity *b = run(W, all_opts(W, 2020, 300, 77, 30.0, 2));
    assert_int_equal(a->n_units, b->n_units);
    assert_memory_equal(a->units, b->units, a->n_units * sizeof *a->units);
    assert_memory_equal(a->groups, b->groups, a->n_groups * sizeof *a->groups);
    for (int f = 0; f < REP_NFORMATS; f++) {
        char *x = render(W, a, (rep_format)f), *y = render(W, b, (rep_format)f);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    ilo_sensitivity_free(a);
    ilo_sensitivity_free(b);
}

/* Records the last count reported and the number of calls. */
static void progress_cb(void *arg, size_t done, size_t total)
{
    size_t *last = arg;
    assert_true(done <= total);
    last[0] = done;
    last[1]++;
}

static void threads_do_not_change_the_bytes(void **state)
{
    (void)state;
    /* 301 draws: the chunks of 2 and 3 threads are uneven. */
    ilo_sensitivity *one = run(W, all_opts(W, 2020, 301, 5, 25.0, 1));
    char *want = render(W, one, REP_JSON);
    for (unsigned t = 2; t <= 3; t++) {
        ilo_sensitivity *s = run(W, all_opts(W, 2020, 301, 5, 25.0, t));
        assert_memory_equal(one->units, s->units, one->n_units * sizeof *s->units);
        assert_memory_equal(one->groups, s->groups, one->n_groups * sizeof *s->groups);
        char *got = render(W, s, REP_JSON);
        assert_string_equal(want, got);
        free(got);
        ilo_sensitivity_free(s);
    }
    /* With a progress callback every worker runs on a thread and this one reports. */
    ilo_sens_opts o = all_opts(W, 2020, 301, 5, 25.0, 2);
    size_t last[2] = {0, 0};
    o.progress = progress_cb;
    o.progress_arg = last;
    ilo_sensitivity *p = run(W, o);
    assert_int_equal(last[0], 301);
    assert_true(last[1] >= 1);
    assert_memory_equal(one->units, p->units, one->n_units * sizeof *p->units);
    ilo_sensitivity_free(p);
    free(want);
    /* More threads than draws. */
    ilo_sensitivity *a = run(W, all_opts(W, 2020, 2, 5, 25.0, 1)), *b = run(W, all_opts(W, 2020, 2, 5, 25.0, 8));
    assert_memory_equal(a->units, b->units, a->n_units * sizeof *a->units);
    ilo_sensitivity_free(a);
    ilo_sensitivity_free(b);
    ilo_sensitivity_free(one);
}

/* Worked by hand on tests/data/rank in 2020 (spread 0). Point ranks: XRF 1, XRA 2=, XRB 2=,
 * XRC 4, XRD 5=, XRE 5=. Without g1: XRA and XRB score 0 (ranks 1), the rest keep their places:
 * 1 + 1 = 2 rank changes over 6 countries. Without g2: XRD and XRE lose their all-encompassing
 * criterion (0, rank 1 with XRF), XRC keeps prac1 (0.2053 > 0.2032: rank 6), XRA and XRB go to
 * 4: 0 + 2 + 2 + 2 + 4 + 4 = 14 over 6. */
static void leaving_a_group_out(void **state)
{
    (void)state;
    ilo_sensitivity *s = run(R, all_opts(R, 2020, 10, 1, 0.0, 2));
    assert_int_equal(s->n_assessed, 6);
    assert_int_equal(s->n_groups, 2);
    assert_true(s->groups[0].coded && s->groups[1].coded);
    assert_true(fabs(s->groups[0].impact - 2.0 / 6.0) < 1e-12);
    assert_true(fabs(s->groups[1].impact - 14.0 / 6.0) < 1e-12);
    ilo_sensitivity_free(s);
    /* One country over years: the mean absolute score change. XRC in 2020 only: without g1 its
     * score drops by 1.95 x 10 / 95, without g2 by 1.66 x 10 / 95. */
    ilo_sens_opts o = all_opts(R, 2020, 4, 1, 0.0, 1);
    o.all = false;
    o.country = ilo_model_find_country(R, "XRC");
    s = run(R, o);
    assert_true(fabs(s->groups[0].impact - 1.95 * 10 / 95) < 1e-12);
    assert_true(fabs(s->groups[1].impact - 1.66 * 10 / 95) < 1e-12);
    ilo_sensitivity_free(s);
}

static void bad_options_are_errors(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_sensitivity *s = NULL;
    ilo_sens_opts o = all_opts(R, 2020, 0, 1, 10.0, 1);
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_LIMIT);
    o.draws = 10;
    o.spread = 101;
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_INVALID);
    o.spread = NAN;
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_INVALID);
    o.spread = 10;
    o.from = 2021; /* after to */
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_INVALID);
    o.from = 2020;
    ilo_sheet empty = {NULL, 0};
    o.sheet = &empty; /* a sheet goes with all */
    o.all = false;
    o.country = 0;
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_INVALID);
    o.all = true;
    o.sheet = NULL;
    o.threads = 0;
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_LIMIT);
    o.threads = 1;
    o.draws = ILO_SENS_MAX_VALUES;
    assert_int_equal(ilo_sensitivity_new(R, &o, &s, ctx), ILO_ERR_LIMIT);
    assert_null(s);
    ilo_ctx_free(ctx);
}

/* ---- synthetic worlds ---- */

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = malloc(1 << 24);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 24, fp);
    fclose(fp);
    return buf;
}

static void synth_same_seed_same_bytes_and_codes(void **state)
{
    (void)state;
    char again[300];
    snprintf(again, sizeof again, "%s-again", world);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_synth_opts o = {12, 2016, 2020, 5};
    assert_int_equal(ilo_synth_write(".", &o, again, ctx), ILO_OK);
    for (size_t i = 0; i < 12; i++) {
        char code[4], a[400], b[400];
        assert_true(ilo_synth_code(i, code));
        snprintf(a, sizeof a, "%s/countries/%s.cfg", world, code);
        snprintf(b, sizeof b, "%s/countries/%s.cfg", again, code);
        size_t na, nb;
        char *x = slurp(a, &na), *y = slurp(b, &nb);
        assert_int_equal(na, nb);
        assert_memory_equal(x, y, na);
        free(x);
        free(y);
    }
    /* An existing non-empty folder is refused and left alone. */
    assert_int_equal(ilo_synth_write(".", &o, again, ctx), ILO_ERR_IO);
    rm_rf(again);
    /* Codes: user-assigned only, all distinct, Q first. */
    size_t cap = ilo_synth_capacity();
    assert_int_equal(cap, 1029);
    char first[4], last[4], none[4];
    assert_true(ilo_synth_code(0, first) && ilo_synth_code(cap - 1, last));
    assert_string_equal(first, "QMA");
    assert_string_equal(last, "XZZ");
    assert_false(ilo_synth_code(cap, none));
    for (size_t i = 0; i < cap; i++) {
        char c[4];
        assert_true(ilo_synth_code(i, c));
        bool user = (c[0] == 'Q' && c[1] >= 'M') || (c[0] == 'Z' && c[1] == 'Z') || (c[0] == 'A' && c[1] == 'A') ||
                    (c[0] == 'X' && c[1] != 'K' && c[1] != 'X');
        assert_true(user);
    }
    /* The world loaded: every country synthetic, span + 20 provisions (from 20 years before the
     * span) and about 200 incidents per 30 years (5 years: 25 and 33). */
    assert_int_equal(W->n_countries, 12);
    for (size_t c = 0; c < W->n_countries; c++) {
        assert_true(W->countries[c].synthetic);
        assert_int_equal(W->countries[c].n_items, 25 + 33);
    }
    ilo_ctx_free(ctx);
}

/* With all over several years: year by year, each year's units are those of a run on that year
 * alone (ranks within the year; draw d has the same weights in every year), and 1, 2 or 3
 * threads give the same bytes. */
static void world_by_years(void **state)
{
    (void)state;
    ilo_sens_opts o = all_opts(W, 2016, 301, 5, 25.0, 1);
    o.to = 2020;
    ilo_sensitivity *one = run(W, o);
    size_t nc = W->n_countries;
    assert_int_equal(one->n_units, 5 * nc);
    size_t ranked = 0;
    for (int y = 2016; y <= 2020; y++) {
        ilo_sensitivity *single = run(W, all_opts(W, y, 301, 5, 25.0, 2));
        for (size_t c = 0; c < nc; c++) {
            const ilo_sens_unit *a = &one->units[(size_t)(y - 2016) * nc + c], *b = &single->units[c];
            assert_int_equal(a->year, y);
            assert_int_equal(a->country, c);
            assert_int_equal(a->assessed, b->assessed);
            assert_int_equal(a->rank, b->rank);
            assert_memory_equal(&a->p5, &b->p5, sizeof a->p5);
            assert_memory_equal(&a->p50, &b->p50, sizeof a->p50);
            assert_memory_equal(&a->p95, &b->p95, sizeof a->p95);
            assert_memory_equal(&a->rank_p5, &b->rank_p5, sizeof a->rank_p5);
            assert_memory_equal(&a->rank_p95, &b->rank_p95, sizeof a->rank_p95);
            ranked += a->rank > 0;
        }
        ilo_sensitivity_free(single);
    }
    assert_int_equal(ranked, one->n_assessed);
    assert_true(ranked > nc);
    char *want = render(W, one, REP_JSON);
    for (unsigned t = 2; t <= 3; t++) {
        o.threads = t;
        ilo_sensitivity *s = run(W, o);
        assert_memory_equal(one->units, s->units, one->n_units * sizeof *s->units);
        assert_memory_equal(one->groups, s->groups, one->n_groups * sizeof *s->groups);
        char *got = render(W, s, REP_JSON);
        assert_string_equal(want, got);
        free(got);
        ilo_sensitivity_free(s);
    }
    free(want);
    ilo_sensitivity_free(one);
}

/* The sensitivity's own MT19937 gives GSL's numbers to the bit, for seeds 0 (GSL's default),
 * 1, a large one, and counts up to its limit. */
static void fast_mt19937_is_gsls(void **state)
{
    (void)state;
    static const unsigned long seeds[] = {0, 1, 5489, 4294967295UL, 123456789};
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    double u[227];
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        for (size_t n = 1; n <= 227; n += 113) {
            ilo_mt19937_uniform(seeds[i], n, u);
            gsl_rng_set(r, seeds[i]);
            for (size_t k = 0; k < n; k++) {
                double g = gsl_rng_uniform(r);
                assert_memory_equal(&u[k], &g, sizeof g);
            }
        }
    gsl_rng_free(r);
}

/* Leave one text out, checked against ilo_eval on a copy of the profile whose items no longer
 * cite that text (another path: a full scan over rewritten items), for every assessed year of
 * Kazakhstan in the shipped data; and the window band and the dominant kind. */
static void coding_uncertainty_matches_a_reevaluation(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(".", NULL, 0, &m, ctx), ILO_OK);
    size_t kaz = ilo_model_find_country(m, "KAZ"), me = ilo_model_find_method(m, "sdg-8.8.2");
    ilo_sens_opts o = {0};
    o.method = me;
    o.country = kaz;
    o.from = 2005;
    o.to = 2021;
    o.draws = 50;
    o.seed = 1;
    o.spread = 25;
    o.threads = 1;
    ilo_sensitivity *s = run(m, o);
    assert_non_null(s->coding);
    const ilo_country *c = &m->countries[kaz];
    ilo_item *items = malloc(c->n_items * sizeof *items);
    size_t *pool = malloc(4096 * sizeof *pool);
    ilo_result *r = ilo_result_new(m);
    assert_true(items && pool && r);
    size_t texts = 0, moving = 0, unassessing = 0, dates_moving = 0;
    for (size_t u = 0; u < s->n_units; u++) {
        const ilo_sens_coding *cd = &s->coding[u];
        if (!s->units[u].assessed) {
            assert_int_equal(cd->n_texts, 0);
            continue;
        }
        for (size_t t = 0; t < cd->n_texts; t++) {
            const ilo_sens_text *tx = &cd->texts[t];
            size_t used = 0;
            for (size_t i = 0; i < c->n_items; i++) {
                items[i] = m->items[c->item_first + i];
                items[i].sources = pool + used;
                items[i].n_sources = 0;
                for (size_t j = 0; j < m->items[c->item_first + i].n_sources; j++)
                    if (m->items[c->item_first + i].sources[j] != tx->source)
                        pool[used + items[i].n_sources++] = m->items[c->item_first + i].sources[j];
                used += items[i].n_sources;
                items[i].resolved_by = pool + used;
                items[i].n_resolved_by = 0;
                for (size_t j = 0; j < m->items[c->item_first + i].n_resolved_by; j++)
                    if (m->items[c->item_first + i].resolved_by[j] != tx->source)
                        pool[used + items[i].n_resolved_by++] = m->items[c->item_first + i].resolved_by[j];
                used += items[i].n_resolved_by;
                assert_true(used < 4096);
            }
            ilo_profile p = {kaz, items, c->n_items, NULL};
            assert_int_equal(ilo_eval(m, &p, me, s->units[u].year, r, ctx), ILO_OK);
            assert_int_equal(r->raw_hundredths, tx->raw_hundredths);
            assert_memory_equal(&r->score, &tx->score, sizeof r->score);
            if (!tx->assessed) assert_int_equal(r->n_findings, 0);
            texts++;
            moving += tx->delta != 0;
            unassessing += !tx->assessed;
        }
        /* The other window readings are the evidence and occurrence windows (the method reads
         * carry-forward), each equal to the method evaluated under that window; the band holds
         * the point score; the dominant kind is the widest. */
        assert_int_equal(m->methods[me].window, ILO_WINDOW_CARRY_FORWARD);
        assert_int_equal(cd->n_readings, 2);
        assert_int_equal(cd->readings[0].window, ILO_WINDOW_EVIDENCE);
        assert_int_equal(cd->readings[1].window, ILO_WINDOW_OCCURRENCE);
        for (size_t k = 0; k < 2; k++) {
            size_t other = ilo_model_find_method(m, k == 0 ? "sdg-8.8.2-evidence" : "all-sources");
            assert_int_equal(m->methods[other].window, cd->readings[k].window);
            ilo_profile base = ilo_profile_baseline(m, kaz);
            assert_int_equal(ilo_eval(m, &base, other, s->units[u].year, r, ctx), ILO_OK);
            if (memcmp(&m->methods[other].scope, &m->methods[me].scope, sizeof m->methods[me].scope) == 0 &&
                m->methods[other].admissible == m->methods[me].admissible)
                assert_int_equal(cd->readings[k].raw_hundredths, r->raw_hundredths);
        }
        assert_true(cd->window_low <= s->units[u].score && s->units[u].score <= cd->window_high);
        /* KAZ's CEACR observations record their publication year beside their adoption: the
         * source-date reading is made and its band holds the point score. */
        assert_true(cd->source_dates && cd->n_dated_twice >= 8);
        assert_true(cd->dates_low <= s->units[u].score && s->units[u].score <= cd->dates_high);
        dates_moving += cd->dates_delta != 0;
        assert_true(cd->dominant == ILO_SENS_WEIGHTS || cd->width[cd->dominant] > cd->width[ILO_SENS_WEIGHTS]);
    }
    assert_true(texts >= 8 && moving >= 2 && unassessing >= 1);
    assert_true(dates_moving >= 1);
    free(items);
    free(pool);
    ilo_result_free(r);
    ilo_sensitivity_free(s);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(competition_ranks_share_and_skip),
        cmocka_unit_test(ranking_states_ties_and_not_assessed),
        cmocka_unit_test(zero_spread_gives_the_point_score),
        cmocka_unit_test(units_in_report_order),
        cmocka_unit_test(spread_widens_and_seeds_differ),
        cmocka_unit_test(same_seed_same_bytes),
        cmocka_unit_test(threads_do_not_change_the_bytes),
        cmocka_unit_test(world_by_years),
        cmocka_unit_test(fast_mt19937_is_gsls),
        cmocka_unit_test(coding_uncertainty_matches_a_reevaluation),
        cmocka_unit_test(leaving_a_group_out),
        cmocka_unit_test(bad_options_are_errors),
        cmocka_unit_test(synth_same_seed_same_bytes_and_codes),
    };
    return cmocka_run_group_tests_name("sensitivity", tests, setup, teardown);
}
