"""Translation only through the adapter, with fake backends: no test touches the network."""

from __future__ import annotations

import pytest

from evidence_kit.claim import translate
from evidence_kit.core.errors import NetworkError


class FakeTranslator:
    calls: list[tuple[str, str, str]] = []

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target

    def translate(self, text: str) -> str:
        FakeTranslator.calls.append((self.source, self.target, text))
        return {"Ручка треснула.": "The handle is cracked."}.get(text, text.upper())


class OfflineTranslator:
    def __init__(self, source: str, target: str) -> None:
        pass

    def translate(self, text: str) -> str:
        import requests

        raise requests.exceptions.ConnectionError("Failed to resolve translate.google.com")


@pytest.fixture
def fake_backends():
    saved = dict(translate._BACKENDS)
    FakeTranslator.calls = []
    translate.register_backend("fake", "Fake", FakeTranslator)
    translate.register_backend("offline", "Offline", OfflineTranslator)
    yield
    translate._BACKENDS.clear()
    translate._BACKENDS.update(saved)


def test_google_is_the_default_and_others_are_selectable() -> None:
    assert translate.DEFAULT_BACKEND == "google"
    assert {"google", "mymemory"} <= set(translate.backends())


def test_translation_is_returned_for_review(fake_backends) -> None:
    result = translate.translate_text("Ручка треснула.", backend="fake")
    assert result.text == "The handle is cracked." and result.original == "Ручка треснула."
    assert result.changed and FakeTranslator.calls == [("auto", "en", "Ручка треснула.")]


def test_offline_keeps_the_original_and_says_so(fake_backends) -> None:
    original = "Ручка треснула."
    with pytest.raises(NetworkError, match="needs an internet connection") as info:
        translate.translate_text(original, backend="offline")
    assert "kept" in str(info.value)
    assert original == "Ручка треснула."


@pytest.mark.parametrize("failure", ["wrapped", "rate_limited"])
def test_a_wrapped_or_refused_request_counts_as_offline(fake_backends, failure: str) -> None:
    import requests
    from deep_translator.exceptions import TooManyRequests

    class Failing:
        def __init__(self, source: str, target: str) -> None:
            pass

        def translate(self, text: str) -> str:
            if failure == "rate_limited":
                raise TooManyRequests()
            try:
                raise requests.exceptions.ReadTimeout("read timed out")
            except requests.exceptions.ReadTimeout as exc:
                raise RuntimeError("backend gave up") from exc

    translate.register_backend("failing", "Failing", Failing)
    with pytest.raises(NetworkError, match="needs an internet connection"):
        translate.translate_text("Ручка треснула.", backend="failing")


def test_long_text_is_sent_in_pieces(fake_backends) -> None:
    text = "\n".join(["word " * 200] * 12)  # about 12,000 characters
    result = translate.translate_text(text, backend="fake")
    assert len(FakeTranslator.calls) >= 3
    assert all(len(piece) <= translate.CHUNK for _, _, piece in FakeTranslator.calls)
    assert result.text.replace("\n", " ").split() == text.upper().replace("\n", " ").split()


def test_empty_text_makes_no_call(fake_backends) -> None:
    assert translate.translate_text("  ", backend="fake").text == "  "
    assert FakeTranslator.calls == []


def test_drafting_never_loads_the_translator() -> None:
    import subprocess
    import sys

    code = "import sys, evidence_kit.claim.draft, evidence_kit.claim.edits; print('deep_translator' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
