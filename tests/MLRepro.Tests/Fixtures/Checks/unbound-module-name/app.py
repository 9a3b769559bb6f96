from flask import Flask, request, render_template_string

from pipeline.predict import CustomData, PredictPipeline

app = Flask(__name__)

PAGE = "<form method='post'><input name='hours'><button>Predict</button></form>{{ result }}"


@app.route("/", methods=["GET", "POST"])
def index():
    if request.method == "GET":
        return render_template_string(PAGE, result="")
    data = CustomData(hours=float(request.form["hours"]))
    result = PredictPipeline().predict(data.as_frame())
    return render_template_string(PAGE, result=result[0])


if __name__ == "__main__":
    app.run(host="0.0.0.0")
