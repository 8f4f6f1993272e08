"""The public question bank (``bank.toml``), run through the real CLI on the bundled data.

Every question is what a coordinator would type; its acceptable answers and the passage that justifies them
were written from the seed documents first. A question passes only if the CLI answers it the way the
documents say – and its quoted passage really is in the document it names.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import run

HERE = Path(__file__).resolve().parent
ID = "https://w3id.org/samarbejdskort/id/"
REPO = HERE.parents[1]
# ../shared beside the repository (CI); a worktree sits one level deeper
SHARED = next(
    (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.exists()), REPO.parent / "shared"
)
BANK: list[dict[str, Any]] = tomllib.loads((HERE / "bank.toml").read_text(encoding="utf-8"))["question"]
_STATUSES_NOT_ACTIONABLE = {"holder_not_stated", "vacant", "missing"}


def _args(q: dict[str, Any]) -> list[str]:
    ask = q["ask"]
    args = [ask]
    if ask == "gaps":
        args += ["--scope", q["text"]]
    else:
        args.append(q["text"])
    if q.get("from"):
        args += ["--from", q["from"]]
    return [*args, "--json", "--lang", q.get("lang", "da")]


def _short(iri: str) -> str:
    return iri.removeprefix(ID)


def _flat(text: str) -> str:
    return " ".join(text.casefold().split())


def _answer_ids(payload: dict[str, Any], ask: str) -> list[str]:
    if "error" in payload:
        return [_short(c["id"]) for c in payload.get("candidates", []) + payload.get("suggestions", [])]
    if ask == "contact":
        return [_short(a["who"]["id"]) for a in payload["answers"]]
    if ask in ("show", "chain"):
        return [_short(payload.get("id") or payload.get("entity", {}).get("id", ""))]
    return [_short(g["entity"]["id"]) for g in payload.get("gaps", [])]


def _mentioned_ids(payload: dict[str, Any]) -> set[str]:
    out: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if isinstance(x.get("id"), str):
                out.add(_short(x["id"]))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(
        {k: v for k, v in payload.items() if k in ("answers", "matched_topics", "suggestions", "candidates", "routes")}
    )
    return out


@pytest.mark.parametrize("q", BANK, ids=[q["id"] for q in BANK])
def test_question(q: dict[str, Any]) -> None:
    result = run(*_args(q))
    expected_exit = q.get("exit", 0)
    assert result.exit_code == expected_exit, f"{q['text']!r}: exit {result.exit_code}\n{result.output[:2000]}"
    payload = json.loads(result.stdout)
    dump = _flat(json.dumps(payload, ensure_ascii=False))
    if "error" in q:
        assert payload["error"] == q["error"], payload
    ids = _answer_ids(payload, q["ask"])
    if "any_of" in q:
        shown = ids[: q.get("top", 5)] if q["ask"] == "contact" and "error" not in payload else ids
        assert set(q["any_of"]) & set(shown), f"{q['text']!r}: none of {q['any_of']} in {shown}"
    for bad in q.get("none_of", []):
        assert bad not in _mentioned_ids(payload), f"{q['text']!r}: {bad} should not be offered"
    for text in q.get("contains", []):
        assert _flat(text) in dump, f"{q['text']!r}: {text!r} not in the answer"
    if q["ask"] == "contact" and "error" not in payload:
        answers = payload["answers"]
        assert answers, f"{q['text']!r}: no answers"
        first = answers[0]
        assert first["status"] not in q.get("first_not", []), f"first answer is {first['status']}: {first['who']}"
        assert _short(first["who"]["id"]) not in q.get("first_not_ids", []), f"first answer {first['who']}"
        if "general" in q:
            general = [a.get("general", False) for a in answers]
            assert any(general) == q["general"], f"{q['text']!r}: general labels {general}"
            if any(general):  # specific answers, if any, all come before the general ones
                assert general == sorted(general), f"{q['text']!r}: a general answer ranks before a specific one"
    for kind in q.get("gap_kinds", []):
        assert kind in {g["kind"] for g in payload.get("gaps", [])}, f"{q['text']!r}: no {kind} gap"


@pytest.mark.parametrize("q", BANK, ids=[q["id"] for q in BANK])
def test_passage_is_in_the_document(q: dict[str, Any]) -> None:
    name = q["passage"]["file"]
    path = SHARED / "domain.md" if name == "domain.md" else SHARED / "seeds" / name
    if not SHARED.exists():
        pytest.skip("../shared (seeds and domain.md) is not beside the repository")
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert " ".join(q["passage"]["quote"].split()) in text


def test_the_bank_is_big_enough_and_covers_the_everyday_words() -> None:
    assert len(BANK) >= 60
    texts = {q["text"].casefold() for q in BANK}
    for word in (
        "angst",
        "selvskade",
        "spiseforstyrrelse",
        "nedtrykthed",
        "mobning",
        "ensomhed",
        "selvmordstanker",
        "underretning",
        "praksiskonsulent",
        "akut",
        "pårørende",
        "kronisk syg",
        "skolefravær",
        "tandpleje",
    ):
        assert word in texts, word


def test_no_everyday_distress_word_exits_2() -> None:
    """Acceptance: every in-domain question in the bank is answered (exit 0)."""
    in_domain = [q for q in BANK if q["ask"] == "contact" and q.get("exit", 0) == 0]
    failing = [q["text"] for q in in_domain if run(*_args(q)).exit_code != 0]
    assert not failing, failing
