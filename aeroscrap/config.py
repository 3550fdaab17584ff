"""The one configuration source: AEROSCRAP_* environment variables and an optional .env."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from aeroscrap.exceptions import ConfigError


def _split_csv(value: object) -> object:
    # Lists come from the environment as "a,b,c"; JSON lists would be unfriendly in compose files.
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Runtime settings shared by crawls, the API, migrations and the CLI."""

    model_config = SettingsConfigDict(env_prefix="AEROSCRAP_", env_file=".env", extra="ignore")

    env: Literal["dev", "demo", "production"] = "dev"
    database_url: str = "sqlite:///aeroscrap.db"
    admin_api_key: str | None = Field(default=None, repr=False)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    resume_dir: Path = Path("var/resumes")
    spool_dir: Path = Path("var/spool")
    scrapyd_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://127.0.0.1:6800"]
    )
    scrapyd_username: str | None = None
    scrapyd_password: str | None = Field(default=None, repr=False)
    chromium_path: str = "/usr/bin/chromium"
    log_level: str = "INFO"

    _split_origins = field_validator("cors_origins", "scrapyd_urls", mode="before")(_split_csv)

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        try:
            url = make_url(value)
        except ArgumentError:
            # Never echo the value: it may hold a password.
            raise ValueError(
                "not a SQLAlchemy URL (expected sqlite:///... or postgresql+psycopg://...)"
            ) from None
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise ValueError(f"unsupported database backend {url.get_backend_name()!r}")
        return value

    @property
    def admin_enabled(self) -> bool:
        """Admin operations are off unless a non-empty key is configured (fail closed)."""
        return bool(self.admin_api_key)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Load settings once; bad values raise ConfigError naming the variable, never its value."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"AEROSCRAP_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from None
