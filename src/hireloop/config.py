"""All settings, read once from the environment (prefix HIRELOOP_) or a .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """HireLoop configuration; no other module reads the environment."""

    model_config = SettingsConfigDict(env_prefix="HIRELOOP_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./var/hireloop.db"
    storage_root: Path = Path("./var/storage")
    broker_url: str | None = None
    redis_url: str | None = None  # shared login rate limits across processes
    login_failures_per_window: int = 20
    login_window_seconds: float = 300.0
    secret_key: SecretStr = SecretStr("dev-insecure-change-me")
    backup_key: SecretStr | None = None  # base64 AES-256 key for `hireloop backup`; or --key-file
    # Encryption at rest (hireloop.crypto): keys from the environment, else the key file
    data_keys: SecretStr | None = None  # "kid=base64,kid2=base64", the first seals new data
    index_key: SecretStr | None = None  # base64, for the keyed hashes behind exact-match search
    data_key_file: Path | None = None  # default: <storage_root>/../keys/data-keys.json
    require_keys: bool = False  # refuse to start without keys instead of creating a key file
    default_locale: str = "zh_CN"
    base_url: str = "http://127.0.0.1:8000"
    secure_cookies: bool = False
    session_hours: int = 12
    # Argon2id cost (OWASP minimum is t=2, m=19 MiB; the library default below is stronger)
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    # Background work (embedded dispatcher)
    workers: int = 2
    task_lease_seconds: float = 60.0
    task_poll_seconds: float = 1.0
    task_max_attempts: int = 5
    task_backoff_base_seconds: float = 2.0
    extra_task_modules: list[str] = Field(default_factory=list)
    # Mail: in development messages go to an outbox folder that the console shows
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    mail_from: str = "HireLoop <no-reply@hireloop.local>"
    outbox_dir: Path = Path("./var/outbox")
    # Analysis models
    asr_model: str | None = None  # a CTranslate2 Whisper folder, "whisper-base" or "whisper-tiny.en"
    model_cache_dir: Path = Path("./var/models")  # where the bundled multilingual model is joined once
    face_model: str | None = None
    embedding_model: str | None = None
    # Webhook targets on these private networks are allowed (e.g. ["10.0.0.0/8"]); public addresses always are.
    webhook_allowed_cidrs: list[str] = Field(default_factory=list)
    # Uploads
    max_upload_mb: int = 200
    log_level: str = "INFO"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache to override)."""
    return Settings()
