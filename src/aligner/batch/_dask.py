"""The parts of the Dask executor that import ``dask.distributed`` (an optional extra)."""

from __future__ import annotations

import logging
from typing import Any

from ..errors import ConfigError

try:
    from distributed import Client, LocalCluster, WorkerPlugin, wait
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ConfigError("executor 'dask' needs the optional package dask[distributed]: "
                      "pip install 'aligner[dask]'") from exc

#: How long to wait for a scheduler given by address.
_CONNECT_TIMEOUT = "30s"

__all__ = ["connect", "register_warmup", "wait_one", "WarmEncoder"]


class WarmEncoder(WorkerPlugin):
    """Loads the encoder once on every worker, including workers that join later."""

    def __init__(self, encoder: str) -> None:
        self.encoder = encoder

    def setup(self, worker: Any) -> None:
        """Called by Dask once per worker."""
        from .task import warm_worker

        warm_worker(self.encoder)


def connect(workers: int, scheduler: str | None, processes: bool) -> tuple[Any, Any]:
    """A client of the cluster at ``scheduler``, or of a new ``LocalCluster`` (then also returned)."""
    if scheduler:
        try:
            return Client(scheduler, timeout=_CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
        except (ValueError, TypeError) as exc:  # "not a url": no port, unknown protocol ...
            raise ConfigError(f"{scheduler!r} is not a Dask scheduler address such as tcp://host:8786 ({exc})") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def register_warmup(client: Any, encoder: str) -> int:
    """Install :class:`WarmEncoder` on all workers; return the worker threads now connected."""
    client.register_plugin(WarmEncoder(encoder), name=f"aligner-warm-{encoder}")
    return sum(client.nthreads().values())


def wait_one(futures: set[Any]) -> set[Any]:
    """Block until at least one of ``futures`` is finished; return the finished ones."""
    done, _ = wait(list(futures), return_when="FIRST_COMPLETED")
    return set(done)
