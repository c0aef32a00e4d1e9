"""An office's additions to planlint: a rule kind and a document-type profile."""

from pathlib import Path

PROFILES = Path(__file__).parent / "profiles"  # the planlint.profiles entry point: a directory of profiles
