def clip(v, lo, hi, eps=0.0):
    return min(max(v, lo + eps), hi - eps)


def boxes_to_xywhn(boxes, w, h):
    out = []
    for x1, y1, x2, y2 in boxes:
        x1, x2 = clip(x1, 0, w, eps=1e-3), clip(x2, 0, w, eps=1e-3)
        out.append(((x1 + x2) / 2 / w, (y1 + y2) / 2 / h, (x2 - x1) / w, (y2 - y1) / h))
    return out


def make_loader(path, batch_size):
    return [path] * batch_size
