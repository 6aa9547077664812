"""Imported by the forkserver of a worker pool (`batch`): builds the bundled vocabulary's Matcher
once, before any worker is forked, so every worker starts with it instead of importing spaCy
and compiling the vocabulary itself.

A failure here must not stop the forkserver: a worker then builds its Matcher on its first task
and reports the error there, where the caller sees it.
"""

from __future__ import annotations

import contextlib
import gc

from atsmatch.batch import warm_worker

with contextlib.suppress(Exception):
    warm_worker()
# What the forkserver holds now lives as long as every worker: out of the collector's sight,
# a worker's full collections do not walk it (or write to its pages, which copies them).
gc.freeze()
