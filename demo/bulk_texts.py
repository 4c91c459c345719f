"""Texts of `seedbulk`'s synthetic record in English, Ukrainian and Azerbaijani, put together
from `demo.bulk_vocabulary`'s pieces language by language."""

from __future__ import annotations

from typing import Any

from demo.content import Text


def per_language(join: Any, *texts: Text) -> Text:
    """Apply `join` to the texts language by language."""
    return Text(*(join(*parts) for parts in zip(*texts, strict=True)))


def untranslated(value: str) -> Text:
    """A number or a name, written the same in every language."""
    return Text(value, value, value)


def labelled(label: Text, value: Text) -> Text:
    return per_language(lambda label, value: f"{label}: {value}", label, value)


def sentences(*texts: Text | None) -> Text:
    present = [text for text in texts if text]
    return per_language(lambda *parts: " ".join(_stop(part) for part in parts), *present)


def _stop(sentence: str) -> str:
    return sentence if sentence.endswith(".") else f"{sentence}."
