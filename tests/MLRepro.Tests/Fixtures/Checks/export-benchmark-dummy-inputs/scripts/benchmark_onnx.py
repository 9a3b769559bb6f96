"""Time ONNX Runtime inference on random images."""
import time

import numpy as np
import onnxruntime as ort

if __name__ == "__main__":
    session = ort.InferenceSession("models/model.onnx")
    rng = np.random.default_rng()
    batch = rng.standard_normal((8, 3, 224, 224), dtype=np.float32)
    start = time.perf_counter()
    for _ in range(50):
        session.run(None, {"image": batch})
    print(f"{(time.perf_counter() - start) / 50 * 1000:.1f} ms per batch")
