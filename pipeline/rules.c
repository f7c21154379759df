/*
 * rules.c - read pattern files (format in rules.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_kv(struct lp_rule *r, const char *key, size_t klen, const char *val, size_t vlen, int line)
{
	r->kv = lp_xrealloc(r->kv, (r->nkv + 1) * sizeof *r->kv);
	r->kv[r->nkv].key = lp_xstrndup(key, klen);
	r->kv[r->nkv].val = lp_xstrndup(val, vlen);
	r->kv[r->nkv].line = line;
	r->nkv++;
}

static int
load_file(struct lp_rules *rs, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, errs = 0;
	struct lp_rule *cur = NULL;

	if (!fp) {
		lp_warn("%s:", path);
		return 1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		char *p = line, *k, *v;
		size_t klen;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
		                   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if ((size_t)len != strlen(line)) {
			lp_warn("%s:%d: NUL byte in pattern file", path, lineno);
			errs++;
			continue;
		}
		/* examples and vocabularies are matched with PCRE2_NO_UTF_CHECK */
		if (lp_u8valid(line, (size_t)len) != (size_t)len) {
			lp_warn("%s:%d: not valid UTF-8 (byte %zu)", path, lineno,
			        lp_u8valid(line, (size_t)len) + 1);
			errs++;
			continue;
		}
		if (len == 0 || line[0] == '#')
			continue;
		if (line[0] == ' ' || line[0] == '\t') {
			/* a continuation line: appended to the previous value */
			while (*p == ' ' || *p == '\t')
				p++;
			if (!cur || cur->nkv == 0) {
				lp_warn("%s:%d: continuation line with nothing to continue", path, lineno);
				errs++;
				continue;
			}
			{
				struct lp_kv *kv = &cur->kv[cur->nkv - 1];
				size_t ol = strlen(kv->val), al = strlen(p);
				kv->val = lp_xrealloc(kv->val, ol + al + 1);
				memcpy(kv->val + ol, p, al + 1);
			}
			continue;
		}
		k = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		klen = (size_t)(p - k);
		while (*p == ' ' || *p == '\t')
			p++;
		v = p;
		if (klen == 4 && !strncmp(k, "rule", 4)) {
			size_t i;
			if (!*v) {
				lp_warn("%s:%d: rule without an id", path, lineno);
				errs++;
				cur = NULL;
				continue;
			}
			for (i = 0; i < rs->n; i++)
				if (!strcmp(rs->r[i].id, v)) {
					lp_warn("%s:%d: rule '%s' already defined at %s:%d", path, lineno, v,
					        rs->r[i].file, rs->r[i].line);
					errs++;
				}
			rs->r = lp_xrealloc(rs->r, (rs->n + 1) * sizeof *rs->r);
			cur = &rs->r[rs->n++];
			memset(cur, 0, sizeof *cur);
			cur->id = lp_xstrdup(v);
			cur->file = rs->files[rs->nfiles - 1];
			cur->line = lineno;
			continue;
		}
		if (!cur) {
			lp_warn("%s:%d: '%.*s' before the first rule", path, lineno, (int)klen, k);
			errs++;
			continue;
		}
		add_kv(cur, k, klen, v, strlen(v), lineno);
	}
	if (ferror(fp)) {
		lp_warn("%s: read error:", path);
		errs++;
	}
	free(line);
	fclose(fp);
	return errs;
}

int
lp_rules_load(const char *dir, struct lp_rules *rs)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int errs = 0;

	memset(rs, 0, sizeof *rs);
	rs->dir = lp_xstrdup(dir);
	if (!(d = opendir(dir))) {
		lp_warn("%s:", dir);
		return 1;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".pat") && e->d_name[0] != '.') {
			names = lp_xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = lp_xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmpstr);
	for (i = 0; i < n; i++) {
		size_t pl = strlen(dir) + strlen(names[i]) + 2;
		char *path = lp_xmalloc(pl);

		snprintf(path, pl, "%s/%s", dir, names[i]);
		free(names[i]);
		rs->files = lp_xrealloc(rs->files, (rs->nfiles + 1) * sizeof *rs->files);
		rs->files[rs->nfiles++] = path;
		errs += load_file(rs, path);
	}
	free(names);
	return errs;
}

void
lp_rules_free(struct lp_rules *rs)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		for (j = 0; j < rs->r[i].nkv; j++) {
			free(rs->r[i].kv[j].key);
			free(rs->r[i].kv[j].val);
		}
		free(rs->r[i].kv);
		free(rs->r[i].id);
	}
	free(rs->r);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs->dir);
	memset(rs, 0, sizeof *rs);
}

const char *
lp_rule_get(const struct lp_rule *r, const char *key, int *line)
{
	size_t i;

	for (i = 0; i < r->nkv; i++)
		if (!strcmp(r->kv[i].key, key)) {
			if (line)
				*line = r->kv[i].line;
			return r->kv[i].val;
		}
	return NULL;
}
