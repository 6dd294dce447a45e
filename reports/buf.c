/* buf.c: the growable string buffer every renderer writes into, and its number printers. */
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

void rep_buf_init(rep_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

/* Makes room for n more bytes and the NUL; false (and the buffer marked failed) if it cannot. */
static bool reserve(rep_buf *b, size_t n)
{
    if (b->failed) return false;
    if (n > SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void rep_buf_put(rep_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rep_buf_puts(rep_buf *b, const char *s) { rep_buf_put(b, s ? s : "", s ? strlen(s) : 0); }

void rep_buf_putc(rep_buf *b, char c) { rep_buf_put(b, &c, 1); }

void rep_buf_pad(rep_buf *b, size_t n)
{
    if (!reserve(b, n)) return;
    memset(b->data + b->len, ' ', n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* The C locale, created once. A process-wide setlocale() never reaches our output because the
 * formatting thread switches to it for the duration of one vsnprintf (POSIX uselocale, as
 * libconfig does for its own output). */
static locale_t c_locale(void)
{
    static locale_t loc = (locale_t)0;
    if (!loc) loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return loc;
}

void rep_buf_vprintf(rep_buf *b, const char *fmt, va_list ap)
{
    locale_t loc = c_locale();
    locale_t old = loc ? uselocale(loc) : (locale_t)0;
    va_list again;
    va_copy(again, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof small) {
        rep_buf_put(b, small, (size_t)n);
    } else if (n >= 0 && reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    } else if (n < 0) {
        b->failed = true;
    }
    va_end(again);
    if (loc) uselocale(old);
}

void rep_buf_printf(rep_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rep_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* The digits of v (v >= 0) with `decimals` of them after a point. */
static void put_scaled(rep_buf *b, bool negative, uint64_t v, int decimals)
{
    char tmp[48];
    size_t i = sizeof tmp;
    int d = 0;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
        if (++d == decimals) tmp[--i] = '.';
    } while (v || d <= decimals);
    if (negative) tmp[--i] = '-';
    rep_buf_put(b, tmp + i, sizeof tmp - i);
}

void rep_buf_hundredths(rep_buf *b, int64_t c)
{
    uint64_t v = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c;
    put_scaled(b, c < 0, v, 2);
}

void rep_buf_fixed(rep_buf *b, double x, int decimals, const char *nan_text)
{
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    double scaled = x * pow(10.0, decimals);
    if (!isfinite(scaled) || fabs(scaled) >= 9e18) {
        rep_buf_puts(b, nan_text);
        return;
    }
    long long v = llround(scaled);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    put_scaled(b, v < 0, u, decimals);
}

bool rep_buf_ok(const rep_buf *b) { return !b->failed; }

char *rep_buf_detach(rep_buf *b, size_t *len)
{
    char *d = NULL;
    if (!b->failed) {
        if (!b->data) reserve(b, 0);
        if (b->data) b->data[b->len] = '\0';
        d = b->failed ? NULL : b->data;
        if (len) *len = d ? b->len : 0;
        if (d) b->data = NULL;
    } else if (len) {
        *len = 0;
    }
    rep_buf_free(b);
    return d;
}

void rep_buf_free(rep_buf *b)
{
    free(b->data);
    rep_buf_init(b);
}
