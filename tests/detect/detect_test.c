/* detect_test.c: check lp_detect() against a generated test set.
 *
 * usage: detect_test [--print] PATH...
 *
 * Each PATH is a file or a directory searched recursively; a file's parent
 * directory names the encoding it was written in (tests/detect/gen.sh lays
 * files out as OUTDIR/<encoding>/<name>.txt), and "-bom" in its name means
 * it starts with a byte order mark that lp_detect must report.
 *
 * For every file the first 64 KiB go to lp_detect and one TAP line is
 * printed.  An answer counts as right if it is the expected name, or if it
 * decodes the whole file (with iconv, after its BOM) to exactly the same
 * text as the expected name: Russian text is the same bytes in CP1251,
 * RK1048 and PT154, and nothing downstream can tell them apart.  Both
 * counts are reported.  Built-in cases for edge inputs run first.
 * Exit status: 0 all right, 1 some wrong, 2 trouble.
 *
 * With --print, prints "file<TAB>encoding" and judges nothing (used by
 * tests/bench-detect.sh). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "detect.h"

enum { SAMPLE = 64 * 1024 };

static char **files;		/* owned; every path and the array */
static size_t nfiles, capfiles;

static void
die(const char *fmt, const char *arg)
{
	int e = errno;

	fputs("detect_test: ", stderr);
	fprintf(stderr, fmt, arg);
	if (fmt[0] && fmt[strlen(fmt) - 1] == ':')
		fprintf(stderr, " %s", strerror(e));
	fputc('\n', stderr);
	exit(2);
}

static void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		die("%s", "out of memory");
	return p;
}

static void
addfile(const char *path)
{
	if (nfiles == capfiles) {
		capfiles = capfiles ? 2 * capfiles : 256;
		files = xrealloc(files, capfiles * sizeof *files);
	}
	files[nfiles] = xrealloc(NULL, strlen(path) + 1);
	strcpy(files[nfiles++], path);
}

static void
walk(const char *path)
{
	struct stat st;
	struct dirent *d;
	DIR *dir;
	char *sub;

	if (stat(path, &st) < 0)
		die("stat %s:", path);
	if (!S_ISDIR(st.st_mode)) {
		addfile(path);
		return;
	}
	if (!(dir = opendir(path)))
		die("opendir %s:", path);
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		sub = xrealloc(NULL, strlen(path) + strlen(d->d_name) + 2);
		sprintf(sub, "%s/%s", path, d->d_name);
		walk(sub);
		free(sub);
	}
	closedir(dir);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read all of path into a new buffer; *len gets its size. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n;
	FILE *fp;

	if (!(fp = fopen(path, "rb")))
		die("open %s:", path);
	*len = 0;
	do {
		if (*len == cap)
			buf = xrealloc(buf, cap = cap ? 2 * cap : 65536);
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	if (ferror(fp))
		die("read %s:", path);
	fclose(fp);
	return buf;
}

/* Decode in[0..len) from enc to UTF-8 in a new buffer, or NULL if iconv
 * rejects the input or the name. */
static char *
decode(const char *enc, const unsigned char *in, size_t len, size_t *outlen)
{
	iconv_t cd;
	char *out, *ip = (char *)in, *op;
	size_t il = len, ol = 4 * len + 16;

	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return NULL;
	out = op = xrealloc(NULL, ol);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	*outlen = (size_t)(op - out);
	return out;
}

/* Does buf decode to the same text under (got, gbom) as under (want, wbom)? */
static int
same_text(const unsigned char *buf, size_t len, const char *got, size_t gbom,
    const char *want, size_t wbom)
{
	char *a, *b;
	size_t al = 0, bl = 0;
	int same;

	if (gbom > len || wbom > len)
		return 0;
	a = decode(got, buf + gbom, len - gbom, &al);
	b = decode(want, buf + wbom, len - wbom, &bl);
	same = a && b && al == bl && memcmp(a, b, al) == 0;
	free(a);
	free(b);
	return same;
}

static size_t ntests, nexact, nsame, nfail;

static void
judge(const char *name, const unsigned char *buf, size_t len,
    const char *want, size_t wbom)
{
	size_t bom;
	const char *got = lp_detect(buf, len < SAMPLE ? len : SAMPLE, &bom);

	ntests++;
	if (strcmp(got, want) == 0 && bom == wbom) {
		nexact++;
		printf("ok - %s\n", name);
	} else if (same_text(buf, len, got, bom, want, wbom)) {
		nsame++;
		printf("ok - %s # got %s, same text as %s\n", name, got, want);
	} else {
		nfail++;
		printf("not ok - %s (got %s bom %zu, want %s bom %zu)\n",
		    name, got, bom, want, wbom);
	}
}

/* Inputs too small or odd to be worth a generated file. */
static void
builtin(void)
{
	static const struct {
		const char *name, *bytes;
		size_t len;
		const char *want;
		size_t bom;
	} t[] = {
		{ "builtin empty", "", 0, "UTF-8", 0 },
		{ "builtin 1 ascii byte", "a", 1, "UTF-8", 0 },
		{ "builtin newline", "\n", 1, "UTF-8", 0 },
		{ "builtin spaces", "    ", 4, "UTF-8", 0 },
		{ "builtin utf-8 bom only", "\xEF\xBB\xBF", 3, "UTF-8", 3 },
		{ "builtin utf-8 bom cut", "\xEF\xBB", 2, "CP1251", 0 },
		{ "builtin utf-16le bom only", "\xFF\xFE", 2, "UTF-16LE", 2 },
		{ "builtin utf-16be bom only", "\xFE\xFF", 2, "UTF-16BE", 2 },
		{ "builtin utf-8 cut at end", "\xD0\xB4\xD0", 3, "UTF-8", 0 },
		{ "builtin cp1251 one letter", "\xE0", 1, "CP1251", 0 },
		{ "builtin cp1251 word", "\xF1\xF3\xE4", 3, "CP1251", 0 },
		{ "builtin koi8-r word", "\xD3\xD5\xC4", 3, "KOI8-R", 0 },
		{ "builtin utf-16le letter", "\x4F\x04", 2, "UTF-16LE", 0 },
		{ "builtin utf-16be letter", "\x04\x4F", 2, "UTF-16BE", 0 },
		{ "builtin utf-16le odd tail", "a\0b\0c", 5, "UTF-16LE", 0 },
		{ "builtin rk1048 kazakh", "\xF2\xE5\xED \xBC\xF0\xE5",
		    7, "RK1048", 0 },
		{ "builtin pt154 kazakh", "\xF2\xE5\xED \xBA\xF0\xE5",
		    7, "PT154", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		judge(t[i].name, (const unsigned char *)t[i].bytes, t[i].len,
		    t[i].want, t[i].bom);
}

/* Expected encoding: the name of the file's directory.  Fills want[]. */
static void
expected(const char *path, char *want, size_t size, size_t *bom)
{
	const char *end = strrchr(path, '/'), *start;
	size_t n;

	if (!end)
		die("%s: need OUTDIR/<encoding>/<file>", path);
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	n = (size_t)(end - start);
	if (n == 0 || n >= size)
		die("%s: need OUTDIR/<encoding>/<file>", path);
	memcpy(want, start, n);
	want[n] = '\0';
	*bom = 0;
	if (strstr(end, "-bom."))
		*bom = strcmp(want, "UTF-8") == 0 ? 3 : 2;
}

int
main(int argc, char *argv[])
{
	unsigned char *buf;
	size_t i, len, bom;
	int print = 0;
	char want[64];

	if (argc > 1 && strcmp(argv[1], "--print") == 0) {
		print = 1;
		argc--, argv++;
	}
	if (argc < 2) {
		fputs("usage: detect_test [--print] PATH...\n", stderr);
		return 2;
	}
	for (i = 1; i < (size_t)argc; i++)
		walk(argv[i]);
	qsort(files, nfiles, sizeof *files, cmpstr);
	if (!print)
		builtin();
	for (i = 0; i < nfiles; i++) {
		buf = slurp(files[i], &len);
		if (print) {
			printf("%s\t%s\n", files[i], lp_detect(buf,
			    len < SAMPLE ? len : SAMPLE, &bom));
		} else {
			expected(files[i], want, sizeof want, &bom);
			judge(files[i], buf, len, want, bom);
		}
		free(buf);
		free(files[i]);
	}
	free(files);
	if (!print) {
		printf("1..%zu\n", ntests);
		printf("# %zu exact name, %zu same decoded text, %zu wrong\n",
		    nexact, nsame, nfail);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		die("%s", "write error on stdout");
	return nfail ? 1 : 0;
}
