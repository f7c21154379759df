/*
 * norm_paths.c - the norm stage with its fast paths gives, record for
 * record, what it gives with every line sent through lp_normalize()
 * (struct lp_normcfg.slow_only): text, map, language, flags, counts.
 *
 * Input: random documents in UTF-8 and in the single-byte pages, made of
 * lines that mix what the fast paths must take (ASCII, Russian and Kazakh
 * letters, no-break spaces and em dashes, long runs that cross the 256
 * bytes the language guess reads) with what they must refuse (lookalikes
 * mixing scripts, soft hyphens, marks, NUL, bytes a page leaves unmapped,
 * invalid UTF-8, a hyphen at the end with --join-hyphens), in NFC, NFKC
 * and with --join-hyphens, read with several buffer sizes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "norm.h"
#include "record.h"
#include "tap.h"

static void c_doc(void *ctx, const char *doc, const char *enc) { lp_rec_doc(ctx, doc, enc); }
static void c_line(void *ctx, const struct lp_line *l) { lp_rec_line(ctx, l); }
static void c_end(void *ctx, const struct lp_docstats *st) { lp_rec_end(ctx, st); }

/* The records norm writes for data[0..n) read through a pipe. */
static void
records(const struct lp_normcfg *cfg, const char *data, size_t n, struct lp_buf *out)
{
	struct lp_norm *nz = lp_norm_new(cfg);
	struct lp_sink sink;
	struct lp_docstats st;
	FILE *f = tmpfile();

	memset(&sink, 0, sizeof sink);
	sink.ctx = out;
	sink.doc_begin = c_doc;
	sink.line = c_line;
	sink.doc_end = c_end;
	out->len = 0;
	if (!f || fwrite(data, 1, n, f) != n || fflush(f) || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "tmpfile failed\n");
		exit(2);
	}
	lp_norm_fd(nz, fileno(f), "doc", &sink, &st);
	fclose(f);
	lp_norm_free(nz);
}

static unsigned seed = 31337;

static unsigned
rnd(unsigned m)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % m;
}

/* UTF-8 pieces: mostly what the fast path takes */
static const char *const u8pieces[] = {
	"Статья", "закона", "Қазақстан", "Республикасының", "азаматтары", "құқылы", "the", "Law",
	"article", "44", " ", " ", " ", ". ", ", ", "\xc2\xa0", "\xe2\x80\x94", "\xe2\x80\x93",
	"\xc2\xab", "\xc2\xbb", "\xe2\x84\x96", "ё", "Ё", "і", "ү", "-", "\t", "\\",
	/* what it must refuse */
	"K", "а", "Сourt", "Kазахстан", "\xc2\xad", "\xcc\x81", "\xef\xac\x81", "\xd1\x9c", "\xc2\xa5",
	"\xe2\x80\x8b", "\xff", "\xd0", "\xe2\x80", "\x00", "\xf0\x9f\x98\x80", "\xe2\x80\x83", "\xe3\x80\x80",
};

static size_t
random_utf8(char *buf, size_t cap)
{
	size_t n = 0, lines = 1 + rnd(12), l;

	for (l = 0; l < lines; l++) {
		size_t len = rnd(4) == 0 ? 400 : rnd(120), start = n;
		int refuse = rnd(3) == 0; /* else only the first 28 pieces */
		if (rnd(4) == 0 && n + 400 < cap) {
			/* non-letters up to about where the language guess stops
			 * reading, then a letter just before or after that point */
			unsigned k = 80 + rnd(50);
			while (k--) {
				const char *f = rnd(2) ? "\xc2\xab" : "\xe2\x84\x96";
				memcpy(buf + n, f, strlen(f));
				n += strlen(f);
			}
			buf[n++] = 'a';
			buf[n++] = '\n';
			continue;
		}
		while (n - start < len && n + 16 < cap) {
			const char *p = u8pieces[rnd(refuse ? sizeof u8pieces / sizeof u8pieces[0] : 28)];
			size_t pl = p[0] ? strlen(p) : 1;
			memcpy(buf + n, p, pl);
			n += pl;
		}
		if (rnd(5) == 0 && n + 2 < cap)
			buf[n++] = '-';
		if (n + 2 < cap) {
			const char *eol = rnd(4) == 0 ? "\r\n" : "\n";
			memcpy(buf + n, eol, strlen(eol));
			n += strlen(eol);
		}
	}
	return n;
}

static size_t
random_8bit(char *buf, size_t cap)
{
	size_t n = 0, lines = 1 + rnd(12), l;

	for (l = 0; l < lines; l++) {
		size_t len = rnd(4) == 0 ? 300 : rnd(100), i;
		int refuse = rnd(3) == 0;
		if (rnd(4) == 0 && n + 200 < cap) {
			/* non-letters of two or three UTF-8 bytes up to about
			 * where the language guess stops reading, then a letter
			 * just before or just after that point */
			unsigned k = 80 + rnd(50), fill = 0xab + rnd(3);
			while (k--)
				buf[n++] = (char)fill;
			buf[n++] = "aZ\xe0\xcd"[rnd(4)];
			buf[n++] = '\n';
			continue;
		}
		for (i = 0; i < len && n + 2 < cap; i++) {
			unsigned r = rnd(10), b;
			if (r < 5)
				b = 0xc0 + rnd(64);               /* letters of most Cyrillic pages */
			else if (r < 7)
				b = rnd(3) ? ' ' : "aZkK-.,4"[rnd(8)];
			else if (r < 9)
				b = 0x80 + rnd(64);               /* the page's odd corner */
			else
				b = refuse ? rnd(256) : 'o';
			if (b == '\n' || b == '\r')
				b = ' ';
			buf[n++] = (char)b;
		}
		if (rnd(5) == 0)
			buf[n++] = '-';
		buf[n++] = '\n';
	}
	return n;
}

int
main(int argc, char **argv)
{
	static const char *const encs[] = { "UTF-8", "CP1251", "KOI8-R", "PT154", "RK1048", "CP866", "ISO-8859-5" };
	static const size_t bufsizes[] = { 0, 1, 7, 64 };
	struct lp_buf fast = { 0 }, slow = { 0 };
	char data[8192], name[160], detail[512];
	size_t e;

	(void)argc;
	(void)argv;
	for (e = 0; e < sizeof encs / sizeof encs[0]; e++) {
		long t, wrong = 0, docs = 0;
		detail[0] = '\0';
		for (t = 0; t < 1500; t++) {
			struct lp_normcfg cfg;
			size_t n = e == 0 ? random_utf8(data, sizeof data) : random_8bit(data, sizeof data);

			memset(&cfg, 0, sizeof cfg);
			cfg.from = encs[e];
			cfg.bufsize = bufsizes[t % 4];
			cfg.opt.nfkc = t % 3 == 1;
			cfg.opt.join_hyphens = t % 3 == 2;
			cfg.line_max = t % 7 == 0 ? 100 : 0;
			records(&cfg, data, n, &fast);
			cfg.slow_only = 1;
			records(&cfg, data, n, &slow);
			docs++;
			if ((fast.len != slow.len || memcmp(fast.p, slow.p, fast.len)) && !wrong++) {
				size_t k = 0;
				while (k < fast.len && k < slow.len && fast.p[k] == slow.p[k])
					k++;
				snprintf(detail, sizeof detail, "document %ld: records differ at byte %zu: fast '%.60s' slow '%.60s'",
				         t, k, fast.p + (k > 20 ? k - 20 : 0), slow.p + (k > 20 ? k - 20 : 0));
			}
		}
		snprintf(name, sizeof name, "%s: the fast paths write the records the slow path writes (%ld random documents)",
		         encs[e], docs);
		check_detail(wrong == 0, name, detail);
	}
	lp_buf_free(&fast);
	lp_buf_free(&slow);
	return fails != 0;
}
