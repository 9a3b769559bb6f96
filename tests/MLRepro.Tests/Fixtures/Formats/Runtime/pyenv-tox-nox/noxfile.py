import nox

PYTHONS = ["3.9", "3.10"]


@nox.session(python=["3.9", "3.10", "3.11"])
def tests(session):
    session.install("-r", "requirements-dev.txt")
    session.run("pytest")


@nox.session(python="3.11", reuse_venv=True)
def lint(session):
    session.install("ruff")
    session.run("ruff", "check", ".")
