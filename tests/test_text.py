"""The normaliser and sentence splitter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text import _fold, _normalise_slow, normalise, normalise_key, sentences

arabic = st.text(
    alphabet=st.sampled_from(
        [
            *list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة٠١٢٣٤٥٦٧٨٩۰۱۲۳"),
            "َ",
            "ُ",
            "ِ",
            "ّ",
            "ْ",
            "ـ",
            " ",
            "\n",
            "\xa0",
            ".",
            "،",
            "A",
            "z",
            "7",
        ]
    ),
    max_size=300,
)


def _naive(text: str) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold(ch)
        if folded is not None:
            out.append(folded)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


@settings(max_examples=400)
@given(text=st.one_of(st.text(max_size=300), arabic))
def test_fast_normaliser_equals_the_character_by_character_one(text: str) -> None:
    fast, slow = normalise(text), _normalise_slow(text)
    expected = _naive(text)
    assert (fast.text, fast.offsets) == expected
    assert (slow.text, slow.offsets) == expected


@settings(max_examples=300)
@given(text=arabic, data=st.data())
def test_spans_map_back_to_the_original(text: str, data: st.DataObject) -> None:
    n = normalise(text)
    i = data.draw(st.integers(0, len(n.text)))
    j = data.draw(st.integers(i, len(n.text)))
    a, b = n.span((i, j))
    assert 0 <= a <= b <= len(text)
    assert normalise_key(text[a:b]) == normalise_key(n.text[i:j])


def test_examples() -> None:
    assert normalise("وصلَ إلى موسكو في ٢٠ مايو").text == "وصل الي موسكو في 20 مايو"
    assert normalise("أإآٱ ى ة ؤ ئ ـــ").text == "اااا ي ه و ي "
    assert normalise_key("  كانونُ   الثاني ") == "كانون الثاني"


@given(text=arabic)
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once


def test_sentences_keep_abbreviations_whole() -> None:
    t = "ولد عام 500 ق.م في أثينا. ثم غادر"
    assert [t[a:b] for a, b in sentences(t)] == ["ولد عام 500 ق.م في أثينا.", "ثم غادر"]
