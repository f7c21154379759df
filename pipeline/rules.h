/*
 * rules.h - pattern files: the data every tagger is driven by.
 *
 * A set is a directory under patterns/ (refs, restrict, penalty, or one of
 * the user's own); its rules live in *.pat files read in name order:
 *
 *   # comment
 *   rule ru.prohibition            starts a rule; the id is unique in its set
 *   kind restrict                  key, white space, value
 *   regex (?i)\bзапрещ\w*
 *     (?:ается|ены)                an indented line continues the value above
 *   example Курение запрещается => prohibition
 *   not Запрещающий знак висит криво
 *
 * Which keys mean something is up to the set's engine (tagger.h); every rule
 * carries examples, checked by `lexpipe patterns --check`.
 */
#ifndef LP_RULES_H
#define LP_RULES_H

#include <stddef.h>

struct lp_kv {
	char *key, *val;
	int line;
};

struct lp_rule {
	char *id;
	const char *file; /* owned by struct lp_rules */
	int line;         /* where "rule" stands */
	struct lp_kv *kv;
	size_t nkv;
};

struct lp_rules {
	char *dir;
	char **files;
	size_t nfiles;
	struct lp_rule *r;
	size_t n;
};

/* Load every *.pat file of dir.  Errors are printed as FILE:LINE: message;
 * returns the number of errors (the rules read are kept either way). */
int lp_rules_load(const char *dir, struct lp_rules *rs);
void lp_rules_free(struct lp_rules *rs);
/* First value of key, or NULL; *line gets its line when line is not NULL. */
const char *lp_rule_get(const struct lp_rule *r, const char *key, int *line);

#endif
