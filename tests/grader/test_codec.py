import numpy as np
import pytest

from grader import codec


def roundtrip(value):
    return codec.decode(codec.encode(value))


def test_it_roundtrips_plain_data_with_exact_types():
    value = {"a": [1, 2.5, None, True, "x"], "t": (1, (2, 3)), "arr": np.arange(6).reshape(2, 3)}
    out = roundtrip(value)
    assert out["a"] == [1, 2.5, None, True, "x"]
    assert out["t"] == (1, (2, 3)) and type(out["t"]) is tuple
    assert type(out["arr"]) is np.ndarray and out["arr"].dtype == np.int64
    np.testing.assert_array_equal(out["arr"], value["arr"])


def test_it_keeps_non_finite_floats_distinguishable():
    out = roundtrip([float("nan"), float("inf"), -float("inf")])
    assert np.isnan(out[0]) and out[1] == float("inf") and out[2] == -float("inf")


def test_it_turns_numpy_scalars_into_builtins():
    out = roundtrip([np.float32(1.5), np.int8(3), np.bool_(True)])
    assert [type(v) for v in out] == [float, int, bool]


@pytest.mark.parametrize("value", [
    np.array([object(), 1], dtype=object),
    np.zeros(2, dtype=[("a", "i4")]),
    np.ma.masked_array([1, 2]),
    object(),
    type("Float", (float,), {"__eq__": lambda self, other: True})(1.0),
    type("L", (list,), {})([1]),
    {1: "non-str key"},
    2**70,
])
def test_it_refuses_anything_that_is_not_plain_data(value):
    with pytest.raises(codec.CodecError):
        codec.encode(value)


def test_it_never_unpickles_object_arrays_smuggled_into_a_message():
    import io
    import struct

    buf = io.BytesIO()
    np.save(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    blob = buf.getvalue()
    header = b'{"$a":0}'
    data = struct.pack(">I", len(header)) + header + struct.pack(">Q", len(blob)) + blob
    with pytest.raises(codec.CodecError):
        codec.decode(data)


@pytest.mark.parametrize("data", [b"", b"\x00\x00\x00\x09{bad json", b"\x00\x00\x00\x08{\"$a\":5}",
                                  b"\x00\x00\x00\x0a{\"$x\":\"1\"}"])
def test_it_rejects_malformed_messages(data):
    with pytest.raises(codec.CodecError):
        codec.decode(data)
