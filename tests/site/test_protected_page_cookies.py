"""A password-protected page sets no cookie until its password is given, and a junk session
cookie gets no deleting ``Set-Cookie`` on a public URL (issue 19, item 7).

The password form carries a signed, timestamped token bound to the restriction and the page
instead of Django's CSRF token (whose cookie the form would set), and the post is accepted
only from this site (``Origin``, else ``Referer``): ``core/page_password.py``.
"""

import re

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from devtools import builders

SECRET = "lösen-för-läsare"
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def protected(home_pages):
    page = builders.NewsIndexPageFactory(parent=home_pages["sv"], slug="skyddad")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    return page, restriction


def form_of(html: str) -> tuple[str, dict]:
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    return action, fields


def assert_no_cookie(response):
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers


def test_the_password_form_sets_no_cookie(protected):
    page, _restriction = protected
    reader = Client(enforce_csrf_checks=True)
    response = reader.get(page.url)
    assert response.status_code == 200
    assert_no_cookie(response)
    html = response.content.decode()
    assert 'name="password"' in html and "csrfmiddlewaretoken" not in html


def test_the_right_password_opens_the_page_without_a_csrf_cookie(protected):
    page, _restriction = protected
    reader = Client(enforce_csrf_checks=True)
    action, fields = form_of(reader.get(page.url).content.decode())
    response = reader.post(action, {**fields, "password": SECRET}, **ORIGIN)
    assert response.status_code == 302
    assert response["Location"] == page.url
    assert "csrftoken" not in response.cookies
    assert reader.get(page.url).status_code == 200
    assert 'name="password"' not in reader.get(page.url).content.decode()


def test_a_wrong_password_shows_the_form_again_without_a_cookie(protected):
    page, _restriction = protected
    reader = Client(enforce_csrf_checks=True)
    action, fields = form_of(reader.get(page.url).content.decode())
    response = reader.post(action, {**fields, "password": "fel"}, **ORIGIN)
    assert response.status_code == 200
    assert_no_cookie(response)
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize(
    ("change", "headers"),
    [
        ({"form_token": "förfalskad"}, ORIGIN),
        ({}, {"HTTP_ORIGIN": "https://angripare.example"}),
        ({}, {}),
    ],
)
def test_a_forged_or_cross_site_post_is_refused(protected, change, headers):
    page, _restriction = protected
    reader = Client(enforce_csrf_checks=True)
    action, fields = form_of(reader.get(page.url).content.decode())
    response = reader.post(action, {**fields, "password": SECRET, **change}, **headers)
    assert response.status_code == 403
    assert_no_cookie(response)


def test_a_token_for_another_page_is_refused(protected, home_pages):
    page, restriction = protected
    other = builders.NewsIndexPageFactory(parent=home_pages["sv"], slug="annan")
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    reader = Client(enforce_csrf_checks=True)
    _action, fields = form_of(reader.get(other.url).content.decode())
    action, _fields = form_of(reader.get(page.url).content.decode())
    response = reader.post(action, {**fields, "password": SECRET}, **ORIGIN)
    assert response.status_code == 403


def test_a_junk_session_cookie_gets_no_set_cookie_on_a_public_page(home_pages):
    reader = Client()
    reader.cookies["sessionid"] = "skräp-som-inte-är-en-session"
    response = reader.get(home_pages["sv"].url)
    assert response.status_code == 200
    assert_no_cookie(response)
    reader.cookies["sessionid"] = "x"
    assert_no_cookie(reader.get(home_pages["sv"].url))
