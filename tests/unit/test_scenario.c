/* test_scenario.c: scenarios applied to a copy of a profile, on tests/data/scen (country XSC):
 * each operation, chaining order, errors with file and line, and the baseline left untouched.
 *
 * Baseline raw scores of XSC under "all-sources" (occurrence window), in hundredths:
 *   2015: law-a 193                                       = 193
 *   2016: + law-b 178, law-c 166 (xsc-strike from July)   = 537
 *   2017: + prac-a 195 (arrest); law-c also by xsc-cb     = 732
 *   2018: - prac-a; + law-e 159, prac-b 180 (ban)         = 876
 *   2019: + prac-a 195 (fine)                             = 1071
 *   2020, 2021: as 2018 (xsc-cb ends 2020-12-31; law-c stays by xsc-strike) = 876 */
#include "report.h"
#include "testutil.h"

static ilo_model *M;
static size_t XSC, ALL;

static int setup(void **state)
{
    (void)state;
    M = test_load("scen");
    XSC = ilo_model_find_country(M, "XSC");
    ALL = ilo_model_find_method(M, "all-sources");
    return XSC == SIZE_MAX || ALL == SIZE_MAX;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

/* The profile of XSC after the scenarios named (NULL-terminated), in that order. */
static ilo_profile *apply(const char *first, ...)
{
    size_t idx[16], n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *id = first; id && n < 16; id = va_arg(ap, const char *)) {
        idx[n] = ilo_model_find_scenario(M, id);
        assert_true(idx[n] != SIZE_MAX);
        n++;
    }
    va_end(ap);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_profile *p = NULL;
    assert_int_equal(ilo_profile_apply(M, XSC, idx, n, &p, ctx), ILO_OK);
    ilo_ctx_free(ctx);
    return p;
}

static int64_t raw(const ilo_profile *p, int year)
{
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, p, ALL, year, r, ctx), ILO_OK);
    int64_t v = r->raw_hundredths;
    ilo_result_free(r);
    ilo_ctx_free(ctx);
    return v;
}

static bool coded(const ilo_profile *p, int year, const char *criterion)
{
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    assert_int_equal(ilo_eval(M, p, ALL, year, r, ctx), ILO_OK);
    size_t k = ilo_model_find_criterion(M, criterion);
    assert_true(k != SIZE_MAX);
    bool v = ilo_bitset_has(&r->coded, k);
    ilo_result_free(r);
    ilo_ctx_free(ctx);
    return v;
}

static const ilo_item *item(const ilo_profile *p, const char *id)
{
    for (size_t i = 0; i < p->n_items; i++)
        if (strcmp(p->items[i].id, id) == 0) return &p->items[i];
    return NULL;
}

static void baseline_scores(void **state)
{
    (void)state;
    ilo_profile b = ilo_profile_baseline(M, XSC);
    static const int64_t want[] = {193, 537, 732, 876, 1071, 876, 876};
    for (int y = 2015; y <= 2021; y++) assert_int_equal(raw(&b, y), want[y - 2015]);
}

static void repeal_stops_a_provision_from_its_date(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-repeal", NULL);
    assert_int_equal(raw(p, 2019), 1071);
    assert_int_equal(raw(p, 2020), 876 - 178); /* law-c stays: xsc-cb codes it until 2020 */
    assert_int_equal(raw(p, 2021), 876 - 178 - 166);
    const ilo_item *it = item(p, "xsc-strike");
    assert_non_null(it);
    assert_string_equal(it->stop.text, "2020-01-01");
    assert_int_equal(it->last_day, ilo_days_from_civil(2019, 12, 31));
    ilo_profile_free(p);
}

static void amend_changes_what_a_provision_breaches_from_its_date(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-amend", NULL);
    assert_int_equal(raw(p, 2019), 1071); /* the old text until June, the new one from July */
    assert_int_equal(raw(p, 2021), 876 - 166);
    assert_true(coded(p, 2021, "law-b"));
    assert_false(coded(p, 2021, "law-c"));
    const ilo_item *old = item(p, "xsc-strike"), *now = item(p, "xsc-strike@2019-07-01");
    assert_non_null(old);
    assert_non_null(now);
    assert_int_equal(old->last_day, ilo_days_from_civil(2019, 6, 30));
    assert_int_equal(now->first_day, ilo_days_from_civil(2019, 7, 1));
    assert_int_equal(now->last_day, INT32_MAX);
    ilo_profile_free(p);
}

static void add_provision_codes_from_its_entry_into_force(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-add-provision", NULL);
    assert_int_equal(raw(p, 2019), 1071);
    assert_int_equal(raw(p, 2020), 876 + 171);
    assert_non_null(item(p, "xsc-decree"));
    ilo_profile_free(p);
}

static void end_incident_is_the_last_day_it_counts(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-end", NULL);
    assert_int_equal(raw(p, 2019), 1071);
    assert_int_equal(raw(p, 2020), 876 - 180);
    assert_int_equal(item(p, "xsc-ban")->last_day, ilo_days_from_civil(2019, 6, 30));
    ilo_profile_free(p);
}

static void add_incident_with_the_scenarios_own_source(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-add-incident", NULL);
    assert_int_equal(raw(p, 2019), 1071);
    assert_int_equal(raw(p, 2020), 876 + 184);
    assert_int_equal(raw(p, 2021), 876 + 184); /* open-ended: no end date */
    ilo_profile_free(p);
}

/* A repeal dated on the day a provision came into force: it never counts, not even that year;
 * an amendment to nothing over a provision's whole life does the same. */
static void repeal_on_the_first_day_means_never_in_force(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-never", NULL);
    assert_int_equal(raw(p, 2015), 0);
    assert_int_equal(raw(p, 2016), 0); /* xsc-strike amended to nothing from its first day */
    assert_int_equal(raw(p, 2017), 166 + 195); /* xsc-cb, the arrest */
    ilo_profile_free(p);
}

/* Two amendments of the same provision from the same date: the later one wins, so the order
 * of the scenarios decides what the provision breaches. */
static void chaining_order_matters(void **state)
{
    (void)state;
    ilo_profile *ab = apply("xsc-chain-a", "xsc-chain-b", NULL);
    ilo_profile *ba = apply("xsc-chain-b", "xsc-chain-a", NULL);
    assert_true(coded(ab, 2020, "law-b"));
    assert_false(coded(ab, 2020, "law-d"));
    assert_true(coded(ba, 2020, "law-d"));
    assert_false(coded(ba, 2020, "law-b"));
    /* law-c stays coded by xsc-cb in 2020 either way, and 2018 is before both amendments. */
    assert_int_equal(raw(ab, 2020), 193 + 178 + 166 + 159 + 180);
    assert_int_equal(raw(ba, 2020), 193 + 171 + 166 + 159 + 180);
    assert_int_equal(raw(ab, 2018), 876);
    assert_int_equal(raw(ba, 2018), 876);
    /* One piece per date: the second amendment replaced the first, it did not add to it. */
    size_t pieces = 0;
    for (size_t i = 0; i < ab->n_items; i++) pieces += strncmp(ab->items[i].id, "xsc-strike@", 11) == 0;
    assert_int_equal(pieces, 1);
    ilo_profile_free(ab);
    ilo_profile_free(ba);
}

/* A repeal ends every piece of an amended provision, in either order. */
static void repeal_after_amend_ends_the_amended_text(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-amend", "xsc-repeal", NULL);
    ilo_profile *q = apply("xsc-repeal", "xsc-amend", NULL);
    assert_int_equal(raw(p, 2020), 876 - 178);
    assert_int_equal(raw(q, 2020), 876 - 178);
    assert_int_equal(raw(p, 2019), 1071);
    assert_int_equal(raw(q, 2019), 1071);
    assert_false(coded(p, 2021, "law-b"));
    assert_false(coded(q, 2021, "law-b"));
    ilo_profile_free(p);
    ilo_profile_free(q);
}

static void the_reform_combines_every_operation(void **state)
{
    (void)state;
    ilo_profile *p = apply("xsc-reform", NULL);
    for (int y = 2015; y <= 2019; y++) {
        ilo_profile b = ilo_profile_baseline(M, XSC);
        assert_int_equal(raw(p, y), raw(&b, y));
    }
    /* 2020: law-a and law-c (xsc-strike's) go, but xsc-cb keeps law-c; the ban ended in 2019. */
    assert_int_equal(raw(p, 2020), 178 + 166 + 159);
    /* 2021: xsc-cb is gone; the decree (law-d) and the protest (prac-a) come. */
    assert_int_equal(raw(p, 2021), 178 + 159 + 171 + 195);
    ilo_profile_free(p);
}

/* Applying scenarios copies: every item of the model is byte for byte what it was. */
static void baseline_untouched(void **state)
{
    (void)state;
    size_t n = M->n_items;
    ilo_item *before = malloc(n * sizeof *before);
    ilo_scenario *sbefore = malloc(M->n_scenarios * sizeof *sbefore);
    assert_non_null(before);
    assert_non_null(sbefore);
    memcpy(before, M->items, n * sizeof *before);
    memcpy(sbefore, M->scenarios, M->n_scenarios * sizeof *sbefore);
    ilo_profile b = ilo_profile_baseline(M, XSC);
    int64_t raw_before[7];
    for (int y = 2015; y <= 2021; y++) raw_before[y - 2015] = raw(&b, y);

    ilo_profile *p = apply("xsc-repeal", "xsc-amend", "xsc-add-provision", "xsc-end", "xsc-add-incident", "xsc-chain-a",
                           "xsc-chain-b", "xsc-reform", NULL);
    assert_int_equal(M->n_items, n);
    assert_memory_equal(M->items, before, n * sizeof *before);
    assert_memory_equal(M->scenarios, sbefore, M->n_scenarios * sizeof *sbefore);
    for (int y = 2015; y <= 2021; y++) assert_int_equal(raw(&b, y), raw_before[y - 2015]);
    /* The copy did change. */
    assert_true(raw(p, 2021) != raw_before[2021 - 2015]);
    ilo_profile_free(p);
    free(before);
    free(sbefore);
}

/* Loads the fixture with one extra scenario file; expects failure and returns the first error. */
static ilo_error load_error(const char *extra)
{
    char dir[512], path[512];
    snprintf(dir, sizeof dir, "%s/scen", test_data_dir());
    snprintf(path, sizeof path, "%s/scen/extra/%s", test_data_dir(), extra);
    const char *files[] = {path};
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    assert_int_equal(ilo_model_load(dir, files, 1, &m, ctx), ILO_ERR_INVALID);
    assert_null(m);
    assert_int_equal(ilo_ctx_count(ctx), 1);
    ilo_error e = *ilo_ctx_error(ctx, 0);
    ilo_ctx_free(ctx);
    return e;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void operation_dated_before_its_item_is_an_error_with_file_and_line(void **state)
{
    (void)state;
    ilo_error e = load_error("early.cfg");
    assert_true(ends_with(e.file, "scen/extra/early.cfg"));
    assert_int_equal(e.line, 5);
    assert_non_null(strstr(e.msg, "before \"xsc-strike\" exists"));
    e = load_error("end-early.cfg");
    assert_true(ends_with(e.file, "scen/extra/end-early.cfg"));
    assert_int_equal(e.line, 3);
    assert_non_null(strstr(e.msg, "xsc-ban"));
}

static void unknown_provision_is_an_error_with_file_and_line(void **state)
{
    (void)state;
    ilo_error e = load_error("unknown.cfg");
    assert_true(ends_with(e.file, "scen/extra/unknown.cfg"));
    assert_int_equal(e.line, 3);
    assert_non_null(strstr(e.msg, "\"xsc-nonesuch\""));
}

/* Applying the same additions twice: the second is an error at the operation's file and line. */
static void adding_an_item_twice_is_an_error_at_apply(void **state)
{
    (void)state;
    size_t s = ilo_model_find_scenario(M, "xsc-add-provision");
    size_t twice[] = {s, s};
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_profile *p = (ilo_profile *)1;
    assert_int_equal(ilo_profile_apply(M, XSC, twice, 2, &p, ctx), ILO_ERR_INVALID);
    assert_null(p);
    const ilo_error *e = ilo_ctx_error(ctx, 0);
    assert_true(ends_with(e->file, "scen/scenarios/xsc-add-provision.cfg"));
    assert_int_equal(e->line, 3);
    assert_non_null(strstr(e->msg, "xsc-decree"));
    ilo_ctx_free(ctx);
}

/* The shipped kaz-2020-amendments scenario under all-sources: nothing changes before 2020 (every
 * operation is dated 4 May 2020), and the law score is lower from 2021. In 2020 it cannot be
 * lower under the occurrence window: the 2014 texts (kaz-tul-2014-registration, -thresholds),
 * in force until 3 May 2020, code the same criteria as the amended 2020 texts the scenario
 * clears, and a provision counts in every year it is in force on at least one day. */
static void kaz_2020_amendments_on_the_shipped_data(void **state)
{
    (void)state;
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_model *m = NULL;
    if (ilo_model_load(".", NULL, 0, &m, ctx) != ILO_OK) {
        ilo_ctx_free(ctx);
        fail_msg("the shipped data does not load");
    }
    size_t c = ilo_model_find_country(m, "KAZ"), s = ilo_model_find_scenario(m, "kaz-2020-amendments");
    size_t me = ilo_model_find_method(m, "all-sources");
    if (c == SIZE_MAX || s == SIZE_MAX || me == SIZE_MAX) {
        ilo_model_free(m);
        ilo_ctx_free(ctx);
        skip();
    }
    ilo_profile base = ilo_profile_baseline(m, c), *alt = NULL;
    assert_int_equal(ilo_profile_apply(m, c, &s, 1, &alt, ctx), ILO_OK);
    ilo_result *rb = ilo_result_new(m), *ra = ilo_result_new(m);
    for (int y = 2010; y <= 2023; y++) {
        assert_int_equal(ilo_eval(m, &base, me, y, rb, ctx), ILO_OK);
        assert_int_equal(ilo_eval(m, alt, me, y, ra, ctx), ILO_OK);
        if (y < 2020) {
            assert_memory_equal(&rb->coded, &ra->coded, sizeof rb->coded);
            assert_int_equal(rb->raw_hundredths, ra->raw_hundredths);
            assert_int_equal(rb->law_hundredths, ra->law_hundredths);
        } else if (y == 2020) {
            assert_int_equal(ra->law_hundredths, rb->law_hundredths); /* see above: the 2014 texts, January to May */
        } else {
            assert_true(ra->law_hundredths < rb->law_hundredths);
            assert_true(ilo_round2(ra->law) < ilo_round2(rb->law));
            assert_int_equal(ra->practice_hundredths, rb->practice_hundredths);
        }
    }
    ilo_result_free(rb);
    ilo_result_free(ra);
    ilo_profile_free(alt);
    ilo_model_free(m);
    ilo_ctx_free(ctx);
}

/* The comparison document: the year differences, and every format rendered the same twice. */
typedef struct cmp_fixture {
    ilo_profile base;
    ilo_profile *alt;
    size_t sc;
    ilo_trend *tb, *ta;
    rep_comparison doc;
} cmp_fixture;

static void cmp_open(cmp_fixture *f, const char *scenario, int from, int to)
{
    ilo_ctx *ctx = ilo_ctx_new();
    f->base = ilo_profile_baseline(M, XSC);
    f->sc = ilo_model_find_scenario(M, scenario);
    assert_int_equal(ilo_profile_apply(M, XSC, &f->sc, 1, &f->alt, ctx), ILO_OK);
    assert_int_equal(ilo_trend_new(M, &f->base, ALL, from, to, &f->tb, ctx), ILO_OK);
    assert_int_equal(ilo_trend_new(M, f->alt, ALL, from, to, &f->ta, ctx), ILO_OK);
    rep_comparison doc = {M, &f->base, f->alt, &f->sc, 1, f->tb, f->ta, 0};
    f->doc = doc;
    ilo_ctx_free(ctx);
}

static void cmp_close(cmp_fixture *f)
{
    ilo_trend_free(f->tb);
    ilo_trend_free(f->ta);
    ilo_profile_free(f->alt);
}

/* The engine's differences in year i of the fixture's two trends. */
static bool year_diff(const cmp_fixture *f, size_t i, ilo_year_diff *out)
{
    return ilo_year_diff_of(&f->base, f->tb->years[i], f->alt, f->ta->years[i], out);
}

static void comparison_year_differences(void **state)
{
    (void)state;
    cmp_fixture f;
    cmp_open(&f, "xsc-reform", 2019, 2021);
    ilo_year_diff d;
    assert_true(year_diff(&f, 0, &d)); /* 2019: before the reform */
    assert_int_equal(d.n, 0);
    assert_int_equal(ilo_bitset_count(&d.stopped) + ilo_bitset_count(&d.started), 0);
    ilo_year_diff_free(&d);
    assert_true(year_diff(&f, 1, &d)); /* 2020 */
    assert_int_equal(d.n, 3);
    assert_int_equal(d.changes[0].kind, ILO_CHANGE_REMOVED);
    assert_int_equal(d.changes[1].kind, ILO_CHANGE_REMOVED);
    assert_string_equal(d.changes[2].base_item->id, "xsc-strike");
    assert_int_equal(d.changes[2].kind, ILO_CHANGE_CHANGED);
    assert_string_equal(d.changes[2].alt_item->id, "xsc-strike@2020-01-01");
    assert_true(ilo_bitset_has(&d.stopped, ilo_model_find_criterion(M, "law-a")));
    assert_true(ilo_bitset_has(&d.stopped, ilo_model_find_criterion(M, "prac-b")));
    assert_int_equal(ilo_bitset_count(&d.stopped), 2);
    assert_int_equal(ilo_bitset_count(&d.started), 0);
    ilo_year_diff_free(&d);
    assert_true(year_diff(&f, 2, &d)); /* 2021: the decree and the protest come */
    size_t added = 0;
    for (size_t i = 0; i < d.n; i++) added += d.changes[i].kind == ILO_CHANGE_ADDED;
    assert_int_equal(added, 2);
    assert_int_equal(ilo_bitset_count(&d.started), 2);
    ilo_year_diff_free(&d);
    cmp_close(&f);
}

static char *render_cmp(const rep_comparison *doc, rep_format fmt)
{
    rep_buf b = REP_BUF_INIT;
    assert_true(rep_render(&b, fmt, REP_KIND_COMPARISON, doc));
    char *s = rep_buf_detach(&b, NULL);
    assert_non_null(s);
    return s;
}

static void comparison_renders_every_format(void **state)
{
    (void)state;
    cmp_fixture f;
    cmp_open(&f, "xsc-reform", 2015, 2021);
    for (int fmt = 0; fmt < REP_NFORMATS; fmt++) {
        char *a = render_cmp(&f.doc, (rep_format)fmt), *b = render_cmp(&f.doc, (rep_format)fmt);
        assert_string_equal(a, b); /* deterministic */
        assert_non_null(strstr(a, "xsc-strike"));
        if (fmt == REP_JSON) assert_non_null(strstr(a, "\"document\": \"comparison\""));
        if (fmt == REP_CSV)
            for (char *line = strtok(a, "\n"); line; line = strtok(NULL, "\n")) {
                int commas = 0;
                for (char *p = line; *p; p++) commas += *p == ',';
                assert_int_equal(commas, 4);
            }
        if (fmt == REP_HTML) {
            /* The chart shows both series: the baseline's solid line and the scenario's dashed one. */
            assert_non_null(strstr(a, "<svg"));
            size_t lines = 0, dashed = 0;
            for (const char *p = strstr(a, "<polyline"); p; p = strstr(p + 1, "<polyline")) {
                lines++;
                const char *end = strchr(p, '>');
                const char *dash = strstr(p, "stroke-dasharray");
                dashed += dash && end && dash < end;
            }
            assert_int_equal(lines, 2);
            assert_int_equal(dashed, 1);
            assert_null(strstr(a, "<script"));
        }
        free(a);
        free(b);
    }
    cmp_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(baseline_scores),
        cmocka_unit_test(repeal_stops_a_provision_from_its_date),
        cmocka_unit_test(amend_changes_what_a_provision_breaches_from_its_date),
        cmocka_unit_test(add_provision_codes_from_its_entry_into_force),
        cmocka_unit_test(end_incident_is_the_last_day_it_counts),
        cmocka_unit_test(add_incident_with_the_scenarios_own_source),
        cmocka_unit_test(repeal_on_the_first_day_means_never_in_force),
        cmocka_unit_test(chaining_order_matters),
        cmocka_unit_test(repeal_after_amend_ends_the_amended_text),
        cmocka_unit_test(the_reform_combines_every_operation),
        cmocka_unit_test(baseline_untouched),
        cmocka_unit_test(operation_dated_before_its_item_is_an_error_with_file_and_line),
        cmocka_unit_test(unknown_provision_is_an_error_with_file_and_line),
        cmocka_unit_test(adding_an_item_twice_is_an_error_at_apply),
        cmocka_unit_test(kaz_2020_amendments_on_the_shipped_data),
        cmocka_unit_test(comparison_year_differences),
        cmocka_unit_test(comparison_renders_every_format),
    };
    return cmocka_run_group_tests_name("scenario", tests, setup, teardown);
}
