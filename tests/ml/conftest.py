"""Shared synthetic histories for the loop tests (fixed seeds, built once per session)."""

from __future__ import annotations

import pytest

from hireloop.ml.synth import BiasInjection, SynthHistory, SynthParams, simulate_history


@pytest.fixture(scope="session")
def history() -> SynthHistory:
    return simulate_history(SynthParams(seed=7))


@pytest.fixture(scope="session")
def biased_history() -> SynthHistory:
    return simulate_history(SynthParams(seed=7, bias=BiasInjection()))


@pytest.fixture(scope="session", autouse=True)
def _one_blas_thread():
    """BLAS threads only add contention for these small fits on a shared 2-core machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield
