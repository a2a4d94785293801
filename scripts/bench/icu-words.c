/*
 * The baseline satr-tok is measured against: ICU's word break iterator
 * over all of standard input, counting the words (the segments that are
 * not white space or punctuation, by the iterator's rule status).
 */
#include <stdio.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int
main(void)
{
	size_t cap = 1 << 20, n = 0, k;
	char *text = malloc(cap);
	UErrorCode e = U_ZERO_ERROR;
	UText *ut;
	UBreakIterator *bi;
	long words = 0;

	while (text && (k = fread(text + n, 1, cap - n, stdin)) > 0)
		if ((n += k) == cap)
			text = realloc(text, cap *= 2);
	if (text == NULL)
		return 1;
	ut = utext_openUTF8(NULL, text, (int64_t)n, &e);
	bi = ubrk_open(UBRK_WORD, "ar", NULL, 0, &e);
	ubrk_setUText(bi, ut, &e);
	if (U_FAILURE(e)) {
		fprintf(stderr, "icu-words: %s\n", u_errorName(e));
		return 1;
	}
	ubrk_first(bi);
	while (ubrk_next(bi) != UBRK_DONE)
		if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE)
			words++;
	printf("%ld\n", words);
	ubrk_close(bi);
	utext_close(ut);
	free(text);
	return fflush(stdout) == 0 ? 0 : 1;
}
