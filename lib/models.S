/*
 * The default models, built into the library as they are: lib/seg.model
 * (scripts/gen-models from WikiNews) and lib/ner.model.
 */
	.section .rodata
	.balign 16
	.globl satr_seg_model
	.globl satr_seg_model_end
satr_seg_model:
	.incbin "lib/seg.model"
satr_seg_model_end:
	.balign 16
	.globl satr_ner_model
	.globl satr_ner_model_end
satr_ner_model:
	.incbin "lib/ner.model"
satr_ner_model_end:
	.section .note.GNU-stack,"",%progbits
