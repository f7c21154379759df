/*
 * show.h - `lexpipe show`: the text with its annotations highlighted, for
 * a person checking the tags before citing them.
 *
 * Input is the record stream after `tag` (D, L, A, E records): the L
 * records carry the normalized text and its line numbers, an A record its
 * line, column and match, so highlights are drawn on the normalized text
 * (what the patterns saw), at the row's line and column, for the match's
 * length, across line ends as the tag stage joined them.
 *
 * Output: text for a terminal (ANSI colours when asked; marks ⟦ ⟧ and a
 * note line under each annotated line either way), or one self-contained
 * HTML page: a legend, a colour per kind, the canonical ID on hover, a
 * table of contents by document.  Lines are held only until the A records
 * of their paragraph have come (at most SHOW_WINDOW_LINES).
 */
#ifndef LP_SHOW_H
#define LP_SHOW_H

#include <stdio.h>

struct lp_showcfg {
	int html;  /* one HTML page instead of terminal text */
	int color; /* ANSI colours in terminal text */
};

struct lp_show;

struct lp_show *lp_show_new(const struct lp_showcfg *cfg);
/* Read one record stream (a file or stdin). */
void lp_show_read(struct lp_show *s, FILE *fp, const char *name);
/* Write what is pending and the end of the page; free. */
void lp_show_finish(struct lp_show *s);

#endif
