from badia.structure.sections import Block, build_sections, is_non_body, line_blocks


def test_line_blocks_split_on_blank_lines_and_handle_crlf():
    text = "One line.\r\nsame block.\r\n\r\n  Next block.  \r\n"
    blocks = line_blocks(text)
    assert [text[s:e] for s, e in blocks] == ["One line.\r\nsame block.", "Next block."]


def test_apparatus_sections_keep_heading_but_no_paragraphs():
    text = "Lead sentence.\nBody one.\nSee also\nLinked page.\nLater\nBody two."

    def span(sub: str) -> tuple[int, int]:
        i = text.index(sub)
        return i, i + len(sub)

    blocks = [
        Block("para", *span("Lead sentence.")),
        Block("para", *span("Body one.")),
        Block("heading", *span("See also"), level=2, heading="See also"),
        Block("para", *span("Linked page.")),
        Block("heading", *span("Later"), level=2, heading="Later"),
        Block("para", *span("Body two.")),
    ]
    sections = build_sections(text, blocks)
    assert [(s.heading, s.level, len(s.paragraphs)) for s in sections] == [
        (None, 1, 2),
        ("See also", 2, 0),
        ("Later", 2, 1),
    ]
    assert is_non_body("External links") and is_non_body("references")
    assert not is_non_body("Aftermath")
