"""The index writer processes live and die with the command that started them.

Real processes: a `newsdesk index --rebuild` on a store big enough for the two-process
writer is killed (kill -9, SIGINT to it alone, Ctrl-C to its process group) while it
builds; the writers must go with it, and the next command must succeed at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.replicate import load_templates, write_store
from store.processes import interrupts_deferred

FIXTURE_STORE = Path(__file__).parent.parent / "fixtures" / "store"
NEWSDESK = [str(Path(sys.executable).parent / "newsdesk")]
ARTICLES = 400  # over store.index.writer.PARALLEL_FROM: the two-process writer runs


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("writers")
    write_store(load_templates(FIXTURE_STORE), ARTICLES, store)
    return store


def _children(pid: int) -> list[int]:
    found = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def _start_build(store: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """A rebuild, once its two writer processes are running."""
    build = subprocess.Popen(
        [*NEWSDESK, "index", "--rebuild", "--data", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        children = _children(build.pid)
        if len(children) >= 2:
            return build, children
        time.sleep(0.05)
    build.kill()
    pytest.fail("the rebuild never started its writer processes")


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not [pid for pid in pids if _alive(pid)]:
            return True
        time.sleep(0.05)
    return False


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[:1] != [b"Z"]
    except OSError:
        return False


def test_writers_die_with_a_killed_parent_and_the_next_command_succeeds(big_store: Path) -> None:
    build, writers = _start_build(big_store)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    try:
        assert _gone_within(writers, 5), "the writer processes outlived their parent"
    finally:
        for pid in writers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert list(big_store.glob(".index.building-*")), "the killed build left its folder (cleaned next)"
    started = time.monotonic()
    after = subprocess.run(
        [*NEWSDESK, "search", "kerry", "--limit", "1", "--data", str(big_store)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert after.returncode == 0, after.stderr
    assert "waiting for" not in after.stderr
    assert time.monotonic() - started < 60
    assert not list(big_store.glob(".index.building-*")), "leftover build folder not cleaned"


@pytest.mark.parametrize("group", [False, True], ids=["sigint-to-the-process", "ctrl-c-to-the-group"])
def test_sigint_stops_a_build_without_worker_tracebacks(big_store: Path, group: bool) -> None:
    build, writers = _start_build(big_store)
    if group:
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        os.kill(build.pid, signal.SIGINT)
    try:
        _, err = build.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        build.kill()
        pytest.fail("SIGINT did not stop the build")
    assert build.returncode == 130, err
    assert "Traceback" not in err, err
    assert _gone_within(writers, 5)


def test_a_ctrl_c_during_a_fork_is_raised_after_it_not_lost() -> None:
    # A SIGINT inside an at-fork handler was printed as "Exception ignored" and dropped,
    # so the build ran on to the end: it is now held until the forks are done.
    handler = signal.getsignal(signal.SIGINT)
    reached_the_end = False
    with pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.01)  # the handler runs here, between bytecodes
            reached_the_end = True
    assert reached_the_end
    assert signal.getsignal(signal.SIGINT) is handler
