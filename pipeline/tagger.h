/*
 * tagger.h - the tag stage: lines are gathered into paragraphs, each set's
 * engine finds hits in a paragraph's text, and the stage turns hits into
 * annotations that point at the original bytes.
 *
 * Engines see only normalized paragraph text and byte offsets into it; the
 * line, column, original offsets, language, match and context of every row
 * are worked out here, once, for all engines.
 */
#ifndef LP_TAGGER_H
#define LP_TAGGER_H

#include "lexpipe.h"
#include "rules.h"
#include "util.h"

/* What an engine found: offsets are bytes into the paragraph text.  Strings
 * are copied by lp_para_hit; the engine keeps ownership of what it passes. */
struct lp_hit {
	size_t start, end;
	const char *kind, *label; /* static, or owned by the engine's state */
	const char *rule;         /* the rule id, owned by the engine's rules */
	struct lp_str canonical, value, provision;
	int negated;
};

/* Document-wide state shared by the engines of one tag stage. */
struct lp_docctx {
	const char *doc;
	struct lp_buf provision; /* set by headings: the provision the text is under */
};

struct lp_para {
	const char *doc;
	const char *text;
	size_t len;
	const char *lang; /* the language of the paragraph's first line */
	struct lp_docctx *ctx;
	struct lp_tagger *t;
};

/* Record a hit (copies its strings). */
void lp_para_hit(struct lp_para *p, const struct lp_hit *h);
/* Language of the line holding paragraph offset off. */
const char *lp_para_lang_at(const struct lp_para *p, size_t off);
/* For messages: the original line number of offset off of s, when s is the
 * text of the paragraph the engines are tagging now; else 0. */
long lp_tagging_line(const char *s, size_t off);

struct lp_engine {
	const char *name;
	/* Build the state from the set's rules and directory; NULL after
	 * printing errors as FILE:LINE: message. */
	void *(*load)(const struct lp_rules *rules, const char *dir);
	void (*doc_begin)(void *st, struct lp_docctx *ctx);
	void (*tag)(void *st, struct lp_para *p);
	void (*free)(void *st);
	/* Optional, for `run -j` over blocks of one document: prescan does
	 * the part of tag that reads no document context (on a worker thread)
	 * and appends what it found to out; tag_pre then does the rest, in
	 * document order, from those bytes -- together exactly what tag does. */
	void (*prescan)(void *st, struct lp_para *p, struct lp_buf *out);
	void (*tag_pre)(void *st, struct lp_para *p, const char *pre, size_t n);
};

/* The engine for a set name: its own for refs, restrict and penalty, the
 * plain regex engine for any other set a user adds. */
const struct lp_engine *lp_engine_for(const char *set);
extern const struct lp_engine lp_rx_engine;

struct lp_tagger;

/* Load sets (all directories of patdir when nsets is 0) and send annotations
 * to out->ann.  NULL after printing errors. */
struct lp_tagger *lp_tagger_new(const char *patdir, char **sets, int nsets,
                                const struct lp_sink *out);
void lp_tagger_free(struct lp_tagger *t);
void lp_tagger_doc_begin(struct lp_tagger *t, const char *doc);
/* Add a line; a paragraph that the line does not continue is tagged first. */
void lp_tagger_line(struct lp_tagger *t, const struct lp_line *l);
/* Tag and emit what is pending. */
void lp_tagger_flush(struct lp_tagger *t);
/* A sink that feeds the tagger (for `run`): lines in, annotations out. */
void lp_tagger_sink(struct lp_tagger *t, struct lp_sink *s);

/* `run -j` over blocks of one document (parallel.c).  A preparing tagger
 * (on a worker) does not emit: each paragraph it frames is appended to out
 * as a record -- its lines, text, the hits of the engines that need no
 * document context and the prescan of those that have one.  Lines must
 * carry line numbers counted from the block's start and original offsets
 * from the file's start. */
void lp_tagger_prepare(struct lp_tagger *t, struct lp_buf *out);
/* A block of records, as the reusing tagger gets them. */
struct lp_prepblock {
	const char *p;
	size_t len;
	uint64_t id; /* a new id: a new block */
};
/* The reusing tagger (in document order) asks get for the block holding
 * the paragraph that starts at original offset start (NULL: none); a
 * record of it with the same start, lines and text stands in for tagging
 * with the context-free engines, any other paragraph is tagged as usual.
 * get NULL: reuse nothing. */
void lp_tagger_reuse(struct lp_tagger *t,
                     const struct lp_prepblock *(*get)(void *ctx, uint64_t start), void *ctx);

/* The other way to reuse them (parallel.c, when a block's lines are known
 * to be what the calling thread's own normalizer would send): tag the
 * paragraph of the record at rec (8-byte aligned, in a block's records) as
 * if its lines had come through lp_tagger_line, with line numbers lbase
 * more than the record's, and the language of each line whose start is in
 * fix[] (sorted by start) the fix's; a paragraph whose languages that
 * changes is tagged afresh.  Returns the record's length: the next record
 * of the block follows. */
struct lp_langfix {
	uint64_t start;
	char lang[4];
};
size_t lp_tagger_take(struct lp_tagger *t, const char *rec, long lbase,
                      const struct lp_langfix *fix, size_t nfix);

/* `lexpipe patterns --check`: run every example of every rule; prints
 * FILE:LINE: message for each failure and returns the number of failures. */
int lp_tagger_check(struct lp_tagger *t, int verbose);

#endif
