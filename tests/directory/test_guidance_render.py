"""Guidance body text to GOV.UK HTML: the layout rules, and that nothing typed can add markup."""

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from opensend.directory.guidance import Block, blocks, paragraphs, render, summary

ALLOWED = {
    "p": {("class", "govuk-body")},
    "h2": {("class", "govuk-heading-m")},
    "ul": {("class", "govuk-list govuk-list--bullet")},
    "li": set(),
}


class Collector(HTMLParser):
    """Every tag, attribute, comment and declaration in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []
        self.other: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.other.append(tag)

    def handle_comment(self, data):
        self.other.append(f"comment {data}")

    def handle_decl(self, decl):
        self.other.append(f"declaration {decl}")

    def handle_pi(self, data):
        self.other.append(f"instruction {data}")

    def unknown_decl(self, data):
        self.other.append(f"unknown {data}")

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def test_paragraphs_headings_and_bullets():
    body = (
        "Every setting should know the child well.\nTalk to parents often.\n\n"
        "## In the classroom\n"
        "- Visual timetables\n"
        "- Now and next boards\n"
        "\n"
        "Ask the SENCO for help."
    )
    assert render(body) == (
        '<p class="govuk-body">Every setting should know the child well. '
        "Talk to parents often.</p>\n"
        '<h2 class="govuk-heading-m">In the classroom</h2>\n'
        '<ul class="govuk-list govuk-list--bullet"><li>Visual timetables</li>'
        "<li>Now and next boards</li></ul>\n"
        '<p class="govuk-body">Ask the SENCO for help.</p>'
    )


def test_a_bullet_list_ends_at_a_line_that_is_not_a_bullet():
    assert blocks("Before\n- one\n- two\nAfter") == [
        Block("paragraph", ("Before",)),
        Block("list", ("one", "two")),
        Block("paragraph", ("After",)),
    ]


def test_empty_marks_and_windows_line_ends_are_tidied():
    assert blocks("##\r\n-\r\n## \r\n-   \r\n\r\n\r\nText\r\n") == [Block("paragraph", ("Text",))]
    assert render("") == ""
    assert render(None) == ""


def test_markup_typed_by_an_editor_is_shown_as_text():
    html = render('<script>alert("x")</script>\n\n## <img src=x onerror=alert(1)>\n\n- a & b')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<li>a &amp; b</li>" in html


def test_marks_only_count_at_the_start_of_a_line():
    assert blocks("Use - dashes and ## hashes freely") == [
        Block("paragraph", ("Use - dashes and ## hashes freely",))
    ]
    assert blocks("#Not a heading\n-not a bullet") == [
        Block("paragraph", ("#Not a heading -not a bullet",))
    ]


@given(st.text())
def test_no_input_can_add_markup(body):
    found = parsed(render(body))
    assert found.other == []
    for tag, attrs in found.tags:
        assert tag in ALLOWED
        assert set(attrs) <= ALLOWED[tag]


LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
        st.sampled_from(["", "## ", "- ", "<", ">", "&", '"', "'", "<!--", "-->", "<![CDATA["]),
    ),
    max_size=12,
)


@given(LINES)
def test_all_the_words_survive_in_order(lines):
    body = "\n".join(lines)
    found = parsed(render(body))
    shown = "".join(found.text).split()
    typed = []
    for block in blocks(body):
        for line in block.lines:
            typed.extend(line.split())
    assert shown == typed


@given(st.text())
def test_rendering_never_fails_and_every_tag_is_closed(body):
    html = render(body)
    for tag in ALLOWED:
        assert html.count(f"<{tag}") == html.count(f"</{tag}>")


def test_plain_paragraphs_for_service_text():
    assert paragraphs("One line\nand more\n\n\n  Second  \n") == ["One line and more", "Second"]
    assert paragraphs("") == []
    assert paragraphs(None) == []


@given(st.text(), st.integers(min_value=20, max_value=300))
def test_a_summary_is_never_longer_than_asked(text, limit):
    short = summary(text, limit)
    assert len(short) <= limit
    flat = " ".join(text.split())
    if len(flat) <= limit and flat.isprintable():
        assert short == flat
    if flat.isprintable() and len(flat) > limit:
        assert short.endswith("…")


def test_a_summary_cuts_at_a_word():
    assert summary("word " * 100, 22) == "word word word word…"
