def text_to_sequence(text):
    return [ord(c) % 64 for c in text.lower()]
