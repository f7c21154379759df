/*
 * main.c - the lexpipe command: option parsing and the wiring of stages.
 *
 * Every subcommand is a filter.  One option table drives parsing and
 * --help; the stages themselves live in norm.c, tag.c and tsv.c and meet
 * only through struct lp_sink, so `run` is the same code as the pipe.
 */
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "lexpipe.h"
#include "norm.h"
#include "parallel.h"
#include "record.h"
#include "tagger.h"
#include "progress.h"
#include "show.h"
#include "stats.h"
#include "tsv.h"
#include "util.h"

#include "config.h" /* LP_PATTERNS_DIR, written by the Makefile from PREFIX */

enum { C_NORM = 1, C_TAG = 2, C_TSV = 4, C_RUN = 8, C_PAT = 16, C_STATS = 32, C_SHOW = 64, C_ALL = 127 };

enum {
	O_HELP = 'h', O_VERSION = 'V', O_JOBS = 'j', O_OUTPUT = 'o', O_FROM = 1000, O_NFKC, O_JOIN, O_BUFSIZE,
	O_LINEMAX, O_REPORT, O_PATTERNS, O_NOHEADER, O_SET, O_CHECK, O_VERBOSE,
	O_MAPPER, O_COUNTERS,
	O_FORMAT, O_EXCEL, O_FIELDS, O_CONTEXT, O_NULL, O_TABLE, O_HTML, O_COLOR,
};

static const struct opt {
	const char *name;
	int has_arg;
	int id;
	unsigned cmds;
	const char *arg, *help;
} opts[] = {
	{ "from", 1, O_FROM, C_NORM | C_RUN, "ENC", "decode as ENC, not detected: UTF-8, UTF-16[LE|BE], a single-byte iconv name" },
	{ "nfkc", 0, O_NFKC, C_NORM | C_RUN, NULL, "compatibility normalization (keeps superscripts, subscripts and №)" },
	{ "join-hyphens", 0, O_JOIN, C_NORM | C_RUN, NULL, "join words hyphenated at a line end" },
	{ "buffer-size", 1, O_BUFSIZE, C_NORM | C_RUN, "N", "read N bytes at a time (tests)" },
	{ "line-max", 1, O_LINEMAX, C_NORM | C_RUN, "N", "send lines longer than N bytes in pieces (default 1048576)" },
	{ "report", 0, O_REPORT, C_NORM, NULL, "print one summary row per file instead of records" },
	{ "patterns", 1, O_PATTERNS, C_TAG | C_RUN | C_PAT, "DIR", "pattern directory" },
	{ "set", 1, O_SET, C_RUN, "NAME", "tag with this set only (repeatable)" },
	{ "no-header", 0, O_NOHEADER, C_TSV | C_RUN, NULL, "omit the header row" },
	{ "format", 1, O_FORMAT, C_TSV | C_RUN, "FMT", "tsv (default), csv (RFC 4180) or jsonl (JSON Lines)" },
	{ "excel", 0, O_EXCEL, C_TSV | C_RUN, NULL, "CSV that Excel opens by double-click: UTF-16LE, BOM, tabs" },
	{ "fields", 1, O_FIELDS, C_TSV | C_RUN, "LIST", "these columns, in this order (comma-separated names)" },
	{ "context", 1, O_CONTEXT, C_TSV | C_RUN, "N", "N characters either side of the match instead of the sentence" },
	{ "null", 1, O_NULL, C_TSV | C_RUN, "STR", "write STR for an empty field (jsonl: null)" },
	{ "check", 0, O_CHECK, C_PAT, NULL, "run every rule's examples" },
	{ "verbose", 0, O_VERBOSE, C_PAT, NULL, "say ok for each example that passes" },
	{ "jobs", 1, O_JOBS, C_RUN, "N", "-j N: tag N documents at once on N threads; same output (default 1)" },
	{ "mapper", 0, O_MAPPER, C_RUN, NULL, "read docid<TAB>text records (Hadoop, Spark); rows, no header" },
	{ "counters", 0, O_COUNTERS, C_RUN, NULL, "with --mapper: Hadoop counters on stderr at the end" },
	{ "output", 1, O_OUTPUT, C_NORM | C_TAG | C_TSV | C_RUN | C_STATS | C_SHOW, "FILE", "-o FILE: write FILE, whole or not at all (a temporary file, renamed at the end)" },
	{ "table", 1, O_TABLE, C_STATS, "NAME", "only this table: documents or provisions" },
	{ "html", 0, O_HTML, C_SHOW, NULL, "one self-contained HTML page instead of terminal text" },
	{ "color", 0, O_COLOR, C_SHOW, NULL, "ANSI colours even when stdout is not a terminal" },
	{ "help", 0, O_HELP, C_ALL, NULL, "show this help" },
	{ "version", 0, O_VERSION, C_ALL, NULL, "show the version" },
};

static const struct cmd {
	const char *name;
	unsigned bit;
	const char *usage, *about;
} cmds[] = {
	{ "norm", C_NORM, "[OPTION]... [FILE]...", "Decode and normalize FILEs (stdin when none or -) into the record stream." },
	{ "tag", C_TAG, "[OPTION]... [SET]...", "Add annotations to the record stream on stdin (all sets by default)." },
	{ "tsv", C_TSV, "[OPTION]... [FILE]...", "Write one TSV row per annotation of the record stream." },
	{ "run", C_RUN, "[OPTION]... [FILE|DIR]...", "norm | tag | tsv in one process; directories are walked in sorted order." },
	{ "patterns", C_PAT, "--check [OPTION]... [DIR]", "Check the examples of every rule in a pattern directory." },
	{ "stats", C_STATS, "[OPTION]... [FILE]...", "Summary tables (TSV) of a record stream or of rows.tsv: by document and label, by provision." },
	{ "show", C_SHOW, "[OPTION]... [FILE]...", "The text of a tagged record stream with its annotations highlighted, for review." },
};

struct config {
	const struct cmd *cmd;
	struct lp_normcfg norm;
	int report;
	const char *patterns;
	char **sets;
	int nsets;
	struct lp_fmtcfg tsv; /* the output options of tsv and run */
	int check, verbose;
	int jobs, mapper, counters;
	const char *output;
	int excel;
	int stats_tables;
	struct lp_showcfg show;
};

static void
usage(const struct cmd *c, FILE *fp)
{
	size_t i;

	if (!c) {
		fprintf(fp, "usage: lexpipe COMMAND [OPTION]... [ARG]...\n\n");
		for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
			fprintf(fp, "  %-9s %s\n", cmds[i].name, cmds[i].about);
		fprintf(fp, "\n'lexpipe COMMAND --help' for a command's options; man lexpipe for the rest.\n");
		return;
	}
	fprintf(fp, "usage: lexpipe %s %s\n%s\n\n", c->name, c->usage, c->about);
	for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		char left[40];
		if (!(opts[i].cmds & c->bit))
			continue;
		snprintf(left, sizeof left, "--%s%s%s", opts[i].name, opts[i].arg ? " " : "",
		         opts[i].arg ? opts[i].arg : "");
		fprintf(fp, "  %-22s %s\n", left, opts[i].help);
	}
}

static size_t
parse_size(const char *s, const char *opt)
{
	char *e;
	unsigned long long v = strtoull(s, &e, 10);

	if (*e || v == 0 || v > (1ull << 30) || *s == '-')
		lp_die("--%s: '%s' is not a size from 1 to 1073741824", opt, s);
	return (size_t)v;
}

static char *
find_patterns(void)
{
	char exe[PATH_MAX], *slash;
	ssize_t n;
	struct stat sb;
	const char *env = getenv("LEXPIPE_PATTERNS");

	if (env && *env)
		return lp_xstrdup(env);
	/* run from a checkout: the tree's patterns/ beside the binary */
	n = readlink("/proc/self/exe", exe, sizeof exe - 16);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			strcpy(slash + 1, "patterns");
			if (!stat(exe, &sb) && S_ISDIR(sb.st_mode) &&
			    (strcpy(slash + 1, "pipeline/main.c"), !stat(exe, &sb))) {
				strcpy(slash + 1, "patterns");
				return lp_xstrdup(exe);
			}
		}
	}
	return lp_xstrdup(LP_PATTERNS_DIR);
}

static int
parse(struct config *cf, int argc, char **argv)
{
	struct option lo[sizeof opts / sizeof opts[0] + 1];
	size_t i, n = 0;
	int c;

	for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		if (!(opts[i].cmds & cf->cmd->bit))
			continue;
		lo[n].name = opts[i].name;
		lo[n].has_arg = opts[i].has_arg;
		lo[n].flag = NULL;
		lo[n].val = opts[i].id;
		n++;
	}
	memset(&lo[n], 0, sizeof lo[n]);
	optind = 1;
	while ((c = getopt_long(argc, argv, "+hVj:o:", lo, NULL)) != -1) {
		switch (c) {
		case O_HELP: usage(cf->cmd, stdout); lp_fshut(); exit(0);
		case O_VERSION: printf("lexpipe %s\n", LP_VERSION); lp_fshut(); exit(0);
		case O_FROM: cf->norm.from = optarg; break;
		case O_NFKC: cf->norm.opt.nfkc = 1; break;
		case O_JOIN: cf->norm.opt.join_hyphens = 1; break;
		case O_BUFSIZE: cf->norm.bufsize = parse_size(optarg, "buffer-size"); break;
		case O_LINEMAX: cf->norm.line_max = parse_size(optarg, "line-max"); break;
		case O_REPORT: cf->report = 1; break;
		case O_PATTERNS: cf->patterns = optarg; break;
		case O_SET:
			cf->sets = lp_xrealloc(cf->sets, (size_t)(cf->nsets + 1) * sizeof *cf->sets);
			cf->sets[cf->nsets++] = optarg;
			break;
		case O_NOHEADER: cf->tsv.header = 0; break;
		case O_FORMAT:
			if (lp_fmt_parse_format(optarg, &cf->tsv.format) || cf->tsv.format == LP_FMT_EXCEL)
				lp_die("--format: '%s' is not tsv, csv or jsonl", optarg);
			break;
		case O_EXCEL: cf->excel = 1; break;
		case O_FIELDS: {
			const char *bad;
			if (lp_fmt_parse_fields(&cf->tsv, optarg, &bad))
				lp_die("--fields: unknown column at '%s' (columns: doc,line,col,start,end,lang,kind,label,canonical,value,negated,provision,rule,match,context)", bad);
			break;
		}
		case O_CONTEXT:
			if ((cf->tsv.context = (long)parse_size(optarg, "context")) > 100000)
				lp_die("--context: at most 100000 characters");
			break;
		case O_NULL: cf->tsv.null = optarg; break;
		case O_TABLE:
			if (!strcmp(optarg, "documents"))
				cf->stats_tables = LP_STATS_DOCUMENTS;
			else if (!strcmp(optarg, "provisions"))
				cf->stats_tables = LP_STATS_PROVISIONS;
			else
				lp_die("--table: '%s' is not documents or provisions", optarg);
			break;
		case O_HTML: cf->show.html = 1; break;
		case O_COLOR: cf->show.color = 1; break;
		case O_CHECK: cf->check = 1; break;
		case O_VERBOSE: cf->verbose = 1; break;
		case O_JOBS:
			if (!(cf->cmd->bit & C_RUN)) {
				usage(cf->cmd, stderr);
				exit(2);
			}
			cf->jobs = (int)parse_size(optarg, "jobs");
			break;
		case O_MAPPER: cf->mapper = 1; break;
		case O_COUNTERS: cf->counters = 1; break;
		case O_OUTPUT:
			if (!(cf->cmd->bit & (C_NORM | C_TAG | C_TSV | C_RUN | C_STATS | C_SHOW))) {
				usage(cf->cmd, stderr);
				exit(2);
			}
			cf->output = optarg;
			break;
		default:
			usage(cf->cmd, stderr);
			exit(2);
		}
	}
	if (cf->excel) {
		if (cf->tsv.format == LP_FMT_JSONL)
			lp_die("--excel writes CSV, not jsonl");
		cf->tsv.format = LP_FMT_EXCEL;
	}
	return optind;
}

/* ---- norm and run: files in ---- */

struct feed {
	struct lp_norm *nz;
	struct lp_sink *sink;
	int report;
	struct lp_progress *prog; /* run: the progress line on a terminal, or NULL */
};

static void
feed_file(void *ctx, const char *path, int fd)
{
	struct feed *f = ctx;
	struct lp_docstats st;

	lp_norm_fd(f->nz, fd, path, f->sink, &st);
	lp_progress_file(f->prog, st.bytes);
	if (f->report && st.enc) {
		char row[512];
		int n = snprintf(row, sizeof row, "%s\t%s\t%ld\t%llu\t%ld\t%ld\n", path, st.enc,
		                 st.lines, (unsigned long long)st.bytes, st.invalid, st.repairs);
		lp_out(row, (size_t)n);
	}
}

static int
cmd_norm(struct config *cf, char **args, int nargs)
{
	struct lp_sink sink;
	struct feed f = { 0 };

	if (cf->report) {
		memset(&sink, 0, sizeof sink);
		lp_out("doc\tencoding\tlines\tbytes\tinvalid\trepairs\n", 41);
	} else {
		lp_writer_sink(&sink);
	}
	f.nz = lp_norm_new(&cf->norm);
	f.sink = &sink;
	f.report = cf->report;
	lp_each_input(args, nargs, 0, feed_file, &f);
	lp_norm_free(f.nz);
	return lp_status;
}

/* run -j N and run --mapper: parallel.c's queue of documents */

static void
par_file(void *ctx, const char *path, int fd)
{
	int own = dup(fd); /* lp_each_input closes fd when this returns */

	if (own < 0) {
		lp_warn("%s:", path);
		return;
	}
	lp_par_add(ctx, path, own);
}

struct mapfeed {
	struct lp_par *par;
};

static void
map_file(void *ctx, const char *path, int fd)
{
	struct mapfeed *m = ctx;

	lp_par_mapper(m->par, fd, path);
}

static int
run_parallel(struct config *cf, char **args, int nargs, char *pat)
{
	struct lp_parcfg pc;
	struct lp_parstats st;
	struct lp_par *par;

	memset(&pc, 0, sizeof pc);
	pc.norm = &cf->norm;
	pc.patdir = pat;
	pc.sets = cf->sets;
	pc.nsets = cf->nsets;
	pc.fmt = &cf->tsv;
	pc.jobs = cf->jobs < 1 ? 1 : cf->jobs > 256 ? 256 : cf->jobs;
	{
		/* one named file: its blocks are the only work there is */
		struct stat sb;
		pc.blocks = nargs == 1 && !cf->mapper && strcmp(args[0], "-") &&
		            !stat(args[0], &sb) && S_ISREG(sb.st_mode);
	}
	par = lp_par_new(&pc);
	free(pat);
	if (!par) {
		free(cf->sets);
		return 2;
	}
	if (cf->mapper) {
		/* a task's output is concatenated with others': no header */
		struct mapfeed m = { par };
		lp_each_input(args, nargs, 0, map_file, &m);
	} else {
		lp_tsv_begin(&cf->tsv);
		lp_each_input(args, nargs, 1, par_file, par);
	}
	lp_par_finish(par, &st);
	if (cf->counters) {
		/* Hadoop Streaming adds these up over the tasks of a job */
		fprintf(stderr, "reporter:counter:lexpipe,documents,%llu\n"
		        "reporter:counter:lexpipe,lines,%llu\n"
		        "reporter:counter:lexpipe,bytes,%llu\n"
		        "reporter:counter:lexpipe,rows,%llu\n"
		        "reporter:counter:lexpipe,invalid,%llu\n"
		        "reporter:counter:lexpipe,repairs,%llu\n"
		        "reporter:counter:lexpipe,failed,%llu\n",
		        (unsigned long long)st.docs, (unsigned long long)st.lines,
		        (unsigned long long)st.bytes, (unsigned long long)st.rows,
		        (unsigned long long)st.invalid, (unsigned long long)st.repairs,
		        (unsigned long long)st.failed);
	}
	free(cf->sets);
	lp_tsv_free();
	return lp_status;
}

static int
cmd_run(struct config *cf, char **args, int nargs)
{
	struct lp_sink tsv, tagsink, tee;
	struct lp_tagger *t;
	struct feed f = { 0 };
	char *pat = cf->patterns ? lp_xstrdup(cf->patterns) : find_patterns();

	lp_out_buffered(); /* rows and records: small and many */

	/* the parallel writer formats rows with lp_fmt_row, each thread on its
	 * own; --context needs the row writer's window of recent lines, which
	 * only the one-thread path keeps */
	if ((cf->jobs > 1 || cf->mapper) && cf->tsv.context >= 0)
		lp_die("-j and --mapper do not take --context yet");
	if (cf->jobs > 1 || cf->mapper)
		return run_parallel(cf, args, nargs, pat);
	lp_tsv_sink(&tsv, &cf->tsv);
	t = lp_tagger_new(pat, cf->sets, cf->nsets, &tsv);
	free(pat);
	if (!t) {
		free(cf->sets);
		return 2;
	}
	lp_tsv_begin(&cf->tsv);
	lp_tagger_sink(t, &tagsink);
	lp_tsv_tee(&tee, &tagsink); /* the row writer sees the lines too (--context) */
	f.nz = lp_norm_new(&cf->norm);
	f.sink = &tee;
	f.prog = lp_progress_new(args, nargs);
	lp_each_input(args, nargs, 1, feed_file, &f);
	lp_tagger_flush(t);
	lp_progress_end(f.prog);
	lp_norm_free(f.nz);
	lp_tagger_free(t);
	free(cf->sets);
	lp_tsv_free();
	return lp_status;
}

/* ---- tag and tsv: records in ---- */

static void
malformed(const struct lp_reader *r, const char *why)
{
	lp_warn("%s:%ld: malformed record: %s", r->name, r->recno, why);
}

static int
cmd_tag(struct config *cf, char **args, int nargs)
{
	struct lp_sink out;
	struct lp_tagger *t;
	struct lp_reader r;
	struct lp_line l;
	char *pat = cf->patterns ? lp_xstrdup(cf->patterns) : find_patterns();
	int rc;

	lp_out_buffered(); /* rows and records: small and many */

	lp_writer_sink(&out);
	t = lp_tagger_new(pat, args, nargs, &out);
	free(pat);
	if (!t)
		return 2;
	memset(&l, 0, sizeof l);
	lp_reader_init(&r, stdin, "-");
	r.keep_raw = 1;
	while ((rc = lp_reader_next(&r)) > 0) {
		const char *why = NULL;

		if (r.toolong) {
			malformed(&r, "record too long; dropped");
			continue;
		}
		if (r.len >= 2 && r.buf[0] == 'L' && r.buf[1] == '\t') {
			lp_reader_split(&r);
			if (lp_parse_line(&r, &l, &why) == 0) {
				lp_tagger_line(t, &l);
			} else {
				malformed(&r, why);
				lp_tagger_flush(t);
			}
		} else {
			/* D, E, A and unknown records end the paragraph, then pass */
			lp_tagger_flush(t);
		}
		lp_out(r.raw.p, r.raw.len);
		lp_out("\n", 1);
	}
	if (rc < 0)
		lp_warn("-: read error:");
	lp_tagger_flush(t);
	lp_tagger_free(t);
	lp_map_free(&l.map);
	lp_reader_free(&r);
	return lp_status;
}

struct tsvrun {
	struct config *cf;
};

static void
tsv_file(void *ctx, const char *path, int fd)
{
	FILE *fp = fd == 0 ? stdin : fdopen(dup(fd), "r");

	(void)ctx;
	if (!fp) {
		lp_warn("%s:", path);
		return;
	}
	lp_tsv_read(fp, path); /* rows in the chosen format, as `run` writes them */
	if (fp != stdin)
		fclose(fp);
}

static int
cmd_tsv(struct config *cf, char **args, int nargs)
{
	lp_out_buffered(); /* rows and records: small and many */
	lp_tsv_begin(&cf->tsv);
	lp_each_input(args, nargs, 0, tsv_file, cf);
	lp_tsv_free();
	return lp_status;
}

/* ---- stats and show: records in, summaries and review out ---- */

static FILE *
open_fd(const char *path, int fd)
{
	FILE *fp = fd == 0 ? stdin : fdopen(dup(fd), "r");

	if (!fp)
		lp_warn("%s:", path);
	return fp;
}

static void
stats_file(void *ctx, const char *path, int fd)
{
	FILE *fp = open_fd(path, fd);

	if (fp) {
		lp_stats_read(ctx, fp, path);
		if (fp != stdin)
			fclose(fp);
	}
}

static int
cmd_stats(struct config *cf, char **args, int nargs)
{
	struct lp_stats *st = lp_stats_new();
	struct lp_buf out = { 0 };

	lp_each_input(args, nargs, 0, stats_file, st);
	lp_stats_write(st, cf->stats_tables ? cf->stats_tables : LP_STATS_DOCUMENTS | LP_STATS_PROVISIONS, &out);
	lp_out(out.p, out.len);
	lp_buf_free(&out);
	lp_stats_free(st);
	return lp_status;
}

static void
show_file(void *ctx, const char *path, int fd)
{
	FILE *fp = open_fd(path, fd);

	if (fp) {
		lp_show_read(ctx, fp, path);
		if (fp != stdin)
			fclose(fp);
	}
}

static int
cmd_show(struct config *cf, char **args, int nargs)
{
	struct lp_show *sh;
	const char *nc = getenv("NO_COLOR");

	/* colours on a terminal, unless NO_COLOR is set (no-color.org); --color forces them */
	if (!cf->show.color && !cf->show.html && isatty(1) && !(nc && *nc))
		cf->show.color = 1;
	sh = lp_show_new(&cf->show);
	lp_each_input(args, nargs, 0, show_file, sh);
	lp_show_finish(sh);
	return lp_status;
}

static int
cmd_patterns(struct config *cf, char **args, int nargs)
{
	struct lp_tagger *t;
	char *pat;
	int fails;

	if (!cf->check) {
		usage(cf->cmd, stderr);
		return 2;
	}
	pat = nargs > 0 ? lp_xstrdup(args[0]) : cf->patterns ? lp_xstrdup(cf->patterns) : find_patterns();
	t = lp_tagger_new(pat, args + (nargs > 0), nargs > 0 ? nargs - 1 : 0, NULL);
	free(pat);
	if (!t)
		return 2;
	fails = lp_tagger_check(t, cf->verbose);
	lp_tagger_free(t);
	if (fails) {
		lp_note("%d example%s failed", fails, fails == 1 ? "" : "s");
		return lp_status ? 2 : 1;
	}
	return lp_status;
}

int
main(int argc, char **argv)
{
	struct config cf;
	size_t i;
	int first, rc = 2;

	signal(SIGPIPE, SIG_DFL); /* a closed pipe ends the program quietly */
	memset(&cf, 0, sizeof cf);
	lp_fmt_defaults(&cf.tsv);
	if (argc < 2) {
		usage(NULL, stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(NULL, stdout);
		lp_fshut();
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("lexpipe %s\n", LP_VERSION);
		lp_fshut();
		return 0;
	}
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (!strcmp(argv[1], cmds[i].name))
			cf.cmd = &cmds[i];
	if (!cf.cmd) {
		lp_note("unknown command '%s'", argv[1]);
		usage(NULL, stderr);
		return 2;
	}
	first = parse(&cf, argc - 1, argv + 1) + 1;
	if (cf.output)
		lp_out_open(cf.output);
	switch (cf.cmd->bit) {
	case C_NORM: rc = cmd_norm(&cf, argv + first, argc - first); break;
	case C_TAG: rc = cmd_tag(&cf, argv + first, argc - first); break;
	case C_TSV: rc = cmd_tsv(&cf, argv + first, argc - first); break;
	case C_RUN: rc = cmd_run(&cf, argv + first, argc - first); break;
	case C_PAT: rc = cmd_patterns(&cf, argv + first, argc - first); break;
	case C_STATS: rc = cmd_stats(&cf, argv + first, argc - first); break;
	case C_SHOW: rc = cmd_show(&cf, argv + first, argc - first); break;
	}
	lp_fshut();
	return rc;
}
