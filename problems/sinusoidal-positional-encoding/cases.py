def cases():
    return [
        {"name": "example-4x4", "public": True, "args": [4, 4]},
        {"name": "example-odd-3x5", "public": True, "args": [3, 5]},
        {"name": "single-position", "public": False, "args": [1, 8]},
        {"name": "d-model-1", "public": False, "args": [6, 1]},
        {"name": "d-model-2", "public": False, "args": [10, 2]},
        {"name": "d-model-3", "public": False, "args": [7, 3]},
        {"name": "odd-d-model-33", "public": False, "args": [50, 33]},
        {"name": "tall-narrow", "public": False, "args": [1000, 6]},
        {"name": "short-wide", "public": False, "args": [3, 256]},
        {"name": "bert-size", "public": False, "args": [512, 512]},
        {"name": "long-context", "public": False, "args": [8192, 32]},
        {"name": "odd-large", "public": False, "args": [2001, 129]},
    ]
