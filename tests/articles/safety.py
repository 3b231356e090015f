"""Hostile Markdown, and a checker that parses HTML the way a browser would and lists anything active."""

import re
from html.parser import HTMLParser

# (name, Markdown) — each must come out inert: no script, handler, javascript:/data: URL, iframe,
# style, form or object, whatever the spelling.
HOSTILE = [
    ("script tag", "<script>alert(1)</script>"),
    ("script tag, mixed case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("script tag split by a null byte", "<scr\x00ipt>alert(1)</script>"),
    ("script inside a paragraph", "Hello <script src='https://evil.example/x.js'></script> world"),
    ("img onerror", '<img src="x" onerror="alert(1)">'),
    ("img onerror without quotes", "<img src=x onerror=alert(1)//>"),
    ("svg onload", '<svg onload="alert(1)"><circle r="4"/></svg>'),
    ("javascript: link", "[click](javascript:alert(1))"),
    ("javascript: link in mixed case", "[click](JaVaScRiPt:alert(1))"),
    ("javascript: hidden with entities", "[click](&#106;avascript&#58;alert(1))"),
    ("javascript: hidden with hex entities", '<a href="&#x6A;avascript&#x3A;alert(1)">click</a>'),
    ("javascript: hidden with a tab", '<a href="java\tscript:alert(1)">click</a>'),
    ("javascript: hidden with an encoded newline", '<a href="java&#10;script:alert(1)">click</a>'),
    ("javascript: with leading spaces", '<a href="   javascript:alert(1)">click</a>'),
    ("javascript: in a reference link", "[click][x]\n\n[x]: javascript:alert(1)"),
    ("javascript: autolink", "<javascript:alert(1)>"),
    ("vbscript: link", "[click](vbscript:msgbox(1))"),
    ("data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    ("data: image in HTML", '<img src="data:image/png;base64,iVBORw0KGgo=">'),
    ("iframe", '<iframe src="https://evil.example"></iframe>'),
    ("iframe with srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("object", '<object data="https://evil.example/x.swf"></object>'),
    ("embed", '<embed src="https://evil.example/x.swf">'),
    ("style element", "<style>body { display: none }</style>"),
    ("style attribute", '<p style="position:fixed;top:0">covering</p>'),
    ("form", '<form action="https://evil.example"><input name="password"><button>Go</button></form>'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">'),
    ("base tag", '<base href="https://evil.example/">'),
    ("link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("raw HTML block", '<div onclick="alert(1)">\n\n*markdown*\n\n</div>'),
    ("md_in_html block", '<div markdown="1" onmouseover="alert(1)">\n\n*markdown*\n\n</div>'),
    ("attribute list onclick", 'A paragraph\n{: onclick="alert(1)" }'),
    ("attribute list on a heading", "## Heading {: onmouseover=alert(1) }"),
    ("attribute list style", 'Text\n{: style="position:fixed" }'),
    ("attribute list href", '[link](https://example.com){: href="javascript:alert(1)" }'),
    ("fenced code breakout", "```\n</code></pre><script>alert(1)</script>\n```"),
    ("fenced code with a language breakout", '```html"><script>alert(1)</script>\n<b>x</b>\n```'),
    ("inline code breakout", "`</code><script>alert(1)</script>`"),
    ("html comment hiding a script", "<!-- --><script>alert(1)</script><!-- -->"),
    ("CDATA", "<![CDATA[<script>alert(1)</script>]]>"),
    ("math element", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("noscript mutation", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("template", "<template><script>alert(1)</script></template>"),
    ("footnote with a script", "Text[^1]\n\n[^1]: <script>alert(1)</script>"),
    ("abbreviation with a handler", "*[HTML]: <b onclick=alert(1)>x</b>\n\nHTML"),
    ("table cell with a handler", "| a |\n|---|\n| <td onclick=alert(1)>x |"),
    ("id clobbering", '<h2 id="main">Main</h2><a id="csrfmiddlewaretoken">x</a>'),
    ("formaction button", '<button formaction="javascript:alert(1)">x</button>'),
    ("xlink href", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
]

FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "style", "form", "input", "button", "textarea",
    "select", "meta", "base", "link", "svg", "math", "template", "noscript", "applet", "audio", "video", "source",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data"}
SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")


class _ActiveContent(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name == "style":
                self.problems.append(f"{tag}[style]")
            if name in URL_ATTRIBUTES:
                # Browsers drop whitespace and control characters inside a scheme ("java\tscript:").
                squeezed = "".join(ch for ch in value if ch.isprintable() and not ch.isspace()).lower()
                scheme = _SCHEME_RE.match(squeezed)
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    self.problems.append(f"{tag}[{name}={value!r}]")
            if name == "id" and not value.startswith("md-"):
                self.problems.append(f"{tag}[id={value!r}]")

    handle_startendtag = handle_starttag


def active_content(html):
    """Everything in `html` a browser could run or that could restyle or re-target the page."""
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.problems
