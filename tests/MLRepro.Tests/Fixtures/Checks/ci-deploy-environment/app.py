import pickle

from flask import Flask, render_template, request

app = Flask(__name__)
with open("model.pkl", "rb") as f:
    model = pickle.load(f)


@app.route("/", methods=["GET", "POST"])
def predict():
    if request.method == "GET":
        return render_template("home.html")
    rooms = float(request.form["rooms"])
    area = float(request.form["area"])
    return render_template("home.html", result=model.predict([[rooms, area]])[0])


if __name__ == "__main__":
    app.run(host="0.0.0.0")
