import numpy as np

from grader.torchcases import module_case, reference

CNN = reference(__file__).SmallCNN


def cases():
    rng = np.random.default_rng(20261206)

    def images(n, c, size, scale=1.0, shift=0.0):
        return (shift + scale * rng.normal(size=(n, c, size, size))).astype(np.float32)

    def case(name, public, covers, seed, x, *, num_classes, dropout=0.5, category=None):
        init = {"in_channels": x.shape[1], "num_classes": num_classes, "image_size": x.shape[2],
                "dropout": dropout}
        c = module_case(name, public=public, covers=covers, module=CNN, init=init, args=[x], seed=seed,
                        buffers=True)
        # A fresh BatchNorm has mean 0, variance 1, weight 1, bias 0: eval mode would then be almost the
        # identity. Trained-looking statistics make "uses the running statistics" something a test can see.
        bn_rng = np.random.default_rng(1000 + seed)
        state = c["state"]
        for bn in ("bn1", "bn2"):
            shape = state[f"{bn}.running_mean"].shape
            state[f"{bn}.running_mean"] = (0.5 * bn_rng.normal(size=shape)).astype(np.float32)
            state[f"{bn}.running_var"] = np.exp(0.5 * bn_rng.normal(size=shape)).astype(np.float32)
            state[f"{bn}.weight"] = (1.0 + 0.3 * bn_rng.normal(size=shape)).astype(np.float32)
            state[f"{bn}.bias"] = (0.3 * bn_rng.normal(size=shape)).astype(np.float32)
        if category:
            c["category"] = category
        return c

    return [
        case("example-mnist-shaped", True, [], 0, images(2, 1, 28), num_classes=10),
        case("example-rgb-8x8", True, [], 1, images(2, 3, 8), num_classes=4),
        case("mnist-batch", False, ["single-channel", "batch", "running-statistics", "dropout-off"], 2,
             images(4, 1, 28), num_classes=10, category="single-channel batch"),
        case("rgb-32", False, ["multi-channel", "batch", "running-statistics", "dropout-off"], 3,
             images(3, 3, 32), num_classes=5, category="multi-channel batch"),
        case("one-image", False, ["batch-1", "multi-channel", "dropout-off"], 4, images(1, 3, 16), num_classes=2,
             category="single image"),
        case("pooled-side-odd", False, ["odd-size-floors", "single-channel", "batch"], 5, images(2, 1, 14),
             num_classes=10, category="odd side before pooling"),
        case("odd-image-size", False, ["odd-size-floors", "multi-channel", "batch", "running-statistics"], 6,
             images(2, 2, 13), num_classes=3, category="odd side before pooling"),
        case("smallest-image", False, ["smallest-image", "single-channel", "batch"], 7, images(3, 1, 4),
             num_classes=3, category="smallest images"),
        case("one-small-image", False, ["smallest-image", "odd-size-floors", "batch-1", "multi-channel"], 8,
             images(1, 3, 6), num_classes=2, category="smallest images"),
        # Inputs far from the running mean: a normalisation by the batch's own statistics is far off.
        case("shifted-inputs", False, ["running-statistics", "multi-channel", "batch", "dropout-off"], 9,
             images(4, 3, 12, scale=3.0, shift=2.0), num_classes=6, dropout=0.2,
             category="inputs far from the running mean"),
        case("side-30", False, ["odd-size-floors", "single-channel", "batch"], 10, images(2, 1, 30), num_classes=7,
             category="odd side before pooling"),
        # Size: convolutions as tensor operations (nn.Conv2d), not Python loops over pixels.
        case("larger", False, ["multi-channel", "batch", "running-statistics", "dropout-off"], 11,
             images(16, 3, 32), num_classes=10, category="large batch"),
    ]
