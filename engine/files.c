/*
 * files.c: reading the files of a data tree: listing a folder's *.cfg files in byte order,
 * reading each whole (open, fstat, read), a prescan of the raw bytes for what libconfig would
 * misread, and the two-thread pipeline that parses with libconfig (doc.c) beside the caller's
 * work. load.c says what each file means; this file only gets its bytes parsed, in order.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define ILO_STR_(x) #x
#define ILO_STR(x) ILO_STR_(x)

/* Records in e what is wrong with the file being read (its path is the caller's to add): a
 * file's reading and parsing errors wait there until the file's turn to be built, so that they
 * reach ilo_ctx in file order whichever thread found them. */
static void file_error(ilo_error *e, ilo_status code, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void file_error(ilo_error *e, ilo_status code, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->code = code;
    e->line = line;
}

/* Deepest nesting of { ( [ a data file may use; the schema needs four levels. */
#define MAX_DEPTH 64

/* Looks at the raw bytes for what libconfig would misread or must not see, and reports the first
 * problem as a parse error with its line: a NUL byte (libconfig stops reading there, or cuts the
 * string it is in, so the rest would be silently lost), "\x00" in a string (libconfig drops it
 * without a word), @include (it reads another file, whose errors would carry this file's name and
 * which escapes the size limit), nesting deeper than MAX_DEPTH (libconfig's parser gives up with
 * "memory exhausted") and an integer without the L suffix beyond 32 bits (libconfig 1.5 wraps it
 * without a word: 4294967308 reads as 12). Names, comments and strings are skipped as libconfig
 * skips them. b[n] must be a NUL (slurp() puts one there). */
static bool prescan(ilo_error *e, const char *b, size_t n)
{
    enum { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT } st = CODE;
    int line = 1, depth = 0;
    const char *what = NULL;
    char msg[160];
    for (size_t i = 0; i < n && !what; i++) {
        /* Inside a string or a line comment only a few bytes matter: skip the others at once
         * (strcspn also stops at a NUL, embedded or the one slurp() puts at b[n]). This scan
         * took 45 ms of a 1x benchmark load byte by byte, about 20 ms with the skip. */
        if (st == STRING || st == LINE_COMMENT) {
            i += strcspn(b + i, st == STRING ? "\"\\\n" : "\n");
            if (i >= n) break;
        }
        /* Between tokens, the bytes the switch below ignores (blanks and separators, most of the
         * bytes outside strings) are skipped in a tight loop rather than one switch each. */
        if (st == CODE) {
            while (b[i] == ' ' || b[i] == '\t' || b[i] == ';' || b[i] == '=' || b[i] == ',') i++;
            if (i >= n) break;
        }
        char c = b[i];
        if (c == '\0') {
            what = "file contains a NUL byte (binary data?)";
            break;
        }
        switch (st) {
        case CODE:
            if (c == '"') st = STRING;
            else if (c == '#') st = LINE_COMMENT;
            else if (c == '/' && i + 1 < n && b[i + 1] == '/') st = LINE_COMMENT;
            else if (c == '/' && i + 1 < n && b[i + 1] == '*') st = BLOCK_COMMENT, i++;
            else if (c == '@' && n - i >= 8 && memcmp(b + i, "@include", 8) == 0)
                what = "@include is not allowed: each data file must stand alone";
            else if ((c == '{' || c == '(' || c == '[') && ++depth > MAX_DEPTH)
                what = "nesting deeper than " ILO_STR(MAX_DEPTH) " levels";
            else if (c == '}' || c == ')' || c == ']') depth--;
            else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*') {
                /* A setting name (or true/false): its digits are no number. */
                while (i + 1 < n && ((b[i + 1] >= 'A' && b[i + 1] <= 'Z') || (b[i + 1] >= 'a' && b[i + 1] <= 'z') ||
                                     (b[i + 1] >= '0' && b[i + 1] <= '9') || b[i + 1] == '_' || b[i + 1] == '*' ||
                                     b[i + 1] == '-'))
                    i++;
            } else if (c >= '0' && c <= '9' && !(i > 0 && (b[i - 1] == '.' || (b[i - 1] >= '0' && b[i - 1] <= '9')))) {
                /* The start of a number (digits after a '.' are a fraction: skipped one by one). */
                bool hex = c == '0' && i + 2 < n && (b[i + 1] == 'x' || b[i + 1] == 'X');
                bool neg = i > 0 && b[i - 1] == '-';
                unsigned long long v = 0, max = hex ? 0x7FFFFFFFull : neg ? 2147483648ull : 2147483647ull;
                size_t j = hex ? i + 2 : i;
                for (;; j++) {
                    char d = j < n ? b[j] : 0;
                    int x = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                          : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
                    if (x < 0) break;
                    if (v <= max) v = v * (hex ? 16 : 10) + (unsigned)x;
                }
                bool real = !hex && j < n && (b[j] == '.' || b[j] == 'e' || b[j] == 'E');
                if (real) {
                    while (j < n && ((b[j] >= '0' && b[j] <= '9') || b[j] == '.' || b[j] == 'e' || b[j] == 'E' ||
                                     ((b[j] == '-' || b[j] == '+') && (b[j - 1] == 'e' || b[j - 1] == 'E'))))
                        j++;
                } else if (v > max && !(j < n && b[j] == 'L')) {
                    int len = (int)(j - i) + neg;
                    snprintf(msg, sizeof msg, "integer %.*s%s does not fit in 32 bits (libconfig would change its "
                             "value; write it with an L suffix for 64 bits)", len > 40 ? 40 : len, b + i - neg,
                             len > 40 ? "..." : "");
                    what = msg;
                }
                i = j - 1;
            }
            break;
        case STRING:
            if (c == '"') st = CODE;
            else if (c == '\\' && i + 3 < n && b[i + 1] == 'x' && b[i + 2] == '0' && b[i + 3] == '0')
                what = "\"\\x00\" (a NUL character) is not allowed in a string";
            else if (c == '\\' && i + 1 < n && b[i + 1] != '\n' && b[i + 1] != '\0') i++;
            break;
        case LINE_COMMENT:
            if (c == '\n') st = CODE;
            break;
        case BLOCK_COMMENT:
            if (c == '*' && i + 1 < n && b[i + 1] == '/') st = CODE, i++;
            break;
        }
        if (c == '\n') line++;
    }
    if (what) file_error(e, ILO_ERR_PARSE, line, "%s", what);
    return what == NULL;
}

/* Reads the whole of a regular file of at most ILO_MAX_FILE_BYTES into *buf (of *cap bytes,
 * grown as needed and reused from file to file), NUL-terminated; false after recording why not
 * in e. One open(), one fstat() and plain read()s: no stdio buffer, and no stat() of its own. */
static bool slurp(ilo_error *e, const char *path, char **buf, size_t *cap, size_t *len)
{
    struct stat st;
    bool ok = false;
    /* O_NONBLOCK: opening a FIFO would otherwise wait for a writer; fstat() then refuses it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0) {
        file_error(e, ILO_ERR_IO, 0, "cannot read: %s", strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        file_error(e, ILO_ERR_IO, 0, "cannot read: %s", S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
        goto out;
    }
    if (st.st_size > ILO_MAX_FILE_BYTES) {
        file_error(e, ILO_ERR_LIMIT, 0, "file is larger than %ld bytes", ILO_MAX_FILE_BYTES);
        goto out;
    }
    if ((size_t)st.st_size + 2 > *cap) {
        free(*buf);
        *cap = (size_t)st.st_size + 2;
        if (!(*buf = malloc(*cap))) {
            *cap = 0;
            file_error(e, ILO_ERR_NOMEM, 0, "out of memory");
            goto out;
        }
    }
    /* One byte more than fstat said: a file that grew meanwhile is caught, not cut. */
    size_t want = (size_t)st.st_size + 1, got = 0;
    while (got < want) {
        ssize_t r = read(fd, *buf + got, want - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            file_error(e, ILO_ERR_IO, 0, "cannot read: %s", strerror(errno));
            goto out;
        }
        if (r == 0) break;
        got += (size_t)r;
    }
    if (got > (size_t)st.st_size) {
        file_error(e, ILO_ERR_IO, 0, "cannot read: the file changed while it was read");
        goto out;
    }
    (*buf)[got] = '\0';
    *len = got;
    ok = true;
out:
    if (fd >= 0) close(fd);
    return ok;
}

/* Appends a job; takes path (freed here when it cannot be kept). False when out of memory. */
bool ilo_files_add(ilo_file_list *J, char *path, ilo_file_fn fn, int dir_errno)
{
    if (!path || !ilo_grow((void **)&J->v, &J->cap, J->n, sizeof *J->v)) {
        free(path);
        return false;
    }
    J->v[J->n++] = (ilo_file_job){path, fn, dir_errno};
    return true;
}

void ilo_files_free(ilo_file_list *J)
{
    for (size_t i = 0; J && i < J->n; i++) free(J->v[i].path);
    if (J) free(J->v);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

bool ilo_files_list_dir(ilo_file_list *J, const char *top, const char *sub, bool required, ilo_file_fn fn)
{
    char dir[4096];
    if (strcmp(top, ".") == 0) snprintf(dir, sizeof dir, "%s", sub);
    else snprintf(dir, sizeof dir, "%s/%s", top, sub);
    DIR *d = opendir(dir);
    if (!d) return !(required || errno != ENOENT) || ilo_files_add(J, strdup(dir), NULL, errno);
    char **names = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0 || e->d_name[0] == '.') continue;
        char *copy = strdup(e->d_name);
        if (!copy || !ilo_grow((void **)&names, &cap, n, sizeof *names)) {
            free(copy);
            ok = false;
            break;
        }
        names[n++] = copy;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = ok ? malloc(len) : NULL;
        if (path) snprintf(path, len, "%s/%s", dir, names[i]);
        if (ok) ok = ilo_files_add(J, path, fn, 0);
        free(names[i]);
    }
    free(names);
    return ok;
}

/*
 * Files go through two threads, so that libconfig's parse, most of the time loading takes, runs
 * beside the rest of the loader instead of before it:
 *
 *   main thread:    read and prescan the next files | wait for file i | build its records
 *   parser thread:  parse file i with libconfig, flatten it into a doc (doc.c), destroy the tree
 *
 * Each file in flight has a slot (N_SLOTS, used in turn). The main thread reads a file into its
 * slot and marks it S_TEXT; the parser thread parses and flattens it and marks it S_PARSED; the
 * main thread builds from the doc. The threads share no libconfig tree (the main thread reads
 * only the doc's few contiguous blocks; reading the tree itself from the other core was slower
 * than not using the thread at all) and no allocator state of the model. Records are built in
 * file order by one thread, so the model, the ids' indices and the errors are the same as if
 * everything ran in one thread: the errors of reading and parsing wait in the slot for the
 * file's turn. When the thread cannot be started, the main thread parses each file itself.
 */
typedef struct file_slot {
    size_t job;        /* the file the slot holds */
    enum { S_TEXT, S_PARSED } stage;
    bool parse;        /* the text was read and prescanned: parse it */
    char *text;        /* the file's text; reused, owned by the slot */
    size_t cap, len;
    ilo_doc doc;       /* the file flattened (doc.c); valid when stage is S_PARSED */
    ilo_error e;       /* e.code ILO_OK: no error yet */
} file_slot;

/* Slots of files in flight. More than two lets the parser thread run ahead of the main thread,
 * and lets a slot's memory leave the main thread's cache before the parser thread writes to it
 * again. */
#define N_SLOTS 4

typedef struct pipeline {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    file_slot s[N_SLOTS];
    size_t n_jobs;
    bool stop; /* the main thread gave up (out of memory): the parser thread returns */
} pipeline;

/* Parses slot s's text into its doc. */
static void parse_slot(file_slot *s)
{
    if (s->parse) ilo_doc_parse(&s->doc, s->text, s->len, &s->e);
}

static void *parser_thread(void *arg)
{
    pipeline *p = arg;
    for (size_t i = 0; i < p->n_jobs; i++) {
        file_slot *s = &p->s[i % N_SLOTS];
        pthread_mutex_lock(&p->mu);
        while (!p->stop && !(s->job == i && s->stage == S_TEXT)) pthread_cond_wait(&p->cv, &p->mu);
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop) break;
        parse_slot(s);
        pthread_mutex_lock(&p->mu);
        s->stage = S_PARSED;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

/* Reads and prescans job i into its slot, and hands the slot to the parser. */
static void read_job(pipeline *p, const ilo_file_job *jb, size_t i, bool threaded)
{
    file_slot *s = &p->s[i % N_SLOTS];
    s->e.code = ILO_OK;
    s->parse = jb->fn && slurp(&s->e, jb->path, &s->text, &s->cap, &s->len) && prescan(&s->e, s->text, s->len);
    if (threaded) pthread_mutex_lock(&p->mu);
    s->job = i;
    s->stage = S_TEXT;
    if (threaded) {
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
}

void ilo_files_run(const ilo_file_list *J, ilo_file_build build, void *arg)
{
    pipeline p = {.n_jobs = J->n};
    for (int k = 0; k < N_SLOTS; k++) p.s[k].job = SIZE_MAX;
    pthread_t thread;
    bool threaded = J->n > 1 && pthread_mutex_init(&p.mu, NULL) == 0;
    if (threaded && pthread_cond_init(&p.cv, NULL) != 0) {
        pthread_mutex_destroy(&p.mu);
        threaded = false;
    }
    if (threaded && pthread_create(&thread, NULL, parser_thread, &p) != 0) {
        pthread_cond_destroy(&p.cv);
        pthread_mutex_destroy(&p.mu);
        threaded = false;
    }
    size_t next = 0; /* the next job to read */
    bool go = true;
    for (size_t i = 0; i < J->n && go; i++) {
        /* Files are read ahead into the free slots, while the parser thread works. */
        for (; next < J->n && next < i + N_SLOTS; next++) read_job(&p, &J->v[next], next, threaded);
        file_slot *s = &p.s[i % N_SLOTS];
        if (threaded) {
            pthread_mutex_lock(&p.mu);
            while (s->stage != S_PARSED || s->job != i) pthread_cond_wait(&p.cv, &p.mu);
            pthread_mutex_unlock(&p.mu);
        } else {
            parse_slot(s);
        }
        if (s->e.code == ILO_OK && J->v[i].fn) ilo_doc_settle(&s->doc);
        go = build(arg, &J->v[i], s->e.code == ILO_OK ? &s->doc : NULL, &s->e);
    }
    if (threaded) {
        pthread_mutex_lock(&p.mu);
        p.stop = true;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        pthread_join(thread, NULL);
        pthread_cond_destroy(&p.cv);
        pthread_mutex_destroy(&p.mu);
    }
    for (int k = 0; k < N_SLOTS; k++) {
        ilo_doc_free(&p.s[k].doc);
        free(p.s[k].text);
    }
}
