#include "writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

enum { WRITER_BUFSIZE = 1 << 16 };

void
writer_init(struct writer *w, int fd, int line_buffered)
{
	w->fd = fd;
	w->line_buffered = line_buffered;
	w->err = 0;
	w->buf = xmalloc(WRITER_BUFSIZE);
	w->n = 0;
	w->cap = WRITER_BUFSIZE;
}

static void
write_all(struct writer *w, const char *p, size_t n)
{
	while (n > 0 && w->err == 0) {
		ssize_t k = write(w->fd, p, n);

		if (k < 0) {
			if (errno != EINTR)
				w->err = errno;
			continue;
		}
		p += k;
		n -= (size_t)k;
	}
}

int
writer_flush(struct writer *w)
{
	write_all(w, w->buf, w->n);
	w->n = 0;
	return w->err;
}

void
writer_put(struct writer *w, const void *p, size_t n)
{
	if (w->err)
		return;
	if (n <= w->cap - w->n) {
		memcpy(w->buf + w->n, p, n);
		w->n += n;
		return;
	}
	writer_flush(w);
	if (n >= w->cap)
		write_all(w, p, n);
	else {
		memcpy(w->buf, p, n);
		w->n = n;
	}
}

void
writer_putc(struct writer *w, char c)
{
	if (w->n == w->cap)
		writer_flush(w);
	if (w->err == 0)
		w->buf[w->n++] = c;
}

void
writer_puts(struct writer *w, const char *s)
{
	writer_put(w, s, strlen(s));
}

void
writer_end_record(struct writer *w)
{
	writer_putc(w, '\n');
	if (w->line_buffered)
		writer_flush(w);
}

int
writer_close(struct writer *w)
{
	int err = writer_flush(w);

	free(w->buf);
	w->buf = NULL;
	w->cap = 0;
	return err;
}
