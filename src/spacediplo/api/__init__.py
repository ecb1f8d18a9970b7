"""The HTTP API (FastAPI) and the app that also serves the dashboard."""

from .app import create_app

__all__ = ["create_app"]
