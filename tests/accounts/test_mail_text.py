"""Mail subjects and plain-text parts show names as typed (not HTML-escaped), and names are a single line."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accounts import account_mail
from accounts.forms import ProfileForm
from accounts.models import Membership, User
from forum.forms import ThreadForm
from forum.models import ForumGroup

pytestmark = pytest.mark.django_db

NAME = ("Jan <Zn> & co", "van 't Hof")
SINGLE_LINE = "Use a single line, without line breaks, tabs or other control characters."


def test_a_name_with_quote_ampersand_and_angle_bracket_is_plain_in_subject_and_text_and_escaped_in_html(
    make_organisation, make_user
):
    urk = make_organisation("urk", domain="urk.example", name="Gemeente Urk & Co")
    coordinator = make_user("coord@urk.example", organisation=urk, role=Membership.Role.COORDINATOR)
    coordinator.preferred_language = "en"
    coordinator.save()
    requester = make_user(
        "jan@gmail.example", organisation=urk, status=Membership.Status.PENDING, first_name=NAME[0], last_name=NAME[1]
    )
    account_mail.notify_coordinators(requester.memberships.get())

    (message,) = mail.outbox
    assert message.subject == "[Kennisplatform] Jan <Zn> & co van 't Hof asks to join Gemeente Urk & Co"
    assert "Jan <Zn> & co van 't Hof (jan@gmail.example) has signed up" in message.body
    assert "&#x27;" not in message.body + message.subject and "&amp;" not in message.body + message.subject
    html = message.alternatives[0].content
    assert "Jan &lt;Zn&gt; &amp; co van &#x27;t Hof" in html, "the HTML part stays escaped"


def test_a_subject_is_one_line_even_when_a_value_in_it_is_not():
    from accounts.mail import one_line

    assert one_line("Nieuw antwoord:\n Eerste\r\nregel\t\x0b en\u2028meer ") == "Nieuw antwoord: Eerste regel en meer"


@pytest.mark.parametrize("value", ["Anne\nde Vries", "Anne\rde Vries", "Anne\tde Vries", "Anne\x00", "Anne\u2028Vries"])
def test_names_with_line_breaks_or_control_characters_are_refused_with_a_message(client, value):
    with translation.override("en"):
        response = client.post(
            reverse("accounts:signup"),
            {
                "email": "anne@zeewolde.example",
                "first_name": "Anne",
                "last_name": value,
                "password1": "kalm-overleg-aan-tafel",
                "password2": "kalm-overleg-aan-tafel",
                "language": "en",
            },
        )
    assert response.status_code == 200
    assert SINGLE_LINE in response.content.decode()
    assert not User.objects.filter(email="anne@zeewolde.example").exists()


def test_the_profile_and_the_model_refuse_a_name_on_two_lines(make_user):
    user = make_user("anne@almere.example")
    data = {"first_name": "Anne\nBcc: x@evil.example", "last_name": "Vries", "preferred_language": "nl"}
    with translation.override("en"):
        form = ProfileForm(data, instance=user)
        assert not form.is_valid()
        assert form.errors["first_name"] == [SINGLE_LINE]
    user.last_name = "de\nVries"
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "last_name" in error.value.message_dict


def test_thread_titles_and_group_names_are_single_lines():
    group = ForumGroup.objects.create(slug="een-regel", name="Een regel")
    form = ThreadForm({"template": "free", "title": "Vraag\nMet tweede regel", "body": "Tekst"}, group=group)
    assert not form.is_valid() and "title" in form.errors
    group.name = "Groep\r\nBcc: iemand"
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "name" in error.value.message_dict
