/*
 * The baseline satr-split is measured against: ICU's sentence break
 * iterator over all of standard input, one sentence a line (newlines in
 * a sentence become spaces), or with -c only a count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int
main(int argc, char **argv)
{
	int count_only = argc > 1 && strcmp(argv[1], "-c") == 0;
	size_t cap = 1 << 20, n = 0, k;
	char *text = malloc(cap);
	UErrorCode e = U_ZERO_ERROR;
	UText *ut;
	UBreakIterator *bi;
	int32_t from, to;
	long sentences = 0;

	while (text && (k = fread(text + n, 1, cap - n, stdin)) > 0)
		if ((n += k) == cap)
			text = realloc(text, cap *= 2);
	if (text == NULL)
		return 1;
	ut = utext_openUTF8(NULL, text, (int64_t)n, &e);
	bi = ubrk_open(UBRK_SENTENCE, "ar", NULL, 0, &e);
	ubrk_setUText(bi, ut, &e);
	if (U_FAILURE(e)) {
		fprintf(stderr, "icu-sentences: %s\n", u_errorName(e));
		return 1;
	}
	for (from = ubrk_first(bi); (to = ubrk_next(bi)) != UBRK_DONE;
	    from = to) {
		int32_t i, a = from, b = to;

		while (a < b && strchr(" \t\r\n", text[a]))
			a++;
		while (b > a && strchr(" \t\r\n", text[b - 1]))
			b--;
		if (a == b)
			continue;
		sentences++;
		if (count_only)
			continue;
		for (i = a; i < b; i++)
			putchar(text[i] == '\n' || text[i] == '\r' ? ' ' :
			    text[i]);
		putchar('\n');
	}
	if (count_only)
		printf("%ld\n", sentences);
	ubrk_close(bi);
	utext_close(ut);
	free(text);
	return fflush(stdout) == 0 ? 0 : 1;
}
