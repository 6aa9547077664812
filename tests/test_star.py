"""Per-bullet STAR analysis on real bullets and hand-written traps.

Real bullets are quoted from the shared corpus resumes: `John_Doe_ClassicTheme_CV.pdf`
(rendercv/rendercv, MIT), `deedy_resume-openfont.pdf` (deedy/Deedy-Resume, Apache-2.0) and
`sourabh_bajaj_resume.pdf` (sb2nov/resume, MIT); see tests/fixtures/SOURCES.md and
corpus/SOURCES.md.
"""

from __future__ import annotations

import random
import re
import textwrap
from itertools import pairwise
from pathlib import Path
from typing import ClassVar, get_args

import pytest

from atsmatch import star
from atsmatch.extract import Extractor
from atsmatch.models import Block, BulletFeedback, FlagKind
from atsmatch.star import (
    FLAG_TEXTS,
    RULES,
    BulletContext,
    FlagMessage,
    analyze_bullet,
    analyze_bullets,
    clean_bullet,
    find_results,
    read_verb,
)
from atsmatch.taxonomy import Taxonomy, load_taxonomy
from tests.conftest import corpus_lines


@pytest.fixture(scope="module")
def analyze(taxonomy: Taxonomy, extractor: Extractor):  # type: ignore[no-untyped-def]
    """Analyse one bullet with the extractor's hits, as the matcher does."""

    def run(text: str, current: bool | None = False) -> BulletFeedback:
        block = Block(text=text, kind="bullet", section="experience", line=0)
        hits = extractor.extract_blocks([block])
        return analyze_bullet(text, taxonomy, current=current, hits=hits)

    return run


@pytest.fixture(scope="module")
def context(taxonomy: Taxonomy, extractor: Extractor):  # type: ignore[no-untyped-def]
    """The `BulletContext` of one bullet with the extractor's hits, for running rules alone."""

    def run(text: str, current: bool | None = False) -> BulletContext:
        block = Block(text=text, kind="bullet", section="experience", line=0)
        hits = extractor.extract_blocks([block])
        return BulletContext.of(text, taxonomy, current=current, hits=hits)

    return run


def kinds(fb: BulletFeedback) -> list[str]:
    return [f.kind for f in fb.flags]


class TestCleaning:
    """Glyphs, numbering, punctuation and trailing commas do not hide the verb."""

    @pytest.mark.parametrize(
        "text",
        [
            "• Built a feature store for 4 teams",
            "▪  Built a feature store for 4 teams",
            "1. Built a feature store for 4 teams",
            "(a) Built a feature store for 4 teams",
            "-- Built a feature store for 4 teams,",
            "➢ “Built a feature store for 4 teams”;",
            "Data Platform: Built a feature store for 4 teams",
        ],
    )
    def test_verb_found_through_decoration(self, analyze, text: str) -> None:  # type: ignore[no-untyped-def]
        """The opening verb is found whatever glyph, number or label precedes it."""
        fb = analyze(text)
        assert fb.verb == "Built"
        assert "no-action-verb" not in kinds(fb)

    def test_comma_after_verb(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """A comma straight after the verb ("Built, tested and shipped") keeps the verb."""
        fb = analyze("Built, tested and shipped 3 pricing models used by 40 analysts")
        assert fb.verb == "Built" and fb.verb_tier == "strong"

    def test_clean_keeps_money_and_figures(self) -> None:
        """A leading "$" or digit is content, not decoration."""
        assert clean_bullet("• $2M saved in cloud spend,") == "$2M saved in cloud spend"
        assert clean_bullet("3x faster training") == "3x faster training"

    def test_one_lead_pattern_strips_what_two_stripped(self) -> None:
        """`clean_bullet`, stripping glyphs and numbering with one pattern, cleans as it did
        with one pattern for each: on every corpus line, traps and 5,000 random runs."""
        junk = re.compile(r"^[^\w$€£(]+")
        numbering = re.compile(r"^\(?(?:\d{1,2}|[a-hA-H]|[ivxIVX]{1,4})[.)]\s+")

        def old_clean(text: str) -> str:
            text = " ".join(text.split())
            for _ in range(3):
                before = text
                text = numbering.sub("", junk.sub("", text))
                if text == before:
                    break
            label = star._LABEL.match(text) if ":" in text else None
            if label and not label.group(1).endswith("."):
                text = text[label.end() :]
            return text.rstrip(star._TRAIL)

        rng = random.Random(3)
        pieces = ["•", " ", "1", "12", "123", ".", ")", "(", "a", "h", "i", "iv", "x", "B", "$",
                  "-", "“", "é", "_", "\t", "Built", ":", "Data"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(5_000)]
        traps = ["• 1. (a) Built", "(iv) Built", "a) b) c) d) Built", "12. 3. Built", "(Built"]
        for text in [*corpus_lines(), *traps, *runs]:
            assert clean_bullet(text) == old_clean(text), text


class TestAction:
    """Weak openers and missing verbs are flagged; strong verbs are not."""

    def test_weak_opener_real_bullet(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Deedy's "Worked on the YouTube Captions team ..." opens weakly."""
        fb = analyze(
            "Worked on the YouTube Captions team, in Javascript and Python to plan, to design "
            "and develop the full stack to add and edit Automatic Speech Recognition captions."
        )
        assert "weak-opener" in kinds(fb)
        assert fb.verb is None and "action" in fb.missing

    def test_weak_opener_rewrite_reuses_own_verb(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """'Responsible for maintaining X' becomes 'Maintained X', not an invented verb."""
        fb = analyze("Responsible for maintaining data pipelines.")
        flag = next(f for f in fb.flags if f.kind == "weak-opener")
        assert '"Maintained data pipelines' in flag.suggestion

    def test_strong_verb_real_bullet(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """John Doe's "Designed sparse attention mechanism ..." has a strong past-tense verb."""
        fb = analyze(
            "Designed sparse attention mechanism reducing transformer memory footprint by 4.2x"
        )
        assert fb.verb == "Designed" and fb.tense == "past" and fb.verb_tier == "strong"
        assert not {"weak-opener", "no-action-verb"} & set(kinds(fb))

    def test_no_verb(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Deedy's "Phabricator is used daily by ..." does not open with a verb."""
        fb = analyze("Phabricator is used daily by Facebook, Dropbox, Quora, Asana and more.")
        assert "no-action-verb" in kinds(fb)

    def test_prefixed_verbs(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """ "Co-authored" and "Rewrote" are verbs through their stems."""
        assert analyze("Co-authored paper accepted at NeurIPS 2022 (top 5% of submissions)").verb
        assert analyze("Rewrote the feature pipeline in Spark, cutting runtime by 80%").verb


class TestTense:
    """Past tense for past roles, present for ongoing work in the current role."""

    def test_present_in_past_role_flagged(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """'Build' in a role you have left is flagged, with the past form offered."""
        fb = analyze("Build churn models in scikit-learn for the retention team", current=False)
        flag = next(f for f in fb.flags if f.kind == "tense")
        assert '"Built churn models' in flag.suggestion

    def test_third_person_present_in_past_role(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """'Leads' (third person) is present tense too."""
        fb = analyze("Leads a team of 5 engineers shipping fraud models", current=False)
        assert fb.tense == "present" and "tense" in kinds(fb)

    def test_past_in_past_role_ok(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Past tense in a past role is right."""
        fb = analyze("Built churn models in scikit-learn for the retention team", current=False)
        assert "tense" not in kinds(fb)

    def test_present_in_current_role_ok(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Present tense in the current role is right."""
        fb = analyze("Lead a team of 5 engineers shipping fraud models", current=True)
        assert fb.tense == "present" and "tense" not in kinds(fb)

    def test_past_duty_in_current_role_flagged(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """An ongoing duty in past tense in the current role gets a present-tense hint."""
        fb = analyze("Maintained the feature store for the ranking team", current=True)
        flag = next(f for f in fb.flags if f.kind == "tense")
        assert flag.severity == "info" and '"Maintain the feature store' in flag.suggestion

    def test_past_achievement_in_current_role_ok(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """John Doe's current-role achievement with a figure may stay in past tense."""
        fb = analyze(
            "Built foundation model infrastructure serving 2M+ monthly API requests with 99.97% "
            "uptime",
            current=True,
        )
        assert "tense" not in kinds(fb)

    def test_undated_bullet_not_checked(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """A project bullet without a dated role has no tense check."""
        assert "tense" not in kinds(analyze("Build a CLI for log search", current=None))


class TestResults:
    """Measurable outcomes count; years, dates, phones and versions do not."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Developed inference optimization reducing latency by 73%", "73%"),
            ("Raised $18M Series A led by Sequoia Capital", "$18M"),
            ("Designed sparse attention reducing memory footprint by 4.2x", "4.2x"),
            ("Cut p99 latency to 45 ms at 3,000 requests per second", "45 ms"),
            ("Trained a classifier reaching an F1 of 0.91 on held-out data", "F1 of 0.91"),
            ("Shipped a model with 0.93 precision on sensor faults", "0.93 precision"),
            ("Migrated 40+ training jobs from cron to Airflow", "40+ training jobs"),
            ("Scaled engineering team from 3 to 28 across ML research", "from 3 to 28"),
            ("Automated reports, saving the team 10 hours per week", "10 hours"),
            ("Doubled the throughput of the scoring service", "Doubled"),
        ],
    )
    def test_results_found(self, analyze, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
        """Percentages, money, multipliers, latency, metrics, counts and time are results."""
        fb = analyze(text)
        assert any(expected in r for r in fb.results), fb.results
        assert "no-result" not in kinds(fb)

    @pytest.mark.parametrize(
        "text",
        [
            "Built ETL services in Python 3.11 for the data team",
            "Upgraded the service to Spark 3 and Java 17",
            "Migrated the cluster to version 2.4.1 of the scheduler",
            "Joined the platform team in March 2021 to build pipelines",
            "Co-authored paper accepted at NeurIPS 2022 workshop",
            "Ran the on-call line at +1 415 555 0134 for the data platform",
            "Owned the 2019-2021 roadmap for the data platform",
        ],
    )
    def test_non_results(self, analyze, text: str) -> None:  # type: ignore[no-untyped-def]
        """Versions, dates, bare years and phone numbers are not measurable results."""
        fb = analyze(text)
        assert fb.results == (), fb.results
        assert "no-result" in kinds(fb)

    def test_version_without_hits_uses_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Without extractor hits, a number after a known tool name is still a version."""
        assert find_results("Built services in Python 3.11", taxonomy=taxonomy) == ()

    def test_no_invented_figures(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Suggestions never contain a digit the bullet did not have."""
        text = "Helped with dashboards for the risk team."
        fb = analyze(text)
        for flag in fb.flags:
            assert not re.search(r"\d", flag.suggestion)


class TestToolsAndContext:
    """Tools come from the extractor; context from scope phrases."""

    def test_tools_named(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Skills in the bullet are its tools, in reading order."""
        fb = analyze("Deployed a FastAPI service with Docker on Kubernetes for 3 teams")
        assert fb.tools[:3] == ("FastAPI", "Docker", "Kubernetes")

    def test_context_found_and_missing(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """ "for the risk team" is context; a bare task has none."""
        assert analyze("Built dashboards for the risk team in Tableau").context
        fb = analyze("Built dashboards in Tableau with 40 charts")
        assert fb.context == () and "context" in fb.missing


class TestFlags:
    """Buzzwords, passive voice, pronouns, length and duplicate openers."""

    def test_buzzword(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """A buzzword is flagged and the rewrite drops it."""
        fb = analyze("Delivered innovative solutions using cutting-edge AI for 3 clients")
        flagged = [f for f in fb.flags if f.kind == "buzzword"]
        assert {f.text for f in flagged} >= {"innovative solutions", "cutting-edge AI"}

    def test_no_buzzword_in_plain_bullet(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """A plain bullet has no buzzword flag ("driven" inside "data-driven" is not one)."""
        fb = analyze("Built data-driven alerting for 12 services, cutting pages by 30%")
        assert "buzzword" not in kinds(fb)

    def test_passive_voice(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """'Models were deployed' is passive; the rewrite leads with the verb."""
        fb = analyze("Fraud models were deployed to production, cutting losses by 12%")
        flag = next(f for f in fb.flags if f.kind == "passive-voice")
        assert flag.suggestion.startswith('Lead with your action: "Deployed fraud models')

    def test_active_voice_not_passive(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """A reduced clause ("used by the retention team") is not passive voice."""
        fb = analyze("Shipped churn models used by the retention team for 50,000 accounts")
        assert "passive-voice" not in kinds(fb)

    def test_first_person(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Deedy's "I created the Meme generator ..." uses a pronoun; the rewrite drops it."""
        fb = analyze("I created the Meme generator and more in PHP and Shell.")
        flag = next(f for f in fb.flags if f.kind == "first-person")
        assert '"Created the Meme generator' in flag.suggestion

    def test_us_is_not_a_pronoun(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """ "US" (the country) is not the pronoun "us"."""
        fb = analyze("Launched pricing models in the US market, lifting revenue by 4%")
        assert "first-person" not in kinds(fb)

    def test_length(self, analyze) -> None:  # type: ignore[no-untyped-def]
        """Under 8 words is too short, over 30 too long, in between neither."""
        assert "too-short" in kinds(analyze("Worked on model monitoring."))
        long_text = (
            "Notifications: Service for sending email, push and in-app notifications. Involved "
            "in features such as delivery time optimization, tracking, queuing, A/B testing, "
            "and the email template rendering pipeline for 20 product teams across the company"
        )
        assert "too-long" in kinds(analyze(long_text))
        ok = analyze("Built demand forecasting models that reduced stockouts by 12%")
        assert not {"too-short", "too-long"} & set(kinds(ok))

    def test_duplicate_openers(self, matcher, taxonomy: Taxonomy) -> None:  # type: ignore[no-untyped-def]
        """A verb opening two bullets of one role is flagged on the second only."""
        resume = matcher.parse_resume(
            "EXPERIENCE\nEngineer — Acme    Jan 2020 – Dec 2022\n"
            "• Built a feature store for 4 teams, cutting duplicate work by 30%\n"
            "• Built a model registry used by 30 engineers\n"
            "• Designed alerting for 12 services, cutting pages by 40%\n"
        )
        feedback = analyze_bullets(
            resume, matcher.extractor.extract_blocks(resume.blocks), taxonomy
        )
        flags = [kinds(fb).count("duplicate-opener") for fb in feedback]
        assert flags == [0, 1, 0]


class TestContext:
    """What a bullet has is worked out once, in its `BulletContext`."""

    def test_parts(self, context) -> None:  # type: ignore[no-untyped-def]
        """The sentence, opening verb, tense, tools, results and context of a bullet."""
        ctx = context("• Built churn models in scikit-learn for the retention team, lifting 4%")
        assert ctx.sentence.startswith("Built churn models")
        assert (ctx.opening, ctx.tense, ctx.is_verb, ctx.acts) == ("Built", "past", True, True)
        assert ctx.tools == ("scikit-learn",) and ctx.results == ("4%",)
        assert ctx.context == ("for the retention team",)

    def test_lead_in_past_tense_for_past_role(self, context) -> None:  # type: ignore[no-untyped-def]
        """In a past role the rewrite's verb is the past form of the bullet's own verb."""
        ctx = context("Build churn models in scikit-learn", current=False)
        assert (ctx.tense, ctx.lead, ctx.body) == (
            "present",
            "Built",
            "churn models in scikit-learn",
        )

    def test_weak_opener_is_not_the_action(self, context) -> None:  # type: ignore[no-untyped-def]
        """After a weak opener the rewrite leads with the bullet's own verb."""
        ctx = context("Responsible for maintaining data pipelines.")
        assert ctx.weak == "Responsible for" and not ctx.acts
        assert (ctx.lead, ctx.body) == ("Maintained", "data pipelines")

    def test_rewrite_marks_what_is_missing(self, context) -> None:  # type: ignore[no-untyped-def]
        """The rewrite asks for whom, the tool and the result when the bullet lacks them."""
        ctx = context("Wrote reports")
        assert ctx.rewrite() == (
            "Wrote reports for <whom / why> with <tool>, <result: what changed and by how much>"
        )

    def test_lexicon_follows_the_taxonomy(self, tmp_path: Path, taxonomy: Taxonomy) -> None:
        """A buzzword an overlay adds is found with that taxonomy only, not the bundled one."""
        root = tmp_path / "overlay"
        (root / "lexicon").mkdir(parents=True)
        (root / "lexicon" / "buzzwords.toml").write_text(
            textwrap.dedent(
                """\
                [[group]]
                hint = "Say what it did."
                phrases = ["frobnicated"]
                """
            ),
            encoding="utf-8",
        )
        text = "Built frobnicated pipelines for 4 teams, cutting runtime by 30%"
        flagged = analyze_bullet(text, load_taxonomy(root), current=False)
        assert [f.text for f in flagged.flags if f.kind == "buzzword"] == ["frobnicated"]
        assert "buzzword" not in kinds(analyze_bullet(text, taxonomy, current=False))


class TestRules:
    """Each rule runs alone on a context and yields only its own flags."""

    def test_registry_covers_every_bullet_kind(self) -> None:
        """One rule per flag kind, in listing order; duplicate openers compare bullets instead."""
        assert list(RULES) == [
            "weak-opener",
            "no-action-verb",
            "tense",
            "no-result",
            "buzzword",
            "passive-voice",
            "first-person",
            "too-short",
            "too-long",
        ]
        assert set(RULES) | {"duplicate-opener"} == set(get_args(FlagKind))

    @pytest.mark.parametrize("kind", list(RULES))
    def test_rule_yields_its_own_kind(self, context, kind: str) -> None:  # type: ignore[no-untyped-def]
        """On a bullet with every problem, each rule yields flags of its own kind only."""
        ctx = context("We were tasked with dashboards", current=True)
        assert {f.kind for f in RULES[kind](ctx)} <= {kind}  # type: ignore[index]

    def test_flags_are_the_rules_in_order(self, context, analyze) -> None:  # type: ignore[no-untyped-def]
        """`analyze_bullet`'s flags are every rule's flags, in registry order."""
        text = "I was responsible for the dashboards, which were built by me"
        expected = [f for rule in RULES.values() for f in rule(context(text))]
        assert list(analyze(text).flags) == expected and len(expected) >= 3

    def test_weak_opener_alone(self, context) -> None:  # type: ignore[no-untyped-def]
        """The weak-opener rule names the phrase and proposes a rewrite in the bullet's words."""
        (found,) = RULES["weak-opener"](context("Worked on model monitoring"))
        assert found.text == "Worked on" and found.severity == "warning"
        assert found.message == '"Worked on" describes a duty, not what you did'

    def test_weak_opener_rule_silent_on_strong_verb(self, context) -> None:  # type: ignore[no-untyped-def]
        """A strong opening verb raises no weak-opener flag."""
        assert list(RULES["weak-opener"](context("Designed alerting for 12 services"))) == []

    def test_no_action_verb_alone(self, context) -> None:  # type: ignore[no-untyped-def]
        """A bullet opening with a noun gets the flag, with the noun as its text."""
        (found,) = RULES["no-action-verb"](context("Phabricator is used daily by Quora"))
        assert found.text == "Phabricator"
        assert found.suggestion.startswith('Open with what you did: "<Verb> Phabricator')

    def test_tense_not_checked_without_a_dated_role(self, context) -> None:  # type: ignore[no-untyped-def]
        """The tense rule says nothing about a bullet with no dated role."""
        assert list(RULES["tense"](context("Build a CLI for log search", current=None))) == []

    def test_tense_skips_weak_opener(self, context) -> None:  # type: ignore[no-untyped-def]
        """A weak opener is not an action, so its tense is not judged."""
        assert list(RULES["tense"](context("Helps with dashboards", current=False))) == []

    def test_no_result_alone(self, context) -> None:  # type: ignore[no-untyped-def]
        """A bullet without a figure gets one no-result flag; one with a figure none."""
        assert len(list(RULES["no-result"](context("Built dashboards for the risk team")))) == 1
        assert list(RULES["no-result"](context("Cut page load time by 40%"))) == []

    def test_buzzword_alone(self, context) -> None:  # type: ignore[no-untyped-def]
        """Each buzzword is its own flag, and the rewrite drops it."""
        found = list(RULES["buzzword"](context("Delivered innovative solutions for 3 clients")))
        assert [f.text for f in found] == ["innovative solutions"]
        assert found[0].suggestion.endswith('Drop it: "Delivered for 3 clients"')

    def test_passive_voice_alone(self, context) -> None:  # type: ignore[no-untyped-def]
        """The passive-voice rule rewrites to lead with the participle."""
        (found,) = RULES["passive-voice"](context("Reports were automated for 3 teams"))
        assert found.text == "were automated"
        assert found.suggestion == 'Lead with your action: "Automated reports for 3 teams"'

    def test_first_person_team_asks_for_own_part(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "We" is a team pronoun: the fix asks what your own part was."""
        (found,) = RULES["first-person"](context("We shipped the new pricing model"))
        assert found.text == "We" and "say what your own part was" in found.suggestion

    def test_too_short_with_result_is_info(self, context) -> None:  # type: ignore[no-untyped-def]
        """A short bullet with a figure is only terse: info, not a warning."""
        (short,) = RULES["too-short"](context("Cut latency by 40%"))
        (bare,) = RULES["too-short"](context("Built dashboards"))
        assert (short.severity, bare.severity) == ("info", "warning")
        assert short.message == "4 words: too short to show scope and outcome"

    def test_too_long_splits_at_clause(self, context) -> None:  # type: ignore[no-untyped-def]
        """A long bullet with a semicolon is split there."""
        text = (
            "Built the ingestion service for clickstream events from 40 product surfaces across "
            "web and mobile; migrated it from cron jobs to Airflow and added data quality checks "
            "for every table the analysts read"
        )
        (found,) = RULES["too-long"](context(text))
        second = '"Migrated it from cron jobs to Airflow and added data quality checks for every'
        assert found.suggestion.endswith(f'{second} table the analysts read."')


class TestRuleCases:
    """The cases issue 16 measured, each on the one rule it concerns."""

    @pytest.mark.parametrize("text", ["Stood up", "Took over", "Wound down", "Signed off"])
    def test_phrasal_verb_is_an_action(self, context, text: str) -> None:  # type: ignore[no-untyped-def]
        """A phrasal verb opens with an action: no no-action-verb flag, the particle kept."""
        ctx = context(f"{text} the billing service for 3 regions")
        assert list(RULES["no-action-verb"](ctx)) == []
        assert (
            ctx.opening == text and ctx.own_words() == f"{text} the billing service for 3 regions"
        )

    def test_passive_result_clause_is_not_flagged(self, context) -> None:  # type: ignore[no-untyped-def]
        """A passive clause after the main one ("three were hired") is a result, not a flag."""
        ctx = context("Ran the hiring loop for the data team; three were hired within a year")
        assert list(RULES["passive-voice"](ctx)) == []
        assert list(RULES["no-result"](ctx)) == []

    def test_passive_with_named_actor_is_not_flagged(self, context) -> None:  # type: ignore[no-untyped-def]
        """A passive clause that names its actor hides no one."""
        assert list(RULES["passive-voice"](context("Dashboards were built by the BI team"))) == []

    def test_passive_subject_is_not_a_verb(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "Reports were automated by me": no tense flag on the noun, one passive flag."""
        ctx = context("Reports were automated by me", current=False)
        assert list(RULES["tense"](ctx)) == [] and list(RULES["no-action-verb"](ctx)) == []
        (found,) = RULES["passive-voice"](ctx)
        assert found.suggestion == 'Lead with your action: "Automated reports"'

    def test_passive_agent_is_not_first_person(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "by me" in a passive main clause is the passive rule's to rewrite."""
        assert list(RULES["first-person"](context("Reports were automated by me"))) == []

    def test_first_person_keeps_one_verb(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "I designed the schema" loses the pronoun, not a word of its own."""
        (found,) = RULES["first-person"](context("I designed the schema"))
        assert found.suggestion == 'Resumes drop the pronoun: "Designed the schema"'

    def test_verb_list_keeps_its_commas(self, context) -> None:  # type: ignore[no-untyped-def]
        """A list of verbs is rewritten verb by verb, with no space before a comma."""
        (found,) = RULES["tense"](context("Analyze, clean and join survey data"))
        assert found.suggestion.endswith('"Analyzed, cleaned and joined survey data"')

    def test_weak_opener_object_picks_the_verb(self, context) -> None:  # type: ignore[no-untyped-def]
        """After a weak opener the verb fits the object: people are led."""
        (found,) = RULES["weak-opener"](context("Was in charge of a team of 4 analysts"))
        assert '"Led a team of 4 analysts' in found.suggestion

    def test_weak_opener_tool_leads_with_its_purpose(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "Used X to do Y" becomes "Did Y with X"."""
        (found,) = RULES["weak-opener"](context("Used Airflow to schedule retraining"))
        assert '"Scheduled retraining with Airflow' in found.suggestion

    def test_weak_opener_without_safe_rewrite_is_a_template(self, context) -> None:  # type: ignore[no-untyped-def]
        """With no verb that fits ("Served as scrum master"), the fix is a template."""
        (found,) = RULES["weak-opener"](context("Served as scrum master for 2 teams"))
        assert "Name what you did and its result" in found.suggestion
        assert "scrum master" not in found.suggestion.split(":", 1)[1]

    def test_duty_phrases_are_weak_openers(self, context) -> None:  # type: ignore[no-untyped-def]
        """ "Was in charge of" and "Worked alongside" are duty phrases."""
        for text in ("Was in charge of billing", "Worked alongside designers on onboarding"):
            assert [f.kind for f in RULES["weak-opener"](context(text))] == ["weak-opener"]

    @pytest.mark.parametrize(
        "text", ["Hired 3 hires", "five were hired", "3 of them were promoted", "three new hires"]
    )
    def test_counted_people_are_results(self, text: str) -> None:
        """Counts of people and outcomes, in figures or words, are measurable results."""
        assert find_results(f"Ran the loop; {text}") != ()


class TestNumberPattern:
    """The number pattern opens with the class of its first character; every pattern built on
    it finds what it found when it opened with its look-behind."""

    OLD_NUM = r"(?<![\w.,/])[$€£]?\d[\d,]*(?:\.\d+)?"

    @staticmethod
    def texts() -> list[str]:
        """Corpus lines and random runs of the pieces figures and their units are written with."""
        lines = corpus_lines()
        rng = random.Random(5)
        pieces = ["$", "€", "£", "1", "23", "2019", ",", ".", "/", " ", "  ", "a", "k", "M",
                  "%", "x", "ms", "to", "from", "percent", "accuracy", "F1", "of", "+", "-",
                  "ten", "were", "hired", "users", "\t", "\n", "é", "٣", "_"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 16))) for _ in range(5_000)]
        return lines + runs

    def test_patterns_find_what_they_found(self) -> None:
        """Same spans and groups, from the start and from the first figure, on every corpus
        line and 5,000 random runs."""
        built = [p for _, p in star._OUTCOMES]
        built += [star._FIGURE_THEN, star._METRIC_AFTER, star._METRIC_BEFORE, star._FROM_TO]
        built = [p for p in built if star._NUM in p.pattern]
        assert len(built) == 5
        pairs = [
            (re.compile(p.pattern.replace(star._NUM, self.OLD_NUM), p.flags), p) for p in built
        ]
        for text in self.texts():
            figure = star._FIGURE.search(text)
            for start in {0, figure.start() if figure else 0}:
                for old, new in pairs:
                    expected = [(m.span(), m.groups()) for m in old.finditer(text, start)]
                    found = [(m.span(), m.groups()) for m in new.finditer(text, start)]
                    assert found == expected, (new.pattern, text)


class TestWordBoundaryPatterns:
    """The patterns rewritten to open with a class or a word the engine skips ahead to, rather
    than with `\\b` or a look-behind, or to take a word whole, find what the patterns they
    replaced found."""

    OLD: ClassVar[dict[str, re.Pattern[str]]] = {
        "_CONTEXT": re.compile(
            r"\b(?=[fsuaoit])"
            r"(?:for|serving|used by|adopted by|across|supporting|on behalf of|in order to|so that|"
            r"to (?:enable|support|help|reduce|improve|increase|allow|automate|replace|prevent|"
            r"detect|predict|identify|give|let|cut|speed|lower|raise|protect|meet))\b"
            r"[^,;:.()]{3,60}",
            re.IGNORECASE,
        ),
        "_PRONOUNS": re.compile(
            r"\b(?=[ImwouWO])(?:(?:I|I'm|I've|me|my|mine|myself)\b|(?:we|our|ours|us)\b|"
            r"(?:We|Our)\b)"
        ),
        "_DOTTED_VERSION": re.compile(r"(?<![\w.])v?\d+\.\d+\.\d+\b"),
        "_VERSION_WORD": re.compile(
            r"\b(?=[vr])(?:version|ver\.?|release|v)\s?\d+(?:\.\d+)*\b", re.IGNORECASE
        ),
        "_FROM_TO": re.compile(
            r"\bfrom\s+" + star._NUM + star._MAG + r"\+?\s+to\s+" + star._NUM + star._MAG
        ),
        "_CAP_WORD_NUMBERED": re.compile(r"[A-Z](?<!\w[A-Z])[\w.+#-]*(?=" + star._VERSION + ")"),
    }

    @staticmethod
    def texts() -> list[str]:
        """Corpus lines, hand-made traps and random runs of the letters and marks around the
        patterns' words."""
        traps = [
            "FOR the team", "ſo that it ran", "İn order to ship", "ın order to ship", "ſerving 5",
            "xfor the team", "_for the team", "for", "for ab", "To Reduce churn by a lot",
            "I'm here", "I've been", "AI and I", "I", "MY team", "Our team", "our/ours", "us.",
            "we_are", "élan we", "v3.11.2", "xv3.11.2", ".3.11.2", "v.3.1.2", "3.11.2.4",
            "vv1.2.3", "v1.2", "1.2.3x", "١.٢.٣", "v١.2.3", "V2", "Ver. 3", "ver.3", "RELEASE 4.1",
            "Version\t2", "xv2", "_v2", "év2", "v 2.x", "Rv2", "reLease3", "verſion 2",
            "from 5 to 10", "xfrom 5 to 10", "_from 5 to 6", "éfrom 5 to 6", "from  5  to 6k",
            "Python 3.11", "Python3 4", "C++ 17", "Node.js 18x", "A.B 2", "Spark-3  2.1%",
        ]  # fmt: skip
        rng = random.Random(7)
        pieces = ["for", "to ", "reduce", "so that", "serving", "I", "I'm", "me", "my", "we",
                  "We", "our", "us", "v", "1", "23", ".", " ", "  ", "x", "_", "-", "'", ",",
                  "(", "é", "İ", "ı", "ſ", "F", "S", "t", "O", "\n", "V", "R", "ver", "sion",
                  "release", "Release", "from", "P", "y", "+", "#", "%", "\t"]  # fmt: skip
        runs = ["".join(rng.choices(pieces, k=rng.randint(1, 14))) for _ in range(5_000)]
        return corpus_lines() + traps + runs

    @pytest.mark.parametrize("name", sorted(OLD))
    def test_pattern_finds_what_it_found(self, name: str) -> None:
        """Same spans on every corpus line, the traps and 5,000 random runs."""
        old, new = self.OLD[name], getattr(star, name)
        for text in self.texts():
            expected = [m.span() for m in old.finditer(text)]
            assert [m.span() for m in new.finditer(text)] == expected, (name, text)


class TestVerbReader:
    """`read_verb` keeps its answers per opening word: a kept answer is the one it works out."""

    def test_kept_answers_are_worked_out_ones(self, taxonomy: Taxonomy) -> None:
        """Every pair of neighbouring words in the corpus lines, each read twice, reads as the
        uncached reading does, whatever the second word."""
        pairs = set()
        for line in corpus_lines():
            words = re.findall(r"[A-Za-z][A-Za-z-]*", line)
            pairs.update(pairwise(words))
        pairs |= {("Stood", "Up"), ("Took", "over"), ("Design", "of"), ("Reports", "were")}
        for first, second in sorted(pairs) * 2:
            expected = star._read_verb(first, second, taxonomy)
            assert read_verb(first, second, taxonomy) == expected, (first, second)

    def test_kept_lexicon_verbs_are_worked_out_ones(self, taxonomy: Taxonomy) -> None:
        """Every word of the corpus lines, looked up twice, finds the lexicon verb the uncached
        lookup finds."""
        words = {w for line in corpus_lines() for w in re.findall(r"[A-Za-z][A-Za-z-]*", line)}
        for word in sorted(words | {"Co-authored", "rewrote", "Builds", "leading"}) * 2:
            expected = star._find_lexicon_verb(word, taxonomy)
            assert star._lexicon_verb(word, taxonomy) == expected, word


class TestFlagTexts:
    """Every flag's wording sits in one table."""

    def test_every_message_has_text(self) -> None:
        """Each message id has a text, and together they cover every flag kind."""
        assert set(FLAG_TEXTS) == set(get_args(FlagMessage))
        assert {t.kind for t in FLAG_TEXTS.values()} == set(get_args(FlagKind))

    def test_flag_fills_templates(self) -> None:
        """`flag` fills the message and suggestion templates from its fields."""
        made = star.flag("passive-voice", "was built", passive="was built", rewrite="Built it")
        assert (made.kind, made.severity, made.text) == ("passive-voice", "warning", "was built")
        assert made.message == 'passive voice ("was built") hides who did the work'
        assert made.suggestion == 'Lead with your action: "Built it"'
