from hypothesis import given
from hypothesis import strategies as st

from desktop.core.search import fold


def test_accents_and_case_do_not_matter() -> None:
    assert fold("Zoë Öberg") == "zoe oberg"
    assert fold("ＡＣＭＥ ﬁnance") == "acme finance"  # full-width and ligatures (NFKD)
    assert fold("STRASSE") == fold("Straße")
    assert "shkodra" in fold("Shkodër, Shkodra")


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)
