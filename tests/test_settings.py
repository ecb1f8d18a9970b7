from __future__ import annotations

from pathlib import Path

import pytest

from spacediplo.settings import Settings, normalise_db_url


def test_defaults_environment_and_overrides_in_that_order() -> None:
    env = {
        "SPACEDIPLO_DB": "env.db",
        "SPACEDIPLO_HTTP_TIMEOUT": "3.5",
        "SPACEDIPLO_ALLOW_PRIVATE_HOSTS": "yes",
        "SPACEDIPLO_LANGUAGES": "en, fr",
    }
    settings = Settings.from_env(environ=env, db="flag.db")
    assert settings.db == "flag.db"
    assert settings.http_timeout == 3.5 and settings.allow_private_hosts is True
    assert settings.languages == ("en", "fr")
    assert Settings.from_env(environ={}).db == "spacediplo.db"


def test_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(ValueError, match="SPACEDIPLO_HTTP_RETRIES"):
        Settings.from_env(environ={"SPACEDIPLO_HTTP_RETRIES": "many"})


def test_plain_paths_mean_sqlite_and_postgres_urls_get_psycopg() -> None:
    assert normalise_db_url("x.db") == f"sqlite:///{Path('x.db').resolve()}"
    assert normalise_db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_db_url("sqlite:///a.db") == "sqlite:///a.db"
    with pytest.raises(ValueError):
        normalise_db_url(" ")
