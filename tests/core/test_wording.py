from desktop.core.wording import plural


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "reply", "replies") == "1 reply"
    assert plural(0, "reply", "replies") == "0 replies"
    assert plural(2, "request") == "2 requests"
