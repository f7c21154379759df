/*
 * norm_scan.c - lp_normalize_scan() reads thirty-two bytes a step (AVX2,
 * where the processor has it), lp_normalize_scan_sse2() sixteen, and
 * lp_normalize_scan_ref() a character at a time; all must give the same
 * answer on every line, and a line either passes (1) must
 * come out of the slow path, lp_normalize(), as it went in.
 *
 * The lines: long random mixes of the characters where it could go wrong
 * -- ASCII and Cyrillic letters side by side (Kazakh lookalikes: a Latin
 * K in a Cyrillic word), the Cyrillic letters the block test refuses (Ѕ Ј
 * Ћ Ќ ѕ ј ћ ќ, the signs and marks U+0482..U+0489), Kazakh letters, ё,
 * combining marks, NUL, tab, CR, LF, BOM, no-break space, em dash, invalid
 * bytes, overlong and cut sequences, 4-byte characters -- at every offset,
 * up to lines of 20000 bytes; and every byte pair after a lead byte C2..DF
 * at each position of a block, among Latin and among Cyrillic letters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tap.h"

static unsigned seed = 20261125;

static unsigned
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Does the slow path give s back unchanged, one identity segment, nothing repaired? */
static int
slow_keeps(const struct lp_normopt *opt, const char *s, size_t n)
{
	uint32_t *cp = malloc((n + 1) * sizeof *cp);
	uint8_t *ol = malloc(n + 1);
	size_t k = 0, i = 0;
	struct lp_buf text = { 0 };
	struct lp_map map = { 0 };
	struct lp_normstats st = { 0 };
	int same;

	while (i < n) {
		int l;
		cp[k] = lp_u8dec(s + i, n - i, &l);
		ol[k++] = (uint8_t)l;
		i += (size_t)l;
	}
	lp_normalize(opt, cp, ol, k, &text, &map, &st);
	same = text.len == n && (n == 0 || !memcmp(text.p, s, n)) && st.repairs == 0 && map.nseg <= 1 &&
	       (map.nseg == 0 || (map.seg[0].n == n && map.seg[0].o == n));
	lp_buf_free(&text);
	lp_map_free(&map);
	free(cp);
	free(ol);
	return same;
}

/* Pieces lines are made of, as bytes (some are not UTF-8 on purpose). */
static const char *const piece[] = {
	"a", "e", "o", "p", "c", "x", "K", "M", "H", "T", "B", "z", "Q", " ", " ", " ", ".", ",", "-", "1", "9",
	"\t", "\\", "\r", "\n", "", "\x01", "\x7f",
	"а", "е", "о", "р", "с", "х", "К", "М", "Н", "Т", "В", "я", "А", "Я", "п", "ё", "Ё", "й", "Й",
	"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "І", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ",
	"Ѕ", "Ј", "Ћ", "Ќ", "ѕ", "ј", "ћ", "ќ", "Ѐ", "Џ", "ѐ", "џ", "Ѡ", "ѿ", "Ҁ", "ҁ",
	"\xd2\x82", "\xd2\x83", "\xd2\x84", "\xd2\x87", "\xd2\x88", "\xd2\x89", "Ҋ", "ӿ", "Ӏ",
	"\xcc\x81", "\xcc\x88", "\xef\xbb\xbf", "\xc2\xa0", "\xe2\x80\x94", "\xe2\x80\x93", "«", "»", "№",
	"é", "ß", "ǅ", "\xc2\xad", "\xe2\x80\x8b", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
	"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xd0", "\xd1", "\xd3", "\xd0\xc0", "\xe0\x80\x80", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "\xff", "\xfe",
	"Kазахстан", "Казахстaн", "Сourt", "Қазақстан Республикасы", "Republic of Kazakhstan",
	"Статья 12. Право на мирные собрания", "44-бап", "сондай-ақ",
};

/* The plain pieces only, so that long lines pass often enough. */
static const char *const plainpiece[] = {
	"a", "e", "o", "K", "M", "Q", " ", " ", ".", ",", "-", "1", "\t",
	"а", "е", "о", "К", "я", "Я", "ё", "й", "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "І", "Ә", "Ұ",
	"Ѐ", "Џ", "Ѡ", "ӿ", "\xd2\x88", "«", "»", "№", "é", "\xc2\xa0", "\xe2\x80\x94",
	"Қазақстан Республикасы", "Republic of Kazakhstan", "Статья 12. Право на мирные собрания",
};

#define NPIECE (sizeof piece / sizeof piece[0])
#define NPLAIN (sizeof plainpiece / sizeof plainpiece[0])

static size_t
make_line(char *s, size_t want, int mostly_plain)
{
	size_t n = 0;

	while (n < want) {
		const char *p = mostly_plain && rnd() % 200 ? plainpiece[rnd() % NPLAIN] : piece[rnd() % NPIECE];
		size_t l = strlen(p);
		if (!*p && !mostly_plain)
			l = 1; /* the "" piece: a NUL byte */
		if (n + l > want)
			break;
		memcpy(s + n, p, l);
		n += l;
	}
	return n;
}

static void
random_lines(int nfkc, int join)
{
	struct lp_normopt opt = { 0, 0 };
	static char buf[20100];
	char name[160], detail[256] = "";
	long t, differ = 0, unkept = 0, pass = 0, sep = 0;

	opt.nfkc = nfkc;
	opt.join_hyphens = join;
	for (t = 0; t < 60000; t++) {
		size_t off = rnd() % 16, want = t % 97 == 0 ? 20000 : rnd() % 300, n;
		char *s = buf + off;
		int a, b, c;

		n = make_line(s, want, (int)(t & 1));
		a = lp_normalize_scan(&opt, s, n);
		b = lp_normalize_scan_ref(&opt, s, n);
		c = lp_normalize_scan_sse2(&opt, s, n);
		if ((a != b || c != b) && !differ++)
			snprintf(detail, sizeof detail, "a line of %zu bytes at offset %zu: scan %d, SSE2 %d, reference %d", n, off, a,
			         c, b);
		pass += a == 1;
		sep += a == 2;
		/* a mark of combining class 0 (U+0488, U+0489 here) is inside
		 * a word for script repair: "ә\u0488M" must not pass */
		if (a == 1 && !slow_keeps(&opt, s, n) && !unkept++)
			snprintf(detail, sizeof detail, "a line of %zu bytes passes the scan but the slow path changes it: %.*s", n, (int)n, s);
	}
	snprintf(name, sizeof name, "%s%s: the block scan answers as the reference on 60000 random lines (%ld plain, %ld with separators)",
	         nfkc ? "NFKC" : "NFC", join ? " --join-hyphens" : "", pass, sep);
	check_detail(differ == 0 && pass > 1000 && sep > 300, name, detail);
	snprintf(name, sizeof name, "%s%s: the lines it passes come out of the slow path unchanged", nfkc ? "NFKC" : "NFC",
	         join ? " --join-hyphens" : "");
	check_detail(unkept == 0, name, detail);
}

/* Every lead byte C2..DF with every second byte, at each position of the
 * first 35 bytes (two blocks of either width), between Latin letters and between Cyrillic ones, and a
 * Latin or Cyrillic letter on either side. */
static void
every_pair(int nfkc)
{
	static const char *const ctx[] = { "a", "я", " ", "K" };
	struct lp_normopt opt = { 0, 0 };
	char s[96], name[128], detail[256] = "";
	unsigned lead, d, pos, c1, c2;
	long differ = 0, tried = 0;

	opt.nfkc = nfkc;
	for (lead = 0xc2; lead <= 0xdf; lead++)
		for (d = 0; d < 256; d++)
			for (pos = 0; pos < 35; pos++)
				for (c1 = 0; c1 < 4; c1++)
					for (c2 = 0; c2 < 4; c2 += 3) {
						size_t n = 0, k;
						int a, b, c;
						for (k = 0; n < pos; k++) {
							const char *p = ctx[(c1 + (k % 2) * (c2 == 3)) % 4];
							if (n + strlen(p) > pos)
								p = " ";
							memcpy(s + n, p, strlen(p));
							n += strlen(p);
						}
						s[n++] = (char)lead;
						s[n++] = (char)d;
						while (n < 72) {
							const char *p = ctx[(c1 + c2) % 4];
							memcpy(s + n, p, strlen(p));
							n += strlen(p);
						}
						a = lp_normalize_scan(&opt, s, n);
						b = lp_normalize_scan_ref(&opt, s, n);
						c = lp_normalize_scan_sse2(&opt, s, n);
						tried++;
						if ((a != b || c != b) && !differ++)
							snprintf(detail, sizeof detail, "%02X %02X at %u: scan %d, SSE2 %d, reference %d", lead,
							         d, pos, a, c, b);
					}
	snprintf(name, sizeof name, "%s: every 2-byte pair at every place of a block (%ld lines) as the reference",
	         nfkc ? "NFKC" : "NFC", tried);
	check_detail(differ == 0, name, detail);
}

int
main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	random_lines(0, 0);
	random_lines(1, 0);
	random_lines(0, 1);
	every_pair(0);
	every_pair(1);
	{
		/* the cases by name, long enough for blocks */
		struct lp_normopt opt = { 0, 0 };
		static const struct {
			const char *s;
			int want;
		} cases[] = {
			{ "Республика Kазахстан, Республика Казахстан, Республика", 0 },
			{ "Republic of Kazakhstan and the Republic of Kazakhstаn too", 0 },
			{ "Қазақстан Республикасының азаматтары бейбіт түрде жиналуға құқылы.", 1 },
			{ "Граждане Республики Казахстан имеют право собираться мирно", 1 },
			{ "Граждане Республики Казахстан имеют\xc2\xa0право собираться мирно", 2 },
			{ "Граждане Республики Казахстан имеют Ѕ право собираться мирно", 0 },
			{ "Граждане Республики Казахстан имеют \xd2\x83 право собираться мирно", 0 },
			{ "Граждане Республики Казахстан имеют\0право собираться мирно", 0 },
			{ "The applicant concluded that the organisers of a peaceful assembly", 1 },
			{ "The applicant concluded that the organisers of a peaceful \xd0", 0 },
			{ "The applicant concluded that the organisers \xd0\x41 peaceful", 0 },
		};
		size_t i;
		int bad = 0;
		char detail[200] = "";
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			size_t n = strlen(cases[i].s);
			if (i == 7) /* the NUL inside */
				n += 1 + strlen(cases[i].s + n + 1);
			int a = lp_normalize_scan(&opt, cases[i].s, n);
			if (a != cases[i].want && !bad++)
				snprintf(detail, sizeof detail, "case %zu: scan %d, want %d", i, a, cases[i].want);
		}
		check_detail(!bad, "named lines: lookalikes, marks, NUL, cut sequences are refused; plain text passes", detail);
	}
	return fails != 0;
}
