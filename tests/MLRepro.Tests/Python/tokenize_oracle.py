"""Oracle for the tokenizer tests: reads a JSON list of snippets on stdin and prints, for each, the
list of tokens from CPython's tokenize as [type name, string, line, column (0-based)], ENCODING left out."""
import io
import json
import sys
import tokenize

result = []
for src in json.load(sys.stdin):
    toks = []
    try:
        for t in tokenize.tokenize(io.BytesIO(src.encode("utf-8")).readline):
            if t.type == tokenize.ENCODING:
                continue
            toks.append([tokenize.tok_name[t.type], t.string, t.start[0], t.start[1]])
    except (tokenize.TokenError, SyntaxError) as e:
        toks.append(["ERROR", str(e), 0, 0])
    result.append(toks)
json.dump(result, sys.stdout)
