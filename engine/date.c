/* date.c: ISO dates at day, month or year precision, as day numbers from 1970-01-01. */
#include <stdio.h>
#include <string.h>

#include "iloscore.h"

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
int32_t ilo_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

/* Howard Hinnant's civil_from_days, its inverse. */
void ilo_date_of_day(int32_t day, ilo_date *out)
{
    const int64_t z = (int64_t)day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    memset(out, 0, sizeof *out);
    out->first = out->last = day;
    out->year = (int16_t)y;
    out->prec = ILO_DATE_DAY;
    snprintf(out->text, sizeof out->text, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

static int days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dim[m - 1];
}

int32_t ilo_year_first_day(int year) { return ilo_days_from_civil(year, 1, 1); }
int32_t ilo_year_last_day(int year) { return ilo_days_from_civil(year, 12, 31); }

static bool digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool ilo_date_parse(const char *s, ilo_date *out)
{
    ilo_date d = {0};
    size_t n = strlen(s);
    int y = 0, m = 1, day = 1;
    if (n != 4 && n != 7 && n != 10) return false;
    if (!digits(s, 4, &y) || y < ILO_YEAR_MIN || y > ILO_YEAR_MAX) return false;
    if (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &m) || m < 1 || m > 12)) return false;
    if (n == 10 && (s[7] != '-' || !digits(s + 8, 2, &day) || day < 1 || day > days_in_month(y, m)))
        return false;
    d.prec = n == 4 ? ILO_DATE_YEAR : n == 7 ? ILO_DATE_MONTH : ILO_DATE_DAY;
    d.first = ilo_days_from_civil(y, m, day);
    if (d.prec == ILO_DATE_YEAR) d.last = ilo_year_last_day(y);
    else if (d.prec == ILO_DATE_MONTH) d.last = ilo_days_from_civil(y, m, days_in_month(y, m));
    else d.last = d.first;
    d.year = (int16_t)y;
    memcpy(d.text, s, n + 1);
    *out = d;
    return true;
}
