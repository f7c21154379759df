/*
 * fuzz_rules.c - the pattern and vocabulary file loaders: lp_rules_load on
 * a directory of files, then the set's engine (its load function, through
 * lp_tagger_new), then every example the files carry (lp_tagger_check).
 *
 * Input: byte 0 picks the set's name, and so its engine (refs, restrict,
 * penalty, or a user's set that the plain regex engine drives); the rest is
 * the set's files, each starting at a line "==> NAME <==" (as head(1)
 * prints them; the first file is a.pat when no such line starts the input).
 * Names are cut to letters, digits, '.', '_' and '-'.
 *
 * Checked: no crash, leak or sanitizer report, whatever the files hold.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "rules.h"
#include "tagger.h"
#include "util.h"

static const char *const setnames[] = { "refs", "restrict", "penalty", "mine" };

static char root[64];

static void
clear_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
}

/* The temporary tree goes when the process ends. */
static void
remove_root(void)
{
	char dir[128];
	size_t i;

	for (i = 0; i < sizeof setnames / sizeof setnames[0]; i++) {
		snprintf(dir, sizeof dir, "%s/%s", root, setnames[i]);
		clear_dir(dir);
		rmdir(dir);
	}
	rmdir(root);
}

static void
write_file(const char *dir, const char *name, size_t nlen, const uint8_t *p, size_t n)
{
	char path[256 + 64], clean[48];
	size_t i, k = 0;
	FILE *fp;

	for (i = 0; i < nlen && k < 40; i++) {
		char c = name[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-' || (c == '.' && k > 0))
			clean[k++] = c;
	}
	if (k == 0)
		clean[k++] = 'x';
	clean[k] = '\0';
	snprintf(path, sizeof path, "%s/%s", dir, clean);
	if (!(fp = fopen(path, "ab")))
		fz_fail("cannot write %s", path);
	if (n)
		fwrite(p, 1, n, fp);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *set;
	char dir[128];
	struct lp_tagger *t;
	const char *name = "a.pat";
	size_t nlen = 5, i = 0, body = 0;
	char *sets[1];

	fz_quiet();
	if (!root[0]) {
		snprintf(root, sizeof root, "%s/lexpipe-fuzz-XXXXXX",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		if (!mkdtemp(root))
			fz_fail("mkdtemp");
		atexit(remove_root);
	}
	set = setnames[fz_byte(&data, &size) % 4];
	snprintf(dir, sizeof dir, "%s/%s", root, set);
	mkdir(dir, 0700);
	clear_dir(dir);
	/* split at "==> NAME <==" lines */
	while (i <= size) {
		const uint8_t *nl = i < size ? memchr(data + i, '\n', size - i) : NULL;
		size_t end = nl ? (size_t)(nl - data) : size;

		if (end - i >= 8 && !memcmp(data + i, "==> ", 4) && !memcmp(data + end - 4, " <==", 4)) {
			if (i > body || body > 0)
				write_file(dir, name, nlen, data + body, i - body);
			name = (const char *)data + i + 4;
			nlen = end - i - 8;
			body = nl ? end + 1 : size;
		}
		if (!nl)
			break;
		i = end + 1;
	}
	write_file(dir, name, nlen, data + body, size > body ? size - body : 0);

	lp_status = 0;
	sets[0] = (char *)set;
	t = lp_tagger_new(root, sets, 1, NULL);
	if (t) {
		lp_tagger_check(t, 0);
		lp_tagger_free(t);
	}
	return 0;
}
