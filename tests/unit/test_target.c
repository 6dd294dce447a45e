/* test_target.c: "what would it take" (ilo_target_new) against a brute-force search that
 * evaluates every subset of repeals with ilo_eval, on seeded random profiles built in memory over
 * the tests/data/scen catalogue, plus the tie-breaking rules, the unreachable cases and the real
 * fixture country XSC. */
#include "testutil.h"

static ilo_model *M;
static size_t XSC, ALL, SRC;

static int setup(void **state)
{
    (void)state;
    M = test_load("scen");
    XSC = ilo_model_find_country(M, "XSC");
    ALL = ilo_model_find_method(M, "all-sources");
    /* A legislation source: admissible under all-sources in every year an item is in force. */
    SRC = SIZE_MAX;
    for (size_t i = 0; i < M->n_sources; i++)
        if (strcmp(M->sources[i].id, "xsc-law") == 0) SRC = i;
    return XSC == SIZE_MAX || ALL == SIZE_MAX || SRC == SIZE_MAX;
}

static int teardown(void **state)
{
    (void)state;
    ilo_model_free(M);
    return 0;
}

#define YEAR 2020
#define MAX_ITEMS 72

/* A profile built in memory: items in force in YEAR, each coding the criteria given. */
typedef struct mem_profile {
    ilo_item items[MAX_ITEMS];
    char ids[MAX_ITEMS][16];
    size_t n;
} mem_profile;

static void add(mem_profile *p, ilo_item_kind kind, const char *const *criteria)
{
    assert_true(p->n < MAX_ITEMS);
    ilo_item *it = &p->items[p->n];
    memset(it, 0, sizeof *it);
    snprintf(p->ids[p->n], sizeof p->ids[p->n], "%c%zu", kind == ILO_ITEM_PROVISION ? 'p' : 'i', p->n);
    it->id = p->ids[p->n];
    it->kind = kind;
    it->first_day = ilo_year_first_day(2010);
    it->last_day = INT32_MAX;
    it->sources = &SRC;
    it->n_sources = 1;
    for (size_t i = 0; criteria[i]; i++) {
        size_t k = ilo_model_find_criterion(M, criteria[i]);
        assert_true(k != SIZE_MAX);
        ilo_bitset_or(&it->coded, &M->criteria[k].implies);
    }
    p->n++;
}

static ilo_profile view(const mem_profile *p)
{
    ilo_profile v = {XSC, p->items, p->n, NULL};
    return v;
}

static ilo_target *target(const ilo_profile *p, int year, int64_t score_hundredths, const char *rating)
{
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_target *t = NULL;
    ilo_status st = ilo_target_new(M, p, ALL, year, score_hundredths, rating, &t, ctx);
    if (st != ILO_OK) fprintf(stderr, "%s\n", ilo_ctx_error(ctx, 0)->msg);
    assert_int_equal(st, ILO_OK);
    ilo_ctx_free(ctx);
    return t;
}

/* Brute force (profiles of at most 64 items): every subset of the provisions, evaluated without them. Returns the size of the
 * best set (-1 if none meets the goal) and writes it to *best as a bit mask over items. */
typedef struct brute {
    int size;
    uint64_t best;
    int64_t raw_after;
} brute;

static bool lex_smaller(uint64_t a, uint64_t b)
{
    uint64_t d = a ^ b;
    return (d & -d & a) != 0;
}

static brute brute_force(const mem_profile *p, int64_t goal_hundredths)
{
    uint64_t provs = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].kind == ILO_ITEM_PROVISION) provs |= (uint64_t)1 << i;
    brute b = {-1, 0, 0};
    ilo_result *r = ilo_result_new(M);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_item kept[MAX_ITEMS];
    /* Every subset of provs, by the standard sub-mask walk. */
    for (uint64_t s = provs;; s = (s - 1) & provs) {
        size_t n = 0;
        for (size_t i = 0; i < p->n; i++)
            if (!((s >> i) & 1)) kept[n++] = p->items[i];
        ilo_profile q = {XSC, kept, n, NULL};
        assert_int_equal(ilo_eval(M, &q, ALL, YEAR, r, ctx), ILO_OK);
        int size = __builtin_popcountll(s);
        if (ilo_round2(r->score) <= goal_hundredths) {
            bool better = b.size < 0 || size < b.size ||
                          (size == b.size && (r->raw_hundredths < b.raw_after || (r->raw_hundredths == b.raw_after && lex_smaller(s, b.best))));
            if (better) {
                b.size = size;
                b.best = s;
                b.raw_after = r->raw_hundredths;
            }
        }
        if (s == 0) break;
    }
    ilo_result_free(r);
    ilo_ctx_free(ctx);
    return b;
}

static uint64_t mask_of(const ilo_target *t)
{
    uint64_t m = 0;
    for (size_t i = 0; i < t->n_repeal; i++) m |= (uint64_t)1 << t->repeal[i];
    return m;
}

/* xorshift64*: a fixed seed gives the same profiles on every machine. */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static void random_profile(mem_profile *p, size_t n_items)
{
    static const char *const ids[] = {"law-a", "law-b", "law-c", "law-d", "law-e", "prac-a",
                                      "prac-b", "prac-c", "gp-law", "gp-prac"};
    p->n = 0;
    for (size_t i = 0; i < n_items; i++) {
        const char *crit[4] = {NULL, NULL, NULL, NULL};
        size_t nc = 1 + rnd() % 3;
        for (size_t j = 0; j < nc; j++) {
            /* The all-encompassing gp-law rarely, so that most goals stay reachable. */
            size_t k = rnd() % 10;
            if (k == 8 && rnd() % 3) k = rnd() % 8;
            crit[j] = ids[k];
        }
        add(p, rnd() % 10 < 7 ? ILO_ITEM_PROVISION : ILO_ITEM_INCIDENT, crit);
    }
}

static void exact_search_matches_brute_force(void **state)
{
    (void)state;
    rng_state = 0x1105c0de2024ULL;
    static mem_profile p;
    size_t found = 0, unreachable = 0, met = 0;
    for (int round = 0; round < 400; round++) {
        random_profile(&p, 4 + rnd() % 9);
        ilo_profile v = view(&p);
        ilo_target *t0 = target(&v, YEAR, 1000, NULL);
        int64_t before = ilo_round2(t0->score_before);
        ilo_target_free(t0);
        /* Mostly a goal below the score; one round in eight the score itself (met already). */
        int64_t goal = rnd() % 8 == 0 ? before : (int64_t)(rnd() % (uint64_t)(before + 1));
        ilo_target *t = target(&v, YEAR, goal, NULL);
        brute b = brute_force(&p, goal);
        if (b.size < 0) {
            assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
            assert_true(ilo_round2(t->score_floor) > goal);
            unreachable++;
        } else if (b.size == 0) {
            assert_int_equal(t->outcome, ILO_TARGET_MET);
            assert_int_equal(t->n_repeal, 0);
            met++;
        } else {
            assert_int_equal(t->outcome, ILO_TARGET_FOUND);
            assert_int_equal(t->n_repeal, (size_t)b.size);
            assert_int_equal(mask_of(t), b.best);
            assert_int_equal(t->raw_after_hundredths, b.raw_after);
            assert_true(ilo_round2(t->score_after) <= goal);
            assert_true(t->n_relevant <= t->n_provisions);
            found++;
        }
        ilo_target_free(t);
    }
    /* The seed exercises every outcome. */
    print_message("found %zu, unreachable %zu, met %zu\n", found, unreachable, met);
    assert_true(found > 100);
    assert_true(unreachable > 10);
    assert_true(met > 5);
}

/* Two single repeals meet the goal; the one that lowers the score more wins, although it comes
 * later in the profile. */
static void ties_go_to_the_larger_improvement(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-b", NULL}); /* 1.78 */
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL}); /* 1.93 */
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"prac-a", NULL});
    ilo_profile v = view(&p);
    /* raw 5.66 -> 0.60; goal 0.41 needs raw <= 3.94: either repeal reaches it. */
    ilo_target *t = target(&v, YEAR, 41, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 1);
    assert_int_equal(t->repeal[0], 1);
    assert_int_equal(t->raw_after_hundredths, 178 + 195);
    ilo_target_free(t);
}

/* Equal improvements: the lexicographically smallest item indices win. */
static void equal_improvements_go_to_the_first_provisions(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-c", NULL});   /* 1.66 */
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"prac-b", NULL});  /* 1.80 */
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"gp-prac", NULL}); /* 1.80 */
    ilo_profile v = view(&p);
    /* raw 5.26 -> 0.55; goal 0.37 needs raw <= 3.56: only a 1.80 repeal reaches it. */
    ilo_target *t = target(&v, YEAR, 37, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 1);
    assert_int_equal(t->repeal[0], 1);
    ilo_target_free(t);
}

/* A criterion coded by two provisions goes only with both: neither is a sole coder, yet both
 * matter. */
static void shared_criteria_need_every_coder(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", "prac-a", NULL});
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"prac-a", NULL});
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"prac-a", NULL}); /* irrelevant: an incident codes it */
    ilo_profile v = view(&p);
    ilo_target *t = target(&v, YEAR, 21, NULL); /* raw 3.88 -> 0.41; 0.21 needs law-a gone */
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 2);
    assert_int_equal(t->repeal[0], 0);
    assert_int_equal(t->repeal[1], 1);
    assert_int_equal(t->n_provisions, 3);
    assert_int_equal(t->n_relevant, 2);
    ilo_target_free(t);
}

static void practice_alone_keeps_the_score_above_the_target(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"prac-a", NULL});
    ilo_profile v = view(&p);
    ilo_target *t = target(&v, YEAR, 10, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
    assert_int_equal(t->why, ILO_TARGET_WHY_PRACTICE);
    assert_int_equal(ilo_round2(t->score_floor), 21); /* 1.95 -> 0.205 -> 0.21 */
    assert_int_equal(t->n_subsets, 0);               /* the full set was scored first */
    ilo_target_free(t);
}

static void all_encompassing_practice_keeps_the_maximum(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"gp-law", NULL});
    ilo_profile v = view(&p);
    ilo_target *t = target(&v, YEAR, 999, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
    assert_int_equal(t->why, ILO_TARGET_WHY_FORCED);
    ilo_target_free(t);
    t = target(&v, YEAR, 1000, NULL); /* 10 is met already */
    assert_int_equal(t->outcome, ILO_TARGET_MET);
    ilo_target_free(t);
    /* A general prohibition in law: repealing it lifts the worst score. */
    p.n = 0;
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    add(&p, ILO_ITEM_PROVISION, (const char *const[]){"gp-law", NULL});
    v = view(&p);
    t = target(&v, YEAR, 999, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 1);
    assert_int_equal(t->repeal[0], 1);
    ilo_target_free(t);
}

/* The fixture country XSC, whose ratings use bands 1 (0), 2 (0.5), 3 (1.0), 4 (1.5), 5 (2.5). */
static void fixture_country_by_score_and_rating(void **state)
{
    (void)state;
    ilo_profile b = ilo_profile_baseline(M, XSC);
    /* 2019: raw 10.71 -> 1.13, rating 3. Rating 2 needs raw <= 9.45: repeal xsc-reg (1.93). */
    ilo_target *t = target(&b, 2019, 0, "2");
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->goal_hundredths, 99);
    assert_int_equal(t->n_repeal, 1);
    assert_string_equal(b.items[t->repeal[0]].id, "xsc-reg");
    assert_int_equal(t->raw_after_hundredths, 1071 - 193);
    assert_string_equal(M->methods[ALL].bands[t->band_after].rating, "2");
    ilo_target_free(t);
    /* 0.50 needs raw <= 4.79: every provision (incidents keep 3.75). */
    t = target(&b, 2019, 50, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 4);
    assert_int_equal(t->raw_after_hundredths, 180 + 195);
    ilo_target_free(t);
    t = target(&b, 2019, 30, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
    assert_int_equal(t->why, ILO_TARGET_WHY_PRACTICE);
    ilo_target_free(t);
    /* 2014 is marked as a breakdown: rating 5+ whatever the law. */
    t = target(&b, 2014, 0, "1");
    assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
    assert_int_equal(t->why, ILO_TARGET_WHY_BREAKDOWN);
    ilo_target_free(t);
    t = target(&b, 2014, 0, "5+");
    assert_int_equal(t->outcome, ILO_TARGET_MET);
    ilo_target_free(t);
}

static void unknown_rating_and_negative_score_are_errors(void **state)
{
    (void)state;
    ilo_profile b = ilo_profile_baseline(M, XSC);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_target *t = (ilo_target *)1;
    assert_int_equal(ilo_target_new(M, &b, ALL, 2019, 0, "7", &t, ctx), ILO_ERR_NOTFOUND);
    assert_null(t);
    assert_int_equal(ilo_target_new(M, &b, ALL, 2019, -1, NULL, &t, ctx), ILO_ERR_INVALID);
    ilo_ctx_free(ctx);
}

/* 24 provisions that all code one criterion, which the goal needs gone: only the full set works,
 * and every smaller size has to be scored to know it (the worst case, 2^24 subsets). */
static void twenty_four_provisions_worst_case(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    for (int i = 0; i < 24; i++) add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"prac-a", NULL});
    ilo_profile v = view(&p);
    ilo_target *t = target(&v, YEAR, 21, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_FOUND);
    assert_int_equal(t->n_repeal, 24);
    assert_int_equal(t->n_relevant, 24);
    assert_int_equal(t->n_subsets, ((uint64_t)1 << 24) - 1);
    ilo_target_free(t);
}

/* More than 64 provisions that could change the score: a limit error, said plainly. */
static void more_than_64_relevant_provisions_is_a_limit_error(void **state)
{
    (void)state;
    static mem_profile p;
    p.n = 0;
    for (int i = 0; i < 65; i++) add(&p, ILO_ITEM_PROVISION, (const char *const[]){"law-a", NULL});
    ilo_profile v = view(&p);
    ilo_ctx *ctx = ilo_ctx_new();
    ilo_target *t = NULL;
    assert_int_equal(ilo_target_new(M, &v, ALL, YEAR, 0, NULL, &t, ctx), ILO_ERR_LIMIT);
    assert_null(t);
    assert_non_null(strstr(ilo_ctx_error(ctx, 0)->msg, "at most 64"));
    ilo_ctx_free(ctx);
    /* The same 65 behind an incident coding law-a: none can matter, so no limit. */
    add(&p, ILO_ITEM_INCIDENT, (const char *const[]){"law-a", NULL});
    v = view(&p);
    t = target(&v, YEAR, 0, NULL);
    assert_int_equal(t->outcome, ILO_TARGET_UNREACHABLE);
    assert_int_equal(t->n_provisions, 65);
    assert_int_equal(t->n_relevant, 0);
    ilo_target_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_search_matches_brute_force),
        cmocka_unit_test(ties_go_to_the_larger_improvement),
        cmocka_unit_test(equal_improvements_go_to_the_first_provisions),
        cmocka_unit_test(shared_criteria_need_every_coder),
        cmocka_unit_test(practice_alone_keeps_the_score_above_the_target),
        cmocka_unit_test(all_encompassing_practice_keeps_the_maximum),
        cmocka_unit_test(fixture_country_by_score_and_rating),
        cmocka_unit_test(unknown_rating_and_negative_score_are_errors),
        cmocka_unit_test(twenty_four_provisions_worst_case),
        cmocka_unit_test(more_than_64_relevant_provisions_is_a_limit_error),
    };
    return cmocka_run_group_tests_name("target", tests, setup, teardown);
}
