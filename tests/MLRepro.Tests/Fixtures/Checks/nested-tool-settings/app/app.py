import pickle

import streamlit as st

model = pickle.load(open("model.pkl", "rb"))
x = st.number_input("x")
st.write(model.predict([[x]]))
