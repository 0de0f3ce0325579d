import typer

app = typer.Typer(help="Practise ML interview problems on an mljudge site from your terminal.")
