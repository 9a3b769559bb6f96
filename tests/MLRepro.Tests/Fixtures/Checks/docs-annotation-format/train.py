import argparse
import json
import os
import xml.etree.ElementTree as ET

parser = argparse.ArgumentParser()
parser.add_argument("-c", "--conf", default="config.json")
args = parser.parse_args()
config = json.load(open(args.conf))

boxes = []
for name in sorted(os.listdir(config["train"]["annot_folder"])):
    tree = ET.parse(os.path.join(config["train"]["annot_folder"], name))
    boxes.extend(obj.find("name").text for obj in tree.iter("object"))
print(len(boxes))
