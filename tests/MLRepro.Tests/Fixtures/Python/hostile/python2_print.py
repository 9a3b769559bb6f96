# expect: python.python2-print
import sys
print "hello", sys.argv
exec "x = 1"
try:
    pass
except Exception, e:
    print e
