"""`python -m mljudge_cli`: the same as the `mljudge` console script."""
from .main import app

app(prog_name="mljudge")
