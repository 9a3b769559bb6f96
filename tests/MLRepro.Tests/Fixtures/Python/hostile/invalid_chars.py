# expect: python.invalid-character
import os
x = os.getcwd() $ 3
y = `x`
z = 1 ? 2
