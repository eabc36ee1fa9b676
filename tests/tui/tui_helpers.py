"""Shared by the TUI tests: the fixture store's article ids, and waiting for workers."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

FIXTURE_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "store"
KERRY_ARTICLE = "2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable"
HAMMOND_ARTICLE = "2015-09-21-hammond-says-britain-could-accept-assad-during-transition"
LAVROV_ARTICLE = "2016-02-12-kerry-and-lavrov-agree-plan-for-syria-ceasefire"
MARKUP_ARTICLE = "2019-03-01-editors-warn-about-markup-in-copy"


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done and every message they posted is handled."""
    for _ in range(20):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):  # scrolling to the cursor happens after the next refresh
        await pilot.pause(0.02)
