# expect: python.unterminated-string
import json
name = f"{json.dumps({"a": 1})
q = 1
