/*
 * fuzzutil.c - helpers for the harnesses (see fuzz.h).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "util.h"

void
fz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz invariant failed: ", stdout);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
	abort();
}

void
fz_quiet(void)
{
	static int done;
	FILE *null;

	if (done || getenv("FUZZ_VERBOSE"))
		return;
	done = 1;
	if ((null = fopen("/dev/null", "w")))
		stderr = null;
}

int
fz_file(const uint8_t *data, size_t n)
{
	static int fd = -1;
	size_t off = 0;

	if (fd < 0) {
		fd = memfd_create("fuzz-input", 0);
		if (fd < 0) {
			FILE *fp = tmpfile();
			if (!fp || (fd = dup(fileno(fp))) < 0)
				fz_fail("no temporary file");
			fclose(fp);
		}
	}
	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0)
		fz_fail("cannot reset the temporary file");
	while (off < n) {
		ssize_t w = write(fd, data + off, n - off);
		if (w <= 0)
			fz_fail("cannot write the temporary file");
		off += (size_t)w;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

unsigned
fz_byte(const uint8_t **data, size_t *size)
{
	unsigned b;

	if (*size == 0)
		return 0;
	b = **data;
	(*data)++;
	(*size)--;
	return b;
}

size_t
fz_lines(const uint8_t *d, size_t n, size_t from, int unit16, struct fz_span **out)
{
	size_t i = from, start = from, cnt = 0, cap = 0, u = unit16 ? 2 : 1;
	struct fz_span *v = NULL;

	while (i + u <= n) {
		unsigned c = unit16 == 2 ? d[i + 1] : d[i];
		unsigned z = unit16 == 0 ? 0 : unit16 == 1 ? d[i + 1] : d[i];
		size_t t = 0;

		if (z == 0 && c == '\n')
			t = u;
		else if (z == 0 && c == '\r') {
			t = u;
			if (i + 2 * u <= n) {
				unsigned c2 = unit16 == 2 ? d[i + u + 1] : d[i + u];
				unsigned z2 = unit16 == 0 ? 0 : unit16 == 1 ? d[i + u + 1] : d[i + u];
				if (z2 == 0 && c2 == '\n')
					t = 2 * u;
			}
		}
		if (!t) {
			i += u;
			continue;
		}
		if (cnt == cap) {
			cap = cap ? cap * 2 : 64;
			v = lp_xrealloc(v, cap * sizeof *v);
		}
		v[cnt++] = (struct fz_span){ start, i };
		i += t;
		start = i;
	}
	if (start < n) {
		if (cnt == cap)
			v = lp_xrealloc(v, (cap + 1) * sizeof *v);
		v[cnt++] = (struct fz_span){ start, n };
	}
	*out = v;
	return cnt;
}
