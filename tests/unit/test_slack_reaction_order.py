"""Reaction events reach the service in Slack's order per (message, reactor, emoji), whatever
order the threads deliver them in."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

from bot.slack.reactions import ReactionOrder


class Switches:
    """A stand-in for the service: each call turns one reaction on or off, and remembers it."""

    def __init__(self):
        self.state: dict[tuple, bool] = {}
        self.calls: list[tuple] = []
        self.lock = threading.Lock()

    def react(self, key, reactor, emoji, added, in_order):
        with self.lock:
            self.calls.append((key, reactor, emoji, added))
            self.state[(key, reactor, emoji)] = added
        return added


def test_an_add_and_its_removal_delivered_backwards_end_off():
    switches = Switches()
    order = ReactionOrder(switches.react)
    order.apply(channel="C1", message_ts="1.1", reactor="slack:T:U1", reaction="+1", added=False, event_ts="10.000002")
    order.apply(channel="C1", message_ts="1.1", reactor="slack:T:U1", reaction="+1", added=True, event_ts="10.000001")
    assert switches.state == {("C1:1.1", "slack:T:U1", "+1"): False}
    assert switches.calls == [("C1:1.1", "slack:T:U1", "+1", False)]  # the stale add never reached the service


def test_a_repeated_delivery_reaches_the_service_once():
    switches = Switches()
    order = ReactionOrder(switches.react)
    for _ in range(3):
        order.apply(channel="C1", message_ts="1.1", reactor="u", reaction="five", added=True, event_ts="10.5")
    assert len(switches.calls) == 1


def test_a_skin_tone_makes_another_reaction_with_its_own_order():
    """On Slack :+1: and :+1::skin-tone-2: are two reactions: keyed as one, the toned add that
    arrived after the untoned removal was dropped as stale, and the service saw no tone at all."""
    switches = Switches()
    order = ReactionOrder(switches.react)
    order.apply(channel="C", message_ts="1", reactor="u", reaction="+1", added=True, event_ts="1.1")
    order.apply(channel="C", message_ts="1", reactor="u", reaction="+1", added=False, event_ts="1.3")
    order.apply(channel="C", message_ts="1", reactor="u", reaction="+1::skin-tone-2", added=True, event_ts="1.2")
    assert switches.state == {("C:1", "u", "+1"): False, ("C:1", "u", "+1::skin-tone-2"): True}


def test_timestamps_compare_exactly_not_as_floats():
    switches = Switches()
    order = ReactionOrder(switches.react)
    order.apply(channel="C", message_ts="1", reactor="u", reaction="one", added=True, event_ts="1700000000.000002")
    order.apply(channel="C", message_ts="1", reactor="u", reaction="one", added=False, event_ts="1700000000.000003")
    assert switches.state == {("C:1", "u", "one"): False}  # as floats these two would be one instant


def test_without_a_timestamp_events_go_through_in_arrival_order():
    switches = Switches()
    order = ReactionOrder(switches.react)
    order.apply(channel="C", message_ts="1", reactor="u", reaction="one", added=True, event_ts=None)
    order.apply(channel="C", message_ts="1", reactor="u", reaction="one", added=False, event_ts=None)
    assert [c[-1] for c in switches.calls] == [True, False]


def test_concurrent_shuffled_bursts_end_in_each_reactions_last_state():
    rng = random.Random(16)
    events = []
    expected = {}
    for n in range(40):
        key = ("C1", f"17.{n % 8}", f"slack:T:U{n % 5}", rng.choice(["+1", "-1", "five", "see_no_evil"]))
        count = rng.randint(1, 8)
        for step in range(count):
            events.append((key, step % 2 == 0, f"100.{len(events):06d}"))
        expected[f"{key[0]}:{key[1]}", key[2], key[3]] = (count - 1) % 2 == 0
    rng.shuffle(events)
    switches = Switches()
    order = ReactionOrder(switches.react)
    with ThreadPoolExecutor(8) as pool:
        for (channel, ts, reactor, emoji), added, event_ts in events:
            pool.submit(order.apply, channel=channel, message_ts=ts, reactor=reactor, reaction=emoji, added=added,
                        event_ts=event_ts)  # fmt: skip
    assert len(events) >= 100
    assert switches.state == expected


def test_it_forgets_the_oldest_keys_beyond_its_capacity():
    switches = Switches()
    order = ReactionOrder(switches.react, remembered=2)
    for n in range(3):
        order.apply(channel="C", message_ts=str(n), reactor="u", reaction="one", added=True, event_ts="5.0")
    order.apply(channel="C", message_ts="0", reactor="u", reaction="one", added=True, event_ts="5.0")
    assert len(switches.calls) == 4  # key 0 was forgotten, so its repeat went on to the service's own ledger
