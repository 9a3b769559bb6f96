import json

import pandas as pd
import streamlit as st

spec = json.load(open("st_scripts/vega_graphs/confusion_matrix.json"))
table = pd.read_json("st_scripts/vega_graphs/confusion_matrix.json")
st.vega_lite_chart(table, spec)
