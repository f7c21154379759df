/*
 * util.c - messages, exit status, checked allocation, growable buffers,
 * checked output, and the few UTF-8 helpers every stage needs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *lp_argv0 = "lexpipe";
int lp_status;

static void
vmsg(const char *fmt, va_list ap)
{
	int saved = errno;

	fprintf(stderr, "%s: ", lp_argv0);
	vfprintf(stderr, fmt, ap);
	if (fmt[0] && fmt[strlen(fmt) - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
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
	if (n)
		fwrite(p, 1, n, stdout);
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
	if (fclose(stdout) == EOF && errno != EPIPE)
		lp_die("write error:");
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
