/*
 * sentence_test.c - lp_sentence() finds the sentence starts of a text once
 * and looks each match's sentence up; this holds it to lp_sentence_walk(),
 * which walks out from one match byte by byte, on random texts made of the
 * pieces that start and end sentences or only look as if they did
 * ("ст. 44", a lower-case word after a full stop, an opening quote before a
 * capital, Kazakh capitals), long enough that the 300-byte limit cuts
 * sentences, with many matches a text, in order of their start.  And a
 * few sentences worked out by hand.
 */
#include <stdio.h>
#include <string.h>

#include "sentence.h"
#include "tap.h"

static const char *pieces[] = {
	". ", "! ", "? ", ".", " ", "  ", "A", "Z", "q", "Б", "я", "Ә", "Ұ", "І", "«", "»", "\"", "(", ")",
	"ст. 44", "Art. 5", "п. 6", ". в", ". «Закон", ". (Б", "word", "слово", "сөз", "7", "\xe2\x80\x94",
};

static unsigned seed = 2024;

static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % n;
}

static void
random_texts(void)
{
	char buf[2048];
	size_t t, bad = 0, asked = 0;
	struct lp_sentences b = { 0 };

	for (t = 0; t < 3000; t++) {
		size_t n = 0, want = rnd(3) == 0 ? rnd(1500) : rnd(200), start = 0;
		unsigned filler = rnd(4); /* how often a long stretch without any end */

		while (n < want) {
			const char *pc = rnd(4) < filler ? "abcdefghij" : pieces[rnd(sizeof pieces / sizeof *pieces)];
			size_t l = strlen(pc);

			if (n + l >= sizeof buf)
				break;
			memcpy(buf + n, pc, l);
			n += l;
		}
		lp_sentences_text(&b, buf, n);
		/* matches in order of start, at character starts, any length */
		while (start <= n) {
			size_t end = start + rnd(40), s1, e1, s2, e2;

			while (start < n && ((unsigned char)buf[start] & 0xc0) == 0x80)
				start++;
			if (end > n)
				end = n;
			while (end < n && ((unsigned char)buf[end] & 0xc0) == 0x80)
				end++;
			if (end < start)
				end = start;
			lp_sentence(&b, start, end, &s1, &e1);
			lp_sentence_walk(buf, n, start, end, &s2, &e2);
			asked++;
			if ((s1 != s2 || e1 != e2) && bad++ < 3)
				fprintf(stderr, "  %zu bytes, match [%zu, %zu): [%zu, %zu), want [%zu, %zu)\n", n, start, end,
				        s1, e1, s2, e2);
			start += 1 + rnd(rnd(2) ? 30 : 400);
		}
	}
	lp_sentences_free(&b);
	{
		char msg[80];
		snprintf(msg, sizeof msg, "%zu matches in 3000 random texts", asked);
		check_detail(bad == 0, "sentence: the collected starts give the walk's sentence", bad ? msg : NULL);
	}
}

static void
by_hand(const char *name, const char *text, const char *match, const char *want)
{
	struct lp_sentences b = { 0 };
	const char *m = strstr(text, match);
	size_t ss, se;
	char got[512];

	lp_sentences_text(&b, text, strlen(text));
	lp_sentence(&b, (size_t)(m - text), (size_t)(m - text) + strlen(match), &ss, &se);
	snprintf(got, sizeof got, "%.*s", (int)(se - ss), text + ss);
	check_detail(!strcmp(got, want), name, got);
	lp_sentences_free(&b);
}

/* The 300-byte limit, byte by byte: a sentence start just inside and just
 * outside the reach of each walk, and texts that end just inside and just
 * outside it. */
static void
limits(void)
{
	static char buf[1200];
	struct lp_sentences b = { 0 };
	size_t j = 402, d, bad = 0, n;

	memset(buf, 'a', 400);
	memcpy(buf + 400, ". B", 3);
	memset(buf + 403, 'a', 400);
	n = 803;
	for (d = LP_SENTENCE_MAX - 5; d <= LP_SENTENCE_MAX + 5; d++) {
		size_t at[2][2] = { { j + d, j + d + 1 }, { j - 2 - d, j - 2 - d + 3 } }, k;

		for (k = 0; k < 2; k++) {
			size_t s1, e1, s2, e2;

			lp_sentences_text(&b, buf, n);
			lp_sentence(&b, at[k][0], at[k][1], &s1, &e1);
			lp_sentence_walk(buf, n, at[k][0], at[k][1], &s2, &e2);
			bad += s1 != s2 || e1 != e2;
		}
	}
	for (n = 5 + LP_SENTENCE_MAX - 5; n <= 5 + LP_SENTENCE_MAX + 5; n++) {
		size_t s1, e1, s2, e2;

		lp_sentences_text(&b, buf, n);
		lp_sentence(&b, 2, 5, &s1, &e1);
		lp_sentence_walk(buf, n, 2, 5, &s2, &e2);
		bad += s1 != s2 || e1 != e2;
	}
	lp_sentences_free(&b);
	check(bad == 0, "sentence: starts and text ends at the limit, either side");
}

int
main(void)
{
	random_texts();
	limits();
	by_hand("sentence: ends at a full stop and a capital", "First one. Rallies are banned here. Next.",
	        "banned", "Rallies are banned here.");
	by_hand("sentence: \"ст. 44\" ends nothing", "Согласно ст. 44 митинги запрещены. Далее.", "запрещены",
	        "Согласно ст. 44 митинги запрещены.");
	by_hand("sentence: an opening quote before a capital", "Он сказал. «Закон запрещает» это.", "запрещает",
	        "«Закон запрещает» это.");
	by_hand("sentence: Kazakh capital", "Бірінші. Әкімдік тыйым салды. Соңы.", "тыйым", "Әкімдік тыйым салды.");
	return fails != 0;
}
