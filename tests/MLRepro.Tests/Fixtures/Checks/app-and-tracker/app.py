import joblib
import streamlit as st

model = joblib.load("model.joblib")
value = st.number_input("petal length")
st.write(model.predict([[value]]))
