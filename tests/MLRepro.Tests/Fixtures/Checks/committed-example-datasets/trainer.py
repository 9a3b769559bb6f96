def train_adapter(text):
    samples = [s.strip() for s in text.split("\n\n\n") if s.strip()]
    return f"{len(samples)} samples"
