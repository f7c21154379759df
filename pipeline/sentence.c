/*
 * sentence.c - the sentence around a match (see sentence.h).
 *
 * A row's context used to be found by walking out from its match until a
 * sentence end, for every row: a paragraph with many matches had its
 * sentences walked again and again, a few per cent of `lexpipe run`.  Now
 * the starts of sentences are collected once, over the stretch the
 * matches need, and each match looks its two ends up by binary search.
 * The text is valid UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sentence.h"
#include "util.h"

int
lp_sentence_capital(const char *s, size_t n)
{
	int l;
	uint32_t c;

	if (n == 0)
		return 0;
	c = lp_u8dec(s, n, &l);
	if (c == 0xab || c == '"' || c == '(')
		return n > (size_t)l && lp_sentence_capital(s + l, n - (size_t)l);
	/* Latin, U+0400..U+042F (Russian, with Ё and І), Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ */
	return (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x42f) ||
	       c == 0x4d8 || c == 0x492 || c == 0x49a || c == 0x4a2 || c == 0x4e8 ||
	       c == 0x4b0 || c == 0x4ae || c == 0x4ba;
}

/* Does a sentence start at j (2 <= j <= n): [.!?], a space, a capital? */
static int
starts_at(const char *s, size_t n, size_t j)
{
	return s[j - 1] == ' ' && lp_sentence_mark(s[j - 2]) && lp_sentence_capital(s + j, n - j);
}

/* Where the search backward from start gives up: the byte before the
 * LP_SENTENCE_MAX it may look at, or the text's start. */
static size_t
cut_before(size_t start)
{
	return start > LP_SENTENCE_MAX + 1 ? start - LP_SENTENCE_MAX - 1 : 0;
}

/* ...and forward from end: the byte after the ones it may look at */
static size_t
cut_after(size_t n, size_t end)
{
	return n - end > LP_SENTENCE_MAX + 1 ? end + LP_SENTENCE_MAX + 1 : n;
}

/* Never cut a UTF-8 sequence; the sentence does not start with a space. */
static void
tidy(const char *s, size_t n, size_t start, size_t *ss, size_t *se)
{
	while (*ss > 0 && ((unsigned char)s[*ss] & 0xc0) == 0x80)
		(*ss)--;
	while (*se < n && ((unsigned char)s[*se] & 0xc0) == 0x80)
		(*se)++;
	while (*ss < start && s[*ss] == ' ')
		(*ss)++;
}

void
lp_sentence_walk(const char *s, size_t n, size_t start, size_t end, size_t *ss, size_t *se)
{
	size_t i;

	*ss = 0;
	for (i = start; i > 0; i--) {
		if (start - i > LP_SENTENCE_MAX) {
			*ss = i;
			break;
		}
		if (i >= 2 && starts_at(s, n, i)) {
			*ss = i;
			break;
		}
	}
	*se = n;
	for (i = end; i < n; i++) {
		if (i - end > LP_SENTENCE_MAX) {
			*se = i;
			break;
		}
		/* a sentence starting at i + 2 ends this one at i + 1 */
		if (i + 1 < n && starts_at(s, n, i + 2)) {
			*se = i + 1;
			break;
		}
	}
	tidy(s, n, start, ss, se);
}

void
lp_sentences_text(struct lp_sentences *b, const char *s, size_t n)
{
	b->s = s;
	b->n = n;
	b->nat = 0;
	b->hi = 0;
}

static void
push(struct lp_sentences *b, size_t j)
{
	if (b->nat == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->at = lp_xrealloc(b->at, b->cap * sizeof *b->at);
	}
	b->at[b->nat++] = j;
}

/* Collect the starts in [lo, hi); lo never goes back between calls, so
 * what lies before it is not needed again.  A start needs a mark two
 * bytes before it, and marks are rare: they are looked for sixteen bytes
 * at a time, and only they are looked at. */
static void
cover(struct lp_sentences *b, size_t lo, size_t hi)
{
	const char *s = b->s;
	size_t m, mend;

	if (lo > b->hi) { /* a gap: what was collected is behind every later match */
		b->nat = 0;
		b->hi = lo;
	}
	if (hi > b->n + 1)
		hi = b->n + 1; /* a start at the end itself is looked at, and found not one */
	if (hi <= b->hi)
		return;
	/* marks at m for starts j = m + 2 in [max(b->hi, 2), hi) */
	m = b->hi > 2 ? b->hi - 2 : 0;
	mend = hi > 2 ? hi - 2 : 0;
#ifdef __SSE2__
	{
		const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
		              nul = _mm_setzero_si128();

		for (; m + 16 <= mend; m += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + m));
			unsigned k = (unsigned)_mm_movemask_epi8(
				_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang)),
				             _mm_or_si128(_mm_cmpeq_epi8(x, ask), _mm_cmpeq_epi8(x, nul))));

			while (k) {
				size_t j = m + (size_t)__builtin_ctz(k) + 2;

				k &= k - 1;
				if (starts_at(s, b->n, j))
					push(b, j);
			}
		}
	}
#endif
	for (; m < mend; m++)
		if (lp_sentence_mark(s[m]) && starts_at(s, b->n, m + 2))
			push(b, m + 2);
	b->hi = hi;
}

/* The first collected start at or after x (b->nat when none). */
static size_t
first_from(const struct lp_sentences *b, size_t x)
{
	size_t lo = 0, hi = b->nat;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->at[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
lp_sentence(struct lp_sentences *b, size_t start, size_t end, size_t *ss, size_t *se)
{
	size_t n = b->n, lo, hi, k;

	/* the walk backward looks at starts in [lo, start], forward at
	 * starts in [end + 2, hi) */
	lo = start > LP_SENTENCE_MAX ? start - LP_SENTENCE_MAX : 1;
	hi = (n - end > LP_SENTENCE_MAX + 2 ? end + LP_SENTENCE_MAX + 2 : n) + 1;
	cover(b, lo, hi); /* hi > start: the backward stretch is in too */
	k = first_from(b, start + 1);
	*ss = k > 0 && b->at[k - 1] >= lo ? b->at[k - 1] : cut_before(start);
	k = first_from(b, end + 2);
	*se = k < b->nat && b->at[k] < hi ? b->at[k] - 1 : cut_after(n, end);
	tidy(b->s, n, start, ss, se);
}

void
lp_sentences_free(struct lp_sentences *b)
{
	free(b->at);
	b->at = NULL;
	b->nat = b->cap = 0;
}
