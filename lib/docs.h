/*
 * Documents in a stream of lines: a file may be one document, or many
 * articles one after another (blank lines between them, a title line
 * starting each, or separator lines), as news dumps hold them.
 */
#ifndef SATR_DOCS_H
#define SATR_DOCS_H

#include <stddef.h>
#include <stdint.h>

#include "lines.h"
#include "para.h"

enum docs_mode {
	DOCS_AUTO,	/* BLANK if the file looks like a stream, else FILE */
	DOCS_FILE,	/* the whole file is one document */
	DOCS_BLANK,	/* a blank line ends a document */
	DOCS_TITLE,	/* a one-line paragraph ending no sentence starts one */
	DOCS_SEPARATOR	/* a line matching a pattern ends one */
};

/* No article is this long: a larger document is worth a warning. */
#define DOCS_WARN_BYTES 10000000

struct docs_sink {
	/* A document begins: number counts them from 1 in the file, or is 0
	 * when the whole file is one document. */
	void (*start)(void *ctx, uint64_t number);
	/* A line of it (blank lines included), at orig in the source. */
	void (*line)(void *ctx, const char *line, size_t n, uint64_t orig);
	void (*end)(void *ctx);
};

struct doc_finder {
	enum docs_mode mode, chosen;
	enum para_unwrap unwrap;	/* what the lines are said to be */
	struct docs_sink sink;
	void *ctx;
	void *pattern;		/* DOCS_SEPARATOR: an ICU regular expression */
	int open;		/* a document has started and not ended */
	uint64_t number;	/* of the last document started */
	int after_blank;	/* the last line was blank, or none yet */
	struct lines held;	/* DOCS_AUTO before its decision; DOCS_TITLE:
				 * a line that may be a title */
	size_t block_lines;	/* DOCS_AUTO: lines of the current block */
	size_t blocks;		/* complete blocks seen */
	int one_line_block;	/* one of them had a single line */
};

/*
 * pattern: with DOCS_SEPARATOR, an ICU regular expression a separator
 * line matches somewhere (anchor it with ^ and $ for a whole line).
 * unwrap: whether the lines are hard-wrapped (PARA_UNWRAP_AUTO: DOCS_AUTO
 * tells). Returns 0, or -1 with a message in err.
 */
int docs_init(struct doc_finder *d, enum docs_mode mode, const char *pattern,
    enum para_unwrap unwrap, const struct docs_sink *sink, void *ctx,
    char *err, size_t errlen);
/* A new file begins: documents are counted afresh. */
void docs_file(struct doc_finder *d);
/* The next line of the file, without its newline, at orig. */
void docs_line(struct doc_finder *d, const char *line, size_t n,
    uint64_t orig);
/* The file ends: so does its last document. */
void docs_end(struct doc_finder *d);
void docs_free(struct doc_finder *d);

#endif
