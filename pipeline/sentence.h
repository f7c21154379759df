/*
 * sentence.h - the sentence around a match, which a row shows as its
 * context and in which a restriction finds the provision it belongs to.
 *
 * A sentence ends at [.!?] followed by a space and then a capital letter
 * (Latin, Cyrillic or Kazakh), or an opening quote or bracket before one;
 * digits do not count, so "ст. 44" and "Art. 44" end nothing.  A sentence
 * reaches at most LP_SENTENCE_MAX bytes either side of its match.
 */
#ifndef LP_SENTENCE_H
#define LP_SENTENCE_H

#include <stddef.h>

#define LP_SENTENCE_MAX 300

/* A capital letter (or an opening quote or bracket before one): what
 * follows [.!?] and a space where a sentence ends.  Digits do not count. */
int lp_sentence_capital(const char *s, size_t n);

/* The sentence starts of one text, found once: lp_sentence asks for the
 * matches of a text in order of their start (any end), and each byte is
 * looked at once however many matches share its sentence. */
struct lp_sentences {
	const char *s;
	size_t n;
	size_t *at, nat, cap; /* sentence starts found, ascending */
	size_t hi;            /* [.., hi) has been looked at */
};

/* Begin on s[0..n); b keeps its memory from text to text. */
void lp_sentences_text(struct lp_sentences *b, const char *s, size_t n);
/* [*ss, *se): the sentence around [start, end), white space at its start
 * left out and no UTF-8 sequence cut.  start is at least the last call's. */
void lp_sentence(struct lp_sentences *b, size_t start, size_t end, size_t *ss, size_t *se);
void lp_sentences_free(struct lp_sentences *b);

/* The same for one match, walking out from it byte by byte: the
 * reference the tests hold lp_sentence to. */
void lp_sentence_walk(const char *s, size_t n, size_t start, size_t end, size_t *ss, size_t *se);

#endif
