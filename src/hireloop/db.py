"""Engine, sessions and the unit of work; SQLite (WAL, foreign keys on) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Lock

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from hireloop.config import Settings, get_settings

_engines: dict[str, Engine] = {}
_lock = Lock()


def _on_sqlite_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA synchronous=NORMAL")
    # Deleted personal data is overwritten, not left in free pages of the file.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def make_engine(url: str, *, null_pool: bool = False) -> Engine:
    """A new engine for `url`, configured for HireLoop's two supported databases."""
    pool_kw: dict = {"poolclass": NullPool} if null_pool else {}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15}, **pool_kw)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if null_pool:
        return create_engine(url, **pool_kw)
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def get_engine(settings: Settings | None = None) -> Engine:
    """The process-wide engine for the configured database URL."""
    url = (settings or get_settings()).database_url
    with _lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
        return _engines[url]


def dispose_engines() -> None:
    """Close every pooled connection (tests, shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def session_factory(settings: Settings | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(settings), expire_on_commit=False, autoflush=True)


class UnitOfWork:
    """One request, command or task: a session, a commit, and work to do only after the commit."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._after_commit: list[Callable[[], None]] = []

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the transaction has committed (enqueue jobs, send webhooks)."""
        self._after_commit.append(fn)

    def commit(self) -> None:
        self.session.commit()
        callbacks, self._after_commit = self._after_commit, []
        for fn in callbacks:
            fn()

    def rollback(self) -> None:
        self.session.rollback()
        self._after_commit.clear()


@contextmanager
def unit_of_work(settings: Settings | None = None) -> Iterator[UnitOfWork]:
    """Open a unit of work; the caller commits, anything not committed is rolled back."""
    session = session_factory(settings)()
    uow = UnitOfWork(session)
    session.info["uow"] = uow
    try:
        yield uow
    except BaseException:
        uow.rollback()
        raise
    finally:
        session.close()


def uow_of(session: Session) -> UnitOfWork | None:
    """The unit of work a session belongs to, so services can schedule after-commit work."""
    return session.info.get("uow")
