/*
 * The default models, built into the library as they are: lib/seg.model
 * and lib/ner.model, made by scripts/gen-models. Each comes with its size.
 */
	.section .rodata
	.balign 16
	.globl satr_seg_model
satr_seg_model:
	.incbin "lib/seg.model"
satr_seg_model_end:
	.balign 16
	.globl satr_ner_model
satr_ner_model:
	.incbin "lib/ner.model"
satr_ner_model_end:
	.balign 8
	.globl satr_seg_model_size
satr_seg_model_size:
	.quad satr_seg_model_end - satr_seg_model
	.globl satr_ner_model_size
satr_ner_model_size:
	.quad satr_ner_model_end - satr_ner_model
	.section .note.GNU-stack,"",%progbits
