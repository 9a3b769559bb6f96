# expect: python.inconsistent-dedent
import os
if os.name:
        x = 1
    y = os.getcwd()
