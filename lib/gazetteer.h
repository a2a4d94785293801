#ifndef SATR_GAZETTEER_H
#define SATR_GAZETTEER_H

/* satr-ent's default gazetteer (gazetteer_data.c, made by
 * scripts/gen-gazetteer): lines of "TYPE<TAB>canonical<TAB>variant",
 * "NAME<TAB>token" (a common token of person names) and "WORD<TAB>token"
 * (any other). */
extern const char gazetteer_default[];

#endif
