// GENERATED FILE - DO NOT EDIT.
// Made by scripts/gen-contrib-schemas.py from onnxruntime 1.32.0 (150 schemas). Regenerate with:
//     .venv/bin/python scripts/gen-contrib-schemas.py
// The text format is described at the top of scripts/gen-op-schemas.py and parsed by
// Sources/KilnOps/OpSchema+Parsing.swift.

// swift-format-ignore-file

/// onnxruntime's `com.microsoft` contrib op schemas, in the format of gen-op-schemas.py.
enum ContribOpSchemaData {
    static let onnxruntimeVersion = "1.32.0"

    static let text = #"""
D	com.microsoft	1
S	com.microsoft	Attention	1	0	0	0	2	7	1	2
I	input	T	single	1	1
I	weights	T	single	1	1
I	bias	T	optional	1	1
I	mask_index	M	optional	1	1
I	past	T	optional	1	1
I	attention_bias	T	optional	1	1
I	past_sequence_length	M	optional	1	1
O	output	T	single	1	1
O	present	T	optional	1	1
A	do_rotary	int	0
A	mask_filter_value	float	0
A	num_heads	int	1
A	past_present_share_buffer	int	0
A	qkv_hidden_sizes	ints	0
A	rotary_embedding_dim	int	0
A	scale	float	0
A	unidirectional	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int32)
S	com.microsoft	AttnLSTM	1	0	0	0	3	14	0	3
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
I	QW	T	optional	1	1
I	MW	T	optional	1	1
I	V	T	optional	1	1
I	M	T	optional	1	1
I	memory_seq_lens	T1	optional	1	1
I	AW	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
O	Y_c	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	input_forget	int	0	i:0
T	T	tensor(float)	tensor(double)
T	T1	tensor(int32)
S	com.microsoft	BeamSearch	1	0	0	0	5	12	1	3
I	input_ids	F	single	1	1
I	max_length	I	single	1	1
I	min_length	I	optional	1	1
I	num_beams	I	single	1	1
I	num_return_sequences	I	single	1	1
I	length_penalty	T	optional	1	1
I	repetition_penalty	T	optional	1	1
I	vocab_mask	M	optional	1	1
I	prefix_vocab_mask	M	optional	1	1
I	attention_mask	I	optional	1	1
I	decoder_input_ids	I	optional	1	1
I	logits_processor	I	optional	1	1
O	sequences	I	single	1	1
O	sequences_scores	T	optional	1	1
O	scores	T	optional	1	1
A	decoder	graph	1
A	decoder_start_token_id	int	0	i:-1
A	early_stopping	int	0	i:0
A	encoder	graph	0
A	eos_token_id	int	1
A	init_decoder	graph	0
A	model_type	int	0	i:0
A	no_repeat_ngram_size	int	0	i:0
A	pad_token_id	int	1
A	vocab_size	int	0	i:-1
T	T	tensor(float)	tensor(float16)
T	F	tensor(float)	tensor(int32)	tensor(float16)
T	I	tensor(int32)
T	M	tensor(int32)
S	com.microsoft	BiasAdd	1	0	0	0	3	3	1	1
I	X	T	single	1	1
I	bias	T	single	1	1
I	skip	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)
S	com.microsoft	BiasDropout	1	0	0	0	2	5	1	2
I	data	T	single	1	1
I	bias	T	single	1	1
I	residual	T	optional	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T2	optional	1	1
A	seed	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(bool)
S	com.microsoft	BiasGelu	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	BiasSoftmax	1	0	0	0	2	2	1	1
I	data	T	single	1	1
I	bias	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
A	is_inner_broadcast	int	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	BiasSplitGelu	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	bias	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)
S	com.microsoft	BifurcationDetector	1	0	0	0	3	4	2	2
I	src_tokens	T	single	1	1
I	cur_tokens	T	single	1	1
I	prev_suffix_match_idx	T	single	1	1
I	pred_tokens	T	optional	1	1
O	tokens	T	single	1	1
O	suffix_match_idx	T	single	1	1
A	max_ngram_size	int	0	i:3
A	min_ngram_size	int	0	i:1
T	T	tensor(int64)
S	com.microsoft	BitmaskBiasDropout	1	0	0	0	2	5	1	2
I	data	T	single	1	1
I	bias	T	single	1	1
I	residual	T	optional	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T3	optional	1	1
A	seed	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(bool)
T	T3	tensor(uint32)
S	com.microsoft	BitmaskDropout	1	0	0	0	1	3	1	2
I	data	T	single	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T3	optional	1	1
A	seed	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(bool)
T	T3	tensor(uint32)
S	com.microsoft	BranchwiseRMSNorm	1	0	0	0	1	2	1	1
I	X	T	single	1	1
I	scale	M	optional	1	1
O	Y	T	single	1	1
A	epsilon	float	0	f:1e-05
A	num_branches	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	CDist	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	metric	string	0	s:sqeuclidean
T	T	tensor(float)	tensor(double)
S	com.microsoft	CausalConvWithState	1	0	0	0	2	4	2	3
I	input	T	single	1	1
I	weight	T	single	1	1
I	bias	T	optional	1	1
I	past_state	T	optional	1	1
O	output	T	single	1	1
O	present_state	T	single	1	1
O	state_update	T	optional	1	1
A	activation	string	0	s:none
A	channels_last	int	0	i:0
A	dilation	int	0	i:1
A	input_channel_offset	int	0	i:0
A	input_channels	int	0	i:0
A	ndim	int	0	i:1
A	state_channels_last	int	0	i:-1
A	state_length	int	0	i:0
A	state_update_capacity	int	0	i:0
A	state_window	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	ComplexMul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(float16)
S	com.microsoft	ComplexMulConj	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(float16)
S	com.microsoft	ConvStateReplay	1	0	0	0	4	4	1	1
I	source_backing	T	single	1	1
I	capture_backing	T	single	1	1
I	destination_backing	T	single	1	1
I	metadata	TI	single	1	1
O	destination_out	T	single	1	1
T	T	tensor(float16)	tensor(float)
T	TI	tensor(int64)
S	com.microsoft	ConvTransposeWithDynamicPads	1	0	0	0	2	4	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	Pads	tensor(int64)	optional	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	output_padding	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	CropAndResize	1	0	0	0	4	4	1	1
I	X	T1	single	1	1
I	rois	T1	single	1	1
I	batch_indices	T2	single	1	1
I	crop_size	T2	single	1	1
O	Y	T1	single	1	1
A	extrapolation_value	float	0	f:0.0
A	mode	string	0	s:bilinear
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int32)
S	com.microsoft	DecoderAttention	1	0	0	0	12	12	1	3
I	query	T	single	1	1
I	key	T	single	1	1
I	q_weight	T	single	1	1
I	kv_weight	T	single	1	1
I	bias	T	single	1	1
I	key_padding_mask	B	optional	1	1
I	key_cache	T	optional	1	1
I	value_cache	T	optional	1	1
I	static_kv	B	single	1	1
I	use_past	B	single	1	1
I	has_layer_state	B	single	1	1
I	has_key_padding_mask	B	single	1	1
O	output	T	single	1	1
O	new_key_cache	T	optional	1	1
O	new_value_cache	T	optional	1	1
A	mask_filter_value	float	0
A	num_heads	int	1
T	T	tensor(float)	tensor(float16)
T	B	tensor(bool)
S	com.microsoft	DecoderMaskedMultiHeadAttention	1	0	0	0	1	11	1	4
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	mask_index	M	optional	1	1
I	attention_bias	T	optional	1	1
I	past_key	T	optional	1	1
I	past_value	T	optional	1	1
I	past_sequence_length	M	optional	1	1
I	beam_width	M	optional	1	1
I	cache_indirection	M	optional	1	1
I	bias	T	optional	1	1
O	output	T	single	1	1
O	present_key	T	optional	1	1
O	present_value	T	optional	1	1
O	qk	QK	optional	1	1
A	mask_filter_value	float	0
A	num_heads	int	1
A	output_qk	int	0
A	past_present_share_buffer	int	0
A	scale	float	0
T	T	tensor(float)	tensor(float16)
T	QK	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	DecoderMaskedSelfAttention	1	0	0	0	7	9	2	2
I	input	T	single	1	1
I	weights	T	single	1	1
I	bias	T	single	1	1
I	mask_index	M	optional	1	1
I	past	T	single	1	1
I	attention_bias	T	optional	1	1
I	past_sequence_length	M	single	1	1
I	beam_width	M	optional	1	1
I	cache_indirection	M	optional	1	1
O	output	T	single	1	1
O	present	T	single	1	1
A	do_rotary	int	0
A	mask_filter_value	float	0
A	num_heads	int	1
A	past_present_share_buffer	int	0
A	scale	float	0
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	DequantizeBFP	1	0	0	0	3	3	1	1
I	x	T1	single	1	1
I	shape	T2	single	1	1
I	strides	T2	single	1	1
O	y	T3	single	1	1
A	bfp_type	int	1
A	block_dim	int	0	i:-1
A	dtype	int	0	i:1
T	T1	tensor(uint8)
T	T2	tensor(int64)
T	T3	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	DequantizeLinear	1	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T2	single	1	1
A	axis	int	0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(int4)	tensor(uint4)
T	T2	tensor(float16)	tensor(float)
S	com.microsoft	DequantizeWithOrder	1	0	0	0	2	2	1	1
I	input	Q	single	1	1
I	scale_input	S	single	1	1
O	output	F	single	1	1
A	order_input	int	1
A	order_output	int	1
A	to	int	1
T	Q	tensor(int8)
T	F	tensor(float16)	tensor(float)
T	S	tensor(float)
S	com.microsoft	DynamicQuantizeLSTM	1	0	0	0	12	12	0	3
I	X	T	single	1	1
I	W	T2	single	1	1
I	R	T2	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
I	W_scale	T	single	1	1
I	W_zero_point	T2	single	1	1
I	R_scale	T	single	1	1
I	R_zero_point	T2	single	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
O	Y_c	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	input_forget	int	0	i:0
T	T	tensor(float)
T	T1	tensor(int32)
T	T2	tensor(uint8)	tensor(int8)
S	com.microsoft	DynamicQuantizeMatMul	1	0	0	0	3	5	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	b_scale	T1	single	1	1
I	b_zero_point	T2	optional	1	1
I	bias	T1	optional	1	1
O	Y	T1	single	1	1
T	T1	tensor(float)
T	T2	tensor(int8)	tensor(uint8)
S	com.microsoft	DynamicSparseAttention	1	0	0	0	11	20	1	4
I	query	TQuery	single	1	1
I	key	TQuery	optional	1	1
I	value	TValue	optional	1	1
I	past_key	TCache	optional	1	1
I	past_value	TCache	optional	1	1
I	auxiliary_key	T	optional	1	1
I	auxiliary_value	T	optional	1	1
I	selected_indices	M	single	1	1
I	selected_counts	M	single	1	1
I	seqlens_k	M	single	1	1
I	total_sequence_length	M	single	1	1
I	cos_cache	T	optional	1	1
I	sin_cache	T	optional	1	1
I	position_ids	tensor(int64)	optional	1	1
I	q_norm_weight	T	optional	1	1
I	k_norm_weight	T	optional	1	1
I	head_sink	T	optional	1	1
I	committed_length	M	optional	1	1
I	key_scale	S	optional	1	1
I	value_scale	S	optional	1	1
O	output	T	single	1	1
O	present_key	TCache	optional	1	1
O	present_value	TCache	optional	1	1
O	validation_status	M	optional	1	1
A	attention_mode	string	0	s:selected_only
A	auxiliary_kv_shared	int	0	i:0
A	do_rotary	int	0	i:0
A	is_causal	int	0	i:1
A	kv_num_heads	int	1
A	local_window_size	int	0	i:-1
A	num_heads	int	1
A	output_bf16	int	0	i:0
A	qk_norm_epsilon	float	0	f:1e-06
A	rotary_interleaved	int	0	i:0
A	rotary_offset	int	0	i:0
A	scale	float	0
A	selected_kv_source	string	0	s:main
A	smooth_softmax	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TQuery	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TValue	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TCache	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int8)
T	S	tensor(float)
T	M	tensor(int32)
S	com.microsoft	DynamicTimeWarping	1	0	0	0	1	1	1	1
I	input	F	single	1	1
O	output	I	single	1	1
T	F	tensor(float)
T	I	tensor(int32)
S	com.microsoft	EPContext	1	0	0	0	0	*	1	*
I	inputs	T	variadic	0	1
O	outputs	T	variadic	0	1
A	embed_mode	int	0	i:1
A	ep_cache_context	string	0
A	ep_sdk_version	string	0
A	hardware_architecture	string	0
A	main_context	int	0	i:1
A	max_size	int	0	i:0
A	notes	string	0
A	onnx_model_filename	string	0
A	partition_name	string	0
A	source	string	0
T	T	tensor(bool)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	EmbedLayerNormalization	1	0	0	0	7	9	1	3
I	input_ids	T1	single	1	1
I	segment_ids	T1	optional	1	1
I	word_embedding	T	single	1	1
I	position_embedding	T	single	1	1
I	segment_embedding	T	optional	1	1
I	gamma	T	single	1	1
I	beta	T	single	1	1
I	mask	T1	optional	1	1
I	position_ids	T1	optional	1	1
O	output	T	single	1	1
O	mask_index	T1	optional	1	1
O	embedding_sum	T	optional	1	1
A	epsilon	float	0	f:1e-12
A	mask_index_type	int	0
T	T1	tensor(int32)
T	T	tensor(float)	tensor(float16)
S	com.microsoft	EngramGate	1	0	0	0	5	6	1	2
I	key	T	single	1	1
I	query	T	single	1	1
I	value	T	single	1	1
I	key_norm_scale	T	single	1	1
I	query_norm_scale	T	single	1	1
I	conv_norm_scale	T	optional	1	1
O	output	T	single	1	1
O	gated_value_normed	T	optional	1	1
A	epsilon	float	0	f:1e-05
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	ExpandDims	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	axis	tensor(int32)	single	1	1
O	Y	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S	com.microsoft	FastGelu	1	0	0	0	1	2	1	1
I	X	T	single	1	1
I	bias	T	optional	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	FusedConv	1	0	0	0	2	4	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
I	Z	T	optional	1	1
O	Y	T	single	1	1
A	activation	string	0
A	activation_params	floats	0
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	FusedGemm	1	0	0	0	2	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	optional	1	1
O	Y	T	single	1	1
A	activation	string	0
A	activation_alpha	float	0
A	activation_beta	float	0
A	activation_gamma	float	0
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S	com.microsoft	FusedMatMul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
A	transBatchA	int	0	i:0
A	transBatchB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	FusedMatMulActivation	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
A	activation	string	1
A	activation_alpha	float	0
A	activation_axis	int	0
A	activation_beta	float	0
A	activation_gamma	float	0
A	alpha	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
A	transBatchA	int	0	i:0
A	transBatchB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	GatedAdd	1	0	0	0	3	4	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
I	gate	T	single	1	1
I	gate_weight	T	optional	1	1
O	output	T	single	1	1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	GatedDeltaNet	1	0	0	0	1	11	1	3
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	cu_seqlens	TI	optional	1	1
I	decay	TG	optional	1	1
I	beta	TG	optional	1	1
I	initial_state	TS	optional	1	1
I	a_log	TS	optional	1	1
I	dt_bias	TS	optional	1	1
I	capture_count	TI	optional	1	1
I	state_update_active	TI	optional	1	1
O	output	T	single	1	1
O	final_state	TS	optional	1	1
O	state_update	TS	optional	1	1
A	beta_activation	string	0	s:none
A	chunk_size	int	0	i:64
A	gate_activation	string	0	s:none
A	gate_lower_bound	float	0	f:-5.0
A	qk_l2_norm	int	0	i:0
A	scale	float	0	f:0.0
A	state_update_capacity	int	0	i:0
A	update_rule	string	0	s:gated_delta
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TS	tensor(float)
T	TG	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TI	tensor(int32)
S	com.microsoft	GatedDeltaNetStateReplay	1	0	0	0	4	4	1	1
I	source_backing	T	single	1	1
I	capsule_backing	T	single	1	1
I	destination_backing	T	single	1	1
I	metadata	TI	single	1	1
O	destination_out	T	single	1	1
T	T	tensor(float)
T	TI	tensor(int64)
S	com.microsoft	GatedRMSNorm	1	0	0	0	3	3	1	1
I	X	T	single	1	1
I	scale	T	single	1	1
I	gate	T	single	1	1
O	Y	T	single	1	1
A	activation	string	0	s:silu
A	epsilon	float	0	f:1e-05
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	GatedRelativePositionBias	1	0	0	0	6	7	1	1
I	query_layer	T	single	1	1
I	query_bias	T	single	1	1
I	rel_pos	T	single	1	1
I	weight	T	single	1	1
I	bias	T	single	1	1
I	eco_a	T	single	1	1
I	token_offset	M	optional	1	1
O	output	T	single	1	1
A	num_heads	int	1
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	GatherBlockQuantized	1	0	0	0	3	4	1	1
I	data	T1	single	1	1
I	indices	Tind	single	1	1
I	scales	T2	single	1	1
I	zero_points	T1	optional	1	1
O	output	T2	single	1	1
A	bits	int	0	i:4
A	block_size	int	0	i:128
A	gather_axis	int	0	i:0
A	quantize_axis	int	0	i:1
T	T1	tensor(int4)	tensor(uint4)	tensor(uint8)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(float4e2m1)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)
T	Tind	tensor(int32)	tensor(int64)
S	com.microsoft	GatherND	1	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S	com.microsoft	GatherPacked	1	0	0	0	2	2	1	1
I	data	T1	single	1	1
I	indices	Tind	single	1	1
O	output	T2	single	1	1
A	K	int	1
A	output_dtype	int	0	i:16
A	packed_type	int	1
T	T1	tensor(uint8)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)
T	Tind	tensor(int32)	tensor(int64)
S	com.microsoft	Gelu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	GemmFastGelu	1	0	0	0	2	3	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	bias	T	optional	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	GemmFloat8	1	0	0	0	2	6	1	1
I	A	TA	single	1	1
I	B	TB	single	1	1
I	C	TC	optional	1	1
I	scaleA	TS	optional	1	1
I	scaleB	TS	optional	1	1
I	scaleY	TS	optional	1	1
O	Y	TR	single	1	1
A	activation	string	0
A	alpha	float	0	f:1.0
A	beta	float	0	f:0.0
A	dtype	int	0	i:1
A	transA	int	0	i:0
A	transB	int	0	i:0
T	TA	tensor(float8e4m3fn)	tensor(float8e5m2)	tensor(float16)	tensor(bfloat16)	tensor(float)
T	TB	tensor(float8e4m3fn)	tensor(float8e5m2)	tensor(float16)	tensor(bfloat16)	tensor(float)
T	TC	tensor(float16)	tensor(bfloat16)	tensor(float)
T	TR	tensor(float8e4m3fn)	tensor(float8e5m2)	tensor(float16)	tensor(bfloat16)	tensor(float)
T	TS	tensor(float)
S	com.microsoft	GemmaRotaryEmbedding	1	0	0	0	5	5	2	2
I	emb	U	single	1	1
I	q	T	single	1	1
I	q_rot	T	single	1	1
I	k	T	single	1	1
I	k_rot	T	single	1	1
O	output1	T	single	1	1
O	output2	T	single	1	1
T	T	tensor(float16)
T	U	tensor(float)
S	com.microsoft	GreedySearch	1	0	0	0	2	7	1	1
I	input_ids	I	single	1	1
I	max_length	I	single	1	1
I	min_length	I	optional	1	1
I	repetition_penalty	T	optional	1	1
I	vocab_mask	I	optional	1	1
I	prefix_vocab_mask	I	optional	1	1
I	attention_mask	I	optional	1	1
O	sequences	I	single	1	1
A	decoder	graph	1
A	decoder_start_token_id	int	0	i:-1
A	encoder	graph	0
A	eos_token_id	int	1
A	init_decoder	graph	0
A	model_type	int	0	i:0
A	no_repeat_ngram_size	int	0	i:0
A	pad_token_id	int	1
A	vocab_size	int	0	i:-1
T	T	tensor(float)
T	I	tensor(int32)
S	com.microsoft	GridSample	1	0	0	0	2	2	1	1
I	X	T1	single	1	1
I	Grid	T1	single	1	1
O	Y	T2	single	1	1
A	align_corners	int	0	i:0
A	mode	string	0	s:bilinear
A	padding_mode	string	0	s:zeros
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	GroupNorm	1	0	0	0	3	3	1	1
I	X	T	single	1	1
I	gamma	M	single	1	1
I	beta	M	single	1	1
O	Y	T	single	1	1
A	activation	int	1
A	channels_last	int	0	i:1
A	epsilon	float	0	f:1e-05
A	groups	int	1
T	T	tensor(float16)	tensor(float)
T	M	tensor(float16)	tensor(float)
S	com.microsoft	GroupQueryAttention	1	0	0	0	7	17	1	4
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	past_key	T_CACHE	optional	1	1
I	past_value	T_CACHE	optional	1	1
I	seqlens_k	M	single	1	1
I	total_sequence_length	M	single	1	1
I	cos_cache	T	optional	1	1
I	sin_cache	T	optional	1	1
I	position_ids	tensor(int64)	optional	1	1
I	attention_bias	T	optional	1	1
I	head_sink	T	optional	1	1
I	k_scale	T_KV_SCALE	optional	1	1
I	v_scale	T_KV_SCALE	optional	1	1
I	q_norm_weight	T	optional	1	1
I	k_norm_weight	T	optional	1	1
I	query_seqlens	M	optional	1	1
O	output	T	single	1	1
O	present_key	T_CACHE	optional	1	1
O	present_value	T_CACHE	optional	1	1
O	output_qk	T	optional	1	1
A	causal	int	0	i:1
A	do_rotary	int	0
A	k_norm_epsilon	float	0
A	k_quant_type	string	0	s:NONE
A	kv_cache_bit_width	int	0
A	kv_num_heads	int	1
A	local_window_size	int	0	i:-1
A	num_heads	int	1
A	q_norm_epsilon	float	0
A	qk_norm_epsilon	float	0	f:1e-06
A	qk_output	int	0	i:0
A	rotary_interleaved	int	0
A	scale	float	0
A	sliding_window_cache	int	0	i:0
A	smooth_softmax	int	0	i:-1
A	softcap	float	0
A	v_quant_type	string	0	s:NONE
T	T	tensor(float16)	tensor(bfloat16)	tensor(float)
T	T_CACHE	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(uint8)	tensor(int8)	tensor(float8e4m3fn)
T	T_KV_SCALE	tensor(float)
T	M	tensor(int32)
S	com.microsoft	HyperConnectionLowRankMix	1	0	0	0	5	7	2	3
I	streams	T	single	1	1
I	norm_scale	T	single	1	1
I	down_weight	T	single	1	1
I	up_weight	T	single	1	1
I	inject_weight	T	single	1	1
I	prev_block_output	T	optional	1	1
I	prev_post_gate	T	optional	1	1
O	pre_output	T	single	1	1
O	post_gate	T	single	1	1
O	streams_out	T	optional	1	1
A	epsilon	float	0	f:1e-05
A	gate_div	float	0	f:1.0
A	gate_mul	float	0	f:1.0
A	num_branches	int	1
A	reduction_scale	float	0	f:1.0
A	silu_alpha	float	0	f:1.0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	HyperConnectionPostMix	1	0	0	0	3	4	1	1
I	streams	T	single	1	1
I	block_output	T	single	1	1
I	post_mix	M	single	1	1
I	stream_mix	M	optional	1	1
O	output	T	single	1	1
A	num_branches	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	HyperConnectionPreMix	1	0	0	0	2	2	1	1
I	streams	T	single	1	1
I	pre_mix	M	single	1	1
O	output	T	single	1	1
A	num_branches	int	0	i:0
A	reduction_scale	float	0	f:1.0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	Inverse	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	Irfft	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	normalized	int	0	i:0
A	onesided	int	0	i:1
A	signal_ndim	int	1
T	T	tensor(float)	tensor(double)	tensor(float16)
S	com.microsoft	IsAllFinite	1	0	0	0	1	*	1	1
I	input	V	variadic	1	1
O	output	T	single	1	1
A	isinf_only	int	0	i:0
A	isnan_only	int	0	i:0
T	V	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T	tensor(bool)
S	com.microsoft	LinearAttention	1	0	0	0	3	6	2	2
I	query	T	single	1	1
I	key	T	single	1	1
I	value	T	single	1	1
I	past_state	S	optional	1	1
I	decay	T	optional	1	1
I	beta	T	optional	1	1
O	output	T	single	1	1
O	present_state	S	single	1	1
A	chunk_size	int	0	i:64
A	kv_num_heads	int	1
A	q_num_heads	int	1
A	scale	float	0	f:0.0
A	state_window	int	0	i:0
A	update_rule	string	0	s:gated_delta
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	S	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	LinearAttentionGate	1	0	0	0	3	4	1	2
I	a	T	single	1	1
I	dt_bias	TF	single	1	1
I	decay_scale	TF	single	1	1
I	b	T	optional	1	1
O	decay	T	single	1	1
O	beta	T	optional	1	1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TF	tensor(float)
S	com.microsoft	LongformerAttention	1	0	0	0	7	7	1	1
I	input	T	single	1	1
I	weight	T	single	1	1
I	bias	T	single	1	1
I	mask	T	single	1	1
I	global_weight	T	single	1	1
I	global_bias	T	single	1	1
I	global	G	single	1	1
O	output	T	single	1	1
A	num_heads	int	1
A	window	int	1
T	T	tensor(float)	tensor(float16)
T	G	tensor(int32)
S	com.microsoft	MRotaryEmbedding	1	0	0	0	4	4	1	1
I	input	T	single	1	1
I	position_ids	M	single	1	1
I	cos_cache	T	single	1	1
I	sin_cache	T	single	1	1
O	output	T	single	1	1
A	interleaved	int	0
A	is_packed_batching	int	0
A	mrope_layout	int	0
A	mrope_section	ints	1
A	num_heads	int	0
A	rotary_embedding_dim	int	0
A	scale	float	0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int64)
S	com.microsoft	Mamba2Verify	1	0	0	0	10	10	3	5
I	projection	T	single	1	1
I	conv_state	T	single	1	1
I	ssm_state	F	single	1	1
I	conv_weight	T	single	1	1
I	conv_bias	T	single	1	1
I	dt_bias	F	single	1	1
I	A_negative	F	single	1	1
I	D	F	single	1	1
I	norm_weight	F	single	1	1
I	state_row	I	single	1	1
O	Y	T	single	1	1
O	conv_snapshots	T	single	1	1
O	ssm_snapshots	F	single	1	1
O	xbc	T	optional	1	1
O	readout	F	optional	1	1
A	d_state	int	0	i:128
A	epsilon	float	0	f:1e-05
A	head_dim	int	0	i:64
A	heads	int	1
A	n_groups	int	1
A	time_step_min	float	0	f:0.001
T	T	tensor(bfloat16)
T	F	tensor(float)
T	I	tensor(int32)
S	com.microsoft	MatMulBlockQuantizedFp4Weight	1	0	0	0	4	6	1	1
I	A	T	single	1	1
I	B	T1	single	1	1
I	weight_scale	T2	single	1	1
I	weight_scale_2	T3	single	1	1
I	input_scale	T3	optional	1	1
I	bias	T	optional	1	1
O	Y	T	single	1	1
A	block_size	int	0	i:16
T	T	tensor(float16)	tensor(bfloat16)
T	T1	tensor(uint8)
T	T2	tensor(uint8)
T	T3	tensor(float)
S	com.microsoft	MatMulBlockQuantizedFp8Weight	1	0	0	0	3	5	1	1
I	A	T	single	1	1
I	B	T1	single	1	1
I	b_scale	T2	single	1	1
I	a_scale	T2	optional	1	1
I	bias	T	optional	1	1
O	Y	T	single	1	1
A	block_size	int	0	i:128
T	T	tensor(float16)	tensor(bfloat16)
T	T1	tensor(float8e4m3fn)
T	T2	tensor(float)
S	com.microsoft	MatMulBnb4	1	0	0	0	3	3	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	absmax	T1	single	1	1
O	Y	T1	single	1	1
A	K	int	1
A	N	int	1
A	block_size	int	1
A	quant_type	int	1
A	training_mode	int	0	i:0
A	transB	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T2	tensor(uint8)
S	com.microsoft	MatMulFpQ4	1	0	0	0	3	3	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	B_shape	T3	single	1	1
O	Y	T1	single	1	1
A	blk_quant_type	int	0	i:1
T	T1	tensor(float)
T	T2	tensor(uint8)
T	T3	tensor(int64)
S	com.microsoft	MatMulInteger16	1	0	0	0	2	2	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
O	Y	T3	single	1	1
T	T1	tensor(int16)	tensor(uint16)
T	T2	tensor(int16)	tensor(uint16)
T	T3	tensor(int32)	tensor(uint32)
S	com.microsoft	MatMulIntegerToFloat	1	0	0	0	4	7	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	a_scale	T3	single	1	1
I	b_scale	T3	single	1	1
I	a_zero_point	T1	optional	1	1
I	b_zero_point	T2	optional	1	1
I	bias	T3	optional	1	1
O	Y	T3	single	1	1
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(float)	tensor(float16)
S	com.microsoft	MatMulNBits	1	0	0	0	3	6	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	scales	T1	single	1	1
I	zero_points	T3	optional	1	1
I	g_idx	T4	optional	1	1
I	bias	T1	optional	1	1
O	Y	T1	single	1	1
A	K	int	1
A	N	int	1
A	accuracy_level	int	0	i:0
A	bits	int	0	i:4
A	block_size	int	1
A	weight_prepacked	int	0	i:0
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T2	tensor(uint8)
T	T3	tensor(uint8)	tensor(float16)	tensor(float)	tensor(bfloat16)
T	T4	tensor(int32)
S	com.microsoft	MatMulNBitsMlp	1	0	0	0	8	9	1	2
I	A	T1	single	1	1
I	skip	T1	optional	1	1
I	norm_scale	T1	optional	1	1
I	gate_B	T2	single	1	1
I	gate_scales	T1	single	1	1
I	gate_bias	T1	optional	1	1
I	up_B	T2	single	1	1
I	up_scales	T1	single	1	1
I	up_bias	T1	optional	1	1
O	Y	T1	single	1	1
O	input_skip_bias_sum	T1	optional	1	1
A	K	int	1
A	N	int	1
A	accuracy_level	int	0	i:0
A	activation	string	1
A	bits	int	0	i:4
A	block_size	int	1
A	epsilon	float	0	f:1e-05
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T2	tensor(uint8)
S	com.microsoft	MatMulNBitsQLoRA	1	0	0	0	7	7	1	1
I	X	T	single	1	1
I	W	TQ	single	1	1
I	scales	T	single	1	1
I	lora_A	TQ	single	1	1
I	lora_A_scales	T	single	1	1
I	lora_B	TQ	single	1	1
I	lora_B_scales	T	single	1	1
O	Y	T	single	1	1
A	K	int	1
A	N	int	1
A	accuracy_level	int	0	i:0
A	bits	int	0	i:4
A	block_size	int	0	i:32
A	lora_bits	int	0	i:8
A	lora_block_size	int	0	i:32
T	T	tensor(float16)	tensor(float)
T	TQ	tensor(uint8)
S	com.microsoft	MatMulNBitsQkv	1	0	0	0	11	12	3	4
I	A	T1	single	1	1
I	skip	T1	optional	1	1
I	norm_scale	T1	single	1	1
I	q_B	T2	single	1	1
I	q_scales	T1	single	1	1
I	q_bias	T1	optional	1	1
I	k_B	T2	single	1	1
I	k_scales	T1	single	1	1
I	k_bias	T1	optional	1	1
I	v_B	T2	single	1	1
I	v_scales	T1	single	1	1
I	v_bias	T1	optional	1	1
O	Q	T1	single	1	1
O	K	T1	single	1	1
O	V	T1	single	1	1
O	input_skip_bias_sum	T1	optional	1	1
A	K	int	1
A	Nkv	int	1
A	Nq	int	1
A	accuracy_level	int	0	i:0
A	bits	int	0	i:4
A	block_size	int	1
A	epsilon	float	0	f:1e-06
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T2	tensor(uint8)
S	com.microsoft	MatMulPacked	1	0	0	0	2	3	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	global_scale	Tscale	optional	1	1
O	Y	T1	single	1	1
A	K	int	1
A	N	int	1
A	activation_type	string	0	s:none
A	packed_type	int	1
T	T1	tensor(bfloat16)	tensor(float16)
T	T2	tensor(uint8)
T	Tscale	tensor(float)
S	com.microsoft	MaxpoolWithMask	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	M	tensor(int32)	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	0
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(float)
S	com.microsoft	MoE	1	0	0	0	5	8	1	1
I	input	T	single	1	1
I	router_probs	T	single	1	1
I	fc1_experts_weights	T	single	1	1
I	fc1_experts_bias	T	optional	1	1
I	fc2_experts_weights	T	single	1	1
I	fc2_experts_bias	T	optional	1	1
I	fc3_experts_weights	T	optional	1	1
I	fc3_experts_bias	T	optional	1	1
O	output	T	single	1	1
A	activation_alpha	float	0	f:1.0
A	activation_beta	float	0	f:0.0
A	activation_type	string	0	s:relu
A	k	int	0	i:1
A	normalize_routing_weights	int	0	i:0
A	swiglu_fusion	int	0	i:0
A	swiglu_limit	float	0
A	swiglu_limit_after_activation	int	0	i:0
A	use_sparse_mixer	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	MoEGroupRouter	1	0	0	0	2	3	0	3
I	logits	T	single	1	1
I	expert_bias	TF	single	1	1
I	projection_weight	T	optional	1	1
O	router_probs	T	optional	1	1
O	selection_scores	TF	optional	1	1
O	router_weights	TF	optional	1	1
A	group_topk	int	0	i:2
A	n_group	int	0	i:1
A	router_sentinel	float	0	f:-10000.0
A	top_k	int	1
A	topk_group	int	0	i:1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TF	tensor(float)
S	com.microsoft	MoEPacked	1	0	0	0	5	6	1	1
I	input	T	single	1	1
I	router_probs	TR	single	1	1
I	gate_experts_weights	T2	single	1	1
I	up_experts_weights	T2	optional	1	1
I	down_experts_weights	T2	single	1	1
I	router_weights	TR	optional	1	1
O	output	T	single	1	1
A	activation_type	string	0	s:swiglu
A	down_type	int	1
A	gate_type	int	1
A	k	int	0	i:1
A	normalize_routing_weights	int	0	i:1
A	routed_scaling_factor	float	0	f:1.0
A	routing_epsilon	float	0	f:0.0
A	up_type	int	0	i:-1
T	T	tensor(bfloat16)	tensor(float16)
T	T2	tensor(uint8)
T	TR	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	MulInteger	1	0	0	0	3	4	1	1
I	A	T	single	1	1
I	A_zero_point	T	optional	1	1
I	B	T	single	1	1
I	B_zero_point	T	optional	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(int8)
T	T1	tensor(int32)
S	com.microsoft	MultiHeadAttention	1	0	0	0	1	10	1	4
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	bias	T	optional	1	1
I	key_padding_mask	M	optional	1	1
I	attention_bias	T	optional	1	1
I	past_key	T	optional	1	1
I	past_value	T	optional	1	1
I	past_sequence_length	M	optional	1	1
I	cache_indirection	M	optional	1	1
O	output	T	single	1	1
O	present_key	T	optional	1	1
O	present_value	T	optional	1	1
O	qk	QK	optional	1	1
A	mask_filter_value	float	0
A	num_heads	int	1
A	scale	float	0
A	unidirectional	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	QK	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int32)
S	com.microsoft	MurmurHash3	1	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	positive	int	0	i:1
A	seed	int	0	i:0
T	T1	tensor(uint32)	tensor(int32)	tensor(uint64)	tensor(int64)	tensor(float)	tensor(double)	tensor(string)
T	T2	tensor(uint32)	tensor(int32)
S	com.microsoft	NGramHashMapping	1	0	0	0	3	7	1	2
I	input_ids	M	single	1	1
I	multipliers	M	single	1	1
I	vocab_sizes	M	single	1	1
I	past_ids	M	optional	1	1
I	head_offsets	M	optional	1	1
I	eos_token_id	M	optional	1	1
I	segment_ids	tensor(int32)	optional	1	1
O	hash_ids	M	single	1	1
O	present_ids	M	optional	1	1
A	max_ngram_size	int	1
A	n_head_per_ngram	int	1
A	pad_id	int	1
A	reset_on_eos	int	0	i:0
T	M	tensor(int32)	tensor(int64)
S	com.microsoft	NGramRepeatBlock	1	0	0	0	2	2	1	1
I	input_ids	Tid	single	1	1
I	scores	T	single	1	1
O	scores_out	T	single	1	1
A	ngram_size	int	1
T	Tid	tensor(int64)
T	T	tensor(float)
S	com.microsoft	NhwcConv	1	0	0	0	2	3	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	NhwcFusedConv	1	0	0	0	2	4	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
I	Z	T	optional	1	1
O	Y	T	single	1	1
A	activation	string	0
A	activation_params	floats	0
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)
S	com.microsoft	NhwcMaxPool	1	0	0	0	1	1	1	1
I	x	T	single	1	1
O	y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(int8)	tensor(uint8)
S	com.microsoft	PackedAttention	1	0	0	0	5	6	1	1
I	input	T	single	1	1
I	weights	T	single	1	1
I	bias	T	single	1	1
I	token_offset	M	single	1	1
I	cumulative_sequence_length	M	single	1	1
I	attention_bias	T	optional	1	1
O	output	T	single	1	1
A	num_heads	int	1
A	qkv_hidden_sizes	ints	0
A	scale	float	0
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	PackedMultiHeadAttention	1	0	0	0	6	7	1	1
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	bias	T	optional	1	1
I	token_offset	M	single	1	1
I	cumulative_sequence_length	M	single	1	1
I	attention_bias	T	optional	1	1
O	output	T	single	1	1
A	mask_filter_value	float	0
A	num_heads	int	1
A	scale	float	0
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	PackedSparseAttentionIndexer	1	0	0	0	16	22	6	9
I	query	T	single	1	1
I	key	T	optional	1	1
I	query_norm_weight	T	single	1	1
I	key_norm_weight	T	single	1	1
I	cos_cache	T	single	1	1
I	sin_cache	T	single	1	1
I	cumulative_sequence_lengths	M	single	1	1
I	past_sequence_lengths	M	single	1	1
I	gate	T	optional	1	1
I	position_bias	T	optional	1	1
I	head_weights	T	optional	1	1
I	position_ids	I	optional	1	1
I	past_key_state	T_KEY	single	1	1
I	past_kv_buffer	T	single	1	1
I	past_gate_buffer	T	optional	1	1
I	past_state_lengths	M	single	1	1
I	state_update_capture_count	M	optional	1	1
I	state_update_active	M	optional	1	1
I	indexshare_mode	M	optional	1	1
I	merged_indices	M	optional	1	1
I	merged_counts	M	optional	1	1
I	merged_status	M	optional	1	1
O	selected_indices	M	single	1	1
O	selected_counts	M	single	1	1
O	present_key_state	T_KEY	single	1	1
O	present_kv_buffer	T	single	1	1
O	present_gate_buffer	T	optional	1	1
O	present_state_lengths	M	single	1	1
O	state_update	T	optional	1	1
O	indexshare_status	M	optional	1	1
O	state_status	M	optional	1	1
A	compress_ratio	int	1
A	epsilon	float	0	f:1e-06
A	head_weight_scale	float	0
A	index_topk	int	0
A	indexshare_state_policy	string	0	s:default
A	max_output_entries	int	0	i:0
A	policy_mode	string	1
A	scale	float	0
A	state_capacity	int	1
A	state_update_capacity	int	0	i:0
A	token_budget	int	0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T_KEY	tensor(float)	tensor(float16)	tensor(bfloat16)
T	I	tensor(int64)
T	M	tensor(int32)
S	com.microsoft	PackedSparseAttentionIndexerMerge	1	0	0	0	3	7	3	3
I	base_indices	T	single	1	1
I	base_counts	T	single	1	1
I	base_row_indices	T	single	1	1
I	range_starts	T	optional	1	1
I	range_ends	T	optional	1	1
I	additional_indices	T	optional	1	1
I	additional_counts	T	optional	1	1
O	selected_indices	T	single	1	1
O	selected_counts	T	single	1	1
O	status	T	single	1	1
A	max_output_entries	int	1
A	policy_mode	string	1
T	T	tensor(int32)
S	com.microsoft	Pad	1	0	0	0	2	3	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	value	T	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	PagedAttention	1	0	0	0	8	17	1	3
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	key_cache	T_CACHE	single	1	1
I	value_cache	T_CACHE	optional	1	1
I	cumulative_sequence_length	S	single	1	1
I	past_seqlens	S	single	1	1
I	block_table	S	single	1	1
I	cos_cache	T	optional	1	1
I	sin_cache	T	optional	1	1
I	slot_mapping	S	optional	1	1
I	head_sink	T	optional	1	1
I	q_norm_weight	T	optional	1	1
I	k_norm_weight	T	optional	1	1
I	k_scale	T_KV_SCALE	optional	1	1
I	v_scale	T_KV_SCALE	optional	1	1
I	attention_metadata	S	optional	1	1
O	output	T	single	1	1
O	key_cache_out	T_CACHE	optional	1	1
O	value_cache_out	T_CACHE	optional	1	1
A	do_rotary	int	0
A	is_causal	int	0	i:1
A	k_cache_dtype	string	0	s:
A	k_quant_type	string	0	s:NONE
A	kv_cache_layout	string	0	s:SEPARATE
A	kv_num_heads	int	1
A	local_window_size	int	0	i:-1
A	num_heads	int	1
A	qk_norm_epsilon	float	0
A	rotary_interleaved	int	0
A	rotary_offset	int	0
A	scale	float	0
A	softcap	float	0
A	v_cache_dtype	string	0	s:
A	v_head_size	int	0
A	v_quant_type	string	0	s:NONE
T	T	tensor(float16)	tensor(bfloat16)
T	T_CACHE	tensor(float16)	tensor(bfloat16)	tensor(int8)	tensor(float8e4m3fn)	tensor(uint8)
T	T_KV_SCALE	tensor(float)
T	S	tensor(int32)
S	com.microsoft	QAttention	1	0	0	0	5	9	1	2
I	input	T1	single	1	1
I	weight	T2	single	1	1
I	bias	T3	single	1	1
I	input_scale	T3	single	1	1
I	weight_scale	T3	single	1	1
I	mask_index	T4	optional	1	1
I	input_zero_point	T1	optional	1	1
I	weight_zero_point	T2	optional	1	1
I	past	T3	optional	1	1
O	output	T3	single	1	1
O	present	T3	optional	1	1
A	do_rotary	int	0
A	mask_filter_value	float	0
A	num_heads	int	1
A	past_present_share_buffer	int	0
A	scale	float	0
A	unidirectional	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(float)	tensor(float16)
T	T4	tensor(int32)
S	com.microsoft	QEmbedLayerNormalization	1	0	0	0	18	18	2	2
I	input_ids	T1	single	1	1
I	segment_ids	T1	optional	1	1
I	word_embedding_quant	T2	single	1	1
I	position_embedding_quant	T2	single	1	1
I	segment_embedding	T2	optional	1	1
I	gamma_quant	T2	single	1	1
I	beta_quant	T2	single	1	1
I	mask	T1	optional	1	1
I	word_embedding_scale	T	single	1	1
I	position_embedding_scale	T	single	1	1
I	segment_embedding_scale	T	optional	1	1
I	gamma_scale	T	single	1	1
I	beta_scale	T	single	1	1
I	word_embedding_zero_point	T2	single	1	1
I	position_embedding_zero_point	T2	single	1	1
I	segment_embedding_zero_point	T2	optional	1	1
I	gamma_zero_point	T2	single	1	1
I	beta_zero_point	T2	single	1	1
O	layernorm_out	T	single	1	1
O	mask_index_out	T1	single	1	1
A	epsilon	float	0	f:1e-12
T	T1	tensor(int32)
T	T2	tensor(int8)	tensor(uint8)
T	T	tensor(float)
S	com.microsoft	QGemm	1	0	0	0	6	9	1	1
I	A	TA	single	1	1
I	a_scale	T	single	1	1
I	a_zero_point	TA	single	1	1
I	B	TB	single	1	1
I	b_scale	T	single	1	1
I	b_zero_point	TB	single	1	1
I	C	TC	optional	1	1
I	y_scale	T	optional	1	1
I	y_zero_point	TYZ	optional	1	1
O	Y	TY	single	1	1
A	alpha	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float)
T	TA	tensor(uint8)	tensor(int8)
T	TB	tensor(uint8)	tensor(int8)
T	TC	tensor(int32)
T	TYZ	tensor(uint8)	tensor(int8)
T	TY	tensor(float)	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearAdd	1	0	0	0	7	8	1	1
I	A	T	single	1	1
I	A_scale	tensor(float)	single	1	1
I	A_zero_point	T	optional	1	1
I	B	T	single	1	1
I	B_scale	tensor(float)	single	1	1
I	B_zero_point	T	optional	1	1
I	C_scale	tensor(float)	single	1	1
I	C_zero_point	T	optional	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearAveragePool	1	0	0	0	4	5	1	1
I	X	T	single	1	1
I	x_scale	tensor(float)	single	1	1
I	x_zero_point	T	optional	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	channels_last	int	0	i:0
A	count_include_pad	int	0	i:0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearConcat	1	0	0	0	3	*	1	1
I	Y_scale	TF	single	1	1
I	Y_zero_point	T8	single	1	1
I	inputs	TV	variadic	0	1
O	Y	T8	single	1	1
A	axis	int	1
T	T8	tensor(uint8)	tensor(int8)
T	TF	tensor(float)
T	TV	tensor(uint8)	tensor(int8)	tensor(float)
S	com.microsoft	QLinearConv	1	0	0	0	8	9	1	1
I	x	T1	single	1	1
I	x_scale	tensor(float)	single	1	1
I	x_zero_point	T1	single	1	1
I	w	T2	single	1	1
I	w_scale	tensor(float)	single	1	1
I	w_zero_point	T2	single	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T3	single	1	1
I	B	T4	optional	1	1
O	y	T3	single	1	1
A	auto_pad	string	0	s:NOTSET
A	channels_last	int	0	i:0
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(int8)	tensor(uint8)
T	T4	tensor(int32)
S	com.microsoft	QLinearGlobalAveragePool	1	0	0	0	5	5	1	1
I	X	T	single	1	1
I	x_scale	tensor(float)	single	1	1
I	x_zero_point	T	single	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T	single	1	1
O	Y	T	single	1	1
A	channels_last	int	0	i:0
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearLeakyRelu	1	0	0	0	4	5	1	1
I	X	T	single	1	1
I	X_scale	tensor(float)	single	1	1
I	X_zero_point	T	optional	1	1
I	Y_scale	tensor(float)	single	1	1
I	Y_zero_point	T	optional	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.01
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearMul	1	0	0	0	7	8	1	1
I	A	T	single	1	1
I	A_scale	tensor(float)	single	1	1
I	A_zero_point	T	optional	1	1
I	B	T	single	1	1
I	B_scale	tensor(float)	single	1	1
I	B_zero_point	T	optional	1	1
I	C_scale	tensor(float)	single	1	1
I	C_zero_point	T	optional	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearReduceMean	1	0	0	0	4	5	1	1
I	data	T	single	1	1
I	data_scale	tensor(float)	single	1	1
I	data_zero_point	T	optional	1	1
I	reduced_scale	tensor(float)	single	1	1
I	reduced_zero_point	T	optional	1	1
O	reduced	T	single	1	1
A	axes	ints	1
A	keepdims	int	1
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearSigmoid	1	0	0	0	4	5	1	1
I	X	T	single	1	1
I	X_scale	tensor(float)	single	1	1
I	X_zero_point	T	optional	1	1
I	Y_scale	tensor(float)	single	1	1
I	Y_zero_point	T	optional	1	1
O	Y	T	single	1	1
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearSoftmax	1	0	0	0	5	5	1	1
I	X	T	single	1	1
I	X_scale	tensor(float)	single	1	1
I	x_zero_point	T	optional	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T	single	1	1
O	Y	T	single	1	1
A	axis	int	0	i:-1
A	opset	int	1
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QLinearWhere	1	0	0	0	9	9	1	1
I	condition	B	single	1	1
I	X	T	single	1	1
I	x_scale	TF	single	1	1
I	x_zero_point	T	single	1	1
I	Y	T	single	1	1
I	y_scale	TF	single	1	1
I	y_zero_point	T	single	1	1
I	z_scale	TF	single	1	1
I	z_zero_point	T	single	1	1
O	Z	T	single	1	1
T	B	tensor(bool)
T	TF	tensor(float)
T	T	tensor(uint8)	tensor(int8)
S	com.microsoft	QMoE	1	0	0	0	6	21	1	1
I	input	T	single	1	1
I	router_probs	T	single	1	1
I	fc1_experts_weights	T1	single	1	1
I	fc1_scales	T2	optional	1	1
I	fc1_experts_bias	T	optional	1	1
I	fc2_experts_weights	T1	single	1	1
I	fc2_scales	T2	optional	1	1
I	fc2_experts_bias	T	optional	1	1
I	fc3_experts_weights	T1	optional	1	1
I	fc3_scales	T2	optional	1	1
I	fc3_experts_bias	T	optional	1	1
I	fc1_zero_points	T1	optional	1	1
I	fc2_zero_points	T1	optional	1	1
I	fc3_zero_points	T1	optional	1	1
I	router_weights	T	optional	1	1
I	fc1_global_scale	T4	optional	1	1
I	fc2_global_scale	T4	optional	1	1
I	fc1_act_scale	T4	optional	1	1
I	fc2_act_scale	T4	optional	1	1
I	fc1_act_block_scale	T2	optional	1	1
I	fc2_act_block_scale	T2	optional	1	1
O	output	T	single	1	1
A	accuracy_level	int	0	i:0
A	activation_alpha	float	0	f:1.0
A	activation_beta	float	0	f:0.0
A	activation_type	string	0	s:relu
A	block_size	int	0
A	expert_weight_bits	int	0	i:4
A	fc1_expert_weight_bits	int	0
A	fc2_expert_weight_bits	int	0
A	fc3_expert_weight_bits	int	0
A	k	int	0	i:1
A	normalize_routing_weights	int	0	i:0
A	quant_type	string	0	s:int
A	swiglu_fusion	int	0	i:0
A	swiglu_limit	float	0
A	swiglu_limit_after_activation	int	0	i:0
A	use_sparse_mixer	int	0	i:0
A	weights_prepacked	int	0	i:-1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T1	tensor(uint8)	tensor(float8e4m3fn)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(float8e8m0)	tensor(float8e4m3fn)
T	T4	tensor(float)
S	com.microsoft	QOrderedAttention	1	0	0	0	17	20	1	1
I	input	Q	single	1	1
I	scale_input	S	single	1	1
I	scale_Q_gemm	S	single	1	1
I	scale_K_gemm	S	single	1	1
I	scale_V_gemm	S	single	1	1
I	Q_weight	Q	single	1	1
I	K_weight	Q	single	1	1
I	V_weight	Q	single	1	1
I	scale_Q_weight	S	single	1	1
I	scale_K_weight	S	single	1	1
I	scale_V_weight	S	single	1	1
I	Q_bias	S	single	1	1
I	K_bias	S	single	1	1
I	V_bias	S	single	1	1
I	scale_QKT_gemm	S	optional	1	1
I	scale_QKT_softmax	S	optional	1	1
I	scale_values_gemm	S	single	1	1
I	mask_index	G	optional	1	1
I	past	Q	optional	1	1
I	attention_bias	S	optional	1	1
O	output	Q	single	1	1
A	num_heads	int	1
A	order_input	int	1
A	order_output	int	1
A	order_weight	int	1
A	qkv_hidden_sizes	ints	0
A	unidirectional	int	0	i:0
T	Q	tensor(int8)
T	S	tensor(float)
T	G	tensor(int32)
S	com.microsoft	QOrderedGelu	1	0	0	0	3	3	1	1
I	X	Q	single	1	1
I	scale_X	S	single	1	1
I	scale_Y	S	single	1	1
O	Y	Q	single	1	1
A	order_X	int	0
A	order_Y	int	0
T	Q	tensor(int8)
T	S	tensor(float)
S	com.microsoft	QOrderedLayerNormalization	1	0	0	0	5	5	1	1
I	X	Q	single	1	1
I	scale_X	S	single	1	1
I	scale	F	single	1	1
I	B	F	optional	1	1
I	scale_Y	S	single	1	1
O	Y	Q	single	1	1
A	axis	int	0	i:-1
A	epsilon	float	0	f:1e-05
A	order_X	int	0	i:1
A	order_Y	int	0	i:1
T	F	tensor(float16)	tensor(float)
T	S	tensor(float)
T	Q	tensor(int8)
S	com.microsoft	QOrderedLongformerAttention	1	0	0	0	14	14	1	1
I	input	Q	single	1	1
I	scale_input	S	single	1	1
I	weight	Q	single	1	1
I	scale_weight	S	single	1	1
I	bias	S	single	1	1
I	scale_bias	S	single	1	1
I	scale_qkv_gemm	S	single	1	1
I	mask	F	single	1	1
I	global_weight	Q	single	1	1
I	scale_global_weight	S	single	1	1
I	global_bias	S	single	1	1
I	scale_global_gemm	S	single	1	1
I	global	G	single	1	1
I	scale_output	S	single	1	1
O	output	Q	single	1	1
A	num_heads	int	1
A	order_global_weight	int	1
A	order_input	int	1
A	order_output	int	1
A	order_weight	int	1
A	window	int	1
T	Q	tensor(int8)
T	S	tensor(float)
T	G	tensor(int32)
T	F	tensor(float16)
S	com.microsoft	QOrderedMatMul	1	0	0	0	5	8	1	1
I	A	Q	single	1	1
I	scale_A	S	single	1	1
I	B	Q	single	1	1
I	scale_B	S	single	1	1
I	scale_Y	S	single	1	1
I	bias	S	optional	1	1
I	C	Q	optional	1	1
I	scale_C	S	optional	1	1
O	Y	Q	single	1	1
A	order_A	int	1
A	order_B	int	1
A	order_Y	int	1
T	Q	tensor(int8)
T	S	tensor(float)
S	com.microsoft	QuantizeBFP	1	0	0	0	1	1	3	3
I	x	T1	single	1	1
O	y	T2	single	1	1
O	shape	T3	single	1	1
O	strides	T3	single	1	1
A	bfp_type	int	1
A	block_dim	int	0	i:-1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T2	tensor(uint8)
T	T3	tensor(int64)
S	com.microsoft	QuantizeLinear	1	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T1	single	1	1
I	y_zero_point	T2	optional	1	1
O	y	T2	single	1	1
A	axis	int	0
T	T1	tensor(float16)	tensor(float)
T	T2	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int4)	tensor(uint4)
S	com.microsoft	QuantizeWithOrder	1	0	0	0	2	2	1	1
I	input	F	single	1	1
I	scale_input	S	single	1	1
O	output	Q	single	1	1
A	order_input	int	1
A	order_output	int	1
T	Q	tensor(int8)
T	F	tensor(float16)	tensor(float)
T	S	tensor(float)
S	com.microsoft	QuickGelu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.702
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	RMSNormRotary	1	0	0	0	5	6	1	2
I	X	T	single	1	1
I	scale	F	single	1	1
I	position_ids	I	single	1	1
I	cosine	TCos	single	1	1
I	sine	TCos	single	1	1
I	prefill_numerics	TI	optional	1	1
O	Y	TOut	single	1	1
O	normalized_fp32	F	optional	1	1
A	epsilon	float	0	f:1e-06
A	flatten_batch	int	0	i:0
A	input_start	int	0	i:0
A	input_width	int	0	i:0
A	output_fp16	int	0	i:0
A	rotary_embedding_dim	int	1
A	use_fp32_arithmetic	int	0	i:1
T	T	tensor(bfloat16)	tensor(float16)
T	TCos	tensor(bfloat16)	tensor(float)
T	TOut	tensor(bfloat16)	tensor(float16)
T	F	tensor(float)
T	I	tensor(int64)
T	TI	tensor(int32)
S	com.microsoft	Range	1	0	0	0	2	3	1	1
I	start	T	single	1	1
I	limit	T	single	1	1
I	delta	T	optional	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(int16)	tensor(int32)	tensor(int64)
S	com.microsoft	ReduceSumInteger	1	0	0	0	1	1	1	1
I	data	T1	single	1	1
O	reduced	T2	single	1	1
A	axes	ints	1
A	keepdims	int	1
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int32)	tensor(uint32)
S	com.microsoft	RelativePositionBias	1	0	0	0	3	3	1	1
I	bias_table	T	single	1	1
I	query_length	U	single	1	1
I	key_length	U	single	1	1
O	output	T	single	1	1
A	is_bidirectional	int	0	i:0
A	max_distance	int	1
T	T	tensor(float)	tensor(float16)
T	U	tensor(int64)
S	com.microsoft	RemovePadding	1	0	0	0	2	2	4	4
I	input	T	single	1	1
I	sequence_token_count	M	single	1	1
O	output	T	single	1	1
O	token_offset	M	single	1	1
O	cumulated_seq_len	M	single	1	1
O	max_seq_len	M	single	1	1
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	RestorePadding	1	0	0	0	2	2	1	1
I	input	T	single	1	1
I	token_offset	M	single	1	1
O	output	T	single	1	1
T	T	tensor(float)	tensor(float16)
T	M	tensor(int32)
S	com.microsoft	Rfft	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	normalized	int	0	i:0
A	onesided	int	0	i:1
A	signal_ndim	int	0	i:1
T	T	tensor(float)	tensor(double)	tensor(float16)
S	com.microsoft	RotaryEmbedding	1	0	0	0	4	4	1	1
I	input	T	single	1	1
I	position_ids	M	single	1	1
I	cos_cache	T	single	1	1
I	sin_cache	T	single	1	1
O	output	T	single	1	1
A	interleaved	int	0
A	is_packed_batching	int	0
A	num_heads	int	0
A	rotary_embedding_dim	int	0
A	scale	float	0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int64)
S	com.microsoft	RouterGateUpProj	1	0	0	0	2	2	2	2
I	X	T	single	1	1
I	W	T	single	1	1
O	router	T	single	1	1
O	activated	T	single	1	1
A	activation	string	0	s:swiglu
A	activation_alpha	float	0	f:1.0
A	activation_beta	float	0	f:0.0
A	limit	float	0	f:0.0
A	router_size	int	1
T	T	tensor(bfloat16)	tensor(float16)
S	com.microsoft	SampleOp	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S	com.microsoft	Sampling	1	0	0	0	2	9	1	2
I	input_ids	I	single	1	1
I	max_length	I	single	1	1
I	min_length	I	optional	1	1
I	repetition_penalty	T	optional	1	1
I	vocab_mask	I	optional	1	1
I	prefix_vocab_mask	I	optional	1	1
I	attention_mask	I	optional	1	1
I	presence_mask	I	optional	1	1
I	seed	I	optional	1	1
O	sequences	I	single	1	1
O	filtered_logits	T	optional	1	1
A	custom	int	0	i:0
A	decoder	graph	1
A	decoder_start_token_id	int	0	i:-1
A	encoder	graph	0
A	eos_token_id	int	1
A	filter_value	float	0	f:-1e+20
A	init_decoder	graph	0
A	min_tokens_to_keep	int	0	i:0
A	model_type	int	0	i:0
A	no_repeat_ngram_size	int	0	i:0
A	pad_token_id	int	1
A	presence_penalty	float	0	f:0.0
A	temperature	float	0	f:1.0
A	top_p	float	0	f:0.0
A	vocab_size	int	0	i:-1
T	T	tensor(float)
T	I	tensor(int32)
S	com.microsoft	ScaledSiLU	1	0	0	0	1	2	1	1
I	X	T	single	1	1
I	scale	M	optional	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(float)	tensor(float16)	tensor(bfloat16)
S	com.microsoft	SkipGroupNorm	1	0	0	0	4	5	1	2
I	X	T	single	1	1
I	gamma	M	single	1	1
I	beta	M	single	1	1
I	skip	T	single	1	1
I	bias	T	optional	1	1
O	Y	T	single	1	1
O	S	T	optional	1	1
A	activation	int	1
A	channels_last	int	0	i:1
A	epsilon	float	0	f:1e-05
A	groups	int	1
T	T	tensor(float16)	tensor(float)
T	M	tensor(float16)	tensor(float)
S	com.microsoft	SkipLayerNormalization	1	0	0	0	3	5	1	4
I	input	T	single	1	1
I	skip	T	single	1	1
I	gamma	T	single	1	1
I	beta	T	optional	1	1
I	bias	T	optional	1	1
O	output	T	single	1	1
O	mean	U	optional	1	1
O	inv_std_var	U	optional	1	1
O	input_skip_bias_sum	T	optional	1	1
A	epsilon	float	0	f:1e-12
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	U	tensor(float)
S	com.microsoft	SkipSimplifiedLayerNormalization	1	0	0	0	3	4	1	4
I	input	T	single	1	1
I	skip	T	single	1	1
I	gamma	T	single	1	1
I	bias	T	optional	1	1
O	output	T	single	1	1
O	mean	U	optional	1	1
O	inv_std_var	U	optional	1	1
O	input_skip_bias_sum	T	optional	1	1
A	epsilon	float	0	f:1e-12
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	U	tensor(float)
S	com.microsoft	Snpe	1	0	0	0	1	*	1	*
I	inputs	T	variadic	1	1
O	outputs	T	variadic	1	1
A	DLC	string	1
A	notes	string	0
A	snpe_version	string	0
A	target_device	string	0
T	T	tensor(uint8)	tensor(uint16)	tensor(float)
S	com.microsoft	SparseAttention	1	0	0	0	9	11	3	3
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	past_key	T	single	1	1
I	past_value	T	single	1	1
I	block_row_indices	M	single	1	1
I	block_col_indices	M	single	1	1
I	total_sequence_length	M	single	1	1
I	key_total_sequence_lengths	M	single	1	1
I	cos_cache	T	optional	1	1
I	sin_cache	T	optional	1	1
O	output	T	single	1	1
O	present_key	T	single	1	1
O	present_value	T	single	1	1
A	do_rotary	int	0
A	kv_num_heads	int	1
A	num_heads	int	1
A	rotary_interleaved	int	0
A	scale	float	0
A	sparse_block_size	int	1
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int32)
S	com.microsoft	SparseAttentionIndexer	1	0	0	0	8	14	2	3
I	query	T	single	1	1
I	key	T	optional	1	1
I	query_norm_weight	T	single	1	1
I	key_norm_weight	T	single	1	1
I	cos_cache	T	single	1	1
I	sin_cache	T	single	1	1
I	mask	TB	optional	1	1
I	past_key	T	single	1	1
I	gate	T	optional	1	1
I	position_bias	T	optional	1	1
I	head_weights	T	optional	1	1
I	position_ids	I	optional	1	1
I	past_sequence_length	M	optional	1	1
I	past_proj_buffer	T	optional	1	1
O	selected_indices	M	single	1	1
O	present_key	T	single	1	1
O	present_proj_buffer	T	optional	1	1
A	compress_ratio	int	1
A	epsilon	float	0	f:1e-06
A	head_weight_scale	float	0
A	index_topk	int	0
A	policy_mode	string	1
A	scale	float	0
A	token_budget	int	0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	TB	tensor(int64)
T	I	tensor(int64)
T	M	tensor(int32)
S	com.microsoft	SparsePagedAttention	1	0	0	0	11	22	1	3
I	query	T	single	1	1
I	key	T	optional	1	1
I	value	T	optional	1	1
I	key_cache	T_CACHE	single	1	1
I	value_cache	T_CACHE	single	1	1
I	cumulative_sequence_length	S	single	1	1
I	past_seqlens	S	single	1	1
I	block_table	S	single	1	1
I	slot_mapping	S	optional	1	1
I	selected_indices	S	single	1	1
I	selected_counts	S	single	1	1
I	auxiliary_key	T	optional	1	1
I	auxiliary_value	T	optional	1	1
I	auxiliary_lengths	S	optional	1	1
I	cos_cache	T	optional	1	1
I	sin_cache	T	optional	1	1
I	head_sink	T	optional	1	1
I	q_norm_weight	T	optional	1	1
I	k_norm_weight	T	optional	1	1
I	k_scale	T_KV_SCALE	optional	1	1
I	v_scale	T_KV_SCALE	optional	1	1
I	attention_metadata	S	optional	1	1
O	output	T	single	1	1
O	key_cache_out	T_CACHE	optional	1	1
O	value_cache_out	T_CACHE	optional	1	1
A	attention_mode	string	0	s:selected_only
A	auxiliary_cache_layout	string	0	s:contiguous
A	auxiliary_kv_shared	int	0	i:0
A	do_rotary	int	0	i:0
A	is_causal	int	0	i:1
A	k_quant_type	string	0	s:NONE
A	kv_num_heads	int	1
A	local_window_size	int	0	i:-1
A	num_heads	int	1
A	qk_norm_epsilon	float	0	f:1e-06
A	rotary_interleaved	int	0	i:0
A	rotary_offset	int	0	i:0
A	scale	float	0
A	selected_kv_source	string	0	s:main
A	softcap	float	0
A	v_quant_type	string	0	s:NONE
T	T	tensor(float16)	tensor(bfloat16)
T	T_CACHE	tensor(float16)	tensor(bfloat16)	tensor(int8)
T	T_KV_SCALE	tensor(float)
T	S	tensor(int32)
S	com.microsoft	SparseToDenseMatMul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T1	single	1	1
O	Y	T1	single	1	1
A	alpha	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	sparse_tensor(float)	sparse_tensor(double)	sparse_tensor(int64)	sparse_tensor(int32)	sparse_tensor(uint64)	sparse_tensor(uint32)
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)	tensor(uint64)	tensor(uint32)
S	com.microsoft	SpeculativePrefixCommit	1	0	0	0	7	7	3	3
I	next_tokens	I64	single	1	1
I	input_ids	I64	single	1	1
I	status	I32	single	1	1
I	ctl	I64	single	1	1
I	ctx_commit	I64	single	1	1
I	prefixes	I64	single	1	1
I	ptrs	I64	single	1	1
O	head_c	I32	single	1	1
O	updated_ctl	I64	single	1	1
O	updated_ctx_commit	I64	single	1	1
A	head_rows	int	0	i:8
T	I64	tensor(int64)
T	I32	tensor(int32)
S	com.microsoft	SwiGLU	1	0	0	0	1	2	1	1
I	gate	T	single	1	1
I	up	T	optional	1	1
O	output	T	single	1	1
A	activation_alpha	float	0	f:1.0
A	activation_beta	float	0	f:0.0
A	limit	float	0	f:0.0
A	round_activation	int	0	i:0
T	T	tensor(float16)	tensor(bfloat16)	tensor(float)
S	com.microsoft	Tokenizer	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	mark	int	1
A	mincharnum	int	1
A	pad_value	string	1
A	separators	strings	0
A	tokenexp	string	0
T	T	tensor(string)
S	com.microsoft	TorchEmbedding	1	0	0	0	2	4	1	1
I	weight	T	single	1	1
I	indices	tensor(int64)	single	1	1
I	padding_idx	tensor(int64)	optional	1	1
I	scale_grad_by_freq	tensor(bool)	optional	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S	com.microsoft	TransposeMatMul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S	com.microsoft	Trilu	1	0	0	0	1	2	1	1
I	X	T	single	1	1
I	k	tensor(int64)	optional	1	1
O	Y	T	single	1	1
A	upper	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bool)
S	com.microsoft	UnfoldTensor	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	dim	int	0	i:-1
A	size	int	1
A	step	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S	com.microsoft	Unique	1	0	0	0	1	1	3	3
I	x	T	single	1	1
O	y	T	single	1	1
O	idx	tensor(int64)	single	1	1
O	counts	tensor(int64)	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S	com.microsoft	VarlenCausalConvWithState	1	0	0	0	5	8	2	3
I	input	T	single	1	1
I	weight	T	single	1	1
I	cumulative_sequence_length	M	single	1	1
I	bias	T	optional	1	1
I	initial_state	T	single	1	1
I	capture_count	M	optional	1	1
I	kernel_delta	T	optional	1	1
I	previous_mask	T	optional	1	1
O	output	T	single	1	1
O	final_state	T	single	1	1
O	state_update	T	optional	1	1
A	activation	string	0	s:none
A	delta_offset	int	0	i:0
A	dilation	int	0	i:1
A	group_size	int	0	i:1
A	state_update_capacity	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int32)
S	com.microsoft	VarlenNGramHashMapping	1	0	0	0	4	10	1	4
I	input_ids	M	single	1	1
I	multipliers	M	single	1	1
I	vocab_sizes	M	single	1	1
I	cumulative_sequence_length	S	single	1	1
I	past_ids	M	optional	1	1
I	head_offsets	M	optional	1	1
I	eos_token_id	M	optional	1	1
I	segment_ids	tensor(int32)	optional	1	1
I	past_segment_ids	S	optional	1	1
I	capture_count	S	optional	1	1
O	hash_ids	M	single	1	1
O	present_ids	M	optional	1	1
O	present_segment_ids	S	optional	1	1
O	state_update	M	optional	1	1
A	max_ngram_size	int	1
A	n_head_per_ngram	int	1
A	pad_id	int	1
A	reset_on_eos	int	0	i:0
A	state_update_capacity	int	0	i:0
T	M	tensor(int32)	tensor(int64)
T	S	tensor(int32)
S	com.microsoft	WhisperBeamSearch	1	0	0	0	5	15	1	5
I	input_ids	F	single	1	1
I	max_length	I	single	1	1
I	min_length	I	optional	1	1
I	num_beams	I	single	1	1
I	num_return_sequences	I	single	1	1
I	length_penalty	T	optional	1	1
I	repetition_penalty	T	optional	1	1
I	vocab_mask	M	optional	1	1
I	prefix_vocab_mask	M	optional	1	1
I	attention_mask	I	optional	1	1
I	decoder_input_ids	I	optional	1	1
I	logits_processor	I	optional	1	1
I	cross_qk_layer_head	I	optional	1	1
I	extra_decoding_ids	I	optional	1	1
I	temperature	T	optional	1	1
O	sequences	I	single	1	1
O	sequences_scores	T	optional	1	1
O	scores	T	optional	1	1
O	cross_qk	V	optional	1	1
O	non_speech_probs	T	optional	1	1
A	beginning_timestamp_token_id	int	0
A	decoder	graph	1
A	decoder_output_cross_qk	int	0
A	decoder_start_token_id	int	0	i:-1
A	early_stopping	int	0	i:0
A	encoder	graph	0
A	eos_token_id	int	1
A	init_decoder	graph	0
A	model_type	int	0	i:2
A	no_repeat_ngram_size	int	0	i:0
A	no_speech_token_id	int	0
A	no_timestamps_token_id	int	0
A	pad_token_id	int	1
A	start_of_lm_token_id	int	0
A	transcribe_token_id	int	0
A	translate_token_id	int	0
A	vocab_size	int	0	i:-1
T	T	tensor(float)	tensor(float16)
T	F	tensor(float)	tensor(int32)	tensor(float16)
T	I	tensor(int32)
T	M	tensor(int32)
T	V	tensor(float)
S	com.microsoft	WordConvEmbedding	1	0	0	0	4	4	1	1
I	Sequence	T	single	1	1
I	W	T1	single	1	1
I	B	T1	single	1	1
I	C	T1	single	1	1
O	Y	T1	single	1	1
A	char_embedding_size	int	0
A	conv_window_size	int	0
A	embedding_size	int	0
T	T	tensor(int32)
T	T1	tensor(float)
"""#
}
