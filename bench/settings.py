"""The production settings plus one bench-only URL: the constant-string ceiling view.

Used only by bench/load.py (DJANGO_SETTINGS_MODULE=bench.settings); irsite.urls never
routes the ceiling, so production cannot serve it.
"""

from irsite.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
