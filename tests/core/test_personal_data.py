"""The personal-data detector: what it flags, where, and what it leaves alone."""

import pytest
from django.utils import translation
from hypothesis import assume, given
from hypothesis import strategies as st

from core.personal_data import detect, is_valid_bsn, is_valid_iban

# --- helpers that build valid identifiers ------------------------------------------------------------------------


def bsn_from(first_eight: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(first_eight, [9, 8, 7, 6, 5, 4, 3, 2], strict=True))
    last = total % 11
    return None if last == 10 else first_eight + str(last)


def iban_from(country: str, bban: str) -> str:
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def kinds(text):
    return [(f.kind, f.text) for f in detect(text)]


# --- examples ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het BSN van de bezwaarmaker is 111222333, zie dossier.", [("bsn", "111222333")]),
        ("BSN 1112.22.333 staat in de brief.", [("bsn", "1112.22.333")]),
        ("Borgerens CPR-nummer er 010190-1234.", [("cpr", "010190-1234")]),
        ("Uitbetalen op NL91 ABNA 0417 1643 00 graag.", [("iban", "NL91 ABNA 0417 1643 00")]),
        ("Kontonummer DK5000400440116243.", [("iban", "DK5000400440116243")]),
        ("Mail hem op j.jansen@example.nl voor een afspraak.", [("email", "j.jansen@example.nl")]),
        ("Bel mevrouw op 06-12345678 of 020 123 4567.", [("phone", "06-12345678"), ("phone", "020 123 4567")]),
        ("Ring på +45 33 66 14 00 eller 12 34 56 78.", [("phone", "+45 33 66 14 00"), ("phone", "12 34 56 78")]),
        ("Hij woont op 3811 AB 12 in Amersfoort.", [("postcode", "3811 AB 12")]),
        ("Adres: Kerkstraat 12, 3811AB Amersfoort.", [("postcode", "Kerkstraat 12, 3811AB")]),
        ("Gesprek met mevrouw De Vries en dhr. Bakker.", [("name", "De Vries"), ("name", "Bakker")]),
        ("Mødet med fru Jensen gik godt.", [("name", "Jensen")]),
    ],
)
def test_flags_personal_data_with_its_span(text, expected):
    assert kinds(text) == expected
    for finding in detect(text):
        assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    "text",
    [
        "Op grond van artikel 7:1 Awb moet eerst bezwaar worden gemaakt.",
        "Zie artikel 8:41a Awb en art. 3:4 lid 2 Awb.",
        "In 2024 kwamen 1.250 bezwaren binnen; de kosten waren € 12.500,00 (2,5%).",
        "De hoorzitting is op 12-03-2024 om 14:30 in zaal 3.",
        "Zaaknummer 2024-0012345 is afgehandeld.",
        "Mødet varer 1½ time og holdes i lokale 2A, Vester Voldgade.",
        "Het ging om 123456789 euro aan subsidies.",  # nine digits, but not a valid BSN
        "De mr. in het team schreef het advies.",  # a title without a name
        "Postbus 1234 ontving 12 brieven.",
    ],
)
def test_ordinary_text_raises_no_alarm(text):
    assert detect(text) == []


def test_messages_are_translated():
    (finding,) = detect("BSN 111222333")
    with translation.override("nl"):
        assert "burgerservicenummer" in str(finding.message).lower()
    with translation.override("da"):
        assert "personnummer" in str(finding.message).lower() or "bsn" in str(finding.message).lower()


# --- properties --------------------------------------------------------------------------------------------------

digits = st.text(alphabet="0123456789", min_size=8, max_size=8)


@given(digits)
def test_every_valid_bsn_is_flagged_wherever_it_stands(first_eight):
    bsn = bsn_from(first_eight)
    assume(bsn is not None and set(bsn) != {"0"})
    text = f"Dossier van de heer X: bsn {bsn}, graag terugbellen."
    assert ("bsn", bsn) in kinds(text)


@given(digits, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_a_bsn_with_one_wrong_digit_fails_the_eleven_proof(first_eight, position, delta):
    bsn = bsn_from(first_eight)
    assume(bsn is not None)
    wrong = bsn[:position] + str((int(bsn[position]) + delta) % 10) + bsn[position + 1 :]
    assert not is_valid_bsn(wrong)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4),
    st.text(alphabet="0123456789", min_size=10, max_size=10),
)
def test_every_valid_dutch_iban_is_flagged_with_or_without_spaces(bank, account):
    iban = iban_from("NL", bank + account)
    assert is_valid_iban(iban)
    assert ("iban", iban) in kinds(f"Rekening {iban}.")
    assert ("iban", grouped(iban)) in kinds(f"Rekening {grouped(iban)}.")


@given(
    st.text(alphabet="0123456789", min_size=14, max_size=14),
    st.integers(min_value=4, max_value=17),
    st.integers(min_value=1, max_value=9),
)
def test_an_iban_with_one_wrong_digit_fails_the_checksum(account, position, delta):
    iban = iban_from("DK", account)
    wrong = iban[:position] + str((int(iban[position]) + delta) % 10) + iban[position + 1 :]
    assert not is_valid_iban(wrong)


@given(st.dates(), st.text(alphabet="0123456789", min_size=4, max_size=4))
def test_cpr_numbers_with_a_real_date_are_flagged(day, serial):
    cpr = f"{day:%d%m%y}-{serial}"
    assert ("cpr", cpr) in kinds(f"CPR {cpr}")


@given(st.integers(min_value=32, max_value=99), st.integers(min_value=1, max_value=12))
def test_cpr_shaped_numbers_without_a_real_date_are_not(day, month):
    assert kinds(f"Sag {day:02d}{month:02d}90-1234") == []


numbers = st.one_of(
    st.integers(min_value=1900, max_value=2100).map(str),  # years
    st.integers(min_value=0, max_value=10_000_000).map(lambda n: f"€ {n:,}".replace(",", ".") + ",00"),  # amounts
    st.tuples(st.integers(1, 10), st.integers(1, 99)).map(lambda t: f"artikel {t[0]}:{t[1]} Awb"),
    st.integers(min_value=0, max_value=99999).map(str),
    st.tuples(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030)).map(lambda t: f"{t[0]}-{t[1]}-{t[2]}"),
)
words = st.sampled_from(["bezwaar", "mediation", "hoorzitting", "klacht", "mægling", "borger", "forvaltning", "en"])


@given(st.lists(st.tuples(numbers, words), min_size=1, max_size=25))
def test_no_false_alarms_on_years_amounts_dates_and_articles_in_prose(pairs):
    # Numbers in prose stand between words. (Bare runs like "12 34 56 78" really are phone-number shaped.)
    assert detect(" ".join(f"{number} {word}" for number, word in pairs)) == []


def test_bare_pairs_of_digits_are_read_as_a_danish_phone_number():
    assert kinds("12 34 56 78") == [("phone", "12 34 56 78")]
