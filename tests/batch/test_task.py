

def test_workers_warm_both_the_alignment_and_the_fidelity_encoder():
    from aligner.batch.task import encoders_of
    from aligner.config import Config

    assert encoders_of(Config(encoder="use", fidelity_encoder="use")) == "use"
    assert encoders_of(Config(encoder="none", fidelity_encoder="use")) == "none+use"


def test_workers_warm_what_auto_picks_for_the_batch_languages():
    from aligner.batch.task import encoders_of
    from aligner.config import Config

    auto = Config()  # encoder auto: no worker can load "auto" itself
    assert "auto" not in encoders_of(auto).split("+")
    assert encoders_of(auto, "en", "de") == "use"
    assert encoders_of(auto, "en", "fi") == "e5"  # USE never saw Finnish: e5 aligns and scores
    assert encoders_of(Config(encoder="use"), "en", "fi") == "use"


def _in_thread(work):
    """Run ``work`` in a fresh thread and return what it returned or raised."""
    import threading

    out: dict = {}

    def body():
        try:
            out["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            out["error"] = exc

    thread = threading.Thread(target=body)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return out


def test_a_limit_that_fires_as_the_pair_ends_is_taken_not_cleared_and_never_raised_later(monkeypatch):
    """The race of issue 22: the timer fires after the pair's body ended but before the timer
    was cancelled. The pending exception must be taken inside the context manager (never
    escape later) and never cleared with ``PyThreadState_SetAsyncExc(id, NULL)``, which on
    CPython 3.11 leaves the eval-breaker flag set and slows the whole process for good."""
    import ctypes

    from aligner.batch import task

    real = ctypes.pythonapi.PyThreadState_SetAsyncExc
    calls: list[object] = []

    def recording(thread_id, exc):
        calls.append(exc)
        return real(thread_id, exc)

    monkeypatch.setattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc", recording)

    class FiresOnCancel:
        """A timer that fires at the moment it is cancelled: the race, made certain."""

        def __init__(self, seconds, function):
            self.function = function
            self.daemon = False

        def start(self):
            pass

        def cancel(self):
            self.function()

    monkeypatch.setattr(task.threading, "Timer", FiresOnCancel)

    def work():
        with task._thread_time_limit(5.0, "pair took too long"):
            result = sum(range(10))
        total = 0
        for i in range(200_000):  # backward jumps: a pending exception would surface here
            total += i
        return result, total

    out = _in_thread(work)
    assert out.get("error") is None
    assert out["value"] == (45, sum(range(200_000)))
    assert calls, "the timer never fired: the race was not exercised"
    assert all(getattr(exc, "value", exc) is not None for exc in calls)


def test_a_limit_that_fires_during_the_pair_raises_pair_timeout_with_its_message(monkeypatch):
    from aligner.batch import task
    from aligner.batch.task import PairTimeout

    def work():
        with task._thread_time_limit(0.05, "pair 3 took more than 0.05 s"):
            while True:
                pass

    out = _in_thread(work)
    assert isinstance(out.get("error"), PairTimeout)
    assert "pair 3 took more than 0.05 s" in str(out["error"])
