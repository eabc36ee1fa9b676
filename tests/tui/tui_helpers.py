"""Shared by the TUI tests: the fixture store's article ids, and waiting for workers."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

FIXTURE_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "store"
KERRY_ARTICLE = "2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable"
HAMMOND_ARTICLE = "2015-09-21-hammond-says-britain-could-accept-assad-during-transition"
LAVROV_ARTICLE = "2016-02-12-kerry-and-lavrov-agree-plan-for-syria-ceasefire"
MARKUP_ARTICLE = "2019-03-01-editors-warn-about-markup-in-copy"


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done and every message they posted is handled: two
    rounds in a row with nothing left to wait on, since a message handled in one round
    (a highlight asking for the next page) can start a worker only then."""
    quiet = 0
    for _ in range(30):
        await pilot.pause()
        workers = [worker for worker in pilot.app.workers if not worker.is_finished]
        for worker in workers:
            if worker.state is WorkerState.PENDING:
                continue  # not started yet: the next round waits on it
            try:
                await worker.wait()
            except WorkerCancelled:
                pass  # an exclusive worker replaced by a newer one, which is waited on instead
        await pilot.pause()
        quiet = 0 if workers else quiet + 1
        if quiet == 2:
            break
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):  # scrolling to the cursor happens after the next refresh
        await pilot.pause(0.02)
