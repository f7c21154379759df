/*
 * util.c - messages, exit status, checked allocation, growable buffers,
 * checked output, and the few UTF-8 helpers every stage needs.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char lp_digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

const char *lp_argv0 = "lexpipe";
static int out_written; /* lp_out wrote something */
_Atomic int lp_status; /* written by the threads of `run -j` */

static void
vmsg(const char *fmt, va_list ap)
{
	int saved = errno;
	char msg[2048];
	size_t n = 0;
	int r;

	/* one write for the whole message, so messages from the threads of
	 * `run -j` (and from other processes on the same stderr) never mix */
	r = snprintf(msg, sizeof msg, "%s: ", lp_argv0);
	n = r > 0 ? (size_t)r : 0;
	r = vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	n += r > 0 ? (size_t)r : 0;
	if (n < sizeof msg && fmt[0] && fmt[strlen(fmt) - 1] == ':') {
		r = snprintf(msg + n, sizeof msg - n, " %s", strerror(saved));
		n += r > 0 ? (size_t)r : 0;
	}
	if (n > sizeof msg - 2)
		n = sizeof msg - 2; /* a very long message is cut */
	msg[n++] = '\n';
	fwrite(msg, 1, n, stderr);
}

void
lp_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(2);
}

void
lp_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	lp_status = 2;
}

void
lp_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void *
lp_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		lp_die("out of memory");
	return p;
}

void *
lp_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		lp_die("out of memory");
	return p;
}

char *
lp_xstrndup(const char *s, size_t n)
{
	char *p = lp_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
lp_xstrdup(const char *s)
{
	return lp_xstrndup(s, strlen(s));
}

void
lp_buf_reserve(struct lp_buf *b, size_t extra)
{
	if (b->len + extra <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra)
		cap *= 2;
	b->p = lp_xrealloc(b->p, cap);
	b->cap = cap;
}

void
lp_buf_add(struct lp_buf *b, const void *p, size_t n)
{
	lp_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
lp_buf_addc(struct lp_buf *b, char c)
{
	lp_buf_reserve(b, 1);
	b->p[b->len++] = c;
}

void
lp_buf_free(struct lp_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
lp_out(const void *p, size_t n)
{
	/* A failed write sets ferror(stdout); lp_out_check and lp_fshut report it. */
	if (n) {
		fwrite(p, 1, n, stdout);
		out_written = 1;
	}
}

/* glibc's own buffer for a file is 4 KiB, and setvbuf's size is ignored
 * without a buffer: `run` wrote 20 MB of rows in 7,255 calls, now 29.
 * Not for norm, whose records go out 64 KiB at a time: stdio passes those
 * straight through a small buffer and would copy them into a large one. */
void
lp_out_buffered(void)
{
	static char buf[1 << 20];

	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
}

/* -o FILE: the temporary file beside FILE, while it is not renamed. */
static char out_tmp[4096];
static char *out_final;
static volatile sig_atomic_t out_pending;

static void
out_discard(void)
{
	if (out_pending) {
		unlink(out_tmp);
		out_pending = 0;
	}
	free(out_final);
	out_final = NULL;
}

/* SIGINT, SIGTERM, SIGHUP: no half-written FILE is left, then the signal's
 * own end (the shell sees the signal).  unlink is async-signal-safe. */
static void
out_signal(int sig)
{
	if (out_pending)
		unlink(out_tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
lp_out_open(const char *path)
{
	const char *slash = strrchr(path, '/');
	int fd, n;
	mode_t mask;
	struct sigaction sa;

	if (!strcmp(path, "-"))
		return;
	if (!*path || (slash && !slash[1]))
		lp_die("-o '%s': not a file name", path);
	if (slash)
		n = snprintf(out_tmp, sizeof out_tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		n = snprintf(out_tmp, sizeof out_tmp, ".%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof out_tmp)
		lp_die("%s: file name too long", path);
	if ((fd = mkstemp(out_tmp)) < 0)
		lp_die("%s: cannot create a temporary file beside it:", path);
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask); /* as if the shell had created FILE */
	out_final = lp_xstrdup(path);
	out_pending = 1;
	atexit(out_discard); /* lp_die, a write error, running out of memory */
	for (n = 0; n < 3; n++) {
		static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
		struct sigaction old;

		/* a signal ignored from the start (SIGINT in a background job,
		 * SIGHUP under nohup) stays ignored */
		if (sigaction(sigs[n], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = out_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[n], &sa, NULL);
	}
	fflush(stdout);
	if (dup2(fd, STDOUT_FILENO) < 0)
		lp_die("%s:", out_tmp);
	close(fd);
}

void
lp_out_check(void)
{
	if (ferror(stdout))
		lp_die("write error:");
}

void
lp_fshut(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno == EPIPE)
			exit(lp_status); /* the reader went away: end quietly */
		lp_die("write error:");
	}
	if (out_pending && fsync(STDOUT_FILENO) < 0)
		lp_die("write error:");
	if (fclose(stdout) == EOF && errno != EPIPE)
		lp_die("write error:");
	if (out_pending) {
		/* nothing written and a failure (patterns that do not load, no
		 * input that could be read): the old FILE is worth more */
		if (lp_status && !out_written) {
			out_discard();
			return;
		}
		if (rename(out_tmp, out_final) < 0)
			lp_die("%s: cannot rename %s to it:", out_final, out_tmp);
		out_pending = 0;
		free(out_final);
		out_final = NULL;
	}
}

int
lp_u8len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 1;
}

int
lp_u8enc(uint32_t cp, char *d)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xc0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xe0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		d[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	d[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

uint32_t
lp_u8dec(const char *s, size_t n, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	int l = lp_u8len(u[0]);
	uint32_t cp;

	if ((size_t)l > n)
		l = 1;
	switch (l) {
	case 1: cp = u[0]; break;
	case 2: cp = ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f); break;
	case 3: cp = ((uint32_t)(u[0] & 0x0f) << 12) | ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f); break;
	default: cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3f) << 12) | ((uint32_t)(u[2] & 0x3f) << 6) | (u[3] & 0x3f); break;
	}
	*len = l;
	return cp;
}

size_t
lp_u8valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned char c = u[i];
		int l, k;

		if (c < 0x80) {
			i++;
			continue;
		}
		l = lp_u8len(c);
		if (l == 1 || (size_t)l > n - i)
			return i;
		for (k = 1; k < l; k++)
			if ((u[i + k] & 0xc0) != 0x80)
				return i;
		/* the second byte's range rules out overlongs, surrogates and > U+10FFFF */
		if ((c == 0xe0 && u[i + 1] < 0xa0) || (c == 0xed && u[i + 1] > 0x9f) ||
		    (c == 0xf0 && u[i + 1] < 0x90) || (c == 0xf4 && u[i + 1] > 0x8f))
			return i;
		i += (size_t)l;
	}
	return n;
}

size_t
lp_u8_col_off(const char *s, size_t n, long col)
{
	size_t i = 0;

	while (i < n && col > 1) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		col--;
	}
	return i;
}
