from desktop.core.user_text import FSI, PDI, escape_mnemonics, isolate


def test_ampersands_are_doubled_so_qt_shows_them() -> None:
    assert escape_mnemonics("Undo Move AT&T — R&D") == "Undo Move AT&&T — R&&D"


def test_a_name_is_isolated_from_the_line_around_it() -> None:
    line = f"{isolate('شركة الاتصالات')} — {isolate('مهندس')}: 2 h left"
    assert line == f"{FSI}شركة الاتصالات{PDI} — {FSI}مهندس{PDI}: 2 h left"
