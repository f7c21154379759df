/*
 * lang_test.c - lp_lang_line() reads words as keys of 6-bit symbols and
 * counts ASCII letters eight bytes at a time; this checks it against the
 * plain reading the README describes, written out the slow way here:
 * lowercase each word into bytes and compare it with every listed word
 * and ending in list order (lp_lang_entry), the first match deciding.
 * Random lines from letters of both alphabets (upper and lower case, ё,
 * Kazakh, Ukrainian, signs and marks of the Cyrillic block), hyphens,
 * listed words and endings, spaces, digits and 3-byte characters, longer
 * than the 256 bytes that are read, through one document context.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util.h"
#include "tap.h"

/* ---- the reference: bytes and strcmp ---- */

static unsigned
ref_lower(unsigned c)
{
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (c >= 0x460 && c <= 0x4bf && !(c & 1))
		return c + 1;
	if (c >= 0x4d0 && c <= 0x4ff && !(c & 1))
		return c + 1;
	return c;
}

static int
ref_is_letter(unsigned c)
{
	return c >= 0x400 && c <= 0x4ff && !(c >= 0x482 && c <= 0x489);
}

static int
ref_kazakh(unsigned c)
{
	c = ref_lower(c);
	return c == 0x4d9 || c == 0x493 || c == 0x49b || c == 0x4a3 || c == 0x4e9 || c == 0x4b1 ||
	       c == 0x4af || c == 0x4bb || c == 0x456;
}

/* 'k' or 'r' for a listed word, 'K' or 'R' for an ending, 0: the first
 * entry in list order spelt w[0..n) */
static char
ref_lookup(const char *w, size_t n)
{
	size_t i;
	const char *e;
	char lang;
	int ending;

	for (i = 0; (e = lp_lang_entry(i, &lang, &ending)) != NULL; i++)
		if (strlen(e) == n && !memcmp(e, w, n))
			return ending ? (char)(lang - 'a' + 'A') : lang;
	return 0;
}

static char
ref_vote(const char *w, size_t n, size_t letters)
{
	char v = ref_lookup(w, n);
	size_t k;

	if (v == 'k' || v == 'r')
		return v;
	if (letters < 5)
		return 0;
	for (k = 4; k >= 3; k--) {
		v = ref_lookup(w + n - 2 * k, 2 * k);
		if (v == 'K' || v == 'R')
			return v == 'K' ? 'k' : 'r';
	}
	return 0;
}

static const char *
ref_line(const char **prev, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	long lat = 0, cyr = 0, kk = 0, ru = 0;
	int words = 0;
	size_t i = 0;
	const char *lang;

	if (n > 256) {
		n = 256;
		while (n > 0 && (u[n] & 0xc0) == 0x80)
			n--;
	}
	while (i <= n) {
		/* one word: letters, and hyphens between letters */
		char w[64];
		size_t wn = 0, letters = 0, bytes = 0;
		int kaz = 0;

		for (;;) {
			int len;
			unsigned c = i + 1 < n && u[i] >= 0xd0 && u[i] <= 0xd3 ? lp_u8dec(s + i, n - i, &len) : 0;
			if (ref_is_letter(c)) {
				unsigned lc = ref_lower(c);
				kaz |= ref_kazakh(c);
				if (wn + 2 < sizeof w) {
					w[wn++] = (char)(0xc0 | (lc >> 6));
					w[wn++] = (char)(0x80 | (lc & 0x3f));
				}
				letters++;
				bytes += 2;
				i += 2;
				cyr++;
				continue;
			}
			if (letters && i + 2 < n && u[i] == '-' && u[i + 1] >= 0xd0 && u[i + 1] <= 0xd3 &&
			    ref_is_letter(lp_u8dec(s + i + 1, n - i - 1, &len))) {
				if (wn + 1 < sizeof w)
					w[wn++] = '-';
				bytes++;
				i++;
				continue;
			}
			break;
		}
		if (letters) {
			if (kaz)
				kk++;
			else if (kk + ru < 6 && words < 8 && bytes <= 32) {
				char v = ref_vote(w, wn, letters);
				kk += v == 'k';
				ru += v == 'r';
			}
			words++;
		}
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			lat += (u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z';
			i++;
		} else {
			i += u[i] >= 0xf0 ? 4 : u[i] >= 0xe0 ? 3 : 2;
		}
	}
	if (lat == 0 && cyr == 0)
		return *prev ? *prev : "und";
	if (lat > cyr)
		lang = "en";
	else if (kk != ru)
		lang = kk > ru ? "kk" : "ru";
	else if (*prev && strcmp(*prev, "en"))
		lang = *prev;
	else
		lang = "ru";
	*prev = lang;
	return lang;
}

/* ---- random lines ---- */

static unsigned seed = 2026;

static unsigned
rnd(unsigned m)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % m;
}

static const uint32_t letters[] = {
	0x430, 0x431, 0x435, 0x438, 0x439, 0x43a, 0x43b, 0x43c, 0x43d, 0x43e, 0x440, 0x441,
	0x442, 0x443, 0x44b, 0x44c, 0x44f, 0x451, 0x401, 0x410, 0x41e, 0x42f, 0x4d9, 0x4d8,
	0x49b, 0x49a, 0x456, 0x406, 0x4af, 0x4bb, 0x45e, 0x457, 0x453, 0x400, 0x45f, 0x460,
	0x4c0, 0x4cf, 0x4ff, 0x482, 0x483, 0x489,
};

static size_t
put_random(char *s, size_t n, size_t cap)
{
	unsigned r = rnd(20);
	char lang;
	int ending;

	if (r < 6) {
		/* a listed word or ending, maybe capitalised or prefixed */
		size_t i = 0;
		const char *e;
		while (lp_lang_entry(i, &lang, &ending))
			i++;
		e = lp_lang_entry(rnd((unsigned)i), &lang, &ending);
		if (n + 2 * strlen(e) + 8 >= cap)
			return n;
		if (r < 3) {
			unsigned k = rnd(3);
			while (k--)
				n += (size_t)lp_u8enc(letters[rnd(sizeof letters / sizeof letters[0])], s + n);
		}
		memcpy(s + n, e, strlen(e));
		if (r == 5 && (unsigned char)s[n] == 0xd0 && (unsigned char)s[n + 1] >= 0xb0)
			s[n + 1] = (char)(s[n + 1] - 0x20); /* а..п -> А..П */
		return n + strlen(e);
	}
	if (n + 8 >= cap)
		return n;
	if (r < 12)
		return n + (size_t)lp_u8enc(letters[rnd(sizeof letters / sizeof letters[0])], s + n);
	switch (r) {
	case 12: case 13: s[n] = ' '; return n + 1;
	case 14: s[n] = '-'; return n + 1;
	case 15: s[n] = "aZk-9.,"[rnd(7)]; return n + 1;
	case 16: { unsigned k = rnd(12); while (k--) s[n++] = "The law, article 4"[rnd(18)]; return n; }
	case 17: return n + (size_t)lp_u8enc(rnd(2) ? 0x2013 : 0x2116, s + n);
	case 18: return n + (size_t)lp_u8enc(rnd(2) ? 0xe9 : 0x1f600, s + n);
	default: s[n] = ' '; return n + 1;
	}
}

int
main(int argc, char **argv)
{
	const char *pa = NULL;
	struct lp_langctx ctx = { NULL };
	char detail[1024] = "", name[128];
	long t, wrong = 0, voted[3] = { 0, 0, 0 };

	(void)argc;
	(void)argv;
	for (t = 0; t < 300000; t++) {
		char s[400];
		size_t n = 0, len = rnd(t % 3 ? 80 : 360);
		const char *a, *b;

		if (t % 1000 == 0) {
			pa = NULL; /* a new document */
			ctx.prev = NULL;
		}
		while (n < len)
			n = put_random(s, n, sizeof s);
		a = ref_line(&pa, s, n);
		b = lp_lang_line(&ctx, s, n);
		voted[!strcmp(a, "kk") ? 0 : !strcmp(a, "ru") ? 1 : 2]++;
		if (strcmp(a, b) && !wrong++)
			snprintf(detail, sizeof detail, "'%.*s': by spelling %s, by keys %s", (int)n, s, a, b);
	}
	snprintf(name, sizeof name,
	         "the keyed language guess agrees with the spelt one on 300000 random lines (%ld kk, %ld ru, %ld other)",
	         voted[0], voted[1], voted[2]);
	check_detail(wrong == 0 && voted[0] > 10000 && voted[1] > 10000, name, detail);
	{
		/* lp_lang_line() first reads a line sixteen bytes a step
		 * while it is ASCII: a line of ASCII only takes "en" if it has
		 * a letter, else the language before it.  Lines of ASCII with
		 * and without letters, of every length to 400 bytes, some with
		 * a Cyrillic word or another non-ASCII character at a random
		 * place (before, at and after the 256 bytes read), through
		 * document contexts, against the spelt reading. */
		static const char *const tail[] = { "", "статья", "Қазақстан", "\xc2\xa0", "\xe2\x80\x94", "é" };
		long differ = 0, en = 0;

		detail[0] = 0;
		pa = NULL;
		ctx.prev = NULL;
		for (t = 0; t < 200000; t++) {
			char s[460];
			size_t n = (size_t)rnd(401), i, at;
			const char *a, *b, *tl = tail[rnd(6)];
			int letters = rnd(3) != 0;

			if (t % 50 == 0)
				pa = ctx.prev = NULL;
			for (i = 0; i < n; i++)
				s[i] = letters && rnd(4) == 0 ? "aZqk"[rnd(4)] : " 0123456789.,;:-()[]!\t"[rnd(22)];
			at = n ? (size_t)rnd((unsigned)n + 1) : 0;
			if (*tl && rnd(2)) {
				memmove(s + at + strlen(tl), s + at, n - at);
				memcpy(s + at, tl, strlen(tl));
				n += strlen(tl);
			}
			a = ref_line(&pa, s, n);
			b = lp_lang_line(&ctx, s, n);
			en += !strcmp(b, "en");
			if (strcmp(a, b) && !differ++)
				snprintf(detail, sizeof detail, "'%.*s' (%zu bytes): by spelling %s, by keys %s", (int)n, s, n, a, b);
		}
		check_detail(differ == 0 && en > 50000, "lines of ASCII, with a letter or none, a non-ASCII character anywhere", detail);
	}
	{
		/* votes end after eight words; then Latin letters against
		 * Cyrillic ones, with Cyrillic signs (U+0483, not letters) and
		 * Kazakh letters among them, on both sides of the balance */
		long bad = 0;
		int a, m, k;
		for (a = 0; a < 40; a++)
			for (m = 0; m < 12; m++)
				for (k = 0; k < 3; k++) {
					char s[600];
					size_t n = 0;
					const char *x, *y;
					struct lp_langctx c1 = { NULL };
					const char *p1 = NULL;
					int j;
					n += (size_t)sprintf(s + n, "%s", "и в на не что с по о без ");
					for (j = 0; j < a; j++)
						s[n++] = "law"[j % 3];
					s[n++] = ' ';
					for (j = 0; j < m; j++)
						n += (size_t)sprintf(s + n, "%s", "\xd2\x83");
					n += (size_t)sprintf(s + n, " %s", k == 0 ? "бб" : k == 1 ? "ққ" : "бі-ә");
					x = ref_line(&p1, s, n);
					y = lp_lang_line(&c1, s, n);
					if (strcmp(x, y) && !bad++)
						snprintf(detail, sizeof detail, "'%.*s': by spelling %s, by keys %s", (int)n, s, x, y);
				}
		check_detail(!bad, "after the votes, letters are counted as the spelt reading counts them", detail);
	}
	{
		struct lp_langctx c = { NULL };
		/* "его" is listed as a word; as an ending it never voted */
		check_detail(!strcmp(lp_lang_line(&c, "любого которого", strlen("любого которого")), "ru"),
		      "endings vote: -ого", "");
	}
	return fails != 0;
}
