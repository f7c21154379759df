/*
 * progress.c - the progress line of `lexpipe run` (progress.h).
 *
 * The total is measured up front with stat and nftw (symbolic links not
 * followed, as the input walker does not); standard input has no size, so
 * with it the line shows no total and no time left.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

struct lp_progress {
	uint64_t total, done;
	long files, nfiles; /* nfiles < 0: not known (stdin) */
	double t0, last;
	int drawn;
};

static uint64_t walk_bytes;
static long walk_files;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
add_file(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)path;
	(void)ftw;
	if (type == FTW_F && S_ISREG(sb->st_mode)) {
		walk_bytes += (uint64_t)sb->st_size;
		walk_files++;
	}
	return 0;
}

struct lp_progress *
lp_progress_new(char **args, int nargs)
{
	struct lp_progress *p;
	int i;

	if (!isatty(2))
		return NULL;
	p = lp_xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	walk_bytes = 0;
	walk_files = 0;
	for (i = 0; i < nargs; i++) {
		struct stat sb;

		if (!strcmp(args[i], "-") || stat(args[i], &sb)) {
			p->nfiles = -1;
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			nftw(args[i], add_file, 16, FTW_PHYS);
		} else if (S_ISREG(sb.st_mode)) {
			walk_bytes += (uint64_t)sb.st_size;
			walk_files++;
		} else {
			p->nfiles = -1; /* a pipe or a device: no size */
		}
	}
	if (nargs == 0)
		p->nfiles = -1;
	if (p->nfiles == 0)
		p->nfiles = walk_files;
	p->total = walk_bytes;
	p->t0 = p->last = now();
	return p;
}

void
lp_progress_file(struct lp_progress *p, uint64_t bytes)
{
	double t, el, rate;
	char line[160], left[32] = "";
	int n;

	if (!p)
		return;
	p->files++;
	p->done += bytes;
	t = now();
	if (p->drawn && t - p->last < 0.2)
		return;
	p->last = t;
	p->drawn = 1;
	el = t - p->t0 > 1e-3 ? t - p->t0 : 1e-3;
	rate = (double)p->done / el;
	if (p->nfiles > 0 && p->total >= p->done && rate > 0) {
		long s = (long)((double)(p->total - p->done) / rate + 0.5);
		snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
	}
	if (p->nfiles > 0)
		n = snprintf(line, sizeof line, "\rlexpipe: %ld/%ld files, %.1f/%.1f MB, %.1f MB/s%s\033[K",
		             p->files, p->nfiles, (double)p->done / 1e6, (double)p->total / 1e6, rate / 1e6, left);
	else
		n = snprintf(line, sizeof line, "\rlexpipe: %ld files, %.1f MB, %.1f MB/s\033[K", p->files,
		             (double)p->done / 1e6, rate / 1e6);
	if (n > 0)
		fwrite(line, 1, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1, stderr);
}

void
lp_progress_end(struct lp_progress *p)
{
	if (!p)
		return;
	if (p->drawn)
		fputs("\r\033[K", stderr);
	free(p);
}
