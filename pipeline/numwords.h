/*
 * numwords.h - amounts in legal text: numbers in digits or in words, with a
 * unit, as ranges and as tiers, driven by per-language vocabularies
 * (the .voc files of patterns/penalty, format in numwords.c).
 *
 * "от десяти до пятнадцати месячных расчетных показателей" is one amount
 * 10-15 MCI; "он бестен жиырмаға дейінгі АЕК" 15-20 MCI; "5 000 000 тенге"
 * 5000000 KZT; "на физических лиц в размере пятнадцати, на должностных лиц –
 * в размере двадцати ... месячных расчетных показателей" a group of three
 * amounts that share the unit named once at the end.
 */
#ifndef LP_NUMWORDS_H
#define LP_NUMWORDS_H

#include <stddef.h>

struct lp_numvoc;

/* One amount: byte offsets into the scanned text (end includes the unit). */
struct lp_amount {
	size_t start, end;
	long long lo, hi;     /* lo == hi for a single value */
	const char *unit;     /* "MCI", "days", ...; NULL when no unit follows */
	int from;             /* marked as the start of a range (kk ablative) */
	long long scale;      /* the scale word it ends with (1000, 1000000), or 0 */
};

/* A group: amounts that share one unit (tiers), in text order. */
struct lp_amount_group {
	size_t first, n; /* indices into the amount array */
	size_t start, end;
	const char *unit;
};

/* Load every *.voc file of dir; NULL after printing FILE:LINE: message. */
struct lp_numvoc *lp_numvoc_load(const char *dir);
void lp_numvoc_free(struct lp_numvoc *v);

/* Parse one number (digits with separators, or words) at s[off]; returns
 * the end offset, or off when there is none.  *val gets the value. */
size_t lp_number_at(const struct lp_numvoc *v, const char *lang, const char *s, size_t n,
                    size_t off, long long *val);

/* Find the amounts of s[0..n) in text order, ranges joined; at most max.
 * Returns how many were stored. */
size_t lp_amounts_scan(const struct lp_numvoc *v, const char *lang, const char *s, size_t n,
                       struct lp_amount *out, size_t max);

/* Group amounts that share one unit (tiers), dropping amounts that never
 * reach a unit.  Returns the number of groups stored (at most max). */
size_t lp_amounts_group(const struct lp_numvoc *v, const char *lang, const char *s,
                        const struct lp_amount *a, size_t na,
                        struct lp_amount_group *g, size_t max);

/* Format an amount as "N UNIT" or "LO-HI UNIT" into buf. */
void lp_amount_format(const struct lp_amount *a, const char *unit, char *buf, size_t cap);

/* Whether the language's vocabulary allows gap (the text between an amount
 * and a trigger that follows it) as "N days of administrative arrest". */
int lp_numvoc_adjacent(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n);

/* Whether gap joins two groups of one sanction ("50 MCI; his deputy, 30 MCI"). */
int lp_numvoc_more_gap(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n);

/* Whether gap (between two groups) introduces a restatement of the amount
 * before it ("20 МРП, что составляет 73 840 тенге"): the second is no sanction. */
int lp_numvoc_aside_gap(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n);

/* The length of a back reference at the start of s ("на тот же срок", "for
 * the same term"), or 0 when there is none. */
size_t lp_numvoc_same(const struct lp_numvoc *v, const char *lang, const char *s, size_t n);

/* Run the `example TEXT => WANT` lines of the vocabularies: WANT is the
 * formatted amounts of TEXT joined by "; " (ungrouped units stay "N").
 * Prints FILE:LINE: message per failure; returns the number of failures. */
int lp_numvoc_check(const struct lp_numvoc *v, int verbose);

#endif
