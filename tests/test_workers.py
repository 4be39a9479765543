"""The worker processes' set-up: what each does around the fiches it builds."""

import gc

from fiche_pays import workers
from fiche_pays.workers import Job, Result


def test_a_worker_collects_a_fiches_garbage_once_it_is_built(monkeypatch):
    calls = []
    monkeypatch.setattr(workers, "build_one", lambda job: calls.append("build") or Result("x"))
    monkeypatch.setattr(workers.gc, "collect", lambda *a: calls.append("collect") or 0)
    job = Job("x.yaml", "x", "/tmp", ("pdf",), "ministere", "", "", "")
    assert workers._build_one(job).path == "x"
    assert calls == ["build", "collect"]


def test_a_worker_collects_its_young_objects_less_often(monkeypatch):
    monkeypatch.setattr(workers.interrupts, "in_worker", lambda parent: None)
    monkeypatch.setattr(workers.gc, "freeze", lambda: None)
    before = gc.get_threshold()
    try:
        workers._start_worker(0)
        assert gc.get_threshold() == (workers._YOUNG_THRESHOLD, *before[1:])
        assert workers._YOUNG_THRESHOLD > 700  # Python's default
    finally:
        gc.set_threshold(*before)
