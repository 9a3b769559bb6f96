# expect: python.tab-space-mix
import random
if True:
	random.seed(1)
        random.random()
