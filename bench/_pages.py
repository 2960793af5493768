"""Saved web pages made from the seed texts, with realistic page furniture around the article.

Used by ``bench/readers.py`` (extraction quality of the HTML reader) and by the reader tests.
Each page wraps the article's paragraphs in one of three layouts seen on news sites: a
semantic ``<article>`` page, a blog whose post sits in ``div.entry-content`` among sidebars,
and a div-only page (no semantic tags at all). Around it: a ``<head>`` with scripts,
analytics, JSON-LD and styles, a header and a navigation menu, breadcrumbs, a cookie banner,
share buttons, a "related articles" list, a newsletter box, comments and a footer.

:func:`furniture_lines` names every visible piece of furniture, so a measure can tell what
of it an extractor kept.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["LAYOUTS", "Page", "furniture_lines", "make_page"]

LAYOUTS = ("article", "blog", "divs")

_NAV = ("Home", "World", "Business", "Technology", "Science", "Health", "Sport", "Opinion", "Video", "Podcasts")
_RELATED = (
    "Chipmakers brace for a second year of export controls",
    "Five things to know about the new data protection rules",
    "Markets close higher as tech shares recover from losses",
    "Opinion: the real cost of cheap cloud computing",
)
_COMMENTS = (
    "Great article, thanks for sharing this analysis with us!",
    "I disagree completely, the board was right to act when it did.",
)
_FOOTER = (
    "About us", "Contact", "Careers", "Advertise with us", "Privacy policy", "Terms of use",
    "© 2023 Daily Signal Media Group. All rights reserved.",
)
_FURNITURE_TEXT = (
    "Daily Signal",
    "Breaking: Storm warnings issued for the northern coast",
    "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies",
    "Share on Facebook", "Share on X", "Copy link",
    "Related articles",
    "Sign up for our morning newsletter and get the top stories in your inbox every day.",
    "Subscribe",
    "2 comments",
    "Most read this week",
    "Advertisement",
)
_SCRIPT = ("window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} "
           "gtag('js', new Date()); gtag('config', 'G-XXXXXXX');")
_STYLE = "body{font-family:Georgia,serif} .nav a{margin:0 4px} .cookie{position:fixed;bottom:0}"


@dataclass(frozen=True)
class Page:
    """A saved page: its HTML, the article's title and paragraphs it was made from."""

    html: str
    title: str
    paragraphs: tuple[str, ...]
    layout: str


def furniture_lines() -> tuple[str, ...]:
    """Every visible piece of page furniture the pages carry."""
    return (*_NAV, *_RELATED, *_COMMENTS, *_FOOTER, *_FURNITURE_TEXT)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(title: str, lang: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{_e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} | Daily Signal</title>
<meta property="og:title" content="{_e(title)}">
<meta property="og:site_name" content="Daily Signal">
<meta name="author" content="Staff reporter">
<meta property="article:published_time" content="2023-11-22T14:00:22+00:00">
<link rel="canonical" href="https://news.example.com/2023/11/22/story.html">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX"></script>
<script>{_SCRIPT}</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{_e(title)}"}}</script>
<style>{_STYLE}</style>
</head>
"""


def _top() -> str:
    nav = "\n".join(f'<li><a href="/{n.lower()}">{_e(n)}</a></li>' for n in _NAV)
    return f"""<body>
<div class="cookie" id="cookie-banner"><p>{_e(_FURNITURE_TEXT[2])}</p><button>{_e(_FURNITURE_TEXT[3])}</button></div>
<div class="ticker"><a href="/breaking">{_e(_FURNITURE_TEXT[1])}</a></div>
<header class="site-header"><a class="logo" href="/">{_e(_FURNITURE_TEXT[0])}</a>
<nav class="nav" aria-label="Main"><ul>
{nav}
</ul></nav></header>
"""


def _share() -> str:
    return ('<div class="share"><a href="#fb">Share on Facebook</a> <a href="#x">Share on X</a> '
            '<button>Copy link</button></div>')


def _aside() -> str:
    related = "\n".join(f'<li><a href="/r{k}">{_e(t)}</a></li>' for k, t in enumerate(_RELATED))
    return f"""<aside class="related"><h3>Related articles</h3><ul>
{related}
</ul></aside>
<div class="newsletter"><p>{_e(_FURNITURE_TEXT[8])}</p><button>Subscribe</button></div>
<div class="ad"><span>Advertisement</span></div>
<section class="popular"><h3>Most read this week</h3><ol>{"".join(f"<li><a href='/p{k}'>{_e(t)}</a></li>" for k, t in enumerate(_RELATED[:2]))}</ol></section>
"""


def _comments() -> str:
    items = "\n".join(f'<li class="comment"><b>reader{k}</b><p>{_e(c)}</p></li>' for k, c in enumerate(_COMMENTS))
    return f'<section id="comments" class="comments"><h3>2 comments</h3><ol>\n{items}\n</ol></section>\n'


def _footer() -> str:
    links = " | ".join(f'<a href="/f{k}">{_e(t)}</a>' for k, t in enumerate(_FOOTER[:-1]))
    return f"""<footer class="site-footer"><p>{links}</p><p>{_e(_FOOTER[-1])}</p></footer>
<script>document.querySelector('#cookie-banner button').onclick = function () {{ this.parentNode.remove(); }};</script>
</body>
</html>
"""


def make_page(title: str, paragraphs: list[str] | tuple[str, ...], lang: str, layout: str = "article") -> Page:
    """A saved page holding ``title`` and ``paragraphs`` in ``layout`` (one of ``LAYOUTS``)."""
    body = "\n".join(f"<p>{_e(p)}</p>" for p in paragraphs)
    byline = '<p class="byline">By <a href="/staff">Staff reporter</a> · <time datetime="2023-11-22">22 November 2023</time></p>'
    crumbs = '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/technology">Technology</a></li></ol>'
    if layout == "article":
        main = (f'<main>{crumbs}<article><h1>{_e(title)}</h1>{byline}{_share()}\n{body}\n</article>'
                f'{_aside()}{_comments()}</main>')
    elif layout == "blog":
        main = (f'<div id="page"><div class="sidebar">{_aside()}</div><div class="post">'
                f'<h2 class="entry-title">{_e(title)}</h2>{byline}<div class="entry-content">\n{body}\n</div>'
                f'{_share()}</div>{_comments()}</div>')
    elif layout == "divs":
        divs = "\n".join(f'<div class="txt">{_e(p)}</div>' for p in paragraphs)
        main = (f'<div class="wrap">{crumbs}<div class="headline">{_e(title)}</div>{byline}'
                f'<div class="story-body">\n{divs}\n</div>{_share()}{_aside()}{_comments()}</div>')
    else:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    return Page(_head(title, lang) + _top() + main + "\n" + _footer(), title, tuple(paragraphs), layout)
