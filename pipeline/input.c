/*
 * input.c - open inputs and walk directories in a stable order, so a run
 * over a tree gives the same output on every machine.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "util.h"

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
one(const char *path, int walk, lp_file_fn fn, void *ctx, int depth)
{
	struct stat sb;
	int fd;

	if (!strcmp(path, "-")) {
		fn(ctx, "-", 0);
		return;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		lp_warn("%s:", path);
		return;
	}
	if (fstat(fd, &sb) < 0) {
		lp_warn("%s:", path);
		close(fd);
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		DIR *d;
		struct dirent *e;
		char **names = NULL;
		size_t n = 0, i;

		close(fd);
		if (!walk) {
			lp_warn("%s: is a directory (lexpipe run walks directories)", path);
			return;
		}
		if (depth > 64) {
			lp_warn("%s: directories nested too deep", path);
			return;
		}
		if (!(d = opendir(path))) {
			lp_warn("%s:", path);
			return;
		}
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue; /* hidden files and . and .. */
			names = lp_xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = lp_xstrdup(e->d_name);
		}
		closedir(d);
		if (n)
			qsort(names, n, sizeof *names, cmpstr);
		for (i = 0; i < n; i++) {
			size_t pl = strlen(path) + strlen(names[i]) + 2;
			char *p = lp_xmalloc(pl);
			int slash = path[strlen(path) - 1] == '/';

			snprintf(p, pl, slash ? "%s%s" : "%s/%s", path, names[i]);
			one(p, walk, fn, ctx, depth + 1);
			free(p);
			free(names[i]);
		}
		free(names);
		return;
	}
	fn(ctx, path, fd);
	close(fd);
}

void
lp_each_input(char **args, int nargs, int walk, lp_file_fn fn, void *ctx)
{
	int i;

	if (nargs == 0) {
		one("-", walk, fn, ctx, 0);
		return;
	}
	for (i = 0; i < nargs; i++)
		one(args[i], walk, fn, ctx, 0);
}
