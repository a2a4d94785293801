#include "utf8.h"

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

int
utf8_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	int len, i;
	int32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return -1;
	if (c < 0xE0) {
		len = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates */
	} else {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	}
	/* Only the second byte has a narrowed range. */
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n || !is_cont(s[i]) ||
		    (i == 1 && (s[i] < lo || s[i] > hi)))
			return -i;
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return len;
}

size_t
utf8_valid_prefix(const char *str, size_t n)
{
	size_t i = 0, k;
	int32_t cp;
	int len;

	while (i < n) {
		if (i + 8 <= n && (k = utf8_short_word(str + i)) > 0) {
			i += k;
			continue;
		}
		len = utf8_decode(str + i, n - i, &cp);
		if (len < 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

size_t
utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_repair(const char *s, size_t n, struct buf *out)
{
	static const char fffd[3] = { (char)0xEF, (char)0xBF, (char)0xBD };
	size_t replaced = 0;
	int32_t cp;

	while (n > 0) {
		size_t ok = utf8_valid_prefix(s, n);
		int len;

		buf_add(out, s, ok);
		s += ok;
		n -= ok;
		if (n == 0)
			break;
		len = utf8_decode(s, n, &cp);
		buf_add(out, fffd, sizeof fffd);
		replaced++;
		s += -len;
		n -= (size_t)-len;
	}
	return replaced;
}

int32_t
utf8_at(const char *s, size_t n, size_t i, int *len)
{
	int32_t cp;
	int k;

	if (i >= n) {
		*len = 0;
		return -1;
	}
	k = utf8_decode(s + i, n - i, &cp);
	*len = k > 0 ? k : -k;
	return k > 0 ? cp : 0xFFFD;
}
