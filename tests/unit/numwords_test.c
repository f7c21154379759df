/*
 * numwords_test.c - the number and amount vocabularies of the penalty set:
 * every `example` and `group` line of the .voc files in patterns/penalty, plus the
 * parser's edges that examples cannot show (limits, bad input).
 */
#include <stdio.h>
#include <string.h>

#include "numwords.h"
#include "tap.h"

static long long
num(const struct lp_numvoc *v, const char *lang, const char *s, size_t *endp)
{
	long long val = -1;
	size_t e = lp_number_at(v, lang, s, strlen(s), 0, &val);

	if (endp)
		*endp = e;
	return e ? val : -1;
}

int
main(int argc, char **argv)
{
	char dir[4096];
	struct lp_numvoc *v;
	struct lp_amount a[4];
	size_t e;

	snprintf(dir, sizeof dir, "%s/patterns/penalty", argc > 1 ? argv[1] : ".");
	v = lp_numvoc_load(dir);
	check(v != NULL, "numwords: vocabularies load");
	if (!v)
		return 1;
	check(lp_numvoc_check(v, 0) == 0, "numwords: every example and group line of the .voc files");
	check(num(v, "ru", "пятнадцатью годами", &e) == 15 && e == strlen("пятнадцатью"), "numwords: ru instrumental, end offset");
	check(num(v, "ru", "двумястами", NULL) == 200, "numwords: ru 200 instrumental");
	check(num(v, "kk", "жиырмаға", NULL) == 20, "numwords: kk dative");
	check(num(v, "kk", "бесінші", NULL) == -1, "numwords: kk ordinal is not a number");
	check(num(v, "en", "fifteen-twenty", NULL) != 1520, "numwords: a hyphen does not glue teen to tens");
	check(num(v, "en", "sixty", NULL) == 60, "numwords: longest word wins (six/sixty)");
	check(num(v, "xx", "5", NULL) == -1, "numwords: unknown language gives nothing");
	check(num(v, "en", "99999999999999999999999", NULL) == -1, "numwords: overflow refused");
	check(lp_amounts_scan(v, "en", "", 0, a, 4) == 0, "numwords: empty text");
	check(lp_amounts_scan(v, "en", "1 2 3 4 5 6 7", 13, a, 4) == 4, "numwords: output bounded by max");
	check(lp_amounts_scan(v, "ru", "в 2022 году", strlen("в 2022 году"), a, 4) == 1 && a[0].lo == 2022,
	      "numwords: a year is an amount; the engine decides by unit");
	lp_numvoc_free(v);
	return fails != 0;
}
