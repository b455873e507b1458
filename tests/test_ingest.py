"""Articles in: HTML pages (body, title, outlet, date), records, headlines of plain text."""

from __future__ import annotations

import pytest

from hearsay.errors import InputError
from hearsay.ingest import headline_of, iter_articles

PAGE = """<!DOCTYPE html>
<html><head>
<title>Harbor council member quits | Eastport Ledger</title>
<meta property="og:site_name" content="Eastport Ledger">
<meta property="og:title" content="Harbor council member quits amid reports of a ferry deal">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbor council member quits amid reports of a ferry deal</h1>
<p>Eastport council member Rosalind Achebe resigned on Tuesday, days after reports surfaced that she had
steered a ferry contract to a company run by her brother-in-law.</p>
<p>"I have done nothing wrong, and I will not let rumors run this city," Achebe said in a statement.
"I am stepping aside so the council can do its work."</p>
<p>Mayor Daniel Osei said the city would pause the contract while auditors finish their review.
"We owe residents a clean process," he said.</p>
</article>
<footer>Copyright Eastport Ledger. All rights reserved.</footer>
</body></html>"""


def test_html_page_gives_body_title_outlet_and_date():
    (article,) = list(iter_articles(PAGE.encode(), "story.html"))
    assert "Rosalind Achebe resigned on Tuesday" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title and "Harbor council member quits" in article.title
    assert article.outlet == "Eastport Ledger"
    assert (article.published, article.published_basis) == ("2024-03-14", "html")


def test_html_page_analysed_end_to_end(analyze, nlp):
    import hearsay

    (article,) = list(iter_articles(PAGE.encode(), "story.html"))
    ledger = hearsay.analyze_article(article, nlp=nlp)
    assert ledger.document.published_basis == "html"
    assert ledger.document.text == article.text
    assert any(a.cue and a.cue.text == "said" for a in ledger.attributions)


def test_given_date_overrides_the_page_date():
    (article,) = list(iter_articles(PAGE.encode(), "story.html", published="2024-03-15"))
    assert (article.published, article.published_basis) == ("2024-03-15", "given")


def test_html_without_an_article_is_a_clear_error():
    with pytest.raises(InputError, match="no article body"):
        list(iter_articles(b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "empty.html"))


def test_json_record_fields():
    data = b'{"text": "The mayor said the bridge would reopen.", "title": "Bridge", "outlet": "Ledger", "published": "2024-03-14"}'
    (article,) = list(iter_articles(data, "one.json"))
    assert (article.title, article.outlet, article.published, article.published_basis) == ("Bridge", "Ledger", "2024-03-14", "given")


def test_json_record_with_bad_field_type_names_the_record():
    items = list(iter_articles(b'[{"text": "Fine."}, {"text": 42}]', "two.json"))
    assert isinstance(items[1], InputError) and "two.json, record 2" in str(items[1])


def test_text_is_kept_verbatim_and_headline_read_from_the_first_line():
    text = "Council votes to close harbor\n\nThe council voted on Monday.\r\n"
    (article,) = list(iter_articles(text.encode(), "a.txt"))
    assert article.text == text
    assert article.title == "Council votes to close harbor"
    assert headline_of("The council voted on Monday. It was close.\n\nMore.") is None
