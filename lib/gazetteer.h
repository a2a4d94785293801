#ifndef SATR_GAZETTEER_H
#define SATR_GAZETTEER_H

/* satr-ent's default gazetteer (gazetteer_data.c, made by
 * scripts/gen-gazetteer): lines of "TYPE<TAB>canonical<TAB>variant" and
 * "NAME<TAB>token" (a token of person names). */
extern const char gazetteer_default[];

#endif
