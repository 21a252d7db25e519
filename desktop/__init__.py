"""AskWhy: track job applications and ask why you were not selected, fast."""

APP_NAME = "AskWhy"
APP_ID = "io.github.askwhy.AskWhy"
ORGANIZATION = "AskWhy"
__version__ = "0.1.0"
