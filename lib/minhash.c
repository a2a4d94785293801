#include "minhash.h"

#include <string.h>

#include "hash.h"

/* The hash functions' constants: odd multipliers and offsets, fixed so
 * that signatures are the same on every run (splitmix64 from seed 1). */
static const struct {
	uint64_t a, b;
} seeds[MINHASH_SIZE] = {
	{ 0x910a2dec89025cc1ULL, 0xbeeb8da1658eec67ULL },
	{ 0xf893a2eefb32555fULL, 0x71c18690ee42c90bULL },
	{ 0x71bb54d8d101b5b9ULL, 0xc34d0bff90150280ULL },
	{ 0xe099ec6cd7363ca5ULL, 0x85e7bb0f12278575ULL },
	{ 0x491718de357e3da9ULL, 0xcb435c8e74616796ULL },
	{ 0x6775dc7701564f61ULL, 0x9afcd44d14cf8bfeULL },
	{ 0x7476cf8a4baa5dc1ULL, 0x87b341d690d7a28aULL },
	{ 0x6f9b6dae6f4c57a9ULL, 0x2ac2ce17a5794a3bULL },
	{ 0xa534a6a6b7fd0b63ULL, 0xd0bad0da572baaf1ULL },
	{ 0xae84379630af89efULL, 0xe263183773ef6508ULL },
	{ 0x10e2c46865e98747ULL, 0x14d7973c5c2a449cULL },
	{ 0x7ef1fd0ed1548fcdULL, 0x1f8410633ef306acULL },
	{ 0x497305c5d1aab99fULL, 0x0c43407dc177b6f7ULL },
	{ 0x83f91ca7864a7135ULL, 0xb6b9aeef0d2df7abULL },
	{ 0x0b331645445bcd27ULL, 0xff6c67e81909778aULL },
	{ 0x990cd70b12c5d085ULL, 0x962b1967c90789baULL },
	{ 0x65ace2685a072c6dULL, 0x70616f2f48dce01cULL },
	{ 0x40d6824e2ef3fc17ULL, 0x879e2e2256feff0cULL },
	{ 0x8b2e02445e4be0f5ULL, 0xbf8c59bb003553c1ULL },
	{ 0xd16aa4b296eb9d19ULL, 0xab27a171be5b133cULL },
	{ 0xdca0c749607e2c87ULL, 0xb54b3c40881e2907ULL },
	{ 0x3c821fbf59108163ULL, 0xa7ff0d388687ffb2ULL },
	{ 0xde70d1019fc66081ULL, 0xd6de6acd12c87e38ULL },
	{ 0x530e0e6118e9685fULL, 0x28bff9ea304d9f96ULL },
	{ 0xe4d9303221373073ULL, 0xe9a6100461edd57aULL },
	{ 0x4d4673ef77ba0575ULL, 0x21af8cfd4c4cbee5ULL },
	{ 0x536000f4bd6ae8f9ULL, 0xf0af3ce429ca1790ULL },
	{ 0x64c70b0b0c5b4a8fULL, 0x167587272751ecafULL },
	{ 0x9b679c859acd7aafULL, 0x27cd5f9ec8c694ccULL },
	{ 0xf55540b2bff06253ULL, 0xe02852925a4dc852ULL },
	{ 0x86c5d1b05ce2ce15ULL, 0x1180b23a1075b77fULL },
	{ 0xc09a1a817914ffbdULL, 0x88b894e1401ed25bULL },
	{ 0xb86c9a98359e0b63ULL, 0x47a9dc6739325facULL },
	{ 0x099545b4ca73e0f3ULL, 0x05a2e18941c3936bULL },
	{ 0x91866d4d0cde66a9ULL, 0x1eb967d7929813bbULL },
	{ 0x29663e9ea0ec2561ULL, 0xd2c61eeb27a21187ULL },
	{ 0xf902155aa328d575ULL, 0xb0eb094e6f1dcf73ULL },
	{ 0x90ccb6a06cd2330fULL, 0x7878834768668743ULL },
	{ 0x9fbd96359554aa53ULL, 0xdc3320bb97ca63beULL },
	{ 0xce45a342c10ffb55ULL, 0x1bea994d2e7d779dULL },
	{ 0xa64b31c22cc57f39ULL, 0x388495061eb06ce1ULL },
	{ 0x6c38537a931e49d7ULL, 0xe31d5ce0684b83f2ULL },
	{ 0xaf60baae69576109ULL, 0xf0dad8272e600eb1ULL },
	{ 0xc0257e403811c379ULL, 0x2072b26dfe81f26eULL },
	{ 0x2d4de979b560315dULL, 0xbcf35b6db5f3ba40ULL },
	{ 0xc7c9572ddea951a9ULL, 0x635b0b7e74f0c83eULL },
	{ 0x18c80a5e762810c3ULL, 0xf3f0a4b172d1294bULL },
	{ 0x98d0ff43e17386afULL, 0x180a2bd6343d01f8ULL },
	{ 0xdb20290ac13e4a81ULL, 0xd80391ffb30d1390ULL },
	{ 0x00077ba99ea524f3ULL, 0x4f05f03735c3b951ULL },
	{ 0xbc73014050141d01ULL, 0x96bf5d405151ec53ULL },
	{ 0xaa3de53fbde4ae5bULL, 0x7bc42e82782acb92ULL },
	{ 0x764176e3c9cf4b25ULL, 0xfd845ef300ce2d0bULL },
	{ 0xa3e9bfbbf6c43e6fULL, 0x0781577a0f53e5d6ULL },
	{ 0xd909c315b21d8f6dULL, 0xe8e6022a79eb517bULL },
	{ 0x62db179ca8487c5bULL, 0x263346a69dd14426ULL },
	{ 0xa2e4fe841f72235fULL, 0x98f30af45f97eca2ULL },
	{ 0x2f596652cb9a9f17ULL, 0x19a3c59084763a12ULL },
	{ 0xfd0d1f90df4a692fULL, 0x67cae465669e4cc4ULL },
	{ 0x795179bbe709a103ULL, 0x9005becd29b95dbbULL },
	{ 0xb19892fd50ff4223ULL, 0xbd7de8f23cff78deULL },
	{ 0xf85a587bb6c47b9fULL, 0x7a2d99b9da657470ULL },
	{ 0x3782f608dcd26b71ULL, 0x32647003725b6ed3ULL },
	{ 0x1805127cc0db4d9dULL, 0x6524e51ffe73cb44ULL },
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word of text from *i: its start and length; 0 at the end. */
static int
next_word(const char *text, size_t n, size_t *i, size_t *start, size_t *len)
{
	while (*i < n && is_space(text[*i]))
		(*i)++;
	if (*i >= n)
		return 0;
	*start = *i;
	while (*i < n && !is_space(text[*i]))
		(*i)++;
	*len = *i - *start;
	return 1;
}

int
minhash_signature(const char *text, size_t n, uint32_t sig[MINHASH_SIZE])
{
	size_t i = 0, words = 0, k;
	uint64_t wh[MINHASH_SHINGLE] = { 0 };
	int any = 0;

	for (k = 0; k < MINHASH_SIZE; k++)
		sig[k] = UINT32_MAX;
	for (;;) {
		size_t s, l;
		int more = next_word(text, n, &i, &s, &l);
		uint64_t shingle = 0;

		if (more) {
			/* A window of the last MINHASH_SHINGLE words. */
			memmove(wh, wh + 1, sizeof wh - sizeof wh[0]);
			wh[MINHASH_SHINGLE - 1] = hash_bytes(text + s, l);
			words++;
			if (words < MINHASH_SHINGLE)
				continue;
		} else if (words == 0 || words >= MINHASH_SHINGLE) {
			break;
		}
		/* The window's words; a text shorter than a shingle is one. */
		for (k = MINHASH_SHINGLE - (words < MINHASH_SHINGLE ? words :
		    MINHASH_SHINGLE); k < MINHASH_SHINGLE; k++)
			shingle = shingle * 0x100000001b3ULL ^ wh[k];
		shingle = hash_bytes(&shingle, sizeof shingle);
		for (k = 0; k < MINHASH_SIZE; k++) {
			/* Multiply-shift hashing: one multiplication each. */
			uint32_t h = (uint32_t)((shingle * seeds[k].a +
			    seeds[k].b) >> 32);

			if (h < sig[k])
				sig[k] = h;
		}
		any = 1;
		if (!more)
			break;
	}
	return any;
}

double
minhash_similarity(const uint32_t *a, const uint32_t *b)
{
	unsigned k, same = 0;

	for (k = 0; k < MINHASH_SIZE; k++)
		same += a[k] == b[k];
	return (double)same / MINHASH_SIZE;
}

unsigned
minhash_rows(double threshold)
{
	return threshold >= 0.75 ? 8 : threshold >= 0.5 ? 4 : 2;
}

uint64_t
minhash_band(const uint32_t *sig, unsigned b, unsigned rows)
{
	return hash_bytes_seeded(sig + (size_t)b * rows, rows * sizeof *sig,
	    1000 + b);
}
