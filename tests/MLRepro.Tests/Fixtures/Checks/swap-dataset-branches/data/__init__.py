from .shapes import TinyShapes
