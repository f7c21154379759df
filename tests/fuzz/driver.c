/*
 * driver.c - replay files through a harness without libFuzzer, as
 * utf8proc's fuzz target does: any compiler, any sanitizer, no clang.
 *
 *   fuzz-NAME TOP        replay tests/fuzz/seeds/NAME and tests/fuzz/regress/NAME
 *   fuzz-NAME FILE|DIR.. replay these
 *
 * Prints "ok - ..." lines for tests/run.sh.  A failing input aborts (an
 * invariant, or a sanitizer): the last "replaying" line on stderr names it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#ifndef FZ_NAME
#define FZ_NAME "harness"
#endif

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, got;
	uint8_t chunk[65536];

	if (!fp) {
		perror(path);
		exit(2);
	}
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (n + got > cap) {
			cap = (n + got) * 2;
			buf = realloc(buf, cap);
			if (!buf)
				exit(2);
		}
		memcpy(buf + n, chunk, got);
		n += got;
	}
	fclose(fp);
	/* an exact-size copy, so a read past the end is caught */
	{
		uint8_t *exact = malloc(n ? n : 1);
		if (!exact)
			exit(2);
		if (n)
			memcpy(exact, buf, n);
		free(buf);
		dprintf(2, "replaying %s\n", path); /* fd 2: stderr may be quieted */
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	return 1;
}

static int
replay(const char *path)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int count = 0;

	if (stat(path, &sb) < 0)
		return 0; /* no such corpus: nothing to replay */
	if (!S_ISDIR(sb.st_mode))
		return replay_file(path);
	if (!(d = opendir(path)))
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README"))
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmpstr);
	for (i = 0; i < n; i++) {
		size_t pl = strlen(path) + strlen(names[i]) + 2;
		char *p = malloc(pl);
		snprintf(p, pl, "%s/%s", path, names[i]);
		count += replay(p);
		free(p);
		free(names[i]);
	}
	free(names);
	return count;
}

int
main(int argc, char **argv)
{
	int i;
	struct stat sb;

	char p[4096];

	snprintf(p, sizeof p, "%s/tests/fuzz", argc == 2 ? argv[1] : "");
	if (argc == 2 && !stat(p, &sb) && S_ISDIR(sb.st_mode)) {
		/* the repository: seeds and reproducers of this harness */
		int ns, nr;

		snprintf(p, sizeof p, "%s/tests/fuzz/seeds/%s", argv[1], FZ_NAME);
		ns = replay(p);
		snprintf(p, sizeof p, "%s/tests/fuzz/regress/%s", argv[1], FZ_NAME);
		nr = replay(p);
		if (ns == 0)
			printf("not ok - fuzz %s: no seeds in tests/fuzz/seeds/%s\n", FZ_NAME, FZ_NAME);
		else
			printf("ok - fuzz %s: %d seeds replayed\n", FZ_NAME, ns);
		printf("ok - fuzz %s: %d reproducers replayed\n", FZ_NAME, nr);
		return 0;
	}
	for (i = 1; i < argc; i++)
		replay(argv[i]);
	printf("ok - fuzz %s: replayed\n", FZ_NAME);
	return 0;
}
