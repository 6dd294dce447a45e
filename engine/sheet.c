/*
 * sheet.c: reads a coding sheet, a CSV with the columns country,year,criterion[,sources], so that
 * analysts can score criteria coded outside this engine (for instance to replicate a published
 * SDG 8.8.2 coding).
 *
 * The file is read as RFC 4180 says: fields may be quoted ("a ""b""", with commas and line breaks
 * inside), records end with CRLF or LF, and a UTF-8 byte-order mark at the start is skipped. A
 * first record whose first field is "country" is a header; one whose first fields are "" and
 * "country" is the header R's write.csv() writes with row names, whose first column is then
 * dropped from every record. A criterion is named by id, by "sdg:N", or by its bare SDG number
 * "N" (the ILO's own way of writing a coding). A NUL byte, bytes that are not UTF-8, a record
 * over SHEET_MAX_RECORD bytes and a file over ILO_MAX_SHEET_BYTES are errors with their line.
 *
 * The reader makes one pass over the bytes (a state machine over a read buffer) and finds a
 * country-year's row through a hash table: work is linear in the size of the sheet.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define SHEET_MAX_RECORD 65536
#define SHEET_FIELDS 4

void ilo_sheet_free(ilo_sheet *s)
{
    if (!s) return;
    free(s->rows);
    free(s);
}

/* ---- rows by country-year ---- */

typedef struct row_index {
    uint32_t *slot; /* row index + 1; 0: free */
    size_t cap, rows_cap;
} row_index;

static uint64_t row_hash(const char *country, int year)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)year;
    for (const unsigned char *p = (const unsigned char *)country; *p; p++) h = (h ^ *p) * 1099511628211ull;
    return h ^ (h >> 29);
}

static bool index_grow(row_index *x, const ilo_sheet *sh)
{
    size_t cap = x->cap ? 2 * x->cap : 1024;
    uint32_t *slot = calloc(cap, sizeof *slot);
    if (!slot) return false;
    for (size_t i = 0; i < sh->n_rows; i++) {
        size_t j = row_hash(sh->rows[i].country, sh->rows[i].year) & (cap - 1);
        while (slot[j]) j = (j + 1) & (cap - 1);
        slot[j] = (uint32_t)i + 1;
    }
    free(x->slot);
    x->slot = slot;
    x->cap = cap;
    return true;
}

/* The row of country-year, added if new; NULL when out of memory or past UINT32_MAX rows. */
static ilo_sheet_row *row_for(ilo_sheet *sh, row_index *x, const char *country, int year)
{
    /* Rows of one country-year are usually adjacent: the last row first. */
    if (sh->n_rows) {
        ilo_sheet_row *last = &sh->rows[sh->n_rows - 1];
        if (last->year == year && strcmp(last->country, country) == 0) return last;
    }
    if (2 * (sh->n_rows + 1) > x->cap && !index_grow(x, sh)) return NULL;
    size_t j = row_hash(country, year) & (x->cap - 1);
    for (; x->slot[j]; j = (j + 1) & (x->cap - 1)) {
        ilo_sheet_row *r = &sh->rows[x->slot[j] - 1];
        if (r->year == year && strcmp(r->country, country) == 0) return r;
    }
    if (sh->n_rows >= UINT32_MAX - 1 || !ilo_grow((void **)&sh->rows, &x->rows_cap, sh->n_rows, sizeof *sh->rows))
        return NULL;
    ilo_sheet_row *r = &sh->rows[sh->n_rows++];
    memset(r, 0, sizeof *r);
    snprintf(r->country, sizeof r->country, "%s", country);
    r->year = year;
    x->slot[j] = (uint32_t)sh->n_rows;
    return r;
}

/* ---- records ---- */

typedef struct reader {
    const ilo_model *m;
    ilo_sheet *sh;
    row_index index;
    const char *path;
    ilo_ctx *ctx;
    int line;         /* the line being read */
    int first_line;   /* the line the record began on */
    size_t records;   /* records seen, blank ones excepted */
    int skip;         /* leading columns to drop: 1 after R's row-name header */
    char *rec;        /* the record's fields, each NUL-terminated, side by side */
    size_t len;
    size_t field[SHEET_FIELDS + 2];
    int n_fields;     /* fields begun, up to SHEET_FIELDS + 2 (one more means "too many") */
    bool fatal;       /* stop reading: binary data, a limit, out of memory */
} reader;

static void fail(reader *r, ilo_status code, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void fail(reader *r, ilo_status code, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ilo_ctx_set(r->ctx, code, r->path, line, "%s", msg);
}

static size_t criterion_of(const ilo_model *m, const char *s)
{
    size_t k = ilo_model_find_criterion(m, s);
    if (k != SIZE_MAX) return k;
    const char *num = strncmp(s, "sdg:", 4) == 0 ? s + 4 : s;
    size_t digits = strspn(num, "0123456789");
    if (digits == 0 || digits > 6 || num[digits] || num[0] == '0') return SIZE_MAX;
    return ilo_model_find_criterion_sdg(m, atoi(num));
}

static bool is_header(const char *const *f, int n)
{
    return n >= 1 && (strcmp(f[0], "country") == 0 || (n >= 2 && !f[0][0] && strcmp(f[1], "country") == 0));
}

/* The header: country,year,criterion[,sources], after R's empty row-name column if present. */
static void header(reader *r, const char *const *f, int n)
{
    r->skip = f[0][0] ? 0 : 1;
    f += r->skip;
    n -= r->skip;
    static const char *const want[] = {"country", "year", "criterion", "sources"};
    bool ok = n >= 3 && n <= SHEET_FIELDS;
    for (int i = 0; ok && i < n; i++) ok = strcmp(f[i], want[i]) == 0;
    if (!ok) fail(r, ILO_ERR_PARSE, r->first_line, "the header must be country,year,criterion[,sources]");
}

static void data_record(reader *r, const char *const *f, int n)
{
    int line = r->first_line;
    if (n > SHEET_FIELDS) {
        fail(r, ILO_ERR_PARSE, line, "more than %d fields (country,year,criterion[,sources])", SHEET_FIELDS);
        return;
    }
    if (n < 3) {
        fail(r, ILO_ERR_PARSE, line, "expected 3 or 4 fields (country,year,criterion[,sources]), found %d", n);
        return;
    }
    size_t digits = strspn(f[1], "0123456789");
    long year = digits == 4 && !f[1][4] ? strtol(f[1], NULL, 10) : 0;
    if (year < ILO_YEAR_MIN || year > ILO_YEAR_MAX) {
        fail(r, ILO_ERR_INVALID, line, "bad year \"%s\"", f[1]);
        return;
    }
    size_t len = strlen(f[0]);
    if (!len || len > ILO_MAX_ID ||
        strspn(f[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") != len) {
        fail(r, ILO_ERR_INVALID, line, "bad country \"%s\"", f[0]);
        return;
    }
    size_t k = criterion_of(r->m, f[2]);
    if (k == SIZE_MAX) {
        fail(r, ILO_ERR_INVALID, line, "unknown criterion \"%s\"", f[2]);
        return;
    }
    ilo_sheet_row *row = row_for(r->sh, &r->index, f[0], (int)year);
    if (!row) {
        fail(r, ILO_ERR_NOMEM, line, "out of memory");
        r->fatal = true;
        return;
    }
    ilo_bitset_set(&row->coded, k);
}

/* A record is complete: checks its text, then reads it as the header or as data. */
static void end_record(reader *r)
{
    int n = r->n_fields;
    r->n_fields = 0;
    r->len = 0;
    if (n == 1 && r->rec[r->field[0]] == '\0') return; /* a blank line */
    const char *f[SHEET_FIELDS + 2];
    for (int i = 0; i < n; i++) {
        f[i] = r->rec + r->field[i];
        if (!ilo_utf8_valid(f[i], strlen(f[i]))) {
            fail(r, ILO_ERR_PARSE, r->first_line, "not valid UTF-8");
            return;
        }
    }
    if (r->records++ == 0 && is_header(f, n)) {
        header(r, f, n);
        return;
    }
    if (r->skip && n > 0) data_record(r, f + 1, n - 1);
    else data_record(r, f, n);
}

static bool put(reader *r, char c)
{
    if (r->len + 1 >= SHEET_MAX_RECORD) {
        fail(r, ILO_ERR_LIMIT, r->first_line, "record longer than %d bytes", SHEET_MAX_RECORD - 2);
        r->fatal = true;
        return false;
    }
    r->rec[r->len++] = c;
    return true;
}

/* Ends the current field (a NUL in the record buffer) and, unless the record already has too
 * many, begins the next one. */
static bool next_field(reader *r)
{
    if (!put(r, '\0')) return false;
    if (r->n_fields < SHEET_FIELDS + 2) r->field[r->n_fields++] = r->len;
    return true;
}

enum state { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CR };

/* Feeds n bytes to the state machine. */
static enum state feed(reader *r, enum state s, const char *buf, size_t n)
{
    for (size_t i = 0; i < n && !r->fatal; i++) {
        char c = buf[i];
        if (c == '\0') {
            fail(r, ILO_ERR_PARSE, r->line, "NUL byte (not a text file?)");
            r->fatal = true;
            break;
        }
        if (s == FIELD_START && r->n_fields == 0) {
            r->first_line = r->line;
            r->field[r->n_fields++] = 0;
        }
        if (s == AFTER_CR && c != '\n') {
            fail(r, ILO_ERR_PARSE, r->line, "carriage return without a line feed");
            r->fatal = true;
            break;
        }
        switch (s) {
        case AFTER_CR: /* CRLF */
        case FIELD_START:
        case UNQUOTED:
        case QUOTE_IN_QUOTED:
            if (c == '\n') {
                if (put(r, '\0')) end_record(r);
                r->line++;
                s = FIELD_START;
            } else if (c == '\r') {
                s = AFTER_CR;
            } else if (c == ',') {
                next_field(r);
                s = FIELD_START;
            } else if (c == '"' && s == FIELD_START) {
                s = QUOTED;
            } else if (c == '"' && s == QUOTE_IN_QUOTED) {
                put(r, '"');
                s = QUOTED;
            } else if (s == QUOTE_IN_QUOTED || c == '"') {
                fail(r, ILO_ERR_PARSE, r->line, "malformed CSV quoting");
                r->fatal = true;
            } else {
                put(r, c);
                s = UNQUOTED;
            }
            break;
        case QUOTED:
            if (c == '"') s = QUOTE_IN_QUOTED;
            else put(r, c);
            if (c == '\n') r->line++;
            break;
        }
    }
    return s;
}

ilo_status ilo_sheet_read(const ilo_model *m, const char *path, ilo_sheet **out, ilo_ctx *ctx)
{
    *out = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) return ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "cannot read: %s", strerror(errno));
    size_t before = ilo_ctx_count(ctx), total = 0;
    reader r = {m, calloc(1, sizeof(ilo_sheet)), {0}, path, ctx, 1, 1, 0, 0, malloc(SHEET_MAX_RECORD), 0, {0}, 0, false};
    char *buf = malloc(1 << 16);
    enum state s = FIELD_START;
    if (!r.sh || !r.rec || !buf) {
        ilo_ctx_set(ctx, ILO_ERR_NOMEM, path, 0, "out of memory");
        goto out;
    }
    for (bool first = true; !r.fatal;) {
        ssize_t n = read(fd, buf, 1 << 16);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ilo_ctx_set(ctx, ILO_ERR_IO, path, 0, "read error: %s", strerror(errno));
            break;
        }
        if (n == 0) break;
        total += (size_t)n;
        if (total > (size_t)ILO_MAX_SHEET_BYTES) {
            ilo_ctx_set(ctx, ILO_ERR_LIMIT, path, 0, "larger than the limit of %ld bytes", (long)ILO_MAX_SHEET_BYTES);
            break;
        }
        size_t skip = first && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* Excel's BOM */
        first = false;
        s = feed(&r, s, buf + skip, (size_t)n - skip);
    }
    if (ilo_ctx_count(ctx) == before && s == QUOTED)
        ilo_ctx_set(ctx, ILO_ERR_PARSE, path, r.first_line, "quoted field not closed at the end of the file");
    else if (ilo_ctx_count(ctx) == before && s == AFTER_CR)
        ilo_ctx_set(ctx, ILO_ERR_PARSE, path, r.line, "carriage return without a line feed");
    else if (!r.fatal && r.n_fields && put(&r, '\0'))
        end_record(&r); /* the last record has no line break */
out:
    close(fd);
    free(buf);
    free(r.rec);
    free(r.index.slot);
    if (ilo_ctx_count(ctx) > before) {
        ilo_sheet_free(r.sh);
        return ilo_ctx_status(ctx);
    }
    *out = r.sh;
    return ILO_OK;
}
