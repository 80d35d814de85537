from badia.model import Paragraph, Section
from badia.structure.citations import find_citations, link_citations, parse_references


def test_find_citations_spans():
    text = "ISIL attacked,[3][14] and withdrew.[2] In [brackets] no."
    cites = find_citations(text)
    assert [c.marker for c in cites] == ["[3]", "[14]", "[2]"]
    assert all(text[c.start : c.end] == c.marker for c in cites)


def test_parse_references_numbered_forms():
    text = 'References\n\n  1. "A report". Paper. 2016.\n  2) Second source\n[3] Third one\n'
    refs = parse_references(text, text.index("1."))
    assert [r.number for r in refs] == [1, 2, 3]
    assert refs[0].text == '"A report". Paper. 2016.'
    assert all(text[r.start : r.end] == r.text for r in refs)


def test_link_sets_ref_number_only_for_listed_references():
    text = "Captured.[1] Lost.[9]\n\n1. Source one"
    refs = parse_references(text, text.index("1. "))
    par = Paragraph(start=0, end=21, citations=find_citations(text, 0, 21))
    link_citations([Section(heading=None, level=1, start=0, end=21, paragraphs=[par])], refs)
    assert [(c.marker, c.ref_number) for c in par.citations] == [("[1]", 1), ("[9]", None)]
