"""Whether a word starts with a vowel or a consonant sound, for "a" and "an".

The letter is not enough ("an hour", "a university", "a one-off"), so the
decision comes from ``rules/lexicon/grammar-sounds.yaml``: the longest listed
prefix of the lower-case word decides, and a word in capitals (an acronym)
goes by its first letter or by its own entry. A word no entry decides is
left alone: "an historic" and "a historic" are both accepted.
"""

from __future__ import annotations

from functools import cache

from prose_lint.resources import load_lexicon

SOUNDS_FILE = "grammar-sounds.yaml"


class SoundTable:
    """Prefixes and whole words with the sound they start with ("vowel", "consonant" or "unsure")."""

    def __init__(self, data: dict) -> None:
        self.prefixes: dict[str, str] = {}
        for sound in ("vowel", "consonant", "unsure"):
            for prefix in data.get(sound, []):
                self.prefixes[str(prefix).lower()] = sound
        self.longest = max((len(p) for p in self.prefixes), default=0)
        capitals = data.get("capitals", {})
        self.capitals = {
            str(letter): sound for sound in ("vowel", "consonant") for letter in capitals.get(sound, [])
        }
        self.words = {str(word): str(sound) for word, sound in data.get("words", {}).items()}

    def sound(self, word: str) -> str | None:
        """``"vowel"`` or ``"consonant"`` when the table decides, else None."""
        if len(word) < 2:
            return None
        known = self.words.get(word) or self.words.get(word.lower())
        if known is not None:
            return _decided(known)
        if word.isupper():
            return _decided(self.capitals.get(word[0], "unsure"))
        lower = word.lower()
        for length in range(min(self.longest, len(lower)), 0, -1):
            found = self.prefixes.get(lower[:length])
            if found is not None:
                return _decided(found)
        return None


def _decided(sound: str) -> str | None:
    return sound if sound in ("vowel", "consonant") else None


@cache
def table() -> SoundTable:
    return SoundTable(load_lexicon(SOUNDS_FILE))


def sound(word: str) -> str | None:
    return table().sound(word)
