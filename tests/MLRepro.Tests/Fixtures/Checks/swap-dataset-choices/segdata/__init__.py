from .pascal import PascalSegmentation
from .streets import StreetScenes
