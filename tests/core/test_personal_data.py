"""The personal-data detector: what it flags, where, and what it leaves alone."""

import pytest
from django.utils import translation
from hypothesis import assume, given
from hypothesis import strategies as st

from core import personal_names
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


# The misses the issue named, each caught with the right kind.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan de Vries belde over zijn bezwaar.", [("name", "Jan de Vries")]),
        ("Mette Nielsen ringede i går.", [("name", "Mette Nielsen")]),
        ("Hun bor på Vester Voldgade 2A, 1552 København V.", [("address", "Vester Voldgade 2A, 1552 København V")]),
        ("Ring på 3366 1400 i morgen.", [("phone", "3366 1400")]),
        ("Borgeren er født 12.03.1985.", [("birthdate", "12.03.1985")]),
        ("Hij woont op Kerkstraat 12 in Zeist.", [("address", "Kerkstraat 12")]),
        ("Han bor på Nørrebrogade 14.", [("address", "Nørrebrogade 14")]),
        ("Hendes personnummer er 1203851234.", [("cpr", "1203851234")]),
        ("Klageren, 0103851234, har ikke svaret.", [("cpr", "0103851234")]),
    ],
)
def test_the_misses_named_in_the_issue_are_caught(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names: first name and surname, tussenvoegsels, titles, initials, known surnames
        (
            "Gesprek met Piet van der Berg en Anouk Hendriks.",
            [("name", "Piet van der Berg"), ("name", "Anouk Hendriks")],
        ),
        ("Lars Løkke Rasmussen var statsminister.", [("name", "Lars Løkke Rasmussen")]),
        ("Mevrouw Jansen belde, daarna hr. Hansen.", [("name", "Jansen"), ("name", "Hansen")]),
        ("De heer J. de Boer en mevrouw Van Dijk-Smit.", [("name", "J. de Boer"), ("name", "Van Dijk-Smit")]),
        ("Ik sprak met Lotte Jansen van het wijkteam.", [("name", "Lotte Jansen")]),
        ("Ik heb Van der Linden om een reactie gevraagd.", [("name", "Van der Linden")]),
        ("Nielsen har ringet igen.", [("name", "Nielsen")]),
        ("Familie Yıldız heeft bezwaar gemaakt.", [("name", "Yıldız")]),
        # addresses, with and without postcode
        ("Adres: Stationsweg 4b, 3811 AB Amersfoort.", [("postcode", "Stationsweg 4b, 3811 AB")]),
        ("Hij woont aan de Jan van Galenstraat 12.", [("address", "Jan van Galenstraat 12")]),
        (
            "Adressen er Gammel Kongevej 60, 1850 Frederiksberg C.",
            [("address", "Gammel Kongevej 60, 1850 Frederiksberg C")],
        ),
        ("Han bor på Borgergade 14, 2. tv.", [("address", "Borgergade 14, 2. tv.")]),
        ("Hun bor på H.C. Andersens Boulevard 27.", [("address", "H.C. Andersens Boulevard 27")]),
        # phones
        ("Bel 030-1234567 of +31 6 12345678.", [("phone", "030-1234567"), ("phone", "+31 6 12345678")]),
        ("Ring på +45 3366 1400 eller tlf. 33661400.", [("phone", "+45 3366 1400"), ("phone", "33661400")]),
        ("Bel 0612345678 na vijven.", [("phone", "0612345678")]),
        ("Contact via telefoon 0201234567.", [("phone", "0201234567")]),
        ("Telefonnummeret er 2012 3456.", [("phone", "2012 3456")]),
        # dates of birth
        ("Zij is geboren op 3 maart 1985 in Utrecht.", [("birthdate", "3 maart 1985")]),
        ("Geb. 03-03-1985, alleenstaand.", [("birthdate", "03-03-1985")]),
        ("Geboortedatum van de aanvrager: 2 februari 1948.", [("birthdate", "2 februari 1948")]),
        ("Fødselsdato: 03-11-1967.", [("birthdate", "03-11-1967")]),
        ("Hun er født den 4. april 1992 i Aarhus.", [("birthdate", "4. april 1992")]),
        ("Zij is op 21 juni 1979 geboren.", [("birthdate", "21 juni 1979")]),
    ],
)
def test_names_addresses_phones_and_dates_of_birth(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De gemeente Almere en Københavns Kommune werkten samen.",
        "In januari 2024 besloot de burgemeester anders; op maandag 12 maart vergadert de raad.",
        "De Raad van State en de Tweede Kamer zijn het oneens.",
        "Mødet den 12.03.2024 blev aflyst; fristen udløb den 1. juli 2024.",
        "De hoorzitting van 14-03-2024 is verplaatst naar 21-03-2024.",
        "Zaaknummer 2024 1234 is gesloten.",
        "CVR-nummer 29189846 tilhører kommunen.",
        "In Den Bosch is het eerste gesprek gevoerd.",
        "Het kantoor aan de Kerkstraat is verbouwd.",
        "De wethouder Wonen en de teamleider Vergunningen spraken met de directeur.",
        "Sagsbehandleren og juristen drøftede klagen med borgmesteren.",
        "Niels Brocks Handelsskole har afdelinger i København.",
        "De Koning opende het nieuwe gebouw.",
        "Op de Dam stonden 200 mensen.",
        "Geboren en getogen in Zwolle kent zij de stad goed.",
        "Er ging 2.500 euro naar de Arbeidsmarkt 2025-regeling.",
    ],
)
def test_places_organisations_roles_and_meeting_dates_raise_no_alarm(text):
    assert detect(text) == []


def test_new_kinds_have_translated_messages():
    (address,) = detect("Kerkstraat 12")
    (birthdate,) = detect("geboren op 3 maart 1985")
    with translation.override("en"):
        assert str(address.message) == "This looks like an address (street and house number)."
        assert str(birthdate.message) == "This looks like a date of birth."


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


# --- the name lists ----------------------------------------------------------------------------------------------

NAMES = personal_names.lists()
FIRST_NAMES = sorted(NAMES["first"])
SURNAMES = sorted(NAMES["surname"])
ALL_SURNAMES = sorted(NAMES["surname"] | NAMES["surname, also a word"])


def test_the_lists_hold_hundreds_of_names_and_no_name_is_also_a_never_a_name_word():
    assert len(FIRST_NAMES) >= 400 and len(ALL_SURNAMES) >= 200
    assert not {name.casefold() for name in FIRST_NAMES + ALL_SURNAMES} & NAMES["not"]


@given(st.sampled_from(FIRST_NAMES), st.sampled_from(ALL_SURNAMES), st.sampled_from(["", "de ", "van der ", "van "]))
def test_every_known_first_name_before_a_surname_is_flagged_whole(first, surname, tussen):
    name = f"{first} {tussen}{surname}"
    assert ("name", name) in kinds(f"Gisteren belde {name} over het besluit.")


@given(st.sampled_from(ALL_SURNAMES), st.sampled_from(["mevrouw", "De heer", "dhr.", "fru", "hr.", "Familie"]))
def test_every_surname_after_a_title_is_flagged(surname, title):
    assert ("name", surname) in kinds(f"Het gesprek met {title} {surname} ging goed.")


@given(st.sampled_from(SURNAMES), st.sampled_from(["Lotte", "Torben", "Wies"]))
def test_a_known_surname_after_any_capitalised_given_name_is_flagged(surname, first):
    assert ("name", f"{first} {surname}") in kinds(f"Ik sprak {first} {surname} bij het loket.")


def test_a_phone_number_with_a_country_code_is_not_read_as_a_bsn():
    assert kinds("Bel +31 320 000 084.") == [("phone", "+31 320 000 084")]
