"""canonical_url (README 4.1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aeroscrap.normalize.url import canonical_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://www.linkedin.com/jobs/view/4061234567/?trk=public_jobs_topcard-title",
            "https://linkedin.com/jobs/view/4061234567",
        ),
        (
            "http://WWW.LinkedIn.com/jobs/view/1/?refId=a%3D&trackingId=b&trkInfo=c#apply",
            "https://linkedin.com/jobs/view/1",
        ),
        (
            "https://careers.example.com/jobdetails/?lang=en&jobId=21233&utm_source=x&UTM_Medium=y",
            "https://careers.example.com/jobdetails?jobId=21233&lang=en",
        ),
        (
            "https://jobs.lever.co/acme/abc-123?lever-source=Indeed",
            "https://jobs.lever.co/acme/abc-123",
        ),
        (
            "https://boards.example.com/acme/jobs/9?gh_src=x&fbclid=y&gclid=z",
            "https://boards.example.com/acme/jobs/9",
        ),
        ("https://x.example/a?mc_cid=1&mc_eid=2&source=li&src=alert", "https://x.example/a"),
        ("https://example.com:443/", "https://example.com/"),
        ("http://example.com:80/Path/To/Job/", "https://example.com/Path/To/Job"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        (
            "https://ag.wd3.myworkdayjobs.com/en-US/careers/job/Hamburg/Eng_JR1",
            "https://ag.wd3.myworkdayjobs.com/en-US/careers/job/Hamburg/Eng_JR1",
        ),
    ],
)
def test_canonical_forms(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_job_identifying_parameters_keep_jobs_apart() -> None:
    first = canonical_url("https://careers.example.com/jobdetails?jobId=1")
    second = canonical_url("https://careers.example.com/jobdetails?jobId=2")
    assert first != second


def test_path_case_is_kept() -> None:
    assert canonical_url("https://example.com/Job/ABC") != canonical_url(
        "https://example.com/job/abc"
    )


@pytest.mark.parametrize("raw", ["", None, "not a url", "https://", "http://[::1"])
def test_unusable_input_gives_empty(raw: str | None) -> None:
    assert canonical_url(raw) == ""


@given(st.text(max_size=120))
def test_never_raises_and_is_idempotent(raw: str) -> None:
    once = canonical_url(raw)
    assert canonical_url(once) == once


@given(
    st.dictionaries(
        st.sampled_from(["jobId", "lang", "utm_source", "trk", "page", "Source"]),
        st.text(alphabet="abc123 %&=", max_size=5),
        max_size=4,
    )
)
def test_query_order_does_not_matter(params: dict[str, str]) -> None:
    from urllib.parse import urlencode

    items = list(params.items())
    forward = canonical_url("https://example.com/j?" + urlencode(items))
    backward = canonical_url("https://example.com/j?" + urlencode(items[::-1]))
    assert forward == backward
    assert "utm_source" not in forward and "trk=" not in forward
