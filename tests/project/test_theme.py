"""The platform's own theme: every colour lives in static/css/theme.css, and its text colours meet WCAG AA.

The other stylesheets use the theme's `--kennisplatform-*` tokens only, so that the look of the site is changed in
one place. E-mail templates are the exception: mail clients do not support custom properties.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "static" / "css" / "theme.css"
SKIPPED_DIRS = {"node_modules", ".venv", "staticfiles", "var", ".git", "media"}

NAMED_COLOURS = frozenset(
    re.findall(
        r"\w+",
        """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
        burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue
        darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange
        darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise
        darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia
        gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo
        ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
        lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue
        lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon
        mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
        mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
        navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen
        paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red
        rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue
        slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
        whitesmoke yellow yellowgreen""",
    )
)
COLOUR_FUNCTION = re.compile(r"(?<![\w-])(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.IGNORECASE)
HEX_COLOUR = re.compile(r"#[0-9a-f]{3,8}\b", re.IGNORECASE)
WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w(-])", re.IGNORECASE)
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")


def literal_colours(css: str) -> list[str]:
    """The literal colours in the declaration values of a stylesheet (not in selectors, comments or strings)."""
    css = STRING.sub('""', COMMENT.sub("", css))
    found = []
    for block in re.findall(r"\{([^{}]*)\}", css):
        for declaration in block.split(";"):
            _property, sep, value = declaration.partition(":")
            if not sep:
                continue
            found += HEX_COLOUR.findall(value)
            found += [match.group(0) + ")" for match in COLOUR_FUNCTION.finditer(value)]
            found += [word for word in WORD.findall(value) if word.lower() in NAMED_COLOURS]
    return found


def project_files(pattern: str) -> list[Path]:
    return sorted(path for path in ROOT.rglob(pattern) if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts))


@pytest.mark.parametrize(
    "css, expected",
    [
        ("a { color: #24578F; }", ["#24578F"]),
        ("a { box-shadow: 0 0 2px rgb(0 0 0 / 15%); }", ["rgb()"]),
        ("a { border: 1px solid hsl(0 0% 80%); }", ["hsl()"]),
        ("@media print { a { color: black; background: White; } }", ["black", "White"]),
        ("a { outline: 2px solid var(--kennisplatform-focus-outline-color); }", []),
        ("a { white-space: nowrap; color: currentColor; background: transparent; }", []),
        ('a::before { content: "red #fff"; } /* color: #000 */', []),
        ("#fff, .red-box { margin: 0; }", []),
    ],
)
def test_the_detector_finds_literal_colours_in_values_only(css, expected):
    assert literal_colours(css) == expected


def test_only_the_theme_stylesheet_contains_literal_colours():
    stylesheets = project_files("*.css")
    assert THEME in stylesheets
    offenders = {
        str(path.relative_to(ROOT)): colours
        for path in stylesheets
        if path != THEME and (colours := literal_colours(path.read_text()))
    }
    assert offenders == {}, "use a --kennisplatform-* token from static/css/theme.css instead"


def test_web_page_templates_have_no_inline_colours():
    offenders = []
    for path in project_files("*.html"):
        if "email" in path.relative_to(ROOT).parts:
            continue  # mail clients ignore stylesheets and custom properties
        for style in re.findall(r"style=\"([^\"]*)\"|<style[^>]*>(.*?)</style>", path.read_text(), re.DOTALL):
            if literal_colours("x {" + "".join(style) + "}"):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def theme_tokens() -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", COMMENT.sub("", THEME.read_text())))


def test_every_theme_token_a_stylesheet_uses_is_defined_in_the_theme():
    defined = set(theme_tokens())
    undefined = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in project_files("*.css")
        for name in re.findall(r"var\((--kennisplatform-[\w-]+)", path.read_text())
        if name not in defined
    }
    assert undefined == set()


def test_every_page_that_loads_the_utrecht_tokens_loads_the_theme_right_after_and_wears_it():
    pages = [path for path in project_files("*.html") if "vendor/utrecht-tokens/theme.css" in path.read_text()]
    assert len(pages) >= 4  # base.html, the 500 page, the printable protocol and the decision memo
    for path in pages:
        links = re.findall(r"<link rel=\"stylesheet\" href=\"\{% static '([^']+)' %\}\"", path.read_text())
        tokens = links.index("vendor/utrecht-tokens/theme.css")
        assert links[tokens + 1] == "css/theme.css", path
        body = re.search(r"<body class=\"([^\"]*)\"", path.read_text())
        assert body and "kennisplatform-theme" in body.group(1).split(), path


def resolve(token: str, tokens: dict[str, str]) -> str:
    value = tokens[token].strip()
    while value.startswith("var("):
        value = tokens[value[4:-1].strip()].strip()
    return value


def luminance(hex_colour: str) -> float:
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


TEXT = 4.5  # WCAG 1.4.3, normal text
GRAPHIC = 3.0  # WCAG 1.4.11, borders and chart bars that carry meaning


@pytest.mark.parametrize(
    "foreground, background, minimum",
    [
        ("--kennisplatform-text-color", "--kennisplatform-background-color", TEXT),
        ("--kennisplatform-text-color", "--kennisplatform-neutral-background-color", TEXT),
        ("--kennisplatform-subtle-text-color", "--kennisplatform-background-color", TEXT),
        ("--kennisplatform-subtle-text-color", "--kennisplatform-surface-background-color", TEXT),
        ("--kennisplatform-subtle-text-color", "--kennisplatform-neutral-background-color", TEXT),
        ("--kennisplatform-link-color", "--kennisplatform-background-color", TEXT),
        ("--kennisplatform-link-color", "--kennisplatform-surface-background-color", TEXT),
        ("--kennisplatform-link-color", "--kennisplatform-neutral-background-color", TEXT),
        ("--kennisplatform-accent-color", "--kennisplatform-surface-background-color", TEXT),
        ("--kennisplatform-selected-color", "--kennisplatform-selected-background-color", TEXT),
        ("--kennisplatform-highlight-color", "--kennisplatform-highlight-background-color", TEXT),
        ("--kennisplatform-status-info-color", "--kennisplatform-status-info-background-color", TEXT),
        ("--kennisplatform-status-warning-color", "--kennisplatform-status-warning-background-color", TEXT),
        ("--kennisplatform-status-danger-color", "--kennisplatform-status-danger-background-color", TEXT),
        ("--kennisplatform-status-success-color", "--kennisplatform-status-success-background-color", TEXT),
        ("--utrecht-button-primary-action-color", "--utrecht-button-primary-action-background-color", TEXT),
        ("--utrecht-page-footer-color", "--utrecht-page-footer-background-color", TEXT),
        ("--utrecht-color-white", "--utrecht-color-red-40", TEXT),  # danger buttons and counters
        ("--utrecht-color-invalid", "--kennisplatform-background-color", TEXT),  # error messages
        ("--utrecht-color-grey-40", "--kennisplatform-background-color", TEXT),  # default buttons, placeholders
        ("--kennisplatform-focus-outline-color", "--kennisplatform-background-color", GRAPHIC),
        ("--kennisplatform-selected-outline-color", "--kennisplatform-selected-background-color", GRAPHIC),
        ("--utrecht-form-control-border-color", "--kennisplatform-background-color", GRAPHIC),
        ("--kennisplatform-header-border-color", "--kennisplatform-header-background-color", GRAPHIC),
        ("--kennisplatform-chart-track-border-color", "--kennisplatform-background-color", GRAPHIC),
        ("--kennisplatform-chart-bar-color", "--kennisplatform-chart-track-background-color", GRAPHIC),
        ("--kennisplatform-chart-done-color", "--kennisplatform-chart-track-background-color", GRAPHIC),
        ("--kennisplatform-chart-in-progress-color", "--kennisplatform-chart-track-background-color", GRAPHIC),
        ("--kennisplatform-chart-not-started-color", "--kennisplatform-chart-track-background-color", GRAPHIC),
        *((f"--kennisplatform-chart-color-{n}", "--kennisplatform-background-color", GRAPHIC) for n in range(1, 7)),
    ],
)
def test_theme_colour_pairs_meet_wcag_aa(foreground, background, minimum):
    tokens = theme_tokens()
    ratio = contrast(resolve(foreground, tokens), resolve(background, tokens))
    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}:1"
