/*
 * refs.h - the statute-reference engine's parts, shared by its modules:
 *
 *   refs_vocab.c    the vocabulary (unit words, ordinals, function words) and
 *                   the act catalogue, read from the .pat files of patterns/refs, turned
 *                   into two PCRE2 alternations; finds lexemes and act
 *                   mentions in a paragraph
 *   refs_gate.c     where in a paragraph those alternations can match, so
 *                   PCRE2 runs only there (same matches as trying everywhere)
 *   refs_parse.c    the grammar: citation chains and expressions, from the
 *                   unit words outward, in the Russian/English (number after,
 *                   inner unit first) and Kazakh (number first, outer unit
 *                   first) families
 *   refs_resolve.c  the context pass: which act and which enclosing
 *                   provision each chain gets; the document's state
 *   refs.c          the engine (tagger.h): headings, titles, rows
 *
 * Everything works on one paragraph's normalized text (valid UTF-8) and byte
 * offsets into it.
 */
#ifndef LP_REFS_H
#define LP_REFS_H

#include "rx.h"
#include "tagger.h"
#include "util.h"

extern const struct lp_engine lp_refs_engine;

/* Levels, innermost first, so "outer" means a greater value. */
enum { LV_AL, LV_POINT, LV_PARA, LV_ART, LV_CHP, LV_N };
extern const char *const lp_refs_eid[LV_N];   /* "al", "point", "para", "art", "chp" */
extern const char *const lp_refs_label[LV_N]; /* "al", "point", "para", "article", "chapter" */

/* What a lexicon form stands for. */
enum { VX_UNIT, VX_ORD, VX_WORD };
/* Classes of function words (kind word, key class). */
enum {
	W_AND,         /* и, and, және: joins list items and chains */
	W_RANGE,       /* to, through, по: makes a range of two numbers */
	W_OF,          /* of, to: joins an inner unit to its outer one (en) */
	W_THE,         /* the: skipped between of and a unit or an act */
	W_THIS,        /* настоящий, this, осы: the enclosing provision */
	W_SAME,        /* указанный, the same, аталған: the provision just cited */
	W_HEREINAFTER, /* далее, hereinafter, бұдан әрі: defines an alias */
	W_NOTE,        /* Примечание, Сноска, Footnote, Ескерту: an amendment note */
	W_STOP,        /* года, тенге, %: the number before it is no provision */
	W_FROM,        /* с, from: before the first number of a range */
	W_NCLASS
};

struct refs_sense {
	int kind;     /* VX_* */
	int lv;       /* VX_UNIT: level */
	int plural;   /* VX_UNIT: the form is plural (a hyphen may make a range) */
	int singular; /* VX_UNIT: the form is unambiguously singular */
	int ord;      /* VX_ORD: the value */
	int cls;      /* VX_WORD: W_* */
	int kk;       /* the form's number stands before it (Kazakh) */
	int en;       /* an English form: commas may set off reversed order */
	int under;    /* VX_UNIT para: its level when nested in a para (key under) */
	const char *rule; /* the rule's id, owned by the rules */
};

struct refs_lexeme {
	size_t s, e;
	const struct refs_sense *v;
};

/* Act mentions. */
enum { AM_ACT, AM_SELF, AM_OTHER, AM_ALIAS, AM_SAME };
struct refs_apat {
	int type;  /* AM_ACT, AM_SELF, AM_OTHER, AM_SAME */
	int act;   /* AM_ACT: index in acts */
	const char *rule;
};
struct refs_mention {
	size_t s, e;
	int type;  /* AM_* */
	int act;   /* the act index, -1 for none (unknown act, or unresolved) */
	const char *rule;
	int attached; /* part of a citation: no act row of its own */
	int defines;  /* followed by a hereinafter definition */
};

/* ---- where an alternation can match (refs_gate.c) ---- */

/* What PCRE2 makes of characters (case partners, letters, spaces, digits),
 * as far as the gate needs it; owned by a vocabulary, one per thread. */
struct refs_chars;
struct refs_chars *lp_refs_chars_new(void);
void lp_refs_chars_free(struct refs_chars *k);
/* The representative of cp's caseless class below U+0800 (tests). */
uint32_t lp_refs_chars_fold(const struct refs_chars *k, uint32_t cp);

/* The gate of one alternation (?<!\p{L})(?:A1(?!\p{L})|A2(?!\p{L})|...),
 * from the sources of A1..An; NULL when it cannot be had (every position
 * must then be tried). */
struct refs_gate;
struct refs_gate *lp_refs_gate_new(struct refs_chars *k, const char *const *alts, size_t n);
void lp_refs_gate_free(struct refs_gate *g);
/* Where a match may start: positions in text order, with the symbol of
 * the character there. */
struct refs_cands {
	size_t *pos;
	uint8_t *sym;
	size_t n, cap;
};
void lp_refs_cands_free(struct refs_cands *c);
/* The candidates of ng gates (of one refs_chars) over s[0..n), in one walk. */
void lp_refs_gates_walk(struct refs_gate *const *g, size_t ng, const char *s, size_t n, struct refs_cands *out);
/* Symbols are below this. */
unsigned lp_refs_gate_nsym(const struct refs_gate *g);
/* Whether alternative alt (in the order given) may start with a character
 * of symbol sym: an alternation cut down to those that may gives the
 * same match at a position of that symbol. */
int lp_refs_gate_may_start(const struct refs_gate *g, size_t alt, unsigned sym);
/* A deep look at candidates for some of a gate's alternatives (a cut
 * regex's): alts[i] is alternative idx[i] of those the gate was made
 * from (each is analysed once, for all looks); NULL when it cannot be
 * had (every candidate must then be tried). */
struct refs_deep;
struct refs_deep *lp_refs_deep_new(struct refs_gate *g, const char *const *alts, const size_t *idx, size_t n);
void lp_refs_deep_free(struct refs_deep *d);
/* Whether a match of those alternatives may start at s[p] (a candidate of
 * g: no letter before it); 0 when none can. */
int lp_refs_deep_may(struct refs_gate *g, const struct refs_deep *d, const char *s, size_t n, size_t p);
/* Candidates handed out so far (tests, profiling). */
size_t lp_refs_gate_tried(const struct refs_gate *g);

/* One alternation: the regex, and its gate when it has one. */
struct refs_form;                   /* an alternative (refs_vocab.c) */
struct refs_alt {
	pcre2_code *re;             /* as is, for an ungated scan */
	int jit;                    /* re is JIT-compiled (gated: when first used) */
	struct refs_gate *gate;
	struct refs_form *forms;    /* gated: the alternatives, in order */
	size_t nforms;
	pcre2_code **sub;           /* gated: anchored, cut down to what may start with a symbol */
	size_t nsub;
	uint16_t *subof;            /* per symbol: index in sub, or nsub for none */
	uint16_t *subsym;           /* per sub: a symbol it is for */
	unsigned char *subjit;      /* per sub: JIT-compiled */
	uint32_t *subtries;         /* per sub: tries by the interpreter so far */
	int deep;                   /* cut regexes get a deep look (the act names: a try
	                             * costs more than a look, and most are misses) */
	struct refs_deep **subdeep; /* per sub: its deep look, or NULL */
	uint32_t *subseen;          /* per sub: candidates met before its deep look */
	size_t deeprej;             /* candidates a deep look turned away (tests) */
};

struct refs_vocab {
	struct refs_sense *senses;
	size_t nsenses;
	struct refs_alt lex;        /* every form, (*MARK:sense index) */
	char **acts;                /* act ids */
	size_t nacts;
	struct refs_apat *apats;
	size_t napats;
	struct refs_alt act;        /* every act name, (*MARK:apat index) */
	struct refs_alt title;      /* the same, for title lines: generic words optional */
	struct refs_chars *chars;
	struct refs_cands cands[2]; /* the last walk's: lexicon, acts */
	const char *walked;         /* its subject, whose act candidates wait for */
	size_t walkedn;             /* lp_refs_acts (used once) */
	int ungated;                /* try every position (tests compare the two) */
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

/* Build the vocabulary from the set's rules; the number of errors, printed
 * as FILE:LINE: message. */
int lp_refs_vocab_load(struct refs_vocab *v, const struct lp_rules *rs);
void lp_refs_vocab_free(struct refs_vocab *v);
/* The lexemes of s in text order; *out grows as needed.  Returns the count.
 * The walk that finds where lexemes may start finds where act names may
 * start too: the next lp_refs_acts (title 0) on the same s and n uses it,
 * so s must not change in between. */
size_t lp_refs_lex(struct refs_vocab *v, const char *s, size_t n, const char *doc,
                   struct refs_lexeme **out, size_t *cap);
/* Act mentions of s in text order (title: the title-line regex). */
size_t lp_refs_acts(struct refs_vocab *v, int title, const char *s, size_t n, const char *doc,
                    struct refs_mention **out, size_t *cap);

/* ---- chains ---- */

#define REFS_NUM 16  /* bytes of a number as written, NUL included */
#define REFS_PATHS 64
#define REFS_RANGE_MAX 50 /* longer ranges give their two ends only */

struct refs_seg {
	unsigned char lv;
	unsigned char under; /* the level it takes under a para: point, or al */
	char num[REFS_NUM];
};
/* One provision: segments outermost first. */
struct refs_path {
	unsigned char n;
	struct refs_seg seg[LV_N];
};

/* Deixis standing where the outer levels of a chain would be. */
enum { ANA_NONE, ANA_THIS, ANA_SAME };

struct refs_chain {
	size_t s, e;          /* the designators, numbers included */
	int npath;
	struct refs_path path[REFS_PATHS];
	int ana, ana_lv;      /* ANA_*: "настоящей статьи" = ANA_THIS, LV_ART */
	int bare_ana;         /* only deixis, no number: "настоящей статьи" alone */
	const char *rule;     /* the unit rule whose word started the chain */
	int kk;               /* number-first family */
	int en;
};

/* An expression: chains joined by commas and conjunctions, with the act
 * they share. */
struct refs_expr {
	size_t s, e;
	size_t c0, nc;       /* its chains */
	int mention;         /* the act mention it names, or -1 */
};

/* Scratch for one paragraph, owned by the engine, reused. */
struct refs_para {
	const char *s;
	size_t n;
	struct refs_lexeme *lx;
	size_t nlx, lxcap;
	unsigned char *used;  /* per lexeme: consumed by a chain */
	size_t usedcap;
	struct refs_mention *am;
	size_t nam, amcap;
	struct refs_chain *ch;
	size_t nch, chcap;
	struct refs_expr *ex;
	size_t nex, excap;
};

/* Find the chains and expressions of a paragraph whose lexemes and act
 * mentions are in p; skip: bytes at the start that are structure (a heading). */
void lp_refs_parse(struct refs_para *p, size_t skip);

/* ---- the document's context (refs_resolve.c) ---- */

struct refs_alias {
	char *text; /* as defined, compared case-sensitively */
	size_t len;
	int act;    /* -1: an alias of an act not in the catalogue */
};

struct refs_doc {
	int own;                 /* the document's own act (its title), -1 none */
	int titled;              /* a title named it: the document is a statute */
	long npara;              /* paragraphs seen */
	int body;                /* past the title lines */
	char art[REFS_NUM];      /* the article heading the text stands under */
	char chp[REFS_NUM];      /* the chapter heading */
	char para[REFS_NUM];     /* the numbered paragraph ("1.") it stands in */
	int note;                /* this paragraph is an amendment note */
	char note_art[REFS_NUM]; /* the article the note is about */
	int note_act;
	int has_last, last_act;  /* the provision just cited, for "the same" */
	struct refs_path last;
	int has_last_act, last_any_act; /* the act just cited, for "the same law" */
	struct refs_alias *al;
	size_t nal;
	long block_end;          /* last line of the previous paragraph */
	int inh_has, inh_act;    /* the act of the block's last citation */
	char scope_art[REFS_NUM]; /* an amending law's item ("в статье 5:"): the article */
	char scope_head[REFS_NUM]; /* ... amended under this heading */
	int scope_act;            /* ... and its act */
};

/* One row: a provision (kind ref) or an act on its own (path.n == 0). */
struct refs_row {
	size_t s, e;
	const char *rule;
	int act;               /* -1: no act */
	struct refs_path path;
};

typedef void (*refs_emit_fn)(void *ctx, const struct refs_row *r);

void lp_refs_doc_reset(struct refs_doc *d);
void lp_refs_doc_free(struct refs_doc *d);
/* A paragraph starting on line first, ending on line last: a new block
 * (lines without a blank line between) forgets what was cited before. */
void lp_refs_block(struct refs_doc *d, long first, long last);
/* Learn "(далее – Закон)" definitions from the mentions of p, drop the
 * mentions inside them, and add a mention for every use of a known alias. */
void lp_refs_aliases(struct refs_doc *d, struct refs_para *p);
/* Give every chain its act and enclosing provision, and every act mention
 * that stands on its own a row; updates the document's state. */
void lp_refs_resolve(struct refs_doc *d, struct refs_para *p, refs_emit_fn emit, void *ctx);

/* Lexeme starting at / ending at an offset, or -1. */
long lp_refs_lex_at(const struct refs_para *p, size_t off);
long lp_refs_lex_ending(const struct refs_para *p, size_t off);
long lp_refs_mention_at(const struct refs_para *p, size_t off);
long lp_refs_mention_ending(const struct refs_para *p, size_t off);

/* Text helpers. */
size_t lp_refs_sp(const char *s, size_t n, size_t i);
/* The length of an opening quote (« “ „ ") at s[i], or 0. */
size_t lp_refs_opening_quote(const char *s, size_t n, size_t i);
int lp_refs_letter_at(const char *s, size_t n, size_t i);
int lp_refs_letter_before(const char *s, size_t i);

#endif
