// GENERATED FILE - DO NOT EDIT.
// Made by scripts/gen-op-schemas.py from onnx 1.23.2 (659 schemas). Regenerate with:
//     /work/venv/bin/python scripts/gen-op-schemas.py
// The text format is described at the top of that script and parsed by
// Sources/KilnOps/OpSchema+Parsing.swift.

// swift-format-ignore-file

/// Every standard ONNX op schema, all versions, in the format of gen-op-schemas.py.
enum OpSchemaData {
    static let onnxVersion = "1.23.2"

    static let text = #"""
D		28
D	ai.onnx.ml	5
D	ai.onnx.preview	1
D	ai.onnx.preview.training	1
D	ai.onnx.training	1
S		Abs	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Abs	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Abs	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Acos	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Acos	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Acosh	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Acosh	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Add	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Add	6	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Add	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Add	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Add	14	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		AffineGrid	20	0	1	0	2	2	1	1
I	theta	T1	single	1	1
I	size	T2	single	1	1
O	grid	T1	single	1	1
A	align_corners	int	0	i:0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		And	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(bool)
T	T1	tensor(bool)
S		And	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)
T	T1	tensor(bool)
S		ArgMax	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMax	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMax	12	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
A	select_last_index	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMax	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
A	select_last_index	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ArgMin	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMin	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMin	12	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
A	select_last_index	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ArgMin	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	tensor(int64)	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
A	select_last_index	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Asin	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Asin	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Asinh	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Asinh	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Atan	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Atan	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Atanh	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Atanh	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Attention	23	0	0	1	3	6	1	4
I	Q	T1	single	1	1
I	K	T1	single	1	1
I	V	T2	single	1	1
I	attn_mask	U	optional	1	1
I	past_key	T1	optional	1	1
I	past_value	T2	optional	1	1
O	Y	T1	single	1	1
O	present_key	T1	optional	1	1
O	present_value	T2	optional	1	1
O	qk_matmul_output	T1	optional	1	1
A	is_causal	int	0	i:0
A	kv_num_heads	int	0
A	q_num_heads	int	0
A	qk_matmul_output_mode	int	0	i:0
A	scale	float	0
A	softcap	float	0	f:0.0
A	softmax_precision	int	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	U	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
S		Attention	24	0	0	1	3	7	1	4
I	Q	T1	single	1	1
I	K	T1	single	1	1
I	V	T2	single	1	1
I	attn_mask	U	optional	1	1
I	past_key	T1	optional	1	1
I	past_value	T2	optional	1	1
I	nonpad_kv_seqlen	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
O	present_key	T1	optional	1	1
O	present_value	T2	optional	1	1
O	qk_matmul_output	T1	optional	1	1
A	is_causal	int	0	i:0
A	kv_num_heads	int	0
A	q_num_heads	int	0
A	qk_matmul_output_mode	int	0	i:0
A	scale	float	0
A	softcap	float	0	f:0.0
A	softmax_precision	int	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	U	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
S		Attention	25	0	0	1	3	7	1	4
I	Q	T1	single	1	1
I	K	T1	single	1	1
I	V	T2	single	1	1
I	attn_mask	U	optional	1	1
I	past_key	T1	optional	1	1
I	past_value	T2	optional	1	1
I	nonpad_kv_seqlen	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
O	present_key	T1	optional	1	1
O	present_value	T2	optional	1	1
O	qk_matmul_output	T1	optional	1	1
A	is_causal	int	0	i:0
A	kv_num_heads	int	0
A	left_window_size	int	0	i:-1
A	q_num_heads	int	0
A	qk_matmul_output_mode	int	0	i:0
A	right_window_size	int	0	i:-1
A	scale	float	0
A	softcap	float	0	f:0.0
A	softmax_precision	int	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	U	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
S		AveragePool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		AveragePool	7	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	count_include_pad	int	0	i:0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		AveragePool	10	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	count_include_pad	int	0	i:0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		AveragePool	11	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	count_include_pad	int	0	i:0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		AveragePool	19	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	count_include_pad	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		AveragePool	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	count_include_pad	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		BatchNormalization	1	0	0	0	5	5	1	5
I	X	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
I	mean	T	single	1	1
I	var	T	single	1	1
O	Y	T	single	1	1
O	mean	T	optional	1	1
O	var	T	optional	1	1
O	saved_mean	T	optional	1	1
O	saved_var	T	optional	1	1
A	consumed_inputs	ints	1
A	epsilon	float	0	f:1e-05
A	is_test	int	0	i:0
A	momentum	float	0	f:0.9
A	spatial	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		BatchNormalization	6	0	0	0	5	5	1	5
I	X	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
I	mean	T	single	1	1
I	var	T	single	1	1
O	Y	T	single	1	1
O	mean	T	optional	1	1
O	var	T	optional	1	1
O	saved_mean	T	optional	1	1
O	saved_var	T	optional	1	1
A	epsilon	float	0	f:1e-05
A	is_test	int	0	i:0
A	momentum	float	0	f:0.9
A	spatial	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		BatchNormalization	7	0	0	0	5	5	1	5
I	X	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
I	mean	T	single	1	1
I	var	T	single	1	1
O	Y	T	single	1	1
O	mean	T	optional	1	1
O	var	T	optional	1	1
O	saved_mean	T	optional	1	1
O	saved_var	T	optional	1	1
A	epsilon	float	0	f:1e-05
A	momentum	float	0	f:0.9
A	spatial	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		BatchNormalization	9	0	0	0	5	5	1	5
I	X	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
I	mean	T	single	1	1
I	var	T	single	1	1
O	Y	T	single	1	1
O	mean	T	optional	1	1
O	var	T	optional	1	1
O	saved_mean	T	optional	1	1
O	saved_var	T	optional	1	1
A	epsilon	float	0	f:1e-05
A	momentum	float	0	f:0.9
T	T	tensor(float16)	tensor(float)	tensor(double)
S		BatchNormalization	14	0	0	0	5	5	1	3
I	X	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
I	input_mean	U	single	1	1
I	input_var	U	single	1	1
O	Y	T	single	1	1
O	running_mean	U	optional	1	1
O	running_var	U	optional	1	1
A	epsilon	float	0	f:1e-05
A	momentum	float	0	f:0.9
A	training_mode	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	U	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		BatchNormalization	15	0	0	0	5	5	1	3
I	X	T	single	1	1
I	scale	T1	single	1	1
I	B	T1	single	1	1
I	input_mean	T2	single	1	1
I	input_var	T2	single	1	1
O	Y	T	single	1	1
O	running_mean	T2	optional	1	1
O	running_var	T2	optional	1	1
A	epsilon	float	0	f:1e-05
A	momentum	float	0	f:0.9
A	training_mode	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Bernoulli	15	0	0	1	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	seed	float	0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bool)
S		Bernoulli	22	0	0	1	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	seed	float	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
S		BitCast	26	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	to	int	1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		BitShift	11	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	Z	T	single	1	1
A	direction	string	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)
S		BitShift	28	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	Z	T	single	1	1
A	direction	string	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S		BitwiseAnd	18	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S		BitwiseNot	18	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S		BitwiseOr	18	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S		BitwiseXor	18	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)
S		BlackmanWindow	17	0	1	0	1	1	1	1
I	size	T1	single	1	1
O	output	T2	single	1	1
A	output_datatype	int	0	i:1
A	periodic	int	0	i:1
T	T1	tensor(int32)	tensor(int64)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Cast	1	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	to	string	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
S		Cast	6	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	to	int	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
S		Cast	9	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	to	int	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)
S		Cast	13	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	to	int	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)
S		Cast	19	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		Cast	21	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Cast	23	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Cast	24	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	round_mode	string	0	s:up
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Cast	25	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	round_mode	string	0	s:up
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Cast	28	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	round_mode	string	0	s:up
A	saturate	int	0	i:1
A	to	int	1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)
S		CastLike	15	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)
S		CastLike	19	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(string)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		CastLike	21	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		CastLike	23	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
A	saturate	int	0	i:1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		CastLike	24	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
A	round_mode	string	0	s:up
A	saturate	int	0	i:1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		CastLike	25	0	0	1	2	2	1	1
I	input	T1	single	1	1
I	target_type	T2	single	1	1
O	output	T2	single	1	1
A	round_mode	string	0	s:up
A	saturate	int	0	i:1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		CausalConvWithState	27	0	0	1	2	4	2	2
I	input	T	single	1	1
I	weight	T	single	1	1
I	bias	T	optional	1	1
I	past_state	T	optional	1	1
O	output	T	single	1	1
O	present_state	T	single	1	1
A	activation	string	0	s:none
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
S		Ceil	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Ceil	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Ceil	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Celu	12	0	0	1	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(float)
S		Celu	28	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		CenterCropPad	18	0	0	1	2	2	1	1
I	input_data	T	single	1	1
I	shape	Tind	single	1	1
O	output_data	T	single	1	1
A	axes	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Clip	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	consumed_inputs	ints	0
A	max	float	0
A	min	float	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Clip	6	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	max	float	0	f:3.4028235e+38
A	min	float	0	f:-3.4028235e+38
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Clip	11	0	0	0	1	3	1	1
I	input	T	single	1	1
I	min	T	optional	1	1
I	max	T	optional	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Clip	12	0	0	0	1	3	1	1
I	input	T	single	1	1
I	min	T	optional	1	1
I	max	T	optional	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Clip	13	0	0	1	1	3	1	1
I	input	T	single	1	1
I	min	T	optional	1	1
I	max	T	optional	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Col2Im	18	0	0	0	3	3	1	1
I	input	T	single	1	1
I	image_shape	tensor(int64)	single	1	1
I	block_shape	tensor(int64)	single	1	1
O	output	T	single	1	1
A	dilations	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Compress	9	0	0	0	2	2	1	1
I	input	T	single	1	1
I	condition	T1	single	1	1
O	output	T	single	1	1
A	axis	int	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(bool)
S		Compress	11	0	0	0	2	2	1	1
I	input	T	single	1	1
I	condition	T1	single	1	1
O	output	T	single	1	1
A	axis	int	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(bool)
S		Compress	28	0	0	0	2	2	1	1
I	input	T	single	1	1
I	condition	T1	single	1	1
O	output	T	single	1	1
A	axis	int	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(bool)
S		Concat	1	0	0	0	1	*	1	1
I	inputs	T	variadic	1	1
O	concat_result	T	single	1	1
A	axis	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Concat	4	0	0	0	1	*	1	1
I	inputs	T	variadic	1	1
O	concat_result	T	single	1	1
A	axis	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Concat	11	0	0	0	1	*	1	1
I	inputs	T	variadic	1	1
O	concat_result	T	single	1	1
A	axis	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Concat	13	0	0	0	1	*	1	1
I	inputs	T	variadic	1	1
O	concat_result	T	single	1	1
A	axis	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		ConcatFromSequence	11	0	0	0	1	1	1	1
I	input_sequence	S	single	1	1
O	concat_result	T	single	1	1
A	axis	int	1
A	new_axis	int	0	i:0
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Constant	1	0	0	0	0	0	1	1
O	output	T	single	1	1
A	value	tensor	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Constant	9	0	0	0	0	0	1	1
O	output	T	single	1	1
A	value	tensor	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Constant	11	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Constant	12	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Constant	13	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Constant	19	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		Constant	21	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Constant	23	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Constant	24	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Constant	25	0	0	0	0	0	1	1
O	output	T	single	1	1
A	sparse_value	sparseTensor	0
A	value	tensor	0
A	value_float	float	0
A	value_floats	floats	0
A	value_int	int	0
A	value_ints	ints	0
A	value_string	string	0
A	value_strings	strings	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		ConstantOfShape	9	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
S		ConstantOfShape	20	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		ConstantOfShape	21	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(uint4)	tensor(int4)	tensor(bool)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		ConstantOfShape	23	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(uint4)	tensor(int4)	tensor(bool)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(float4e2m1)
S		ConstantOfShape	24	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(uint4)	tensor(int4)	tensor(bool)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(float4e2m1)	tensor(float8e8m0)
S		ConstantOfShape	25	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	value	tensor	0
T	T1	tensor(int64)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(uint4)	tensor(int4)	tensor(bool)	tensor(bfloat16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Conv	1	0	0	0	2	3	1	1
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
S		Conv	11	0	0	0	2	3	1	1
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
S		Conv	22	0	0	0	2	3	1	1
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
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		ConvInteger	10	0	0	0	2	4	1	1
I	x	T1	single	1	1
I	w	T2	single	1	1
I	x_zero_point	T1	optional	1	1
I	w_zero_point	T2	optional	1	1
O	y	T3	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(int32)
S		ConvTranspose	1	0	0	0	2	3	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	output_padding	ints	0
A	output_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		ConvTranspose	11	0	0	0	2	3	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	output_padding	ints	0
A	output_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		ConvTranspose	22	0	0	0	2	3	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	output_padding	ints	0
A	output_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Cos	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Cos	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Cosh	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Cosh	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		CumProd	26	0	0	0	2	2	1	1
I	x	T	single	1	1
I	axis	T2	single	1	1
O	y	T	single	1	1
A	exclusive	int	0	i:0
A	reverse	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(int32)	tensor(int64)
S		CumSum	11	0	0	0	2	2	1	1
I	x	T	single	1	1
I	axis	T2	single	1	1
O	y	T	single	1	1
A	exclusive	int	0	i:0
A	reverse	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float)	tensor(double)
T	T2	tensor(int32)	tensor(int64)
S		CumSum	14	0	0	0	2	2	1	1
I	x	T	single	1	1
I	axis	T2	single	1	1
O	y	T	single	1	1
A	exclusive	int	0	i:0
A	reverse	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(int32)	tensor(int64)
S		DFT	17	0	0	0	1	2	1	1
I	input	T1	single	1	1
I	dft_length	T2	optional	1	1
O	output	T1	single	1	1
A	axis	int	0	i:1
A	inverse	int	0	i:0
A	onesided	int	0	i:0
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(int32)	tensor(int64)
S		DFT	20	0	0	0	1	3	1	1
I	input	T1	single	1	1
I	dft_length	T2	optional	1	1
I	axis	tensor(int64)	optional	1	1
O	output	T1	single	1	1
A	inverse	int	0	i:0
A	onesided	int	0	i:0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int32)	tensor(int64)
S		DeformConv	19	0	0	0	3	5	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	offset	T	single	1	1
I	B	T	optional	1	1
I	mask	T	optional	1	1
O	Y	T	single	1	1
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	offset_group	int	0	i:1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		DeformConv	22	0	0	0	3	5	1	1
I	X	T	single	1	1
I	W	T	single	1	1
I	offset	T	single	1	1
I	B	T	optional	1	1
I	mask	T	optional	1	1
O	Y	T	single	1	1
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	offset_group	int	0	i:1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		DepthToSpace	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		DepthToSpace	11	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
A	mode	string	0	s:DCR
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		DepthToSpace	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
A	mode	string	0	s:DCR
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		DepthToSpace	28	0	0	1	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
A	mode	string	0	s:DCR
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		DequantizeLinear	10	0	0	0	2	3	1	1
I	x	T	single	1	1
I	x_scale	tensor(float)	single	1	1
I	x_zero_point	T	optional	1	1
O	y	tensor(float)	single	1	1
T	T	tensor(int8)	tensor(uint8)	tensor(int32)
S		DequantizeLinear	13	0	0	0	2	3	1	1
I	x	T	single	1	1
I	x_scale	tensor(float)	single	1	1
I	x_zero_point	T	optional	1	1
O	y	tensor(float)	single	1	1
A	axis	int	0	i:1
T	T	tensor(int8)	tensor(uint8)	tensor(int32)
S		DequantizeLinear	19	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T2	single	1	1
A	axis	int	0	i:1
T	T1	tensor(int8)	tensor(uint8)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)
S		DequantizeLinear	21	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T2	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)
S		DequantizeLinear	23	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T3	tensor(float)	tensor(float16)	tensor(bfloat16)
S		DequantizeLinear	24	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(float8e8m0)
T	T3	tensor(float)	tensor(float16)	tensor(bfloat16)
S		DequantizeLinear	25	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(uint2)	tensor(int2)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(float8e8m0)
T	T3	tensor(float)	tensor(float16)	tensor(bfloat16)
S		DequantizeLinear	28	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	x_scale	T2	single	1	1
I	x_zero_point	T1	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
T	T1	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(int32)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(float8e8m0)
T	T3	tensor(float)	tensor(float16)	tensor(bfloat16)
S		Det	11	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Det	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Div	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Div	6	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Div	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Div	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Div	14	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Dropout	1	0	0	0	1	1	1	2
I	data	T	single	1	1
O	output	T	single	1	1
O	mask	T	optional	1	1
A	consumed_inputs	ints	0
A	is_test	int	0	i:0
A	ratio	float	0	f:0.5
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Dropout	6	0	0	0	1	1	1	2
I	data	T	single	1	1
O	output	T	single	1	1
O	mask	T	optional	1	1
A	is_test	int	0	i:0
A	ratio	float	0	f:0.5
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Dropout	7	0	0	0	1	1	1	2
I	data	T	single	1	1
O	output	T	single	1	1
O	mask	T	optional	1	1
A	ratio	float	0	f:0.5
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Dropout	10	0	0	0	1	1	1	2
I	data	T	single	1	1
O	output	T	single	1	1
O	mask	T1	optional	1	1
A	ratio	float	0	f:0.5
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Dropout	12	0	0	0	1	3	1	2
I	data	T	single	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T2	optional	1	1
A	seed	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bool)
S		Dropout	13	0	0	0	1	3	1	2
I	data	T	single	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T2	optional	1	1
A	seed	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bool)
S		Dropout	22	0	0	0	1	3	1	2
I	data	T	single	1	1
I	ratio	T1	optional	1	1
I	training_mode	T2	optional	1	1
O	output	T	single	1	1
O	mask	T2	optional	1	1
A	seed	int	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(bool)
S		DynamicQuantizeLinear	11	0	1	0	1	1	3	3
I	x	T1	single	1	1
O	y	T2	single	1	1
O	y_scale	tensor(float)	single	1	1
O	y_zero_point	T2	single	1	1
T	T1	tensor(float)
T	T2	tensor(uint8)
S		Einsum	12	0	0	0	1	*	1	1
I	Inputs	T	variadic	1	1
O	Output	T	single	1	1
A	equation	string	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Einsum	28	0	0	0	1	*	1	1
I	Inputs	T	variadic	1	1
O	Output	T	single	1	1
A	equation	string	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Elu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Elu	6	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Elu	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Equal	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(bool)	tensor(int32)	tensor(int64)
T	T1	tensor(bool)
S		Equal	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)	tensor(int32)	tensor(int64)
T	T1	tensor(bool)
S		Equal	11	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Equal	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(bool)
S		Equal	19	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(string)
T	T1	tensor(bool)
S		Erf	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Erf	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Exp	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Exp	6	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Exp	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Expand	8	0	0	0	2	2	1	1
I	input	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Expand	13	0	0	0	2	2	1	1
I	input	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		EyeLike	9	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	k	int	0	i:0
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
T	T2	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(bool)
S		EyeLike	22	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	k	int	0	i:0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(bool)
S		Flatten	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Flatten	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Flatten	11	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Flatten	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Flatten	21	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Flatten	23	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Flatten	24	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Flatten	25	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Floor	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Floor	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Floor	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		GRU	1	0	0	0	3	6	2	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	single	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:foward
A	hidden_size	int	0
A	output_sequence	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		GRU	3	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	linear_before_reset	int	0	i:0
A	output_sequence	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		GRU	7	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	linear_before_reset	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		GRU	14	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	layout	int	0	i:0
A	linear_before_reset	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		GRU	22	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	layout	int	0	i:0
A	linear_before_reset	int	0	i:0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		Gather	1	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Gather	11	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Gather	13	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		GatherElements	11	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		GatherElements	13	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		GatherND	11	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		GatherND	12	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
O	output	T	single	1	1
A	batch_dims	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		GatherND	13	0	0	0	2	2	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
O	output	T	single	1	1
A	batch_dims	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Gelu	20	0	0	1	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	approximate	string	0	s:none
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Gemm	1	0	0	0	3	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	broadcast	int	0	i:0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Gemm	6	0	0	0	3	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	broadcast	int	0	i:0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Gemm	7	0	0	0	3	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Gemm	9	0	0	0	3	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S		Gemm	11	0	0	0	2	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	optional	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S		Gemm	13	0	0	0	2	3	1	1
I	A	T	single	1	1
I	B	T	single	1	1
I	C	T	optional	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
A	beta	float	0	f:1.0
A	transA	int	0	i:0
A	transB	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(bfloat16)
S		GlobalAveragePool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		GlobalAveragePool	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		GlobalLpPool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	p	float	0	f:2.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		GlobalLpPool	2	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	p	int	0	i:2
T	T	tensor(float16)	tensor(float)	tensor(double)
S		GlobalLpPool	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	p	int	0	i:2
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		GlobalMaxPool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		GlobalMaxPool	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Greater	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Greater	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Greater	9	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Greater	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(bool)
S		GreaterOrEqual	12	0	1	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		GreaterOrEqual	16	0	1	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(bool)
S		GridSample	16	0	0	0	2	2	1	1
I	X	T1	single	1	1
I	grid	T2	single	1	1
O	Y	T1	single	1	1
A	align_corners	int	0	i:0
A	mode	string	0	s:bilinear
A	padding_mode	string	0	s:zeros
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		GridSample	20	0	0	0	2	2	1	1
I	X	T1	single	1	1
I	grid	T2	single	1	1
O	Y	T1	single	1	1
A	align_corners	int	0	i:0
A	mode	string	0	s:linear
A	padding_mode	string	0	s:zeros
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		GridSample	22	0	0	0	2	2	1	1
I	X	T1	single	1	1
I	grid	T2	single	1	1
O	Y	T1	single	1	1
A	align_corners	int	0	i:0
A	mode	string	0	s:linear
A	padding_mode	string	0	s:zeros
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		GroupNormalization	18	1	0	1	3	3	1	1
I	X	T	single	1	1
I	scale	T	single	1	1
I	bias	T	single	1	1
O	Y	T	single	1	1
A	epsilon	float	0	f:1e-05
A	num_groups	int	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		GroupNormalization	21	0	0	1	3	3	1	1
I	X	T	single	1	1
I	scale	T	single	1	1
I	bias	T	single	1	1
O	Y	T	single	1	1
A	epsilon	float	0	f:1e-05
A	num_groups	int	1
A	stash_type	int	0	i:1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		HammingWindow	17	0	1	0	1	1	1	1
I	size	T1	single	1	1
O	output	T2	single	1	1
A	output_datatype	int	0	i:1
A	periodic	int	0	i:1
T	T1	tensor(int32)	tensor(int64)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		HannWindow	17	0	1	0	1	1	1	1
I	size	T1	single	1	1
O	output	T2	single	1	1
A	output_datatype	int	0	i:1
A	periodic	int	0	i:1
T	T1	tensor(int32)	tensor(int64)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		HardSigmoid	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.2
A	beta	float	0	f:0.5
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		HardSigmoid	6	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.2
A	beta	float	0	f:0.5
T	T	tensor(float16)	tensor(float)	tensor(double)
S		HardSigmoid	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.2
A	beta	float	0	f:0.5
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		HardSwish	14	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		HardSwish	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Hardmax	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Hardmax	11	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Hardmax	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:-1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Identity	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Identity	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Identity	14	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		Identity	16	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Identity	19	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Identity	21	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Identity	23	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Identity	24	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Identity	25	0	0	0	1	1	1	1
I	input	V	single	1	1
O	output	V	single	1	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		If	1	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	B	tensor(bool)
S		If	11	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	B	tensor(bool)
S		If	13	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	B	tensor(bool)
S		If	16	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
T	B	tensor(bool)
S		If	19	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))
T	B	tensor(bool)
S		If	21	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))
T	B	tensor(bool)
S		If	23	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))
T	B	tensor(bool)
S		If	24	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))
T	B	tensor(bool)
S		If	25	0	0	0	1	1	1	*
I	cond	B	single	1	1
O	outputs	V	variadic	0	1
A	else_branch	graph	1
A	then_branch	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))	optional(tensor(uint2))	optional(tensor(int2))
T	B	tensor(bool)
S		ImageDecoder	20	0	0	0	1	1	1	1
I	encoded_stream	T1	single	1	1
O	image	T2	single	1	1
A	pixel_format	string	0	s:RGB
T	T1	tensor(uint8)
T	T2	tensor(uint8)
S		InstanceNormalization	1	0	0	0	3	3	1	1
I	input	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
O	output	T	single	1	1
A	consumed_inputs	ints	0
A	epsilon	float	0	f:1e-05
T	T	tensor(float16)	tensor(float)	tensor(double)
S		InstanceNormalization	6	0	0	0	3	3	1	1
I	input	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
O	output	T	single	1	1
A	epsilon	float	0	f:1e-05
T	T	tensor(float16)	tensor(float)	tensor(double)
S		InstanceNormalization	22	0	0	0	3	3	1	1
I	input	T	single	1	1
I	scale	T	single	1	1
I	B	T	single	1	1
O	output	T	single	1	1
A	epsilon	float	0	f:1e-05
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		IsInf	10	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	detect_negative	int	0	i:1
A	detect_positive	int	0	i:1
T	T1	tensor(float)	tensor(double)
T	T2	tensor(bool)
S		IsInf	20	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	detect_negative	int	0	i:1
A	detect_positive	int	0	i:1
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(bool)
S		IsNaN	9	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(bool)
S		IsNaN	13	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
T	T1	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T2	tensor(bool)
S		IsNaN	20	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(bool)
S		LRN	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1e-04
A	beta	float	0	f:0.75
A	bias	float	0	f:1.0
A	size	int	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LRN	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1e-04
A	beta	float	0	f:0.75
A	bias	float	0	f:1.0
A	size	int	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		LSTM	1	0	0	0	3	8	0	3
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
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
A	output_sequence	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		LSTM	7	0	0	0	3	8	0	3
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
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
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		LSTM	14	0	0	0	3	8	0	3
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
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
A	layout	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		LSTM	22	0	0	0	3	8	0	3
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
I	initial_c	T	optional	1	1
I	P	T	optional	1	1
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
A	layout	int	0	i:0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		LayerNormalization	17	0	0	1	2	3	1	3
I	X	T	single	1	1
I	Scale	T	single	1	1
I	B	T	optional	1	1
O	Y	T	single	1	1
O	Mean	U	optional	1	1
O	InvStdDev	U	optional	1	1
A	axis	int	0	i:-1
A	epsilon	float	0	f:1e-05
A	stash_type	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	U	tensor(float)	tensor(bfloat16)
S		LeakyRelu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.01
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LeakyRelu	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.01
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LeakyRelu	16	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:0.01
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Less	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Less	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Less	9	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		Less	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(bool)
S		LessOrEqual	12	0	1	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(bool)
S		LessOrEqual	16	0	1	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(bool)
S		LinearAttention	27	0	0	1	3	6	2	2
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
A	update_rule	string	0	s:gated_delta
T	T	tensor(float16)	tensor(bfloat16)	tensor(float)
T	S	tensor(float16)	tensor(bfloat16)	tensor(float)
S		Log	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Log	6	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Log	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		LogSoftmax	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LogSoftmax	11	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LogSoftmax	13	0	0	1	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:-1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Loop	1	0	0	0	3	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	1
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	11	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	13	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	16	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	19	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	21	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	23	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	24	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))
T	I	tensor(int64)
T	B	tensor(bool)
S		Loop	25	0	0	0	2	*	1	*
I	M	I	optional	1	1
I	cond	B	optional	1	1
I	v_initial	V	variadic	0	0
O	v_final_and_scan_outputs	V	variadic	0	1
A	body	graph	1
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))	optional(tensor(uint2))	optional(tensor(int2))
T	I	tensor(int64)
T	B	tensor(bool)
S		LpNormalization	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:-1
A	p	int	0	i:2
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LpNormalization	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:-1
A	p	int	0	i:2
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		LpPool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	0
A	p	float	0	f:2.0
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LpPool	2	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	1
A	p	int	0	i:2
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LpPool	11	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	1
A	p	int	0	i:2
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LpPool	18	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	p	int	0	i:2
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		LpPool	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	p	int	0	i:2
A	pads	ints	0
A	strides	ints	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		MatMul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		MatMul	9	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S		MatMul	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(bfloat16)
S		MatMulInteger	10	0	0	0	2	4	1	1
I	A	T1	single	1	1
I	B	T2	single	1	1
I	a_zero_point	T1	optional	1	1
I	b_zero_point	T2	optional	1	1
O	Y	T3	single	1	1
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(int32)
S		Max	1	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	max	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Max	6	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	max	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Max	8	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	max	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Max	12	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	max	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Max	13	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	max	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		MaxPool	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		MaxPool	8	0	0	0	1	1	1	2
I	X	T	single	1	1
O	Y	T	single	1	1
O	Indices	I	optional	1	1
A	auto_pad	string	0	s:NOTSET
A	kernel_shape	ints	1
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		MaxPool	10	0	0	0	1	1	1	2
I	X	T	single	1	1
O	Y	T	single	1	1
O	Indices	I	optional	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		MaxPool	11	0	0	0	1	1	1	2
I	X	T	single	1	1
O	Y	T	single	1	1
O	Indices	I	optional	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		MaxPool	12	0	0	0	1	1	1	2
I	X	T	single	1	1
O	Y	T	single	1	1
O	Indices	I	optional	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(uint8)
T	I	tensor(int64)
S		MaxPool	22	0	0	0	1	1	1	2
I	X	T	single	1	1
O	Y	T	single	1	1
O	Indices	I	optional	1	1
A	auto_pad	string	0	s:NOTSET
A	ceil_mode	int	0	i:0
A	dilations	ints	0
A	kernel_shape	ints	1
A	pads	ints	0
A	storage_order	int	0	i:0
A	strides	ints	0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(int8)	tensor(uint8)
T	I	tensor(int64)
S		MaxRoiPool	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	rois	T	single	1	1
O	Y	T	single	1	1
A	pooled_shape	ints	1
A	spatial_scale	float	0	f:1.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		MaxRoiPool	22	0	0	0	2	2	1	1
I	X	T	single	1	1
I	rois	T	single	1	1
O	Y	T	single	1	1
A	pooled_shape	ints	1
A	spatial_scale	float	0	f:1.0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		MaxUnpool	9	0	0	0	2	3	1	1
I	X	T1	single	1	1
I	I	T2	single	1	1
I	output_shape	T2	optional	1	1
O	output	T1	single	1	1
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		MaxUnpool	11	0	0	0	2	3	1	1
I	X	T1	single	1	1
I	I	T2	single	1	1
I	output_shape	T2	optional	1	1
O	output	T1	single	1	1
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		MaxUnpool	22	0	0	0	2	3	1	1
I	X	T1	single	1	1
I	I	T2	single	1	1
I	output_shape	T2	optional	1	1
O	output	T1	single	1	1
A	kernel_shape	ints	1
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		Mean	1	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	mean	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Mean	6	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	mean	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Mean	8	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	mean	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Mean	13	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	mean	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		MeanVarianceNormalization	9	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	axes	ints	0	is:3:0,2,3
T	T	tensor(float16)	tensor(float)	tensor(double)
S		MeanVarianceNormalization	13	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	axes	ints	0	is:3:0,2,3
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		MelWeightMatrix	17	0	0	0	5	5	1	1
I	num_mel_bins	T1	single	1	1
I	dft_length	T1	single	1	1
I	sample_rate	T1	single	1	1
I	lower_edge_hertz	T2	single	1	1
I	upper_edge_hertz	T2	single	1	1
O	output	T3	single	1	1
A	output_datatype	int	0	i:1
T	T1	tensor(int32)	tensor(int64)
T	T2	tensor(float)	tensor(float16)	tensor(double)	tensor(bfloat16)
T	T3	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Min	1	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	min	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Min	6	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	min	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Min	8	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	min	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Min	12	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	min	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Min	13	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	min	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Mish	18	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Mish	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Mod	10	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	fmod	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Mod	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	fmod	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Mod	28	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	fmod	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Mul	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Mul	6	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Mul	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Mul	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Mul	14	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Multinomial	7	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0	i:6
A	sample_size	int	0	i:1
A	seed	float	0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int32)	tensor(int64)
S		Multinomial	22	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0	i:6
A	sample_size	int	0	i:1
A	seed	float	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int32)	tensor(int64)
S		Neg	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Neg	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(int32)	tensor(int8)	tensor(int16)	tensor(int64)	tensor(float16)	tensor(double)
S		Neg	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(int32)	tensor(int8)	tensor(int16)	tensor(int64)	tensor(float16)	tensor(double)	tensor(bfloat16)
S		NegativeLogLikelihoodLoss	12	0	0	1	2	3	1	1
I	input	T	single	1	1
I	target	Tind	single	1	1
I	weight	T	optional	1	1
O	loss	T	single	1	1
A	ignore_index	int	0
A	reduction	string	0	s:mean
T	T	tensor(float16)	tensor(float)	tensor(double)
T	Tind	tensor(int32)	tensor(int64)
S		NegativeLogLikelihoodLoss	13	0	0	1	2	3	1	1
I	input	T	single	1	1
I	target	Tind	single	1	1
I	weight	T	optional	1	1
O	loss	T	single	1	1
A	ignore_index	int	0
A	reduction	string	0	s:mean
T	T	tensor(float16)	tensor(float)	tensor(double)
T	Tind	tensor(int32)	tensor(int64)
S		NegativeLogLikelihoodLoss	22	0	0	1	2	3	1	1
I	input	T	single	1	1
I	target	Tind	single	1	1
I	weight	T	optional	1	1
O	loss	T	single	1	1
A	ignore_index	int	0
A	reduction	string	0	s:mean
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	Tind	tensor(int32)	tensor(int64)
S		NonMaxSuppression	10	0	0	0	2	5	1	1
I	boxes	tensor(float)	single	1	1
I	scores	tensor(float)	single	1	1
I	max_output_boxes_per_class	tensor(int64)	optional	1	1
I	iou_threshold	tensor(float)	optional	1	1
I	score_threshold	tensor(float)	optional	1	1
O	selected_indices	tensor(int64)	single	1	1
A	center_point_box	int	0	i:0
S		NonMaxSuppression	11	0	0	0	2	5	1	1
I	boxes	tensor(float)	single	1	1
I	scores	tensor(float)	single	1	1
I	max_output_boxes_per_class	tensor(int64)	optional	1	1
I	iou_threshold	tensor(float)	optional	1	1
I	score_threshold	tensor(float)	optional	1	1
O	selected_indices	tensor(int64)	single	1	1
A	center_point_box	int	0	i:0
S		NonZero	9	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(int64)	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		NonZero	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(int64)	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Not	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bool)
S		OneHot	9	0	0	0	3	3	1	1
I	indices	T1	single	1	1
I	depth	T2	single	1	1
I	values	T3	single	1	1
O	output	T3	single	1	1
A	axis	int	0	i:-1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T3	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		OneHot	11	0	0	0	3	3	1	1
I	indices	T1	single	1	1
I	depth	T2	single	1	1
I	values	T3	single	1	1
O	output	T3	single	1	1
A	axis	int	0	i:-1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T3	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		OneHot	28	0	0	0	3	3	1	1
I	indices	T1	single	1	1
I	depth	T2	single	1	1
I	values	T3	single	1	1
O	output	T3	single	1	1
A	axis	int	0	i:-1
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T3	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Optional	15	0	0	0	0	1	1	1
I	input	V	optional	1	1
O	output	O	single	1	1
A	type	type	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	O	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
S		Optional	28	0	0	0	0	1	1	1
I	input	V	optional	1	1
O	output	O	single	1	1
A	type	type	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	seq(tensor(float6e2m3))	seq(tensor(float6e3m2))
T	O	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))	optional(tensor(uint2))	optional(tensor(int2))	optional(tensor(float6e2m3))	optional(tensor(float6e3m2))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(seq(tensor(float8e4m3fn)))	optional(seq(tensor(float8e4m3fnuz)))	optional(seq(tensor(float8e5m2)))	optional(seq(tensor(float8e5m2fnuz)))	optional(seq(tensor(uint4)))	optional(seq(tensor(int4)))	optional(seq(tensor(float4e2m1)))	optional(seq(tensor(float8e8m0)))	optional(seq(tensor(uint2)))	optional(seq(tensor(int2)))	optional(seq(tensor(float6e2m3)))	optional(seq(tensor(float6e3m2)))
S		OptionalGetElement	15	0	0	0	1	1	1	1
I	input	O	single	1	1
O	output	V	single	1	1
T	O	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		OptionalGetElement	18	0	0	0	1	1	1	1
I	input	O	single	1	1
O	output	V	single	1	1
T	O	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		OptionalGetElement	28	0	0	0	1	1	1	1
I	input	O	single	1	1
O	output	V	single	1	1
T	O	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))	optional(tensor(uint2))	optional(tensor(int2))	optional(tensor(float6e2m3))	optional(tensor(float6e3m2))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(seq(tensor(float8e4m3fn)))	optional(seq(tensor(float8e4m3fnuz)))	optional(seq(tensor(float8e5m2)))	optional(seq(tensor(float8e5m2fnuz)))	optional(seq(tensor(uint4)))	optional(seq(tensor(int4)))	optional(seq(tensor(float4e2m1)))	optional(seq(tensor(float8e8m0)))	optional(seq(tensor(uint2)))	optional(seq(tensor(int2)))	optional(seq(tensor(float6e2m3)))	optional(seq(tensor(float6e3m2)))	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	seq(tensor(float6e2m3))	seq(tensor(float6e3m2))
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	seq(tensor(float6e2m3))	seq(tensor(float6e3m2))
S		OptionalHasElement	15	0	0	0	1	1	1	1
I	input	O	single	1	1
O	output	B	single	1	1
T	O	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))
T	B	tensor(bool)
S		OptionalHasElement	18	0	0	0	0	1	1	1
I	input	O	optional	1	1
O	output	B	single	1	1
T	O	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	B	tensor(bool)
S		OptionalHasElement	28	0	0	0	0	1	1	1
I	input	O	optional	1	1
O	output	B	single	1	1
T	O	optional(tensor(uint8))	optional(tensor(uint16))	optional(tensor(uint32))	optional(tensor(uint64))	optional(tensor(int8))	optional(tensor(int16))	optional(tensor(int32))	optional(tensor(int64))	optional(tensor(bfloat16))	optional(tensor(float16))	optional(tensor(float))	optional(tensor(double))	optional(tensor(string))	optional(tensor(bool))	optional(tensor(complex64))	optional(tensor(complex128))	optional(tensor(float8e4m3fn))	optional(tensor(float8e4m3fnuz))	optional(tensor(float8e5m2))	optional(tensor(float8e5m2fnuz))	optional(tensor(uint4))	optional(tensor(int4))	optional(tensor(float4e2m1))	optional(tensor(float8e8m0))	optional(tensor(uint2))	optional(tensor(int2))	optional(tensor(float6e2m3))	optional(tensor(float6e3m2))	optional(seq(tensor(uint8)))	optional(seq(tensor(uint16)))	optional(seq(tensor(uint32)))	optional(seq(tensor(uint64)))	optional(seq(tensor(int8)))	optional(seq(tensor(int16)))	optional(seq(tensor(int32)))	optional(seq(tensor(int64)))	optional(seq(tensor(bfloat16)))	optional(seq(tensor(float16)))	optional(seq(tensor(float)))	optional(seq(tensor(double)))	optional(seq(tensor(string)))	optional(seq(tensor(bool)))	optional(seq(tensor(complex64)))	optional(seq(tensor(complex128)))	optional(seq(tensor(float8e4m3fn)))	optional(seq(tensor(float8e4m3fnuz)))	optional(seq(tensor(float8e5m2)))	optional(seq(tensor(float8e5m2fnuz)))	optional(seq(tensor(uint4)))	optional(seq(tensor(int4)))	optional(seq(tensor(float4e2m1)))	optional(seq(tensor(float8e8m0)))	optional(seq(tensor(uint2)))	optional(seq(tensor(int2)))	optional(seq(tensor(float6e2m3)))	optional(seq(tensor(float6e3m2)))	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))	seq(tensor(float8e4m3fn))	seq(tensor(float8e4m3fnuz))	seq(tensor(float8e5m2))	seq(tensor(float8e5m2fnuz))	seq(tensor(uint4))	seq(tensor(int4))	seq(tensor(float4e2m1))	seq(tensor(float8e8m0))	seq(tensor(uint2))	seq(tensor(int2))	seq(tensor(float6e2m3))	seq(tensor(float6e3m2))
T	B	tensor(bool)
S		Or	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(bool)
T	T1	tensor(bool)
S		Or	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)
T	T1	tensor(bool)
S		PRelu	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	slope	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		PRelu	6	0	0	0	2	2	1	1
I	X	T	single	1	1
I	slope	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		PRelu	7	0	0	0	2	2	1	1
I	X	T	single	1	1
I	slope	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		PRelu	9	0	0	0	2	2	1	1
I	X	T	single	1	1
I	slope	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S		PRelu	16	0	1	0	2	2	1	1
I	X	T	single	1	1
I	slope	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)
S		Pad	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
A	paddings	ints	1
A	value	float	0	f:0.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Pad	2	0	0	0	1	1	1	1
I	data	T	single	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
A	pads	ints	1
A	value	float	0	f:0.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Pad	11	0	0	0	2	3	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Pad	13	0	0	0	2	3	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Pad	18	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Pad	19	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Pad	21	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	Tind	tensor(int32)	tensor(int64)
S		Pad	23	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	Tind	tensor(int32)	tensor(int64)
S		Pad	24	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
T	Tind	tensor(int32)	tensor(int64)
S		Pad	25	0	0	0	2	4	1	1
I	data	T	single	1	1
I	pads	tensor(int64)	single	1	1
I	constant_value	T	optional	1	1
I	axes	Tind	optional	1	1
O	output	T	single	1	1
A	mode	string	0	s:constant
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	Tind	tensor(int32)	tensor(int64)
S		Pow	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	Z	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Pow	7	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	Z	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Pow	12	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T1	single	1	1
O	Z	T	single	1	1
T	T	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Pow	13	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T1	single	1	1
O	Z	T	single	1	1
T	T	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Pow	15	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T1	single	1	1
O	Z	T	single	1	1
T	T	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		QLinearConv	10	0	0	0	8	9	1	1
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
A	dilations	ints	0
A	group	int	0	i:1
A	kernel_shape	ints	0
A	pads	ints	0
A	strides	ints	0
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(int8)	tensor(uint8)
T	T4	tensor(int32)
S		QLinearMatMul	10	0	0	0	8	8	1	1
I	a	T1	single	1	1
I	a_scale	tensor(float)	single	1	1
I	a_zero_point	T1	single	1	1
I	b	T2	single	1	1
I	b_scale	tensor(float)	single	1	1
I	b_zero_point	T2	single	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T3	single	1	1
O	y	T3	single	1	1
T	T1	tensor(int8)	tensor(uint8)
T	T2	tensor(int8)	tensor(uint8)
T	T3	tensor(int8)	tensor(uint8)
S		QLinearMatMul	21	0	0	0	8	8	1	1
I	a	T1	single	1	1
I	a_scale	TS	single	1	1
I	a_zero_point	T1	single	1	1
I	b	T2	single	1	1
I	b_scale	TS	single	1	1
I	b_zero_point	T2	single	1	1
I	y_scale	TS	single	1	1
I	y_zero_point	T3	single	1	1
O	y	T3	single	1	1
T	TS	tensor(float)	tensor(float16)	tensor(bfloat16)
T	T1	tensor(int8)	tensor(uint8)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T2	tensor(int8)	tensor(uint8)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T3	tensor(int8)	tensor(uint8)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		QuantizeLinear	10	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T2	optional	1	1
O	y	T2	single	1	1
T	T1	tensor(float)	tensor(int32)
T	T2	tensor(int8)	tensor(uint8)
S		QuantizeLinear	13	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	tensor(float)	single	1	1
I	y_zero_point	T2	optional	1	1
O	y	T2	single	1	1
A	axis	int	0	i:1
T	T1	tensor(float)	tensor(int32)
T	T2	tensor(int8)	tensor(uint8)
S		QuantizeLinear	19	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T1	single	1	1
I	y_zero_point	T2	optional	1	1
O	y	T2	single	1	1
A	axis	int	0	i:1
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(int8)	tensor(uint8)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		QuantizeLinear	21	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T1	single	1	1
I	y_zero_point	T2	optional	1	1
O	y	T2	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		QuantizeLinear	23	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T2	single	1	1
I	y_zero_point	T3	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
A	precision	int	0	i:0
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T3	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		QuantizeLinear	24	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T2	single	1	1
I	y_zero_point	T3	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
A	precision	int	0	i:0
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)	tensor(float8e8m0)
T	T3	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		QuantizeLinear	25	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T2	single	1	1
I	y_zero_point	T3	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
A	precision	int	0	i:0
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)	tensor(float8e8m0)
T	T3	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(uint2)	tensor(int2)
S		QuantizeLinear	28	0	0	0	2	3	1	1
I	x	T1	single	1	1
I	y_scale	T2	single	1	1
I	y_zero_point	T3	optional	1	1
O	y	T3	single	1	1
A	axis	int	0	i:1
A	block_size	int	0	i:0
A	output_dtype	int	0	i:0
A	precision	int	0	i:0
A	saturate	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)
T	T2	tensor(float)	tensor(float16)	tensor(bfloat16)	tensor(int32)	tensor(float8e8m0)
T	T3	tensor(int8)	tensor(uint8)	tensor(int16)	tensor(uint16)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(uint2)	tensor(int2)	tensor(float6e2m3)	tensor(float6e3m2)
S		RMSNormalization	23	0	0	1	2	2	1	1
I	X	T	single	1	1
I	scale	V	single	1	1
O	Y	V	single	1	1
A	axis	int	0	i:-1
A	epsilon	float	0	f:1e-05
A	stash_type	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	V	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		RNN	1	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0	ss:2:Tanh,Tanh
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	output_sequence	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		RNN	7	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0	ss:2:Tanh,Tanh
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		RNN	14	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0	ss:2:Tanh,Tanh
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	layout	int	0	i:0
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		RNN	22	0	0	0	3	6	0	2
I	X	T	single	1	1
I	W	T	single	1	1
I	R	T	single	1	1
I	B	T	optional	1	1
I	sequence_lens	T1	optional	1	1
I	initial_h	T	optional	1	1
O	Y	T	optional	1	1
O	Y_h	T	optional	1	1
A	activation_alpha	floats	0
A	activation_beta	floats	0
A	activations	strings	0	ss:2:Tanh,Tanh
A	clip	float	0
A	direction	string	0	s:forward
A	hidden_size	int	0
A	layout	int	0	i:0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int32)
S		RandomNormal	1	0	0	0	0	0	1	1
O	output	T	single	1	1
A	dtype	int	0	i:1
A	mean	float	0	f:0.0
A	scale	float	0	f:1.0
A	seed	float	0
A	shape	ints	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		RandomNormal	22	0	0	0	0	0	1	1
O	output	T	single	1	1
A	dtype	int	0	i:1
A	mean	float	0	f:0.0
A	scale	float	0	f:1.0
A	seed	float	0
A	shape	ints	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		RandomNormalLike	1	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	mean	float	0	f:0.0
A	scale	float	0	f:1.0
A	seed	float	0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		RandomNormalLike	22	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	mean	float	0	f:0.0
A	scale	float	0	f:1.0
A	seed	float	0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		RandomUniform	1	0	0	0	0	0	1	1
O	output	T	single	1	1
A	dtype	int	0	i:1
A	high	float	0	f:1.0
A	low	float	0	f:0.0
A	seed	float	0
A	shape	ints	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		RandomUniform	22	0	0	0	0	0	1	1
O	output	T	single	1	1
A	dtype	int	0	i:1
A	high	float	0	f:1.0
A	low	float	0	f:0.0
A	seed	float	0
A	shape	ints	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		RandomUniformLike	1	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	high	float	0	f:1.0
A	low	float	0	f:0.0
A	seed	float	0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		RandomUniformLike	22	0	0	0	1	1	1	1
I	input	T1	single	1	1
O	output	T2	single	1	1
A	dtype	int	0
A	high	float	0	f:1.0
A	low	float	0	f:0.0
A	seed	float	0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Range	11	0	1	0	3	3	1	1
I	start	T	single	1	1
I	limit	T	single	1	1
I	delta	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(int16)	tensor(int32)	tensor(int64)
S		Range	27	0	0	1	3	3	1	1
I	start	T	single	1	1
I	limit	T	single	1	1
I	delta	T	single	1	1
O	output	T	single	1	1
A	stash_type	int	0	i:1
T	T	tensor(float)	tensor(double)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(bfloat16)
S		Reciprocal	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Reciprocal	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Reciprocal	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceL1	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceL1	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceL1	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceL1	18	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceL2	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceL2	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceL2	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceL2	18	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceLogSum	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceLogSum	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceLogSum	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceLogSum	18	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceLogSum	28	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceLogSumExp	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceLogSumExp	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceLogSumExp	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceLogSumExp	18	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceLogSumExp	28	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMax	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMax	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMax	12	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(uint8)	tensor(int8)
S		ReduceMax	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)
S		ReduceMax	18	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)
S		ReduceMax	20	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)	tensor(bool)
S		ReduceMean	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMean	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMean	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceMean	18	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceMin	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMin	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceMin	12	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(uint8)	tensor(int8)
S		ReduceMin	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)
S		ReduceMin	18	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)
S		ReduceMin	20	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)	tensor(uint8)	tensor(int8)	tensor(bool)
S		ReduceProd	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceProd	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceProd	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceProd	18	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceSum	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceSum	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceSum	13	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceSumSquare	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceSumSquare	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		ReduceSumSquare	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reduced	T	single	1	1
A	axes	ints	0
A	keepdims	int	0	i:1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		ReduceSumSquare	18	0	1	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	reduced	T	single	1	1
A	keepdims	int	0	i:1
A	noop_with_empty_axes	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		RegexFullMatch	20	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	pattern	string	0
T	T1	tensor(string)
T	T2	tensor(bool)
S		Relu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Relu	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Relu	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Relu	14	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float)	tensor(int32)	tensor(int8)	tensor(int16)	tensor(int64)	tensor(float16)	tensor(double)	tensor(bfloat16)
S		Reshape	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	reshaped	T	single	1	1
A	consumed_inputs	ints	0
A	shape	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Reshape	5	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Reshape	13	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Reshape	14	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Reshape	19	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		Reshape	21	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Reshape	23	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Reshape	24	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Reshape	25	0	0	0	2	2	1	1
I	data	T	single	1	1
I	shape	tensor(int64)	single	1	1
O	reshaped	T	single	1	1
A	allowzero	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Resize	10	0	0	0	2	2	1	1
I	X	T	single	1	1
I	scales	tensor(float)	single	1	1
O	Y	T	single	1	1
A	mode	string	0	s:nearest
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Resize	11	0	0	0	3	4	1	1
I	X	T1	single	1	1
I	roi	T2	single	1	1
I	scales	tensor(float)	single	1	1
I	sizes	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
A	coordinate_transformation_mode	string	0	s:half_pixel
A	cubic_coeff_a	float	0	f:-0.75
A	exclude_outside	int	0	i:0
A	extrapolation_value	float	0	f:0.0
A	mode	string	0	s:nearest
A	nearest_mode	string	0	s:round_prefer_floor
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		Resize	13	0	0	0	1	4	1	1
I	X	T1	single	1	1
I	roi	T2	optional	1	1
I	scales	tensor(float)	optional	1	1
I	sizes	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
A	coordinate_transformation_mode	string	0	s:half_pixel
A	cubic_coeff_a	float	0	f:-0.75
A	exclude_outside	int	0	i:0
A	extrapolation_value	float	0	f:0.0
A	mode	string	0	s:nearest
A	nearest_mode	string	0	s:round_prefer_floor
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		Resize	18	0	0	0	1	4	1	1
I	X	T1	single	1	1
I	roi	T2	optional	1	1
I	scales	tensor(float)	optional	1	1
I	sizes	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
A	antialias	int	0	i:0
A	axes	ints	0
A	coordinate_transformation_mode	string	0	s:half_pixel
A	cubic_coeff_a	float	0	f:-0.75
A	exclude_outside	int	0	i:0
A	extrapolation_value	float	0	f:0.0
A	keep_aspect_ratio_policy	string	0	s:stretch
A	mode	string	0	s:nearest
A	nearest_mode	string	0	s:round_prefer_floor
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		Resize	19	0	0	0	1	4	1	1
I	X	T1	single	1	1
I	roi	T2	optional	1	1
I	scales	tensor(float)	optional	1	1
I	sizes	tensor(int64)	optional	1	1
O	Y	T1	single	1	1
A	antialias	int	0	i:0
A	axes	ints	0
A	coordinate_transformation_mode	string	0	s:half_pixel
A	cubic_coeff_a	float	0	f:-0.75
A	exclude_outside	int	0	i:0
A	extrapolation_value	float	0	f:0.0
A	keep_aspect_ratio_policy	string	0	s:stretch
A	mode	string	0	s:nearest
A	nearest_mode	string	0	s:round_prefer_floor
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S		ReverseSequence	10	0	0	0	2	2	1	1
I	input	T	single	1	1
I	sequence_lens	tensor(int64)	single	1	1
O	Y	T	single	1	1
A	batch_axis	int	0	i:1
A	time_axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		ReverseSequence	28	0	0	0	2	2	1	1
I	input	T	single	1	1
I	sequence_lens	tensor(int64)	single	1	1
O	Y	T	single	1	1
A	batch_axis	int	0	i:1
A	time_axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		RoiAlign	10	0	0	0	3	3	1	1
I	X	T1	single	1	1
I	rois	T1	single	1	1
I	batch_indices	T2	single	1	1
O	Y	T1	single	1	1
A	mode	string	0	s:avg
A	output_height	int	0	i:1
A	output_width	int	0	i:1
A	sampling_ratio	int	0	i:0
A	spatial_scale	float	0	f:1.0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		RoiAlign	16	0	0	0	3	3	1	1
I	X	T1	single	1	1
I	rois	T1	single	1	1
I	batch_indices	T2	single	1	1
O	Y	T1	single	1	1
A	coordinate_transformation_mode	string	0	s:half_pixel
A	mode	string	0	s:avg
A	output_height	int	0	i:1
A	output_width	int	0	i:1
A	sampling_ratio	int	0	i:0
A	spatial_scale	float	0	f:1.0
T	T1	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		RoiAlign	22	0	0	0	3	3	1	1
I	X	T1	single	1	1
I	rois	T1	single	1	1
I	batch_indices	T2	single	1	1
O	Y	T1	single	1	1
A	coordinate_transformation_mode	string	0	s:half_pixel
A	mode	string	0	s:avg
A	output_height	int	0	i:1
A	output_width	int	0	i:1
A	sampling_ratio	int	0	i:0
A	spatial_scale	float	0	f:1.0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
T	T2	tensor(int64)
S		RotaryEmbedding	23	0	0	1	3	4	1	1
I	X	T	single	1	1
I	cos_cache	T	single	1	1
I	sin_cache	T	single	1	1
I	position_ids	M	optional	1	1
O	Y	T	single	1	1
A	interleaved	int	0	i:0
A	num_heads	int	0
A	rotary_embedding_dim	int	0	i:0
T	T	tensor(float)	tensor(float16)	tensor(bfloat16)
T	M	tensor(int64)
S		Round	11	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Round	22	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		STFT	17	0	0	0	2	4	1	1
I	signal	T1	single	1	1
I	frame_step	T2	single	1	1
I	window	T1	optional	1	1
I	frame_length	T2	optional	1	1
O	output	T1	single	1	1
A	onesided	int	0	i:1
T	T1	tensor(float)	tensor(float16)	tensor(double)	tensor(bfloat16)
T	T2	tensor(int32)	tensor(int64)
S		Scan	8	0	0	0	2	*	1	*
I	sequence_lens	I	optional	1	1
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	directions	ints	0
A	num_scan_inputs	int	1
T	I	tensor(int64)
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Scan	9	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Scan	11	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Scan	16	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Scan	19	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
S		Scan	21	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Scan	23	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Scan	24	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Scan	25	0	0	0	1	*	1	*
I	initial_state_and_scan_inputs	V	variadic	0	1
O	final_state_and_scan_outputs	V	variadic	0	1
A	body	graph	1
A	num_scan_inputs	int	1
A	scan_input_axes	ints	0
A	scan_input_directions	ints	0
A	scan_output_axes	ints	0
A	scan_output_directions	ints	0
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Scatter	9	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Scatter	11	1	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		ScatterElements	11	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		ScatterElements	13	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		ScatterElements	16	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
A	reduction	string	0	s:none
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		ScatterElements	18	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	Tind	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:0
A	reduction	string	0	s:none
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		ScatterND	11	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		ScatterND	13	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		ScatterND	16	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	reduction	string	0	s:none
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		ScatterND	18	0	0	0	3	3	1	1
I	data	T	single	1	1
I	indices	tensor(int64)	single	1	1
I	updates	T	single	1	1
O	output	T	single	1	1
A	reduction	string	0	s:none
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Selu	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.6732
A	consumed_inputs	ints	0
A	gamma	float	0	f:1.0507
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Selu	6	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.6732632
A	gamma	float	0	f:1.050701
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Selu	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.6732632
A	gamma	float	0	f:1.050701
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		SequenceAt	11	0	0	0	2	2	1	1
I	input_sequence	S	single	1	1
I	position	I	single	1	1
O	tensor	T	single	1	1
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	I	tensor(int32)	tensor(int64)
S		SequenceConstruct	11	0	0	0	1	*	1	1
I	inputs	T	variadic	1	1
O	output_sequence	S	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		SequenceEmpty	11	0	0	0	0	0	1	1
O	output	S	single	1	1
A	dtype	int	0
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		SequenceErase	11	0	0	0	1	2	1	1
I	input_sequence	S	single	1	1
I	position	I	optional	1	1
O	output_sequence	S	single	1	1
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	I	tensor(int32)	tensor(int64)
S		SequenceInsert	11	0	0	0	2	3	1	1
I	input_sequence	S	single	1	1
I	tensor	T	single	1	1
I	position	I	optional	1	1
O	output_sequence	S	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	I	tensor(int32)	tensor(int64)
S		SequenceLength	11	0	0	0	1	1	1	1
I	input_sequence	S	single	1	1
O	length	I	single	1	1
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	I	tensor(int64)
S		SequenceMap	17	0	0	1	1	*	1	*
I	input_sequence	S	single	1	1
I	additional_inputs	V	variadic	0	0
O	out_sequence	S	variadic	0	1
A	body	graph	1
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
T	V	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		Shape	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Shape	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Shape	15	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Shape	19	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T1	tensor(int64)
S		Shape	21	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	T1	tensor(int64)
S		Shape	23	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T1	tensor(int64)
S		Shape	24	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
T	T1	tensor(int64)
S		Shape	25	0	0	0	1	1	1	1
I	data	T	single	1	1
O	shape	T1	single	1	1
A	end	int	0
A	start	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	T1	tensor(int64)
S		Shrink	9	0	1	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	bias	float	0	f:0.0
A	lambd	float	0	f:0.5
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Sigmoid	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sigmoid	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sigmoid	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Sign	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Sign	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Sin	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sin	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Sinh	9	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sinh	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Size	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Size	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Size	19	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)
T	T1	tensor(int64)
S		Size	21	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
T	T1	tensor(int64)
S		Size	23	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
T	T1	tensor(int64)
S		Size	24	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
T	T1	tensor(int64)
S		Size	25	0	0	0	1	1	1	1
I	data	T	single	1	1
O	size	T1	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
T	T1	tensor(int64)
S		Slice	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	output	T	single	1	1
A	axes	ints	0
A	ends	ints	1
A	starts	ints	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Slice	10	0	0	0	3	5	1	1
I	data	T	single	1	1
I	starts	Tind	single	1	1
I	ends	Tind	single	1	1
I	axes	Tind	optional	1	1
I	steps	Tind	optional	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Slice	11	0	0	0	3	5	1	1
I	data	T	single	1	1
I	starts	Tind	single	1	1
I	ends	Tind	single	1	1
I	axes	Tind	optional	1	1
I	steps	Tind	optional	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Slice	13	0	0	0	3	5	1	1
I	data	T	single	1	1
I	starts	Tind	single	1	1
I	ends	Tind	single	1	1
I	axes	Tind	optional	1	1
I	steps	Tind	optional	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	Tind	tensor(int32)	tensor(int64)
S		Softmax	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Softmax	11	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Softmax	13	0	0	1	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	axis	int	0	i:-1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		SoftmaxCrossEntropyLoss	12	0	0	1	2	3	1	2
I	scores	T	single	1	1
I	labels	Tind	single	1	1
I	weights	T	optional	1	1
O	output	T	single	1	1
O	log_prob	T	optional	1	1
A	ignore_index	int	0
A	reduction	string	0	s:mean
T	T	tensor(float16)	tensor(float)	tensor(double)
T	Tind	tensor(int32)	tensor(int64)
S		SoftmaxCrossEntropyLoss	13	0	0	1	2	3	1	2
I	scores	T	single	1	1
I	labels	Tind	single	1	1
I	weights	T	optional	1	1
O	output	T	single	1	1
O	log_prob	T	optional	1	1
A	ignore_index	int	0
A	reduction	string	0	s:mean
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	Tind	tensor(int32)	tensor(int64)
S		Softplus	1	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Softplus	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Softsign	1	0	1	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Softsign	22	0	1	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		SpaceToDepth	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		SpaceToDepth	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		SpaceToDepth	28	0	0	1	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	blocksize	int	1
A	mode	string	0	s:DCR
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Split	1	0	0	0	1	2	1	*
I	input	T	single	1	1
I	split	T	optional	1	1
O	outputs...	T	variadic	1	1
A	axis	int	0
A	split	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Split	2	0	0	0	1	1	1	*
I	input	T	single	1	1
O	outputs	T	variadic	1	1
A	axis	int	0	i:0
A	split	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Split	11	0	0	0	1	1	1	*
I	input	T	single	1	1
O	outputs	T	variadic	1	1
A	axis	int	0	i:0
A	split	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Split	13	0	0	0	1	2	1	*
I	input	T	single	1	1
I	split	tensor(int64)	optional	1	1
O	outputs	T	variadic	1	1
A	axis	int	0	i:0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Split	18	0	0	0	1	2	1	*
I	input	T	single	1	1
I	split	tensor(int64)	optional	1	1
O	outputs	T	variadic	1	1
A	axis	int	0	i:0
A	num_outputs	int	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		SplitToSequence	11	0	0	0	1	2	1	1
I	input	T	single	1	1
I	split	I	optional	1	1
O	output_sequence	S	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	I	tensor(int32)	tensor(int64)
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		SplitToSequence	24	0	0	0	1	2	1	1
I	input	T	single	1	1
I	split	I	optional	1	1
O	output_sequence	S	single	1	1
A	axis	int	0	i:0
A	keepdims	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	I	tensor(int32)	tensor(int64)
T	S	seq(tensor(uint8))	seq(tensor(uint16))	seq(tensor(uint32))	seq(tensor(uint64))	seq(tensor(int8))	seq(tensor(int16))	seq(tensor(int32))	seq(tensor(int64))	seq(tensor(bfloat16))	seq(tensor(float16))	seq(tensor(float))	seq(tensor(double))	seq(tensor(string))	seq(tensor(bool))	seq(tensor(complex64))	seq(tensor(complex128))
S		Sqrt	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sqrt	6	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sqrt	13	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Squeeze	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	squeezed	T	single	1	1
A	axes	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Squeeze	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	squeezed	T	single	1	1
A	axes	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Squeeze	13	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	squeezed	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Squeeze	21	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	squeezed	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Squeeze	23	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	squeezed	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Squeeze	24	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	squeezed	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Squeeze	25	0	0	0	1	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	optional	1	1
O	squeezed	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		StringConcat	20	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	Z	T	single	1	1
T	T	tensor(string)
S		StringNormalizer	10	0	0	0	1	1	1	1
I	X	tensor(string)	single	1	1
O	Y	tensor(string)	single	1	1
A	case_change_action	string	0	s:NONE
A	is_case_sensitive	int	0	i:0
A	locale	string	0
A	stopwords	strings	0
S		StringSplit	20	0	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	T3	single	1	1
A	delimiter	string	0
A	maxsplit	int	0
T	T1	tensor(string)
T	T2	tensor(string)
T	T3	tensor(int64)
S		Sub	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sub	6	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Sub	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Sub	13	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint32)	tensor(uint64)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Sub	14	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		Sum	1	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	sum	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sum	6	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	sum	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sum	8	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	sum	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Sum	13	0	0	0	1	*	1	1
I	data_0	T	variadic	1	1
O	sum	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
S		SwiGLU	28	0	1	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Swish	24	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(float16)	tensor(float)	tensor(bfloat16)	tensor(double)
S		Tan	7	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Tan	22	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Tanh	1	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
A	consumed_inputs	ints	0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Tanh	6	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
S		Tanh	13	0	0	0	1	1	1	1
I	input	T	single	1	1
O	output	T	single	1	1
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		TensorScatter	24	0	0	0	2	3	1	1
I	past_cache	T	single	1	1
I	update	T	single	1	1
I	write_indices	tensor(int64)	optional	1	1
O	present_cache	T	single	1	1
A	axis	int	0	i:-2
A	mode	string	0	s:linear
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		TfIdfVectorizer	9	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T1	single	1	1
A	max_gram_length	int	1
A	max_skip_count	int	1
A	min_gram_length	int	1
A	mode	string	1
A	ngram_counts	ints	1
A	ngram_indexes	ints	1
A	pool_int64s	ints	0
A	pool_strings	strings	0
A	weights	floats	0
T	T	tensor(string)	tensor(int32)	tensor(int64)
T	T1	tensor(float)
S		ThresholdedRelu	10	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(float16)	tensor(float)	tensor(double)
S		ThresholdedRelu	22	0	1	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	alpha	float	0	f:1.0
T	T	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S		Tile	1	0	0	0	3	3	1	1
I	input	T	single	1	1
I	tiles	T	single	1	1
I	axis	T	single	1	1
O	output	T	single	1	1
T	T	tensor(float16)	tensor(float)	tensor(double)
T	T1	tensor(int64)
S		Tile	6	0	0	0	2	2	1	1
I	input	T	single	1	1
I	repeats	T1	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		Tile	13	0	0	0	2	2	1	1
I	input	T	single	1	1
I	repeats	T1	single	1	1
O	output	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T1	tensor(int64)
S		TopK	1	0	0	0	1	1	2	2
I	X	T	single	1	1
O	Values	T	single	1	1
O	Indices	I	single	1	1
A	axis	int	0	i:-1
A	k	int	1
T	T	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		TopK	10	0	0	0	2	2	2	2
I	X	T	single	1	1
I	K	tensor(int64)	single	1	1
O	Values	T	single	1	1
O	Indices	I	single	1	1
A	axis	int	0	i:-1
T	T	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		TopK	11	0	0	0	2	2	2	2
I	X	T	single	1	1
I	K	tensor(int64)	single	1	1
O	Values	T	single	1	1
O	Indices	I	single	1	1
A	axis	int	0	i:-1
A	largest	int	0	i:1
A	sorted	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
T	I	tensor(int64)
S		TopK	24	0	0	0	2	2	2	2
I	X	T	single	1	1
I	K	tensor(int64)	single	1	1
O	Values	T	single	1	1
O	Indices	I	single	1	1
A	axis	int	0	i:-1
A	largest	int	0	i:1
A	sorted	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(bfloat16)
T	I	tensor(int64)
S		Transpose	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Transpose	13	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Transpose	21	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Transpose	23	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Transpose	24	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Transpose	25	0	0	0	1	1	1	1
I	data	T	single	1	1
O	transposed	T	single	1	1
A	perm	ints	0
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Trilu	14	0	0	0	1	2	1	1
I	input	T	single	1	1
I	k	tensor(int64)	optional	1	1
O	output	T	single	1	1
A	upper	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unique	11	0	0	0	1	1	1	4
I	X	T	single	1	1
O	Y	T	single	1	1
O	indices	tensor(int64)	optional	1	1
O	inverse_indices	tensor(int64)	optional	1	1
O	counts	tensor(int64)	optional	1	1
A	axis	int	0
A	sorted	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unique	28	0	0	0	1	1	1	4
I	X	T	single	1	1
O	Y	T	single	1	1
O	indices	tensor(int64)	optional	1	1
O	inverse_indices	tensor(int64)	optional	1	1
O	counts	tensor(int64)	optional	1	1
A	axis	int	0
A	sorted	int	0	i:1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unsqueeze	1	0	0	0	1	1	1	1
I	data	T	single	1	1
O	expanded	T	single	1	1
A	axes	ints	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unsqueeze	11	0	0	0	1	1	1	1
I	data	T	single	1	1
O	expanded	T	single	1	1
A	axes	ints	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unsqueeze	13	0	0	0	2	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	single	1	1
O	expanded	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Unsqueeze	21	0	0	0	2	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	single	1	1
O	expanded	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)
S		Unsqueeze	23	0	0	0	2	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	single	1	1
O	expanded	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)
S		Unsqueeze	24	0	0	0	2	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	single	1	1
O	expanded	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)
S		Unsqueeze	25	0	0	0	2	2	1	1
I	data	T	single	1	1
I	axes	tensor(int64)	single	1	1
O	expanded	T	single	1	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)	tensor(float8e4m3fn)	tensor(float8e4m3fnuz)	tensor(float8e5m2)	tensor(float8e5m2fnuz)	tensor(uint4)	tensor(int4)	tensor(float4e2m1)	tensor(float8e8m0)	tensor(uint2)	tensor(int2)
S		Upsample	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	height_scale	float	1
A	mode	string	0	s:nearest
A	width_scale	float	1
T	T	tensor(bool)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)
S		Upsample	7	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	mode	string	0	s:nearest
A	scales	floats	1
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Upsample	9	0	0	0	2	2	1	1
I	X	T	single	1	1
I	scales	tensor(float)	single	1	1
O	Y	T	single	1	1
A	mode	string	0	s:nearest
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Upsample	10	1	0	0	2	2	1	1
I	X	T	single	1	1
I	scales	tensor(float)	single	1	1
O	Y	T	single	1	1
A	mode	string	0	s:nearest
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Where	9	0	0	0	3	3	1	1
I	condition	B	single	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	output	T	single	1	1
T	B	tensor(bool)
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Where	16	0	0	0	3	3	1	1
I	condition	B	single	1	1
I	X	T	single	1	1
I	Y	T	single	1	1
O	output	T	single	1	1
T	B	tensor(bool)
T	T	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
S		Xor	1	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
A	axis	int	0
A	broadcast	int	0	i:0
T	T	tensor(bool)
T	T1	tensor(bool)
S		Xor	7	0	0	0	2	2	1	1
I	A	T	single	1	1
I	B	T	single	1	1
O	C	T1	single	1	1
T	T	tensor(bool)
T	T1	tensor(bool)
S	ai.onnx.ml	ArrayFeatureExtractor	1	0	0	0	2	2	1	1
I	X	T	single	1	1
I	Y	tensor(int64)	single	1	1
O	Z	T	single	1	1
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)	tensor(string)
S	ai.onnx.ml	Binarizer	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	threshold	float	0	f:0.0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	CastMap	1	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	cast_to	string	0	s:TO_FLOAT
A	map_form	string	0	s:DENSE
A	max_map	int	0	i:1
T	T1	map(int64, string)	map(int64, float)
T	T2	tensor(string)	tensor(float)	tensor(int64)
S	ai.onnx.ml	CategoryMapper	1	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	cats_int64s	ints	0
A	cats_strings	strings	0
A	default_int64	int	0	i:-1
A	default_string	string	0	s:_Unused
T	T1	tensor(string)	tensor(int64)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	DictVectorizer	1	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	int64_vocabulary	ints	0
A	string_vocabulary	strings	0
T	T1	map(string, int64)	map(int64, string)	map(int64, float)	map(int64, double)	map(string, float)	map(string, double)
T	T2	tensor(int64)	tensor(float)	tensor(double)	tensor(string)
S	ai.onnx.ml	FeatureVectorizer	1	0	0	0	1	*	1	1
I	X	T1	variadic	1	1
O	Y	tensor(float)	single	1	1
A	inputdimensions	ints	0
T	T1	tensor(int32)	tensor(int64)	tensor(float)	tensor(double)
S	ai.onnx.ml	Imputer	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	imputed_value_floats	floats	0
A	imputed_value_int64s	ints	0
A	replaced_value_float	float	0	f:0.0
A	replaced_value_int64	int	0	i:0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	LabelEncoder	1	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	classes_strings	strings	0
A	default_int64	int	0	i:-1
A	default_string	string	0	s:_Unused
T	T1	tensor(string)	tensor(int64)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	LabelEncoder	2	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	default_float	float	0	f:-0.0
A	default_int64	int	0	i:-1
A	default_string	string	0	s:_Unused
A	keys_floats	floats	0
A	keys_int64s	ints	0
A	keys_strings	strings	0
A	values_floats	floats	0
A	values_int64s	ints	0
A	values_strings	strings	0
T	T1	tensor(string)	tensor(int64)	tensor(float)
T	T2	tensor(string)	tensor(int64)	tensor(float)
S	ai.onnx.ml	LabelEncoder	4	0	0	0	1	1	1	1
I	X	T1	single	1	1
O	Y	T2	single	1	1
A	default_float	float	0	f:-0.0
A	default_int64	int	0	i:-1
A	default_string	string	0	s:_Unused
A	default_tensor	tensor	0
A	keys_floats	floats	0
A	keys_int64s	ints	0
A	keys_strings	strings	0
A	keys_tensor	tensor	0
A	values_floats	floats	0
A	values_int64s	ints	0
A	values_strings	strings	0
A	values_tensor	tensor	0
T	T1	tensor(string)	tensor(int64)	tensor(float)	tensor(int32)	tensor(int16)	tensor(double)
T	T2	tensor(string)	tensor(int64)	tensor(float)	tensor(int32)	tensor(int16)	tensor(double)
S	ai.onnx.ml	LinearClassifier	1	0	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	tensor(float)	single	1	1
A	classlabels_ints	ints	0
A	classlabels_strings	strings	0
A	coefficients	floats	1
A	intercepts	floats	0
A	multi_class	int	0	i:0
A	post_transform	string	0	s:NONE
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	LinearRegressor	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	coefficients	floats	0
A	intercepts	floats	0
A	post_transform	string	0	s:NONE
A	targets	int	0	i:1
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	Normalizer	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	norm	string	0	s:MAX
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	OneHotEncoder	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	cats_int64s	ints	0
A	cats_strings	strings	0
A	zeros	int	0	i:1
T	T	tensor(string)	tensor(int64)	tensor(int32)	tensor(float)	tensor(double)
S	ai.onnx.ml	SVMClassifier	1	0	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	tensor(float)	single	1	1
A	classlabels_ints	ints	0
A	classlabels_strings	strings	0
A	coefficients	floats	0
A	kernel_params	floats	0
A	kernel_type	string	0	s:LINEAR
A	post_transform	string	0	s:NONE
A	prob_a	floats	0
A	prob_b	floats	0
A	rho	floats	0
A	support_vectors	floats	0
A	vectors_per_class	ints	0
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	SVMRegressor	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	coefficients	floats	0
A	kernel_params	floats	0
A	kernel_type	string	0	s:LINEAR
A	n_supports	int	0	i:0
A	one_class	int	0	i:0
A	post_transform	string	0	s:NONE
A	rho	floats	0
A	support_vectors	floats	0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	Scaler	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	offset	floats	0
A	scale	floats	0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	TreeEnsemble	5	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	T	single	1	1
A	aggregate_function	int	0	i:1
A	leaf_targetids	ints	1
A	leaf_weights	tensor	1
A	membership_values	tensor	0
A	n_targets	int	0
A	nodes_falseleafs	ints	1
A	nodes_falsenodeids	ints	1
A	nodes_featureids	ints	1
A	nodes_hitrates	tensor	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	tensor	1
A	nodes_splits	tensor	1
A	nodes_trueleafs	ints	1
A	nodes_truenodeids	ints	1
A	post_transform	int	0	i:0
A	tree_roots	ints	1
T	T	tensor(float)	tensor(double)	tensor(float16)
S	ai.onnx.ml	TreeEnsembleClassifier	1	0	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	tensor(float)	single	1	1
A	base_values	floats	0
A	class_ids	ints	0
A	class_nodeids	ints	0
A	class_treeids	ints	0
A	class_weights	floats	0
A	classlabels_int64s	ints	0
A	classlabels_strings	strings	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	post_transform	string	0	s:NONE
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	TreeEnsembleClassifier	3	0	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	tensor(float)	single	1	1
A	base_values	floats	0
A	base_values_as_tensor	tensor	0
A	class_ids	ints	0
A	class_nodeids	ints	0
A	class_treeids	ints	0
A	class_weights	floats	0
A	class_weights_as_tensor	tensor	0
A	classlabels_int64s	ints	0
A	classlabels_strings	strings	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_hitrates_as_tensor	tensor	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	nodes_values_as_tensor	tensor	0
A	post_transform	string	0	s:NONE
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	TreeEnsembleClassifier	5	1	0	0	1	1	2	2
I	X	T1	single	1	1
O	Y	T2	single	1	1
O	Z	tensor(float)	single	1	1
A	base_values	floats	0
A	base_values_as_tensor	tensor	0
A	class_ids	ints	0
A	class_nodeids	ints	0
A	class_treeids	ints	0
A	class_weights	floats	0
A	class_weights_as_tensor	tensor	0
A	classlabels_int64s	ints	0
A	classlabels_strings	strings	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_hitrates_as_tensor	tensor	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	nodes_values_as_tensor	tensor	0
A	post_transform	string	0	s:NONE
T	T1	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
T	T2	tensor(string)	tensor(int64)
S	ai.onnx.ml	TreeEnsembleRegressor	1	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	aggregate_function	string	0	s:SUM
A	base_values	floats	0
A	n_targets	int	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	post_transform	string	0	s:NONE
A	target_ids	ints	0
A	target_nodeids	ints	0
A	target_treeids	ints	0
A	target_weights	floats	0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	TreeEnsembleRegressor	3	0	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	aggregate_function	string	0	s:SUM
A	base_values	floats	0
A	base_values_as_tensor	tensor	0
A	n_targets	int	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_hitrates_as_tensor	tensor	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	nodes_values_as_tensor	tensor	0
A	post_transform	string	0	s:NONE
A	target_ids	ints	0
A	target_nodeids	ints	0
A	target_treeids	ints	0
A	target_weights	floats	0
A	target_weights_as_tensor	tensor	0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	TreeEnsembleRegressor	5	1	0	0	1	1	1	1
I	X	T	single	1	1
O	Y	tensor(float)	single	1	1
A	aggregate_function	string	0	s:SUM
A	base_values	floats	0
A	base_values_as_tensor	tensor	0
A	n_targets	int	0
A	nodes_falsenodeids	ints	0
A	nodes_featureids	ints	0
A	nodes_hitrates	floats	0
A	nodes_hitrates_as_tensor	tensor	0
A	nodes_missing_value_tracks_true	ints	0
A	nodes_modes	strings	0
A	nodes_nodeids	ints	0
A	nodes_treeids	ints	0
A	nodes_truenodeids	ints	0
A	nodes_values	floats	0
A	nodes_values_as_tensor	tensor	0
A	post_transform	string	0	s:NONE
A	target_ids	ints	0
A	target_nodeids	ints	0
A	target_treeids	ints	0
A	target_weights	floats	0
A	target_weights_as_tensor	tensor	0
T	T	tensor(float)	tensor(double)	tensor(int64)	tensor(int32)
S	ai.onnx.ml	ZipMap	1	0	0	0	1	1	1	1
I	X	tensor(float)	single	1	1
O	Z	T	single	1	1
A	classlabels_int64s	ints	0
A	classlabels_strings	strings	0
T	T	seq(map(string, float))	seq(map(int64, float))
S	ai.onnx.preview	FlexAttention	1	0	0	1	3	3	1	1
I	Q	T1	single	1	1
I	K	T1	single	1	1
I	V	T1	single	1	1
O	Y	T1	single	1	1
A	prob_mod	graph	0
A	scale	float	0
A	score_mod	graph	0
A	softmax_precision	int	0
T	T1	tensor(bfloat16)	tensor(float16)	tensor(float)	tensor(double)
S	ai.onnx.preview.training	Adagrad	1	0	0	0	3	*	1	*
I	R	T1	single	1	1
I	T	T2	single	1	1
I	inputs	T3	variadic	0	1
O	outputs	T3	variadic	0	1
A	decay_factor	float	0	f:0.0
A	epsilon	float	0	f:1e-06
A	norm_coefficient	float	0	f:0.0
T	T1	tensor(float)	tensor(double)
T	T2	tensor(int64)
T	T3	tensor(float)	tensor(double)
S	ai.onnx.preview.training	Adam	1	0	0	0	3	*	1	*
I	R	T1	single	1	1
I	T	T2	single	1	1
I	inputs	T3	variadic	0	1
O	outputs	T3	variadic	0	1
A	alpha	float	0	f:0.9
A	beta	float	0	f:0.999
A	epsilon	float	0	f:1e-06
A	norm_coefficient	float	0	f:0.0
A	norm_coefficient_post	float	0	f:0.0
T	T1	tensor(float)	tensor(double)
T	T2	tensor(int64)
T	T3	tensor(float)	tensor(double)
S	ai.onnx.preview.training	Gradient	1	0	0	0	1	*	1	*
I	Inputs	T1	variadic	0	1
O	Outputs	T2	variadic	0	1
A	xs	strings	1
A	y	string	1
A	zs	strings	0
T	T1	tensor(uint8)	tensor(uint16)	tensor(uint32)	tensor(uint64)	tensor(int8)	tensor(int16)	tensor(int32)	tensor(int64)	tensor(float16)	tensor(float)	tensor(double)	tensor(string)	tensor(bool)	tensor(complex64)	tensor(complex128)
T	T2	tensor(float16)	tensor(float)	tensor(double)
S	ai.onnx.preview.training	Momentum	1	0	0	0	3	*	1	*
I	R	T1	single	1	1
I	T	T2	single	1	1
I	inputs	T3	variadic	0	1
O	outputs	T3	variadic	0	1
A	alpha	float	1
A	beta	float	1
A	mode	string	1
A	norm_coefficient	float	1
T	T1	tensor(float)	tensor(double)
T	T2	tensor(int64)
T	T3	tensor(float)	tensor(double)
"""#
}
