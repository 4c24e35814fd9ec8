"""Scoring extraction output against gold files written by ``shared/eval/GUIDELINES.md``.

The rules are those of the reference scorer ``shared/eval/score.py`` (micro averages over the gold
folder; fuzzy string matching after NFKC casefolding), reimplemented here so that ``tppo-extract
evaluate`` needs nothing outside the package; ``tests/test_evaluate.py`` checks the two agree.
The scorer reads plain JSON dicts, so it scores any system's JSONL, not only ours.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from rapidfuzz import fuzz

from .errors import InputError

# Labels other systems use for the four kinds, as the reference scorer accepts them.
LABELS: dict[str, frozenset[str]] = {
    "agencies": frozenset({"AGENCY", "ORG", "ORGANIZATION", "ORGANISATION"}),
    "places": frozenset({"PLACE", "LOC", "LOCATION", "GPE"}),
    "dates": frozenset({"DATE", "TIME"}),
    "persons": frozenset({"PERSON", "PER"}),
}
PRF_KEYS = ("agencies", "places", "dates", "persons", "quotes", "records", "types")
ACC_KEYS = ("date_value", "speaker", "actor", "location", "date", "count", "status", "full", "relevance", "coverage")
MAX_EVIDENCE = 600  # an action's evidence must point at a sentence or two, not at the whole article

_NON_WORD = regex.compile(r"[^\w]+")


def norm(s: str | None) -> str:
    """Casefolded NFKC text with every run of non-word characters turned into one space."""
    if not s:
        return ""
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", s).casefold()).split())


def similar(a: str | None, b: str | None, threshold: float = 88.0) -> bool:
    """Equal after :func:`norm`, or a rapidfuzz ratio of at least ``threshold``."""
    na, nb = norm(a), norm(b)
    return bool(na and nb) and (na == nb or fuzz.ratio(na, nb) >= threshold)


def contains(hay: str | None, needle: str | None) -> bool:
    """``needle`` occurs in ``hay`` after :func:`norm`."""
    nn = norm(needle)
    return bool(nn) and nn in norm(hay)


@dataclass
class PRF:
    """Precision/recall counts: system items judged correct, gold items found."""

    correct: int = 0
    system: int = 0
    found: int = 0
    gold: int = 0

    def add(self, correct: int, system: int, found: int, gold: int) -> None:
        self.correct += correct
        self.system += system
        self.found += found
        self.gold += gold

    def figures(self) -> dict[str, float]:
        p = self.correct / self.system if self.system else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": self.gold, "system": self.system}


@dataclass
class Accuracy:
    ok: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += int(ok)

    def figures(self) -> dict[str, float]:
        return {"acc": round(self.ok / self.n, 3) if self.n else 0.0, "n": self.n}


@dataclass
class Tally:
    """All counts of one evaluation run."""

    prf: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in PRF_KEYS})
    acc: dict[str, Accuracy] = field(default_factory=lambda: {k: Accuracy() for k in ACC_KEYS})
    articles: int = 0
    # per confidence bucket (index into CONFIDENCE_EDGES): [records, correct records]
    buckets: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in CONFIDENCE_EDGES])

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: v.figures() for k, v in self.prf.items()}
        out.update({k: v.figures() for k, v in self.acc.items()})
        out["articles"] = self.articles
        out["calibration"] = [
            {
                "low": lo,
                "high": CONFIDENCE_EDGES[i + 1] if i + 1 < len(CONFIDENCE_EDGES) else 1.0,
                "records": n,
                "precision": round(ok / n, 3) if n else None,
            }
            for i, (lo, (n, ok)) in enumerate(zip(CONFIDENCE_EDGES, self.buckets, strict=True))
        ]
        return out


# Lower edges of the confidence buckets in which record precision is reported (the last runs to 1.0):
# a calibrated confidence has precision rising with the bucket and close to the bucket's range.
CONFIDENCE_EDGES: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def confidence_bucket(confidence: float) -> int:
    """Index of the bucket of CONFIDENCE_EDGES that ``confidence`` falls in."""
    return max(i for i, lo in enumerate(CONFIDENCE_EDGES) if confidence >= lo or i == 0)


def _forms(item: Mapping[str, Any], keys: Iterable[str]) -> list[str]:
    return [v for k in keys if isinstance(v := item.get(k), str) and v.strip()]


def _covered_text(obj: Mapping[str, Any] | None, text: str) -> str:
    """The text an output object points at: its offsets into ``text`` when it has them, else its ``text``."""
    if not obj:
        return ""
    start, end = obj.get("start"), obj.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return text[start:end]
    return str(obj.get("text") or "")


def _name_of(speaker: Any) -> str:
    if isinstance(speaker, str):
        return speaker
    if isinstance(speaker, Mapping):
        return str(speaker.get("name") or speaker.get("text") or speaker.get("canonical") or "")
    return ""


def _iso_of(date: Any) -> str:
    if isinstance(date, str):
        return date
    if isinstance(date, Mapping):
        v = date.get("value") or date.get("normalized") or date.get("iso")
        return v if isinstance(v, str) else ""
    return ""


def _gold_groups(gold: Mapping[str, Any], kind: str) -> list[list[str]]:
    if kind == "agencies":
        return [g if isinstance(g, list) else [g] for g in gold.get("agencies", [])]
    if kind == "persons":
        return [[p["name"]] for p in gold.get("persons", [])]
    return [[p["mention"]] for p in gold.get(kind, [])]


def score_entity_kind(
    kind: str, gold: Mapping[str, Any], ents: list[Mapping[str, Any]], t: Tally, log: list[str]
) -> None:
    """Distinct entity forms of one kind against the gold alias groups."""
    mine = [e for e in ents if str(e.get("label", "")).upper() in LABELS[kind]]
    groups = _gold_groups(gold, kind)
    distinct: dict[str, list[str]] = {}
    for e in mine:
        forms = _forms(e, ("text", "canonical", "name"))
        if forms:
            distinct.setdefault(norm(forms[0]), forms)

    def matches(aliases: list[str], forms: list[str]) -> bool:
        return any(similar(a, f) for a in aliases for f in forms)

    found = 0
    for g in groups:
        if any(matches(g, forms) for forms in distinct.values()):
            found += 1
        else:
            log.append(f"  {kind} missed: {g[0]}")
    correct = 0
    for forms in distinct.values():
        if any(matches(g, forms) for g in groups):
            correct += 1
        else:
            log.append(f"  {kind} spurious: {forms[0]}")
    t.prf[kind].add(correct, len(distinct), found, len(groups))


def score_date_values(gold: Mapping[str, Any], ents: list[Mapping[str, Any]], t: Tally, log: list[str]) -> None:
    """For each gold date with a value that the system found, whether the ISO values agree."""
    dates = [e for e in ents if str(e.get("label", "")).upper() in LABELS["dates"]]
    for g in gold.get("dates", []):
        if not g.get("value"):
            continue
        mention = g["mention"]
        hit = (
            next((e for e in dates if norm(e.get("text", "")) == norm(mention)), None)
            or next((e for e in dates if contains(e.get("text", ""), mention)), None)
            or next((e for e in dates if similar(e.get("text", ""), mention, 80)), None)
        )
        if hit is None:
            continue
        got = _iso_of(hit.get("value") if "value" in hit else hit)
        t.acc["date_value"].add(got == g["value"])
        if got != g["value"]:
            log.append(f"  date value: {mention!r} gold {g['value']} system {_iso_of(hit.get('value'))!r}")


def score_quotes(gold: Mapping[str, Any], quotes: list[Mapping[str, Any]], text: str, t: Tally, log: list[str]) -> None:
    """Quotes match when the system content contains the gold opening words; then the speaker is checked."""
    gq = gold.get("quotes", [])
    contents = [_covered_text(q, text) or str(q.get("text", "")) for q in quotes]
    taken: set[int] = set()
    for g in gq:
        j = next((i for i, c in enumerate(contents) if i not in taken and contains(c, g["start"])), None)
        if j is None:
            log.append(f"  quote missed: {g['start']!r} ({g['speaker']})")
            continue
        taken.add(j)
        name = _name_of(quotes[j].get("speaker"))
        ok = bool(name) and (
            similar(name, g["speaker"], 85)
            or contains(name, g["speaker"])
            or (len(norm(name)) > 3 and contains(g["speaker"], name))
        )
        t.acc["speaker"].add(ok)
        if not ok:
            log.append(f"  quote speaker: {g['start']!r} gold {g['speaker']!r} system {name!r}")
    correct = 0
    for i, c in enumerate(contents):
        if i in taken or any(contains(c, g["start"]) for g in gq):
            correct += 1
        else:
            log.append(f"  quote spurious: {c[:60]!r}")
    t.prf["quotes"].add(correct, len(contents), len(taken), len(gq))


def score_actions(
    gold: Mapping[str, Any], actions: list[Mapping[str, Any]], text: str, t: Tally, log: list[str]
) -> None:
    """Actions match on type and on the evidence containing the gold trigger; then each field is checked."""
    ga = gold.get("actions", [])
    groups = _gold_groups(gold, "agencies")

    def aliases(name: str) -> list[str]:
        return next((g for g in groups if any(similar(name, a) for a in g)), [name])

    evidence = []
    for a in actions:
        ev = _covered_text(a.get("evidence"), text)
        evidence.append(ev if len(ev) <= MAX_EVIDENCE else "")
    taken: set[int] = set()
    for g in ga:
        j = next(
            (i for i, a in enumerate(actions)
             if i not in taken and a.get("type") == g["type"] and contains(evidence[i], g["trigger"])),
            None,
        )  # fmt: skip
        if j is None:
            log.append(f"  action missed: {g['type']} {g['trigger']!r}")
            continue
        taken.add(j)
        a = actions[j]
        all_ok = True
        if g.get("actor"):
            names = _forms_list(a.get("actors"), ("text", "canonical", "name"))
            ok = any(similar(n, al) for n in names for al in aliases(g["actor"]))
            t.acc["actor"].add(ok)
            all_ok &= ok
            if not ok:
                log.append(f"  action actor: {g['trigger']!r} gold {g['actor']!r} system {names}")
        if g.get("location"):
            names = _forms_list(a.get("locations"), ("text", "name", "canonical"))
            ok = any(similar(n, g["location"], 85) or contains(n, g["location"]) for n in names)
            t.acc["location"].add(ok)
            all_ok &= ok
            if not ok:
                log.append(f"  action location: {g['trigger']!r} gold {g['location']!r} system {names}")
        if g.get("date"):
            ok = _iso_of(a.get("date")) == g["date"]
            t.acc["date"].add(ok)
            all_ok &= ok
            if not ok:
                log.append(f"  action date: {g['trigger']!r} gold {g['date']} system {_iso_of(a.get('date'))!r}")
        if g.get("count") is not None:
            ok = a.get("count") == g["count"]
            t.acc["count"].add(ok)
            all_ok &= ok
            if not ok:
                log.append(f"  action count: {g['trigger']!r} gold {g['count']} system {a.get('count')!r}")
        if g.get("status"):
            t.acc["status"].add(a.get("status", "done") == g["status"])
        t.acc["full"].add(all_ok)
    correct = 0
    for i, a in enumerate(actions):
        right = i in taken or any(a.get("type") == g["type"] and contains(evidence[i], g["trigger"]) for g in ga)
        bucket = t.buckets[confidence_bucket(float(a.get("confidence") or 0.0))]
        bucket[0] += 1
        bucket[1] += int(right)
        if right:
            correct += 1
        else:
            log.append(f"  action spurious: {a.get('type')} {evidence[i][:70]!r}")
    t.prf["records"].add(correct, len(actions), len(taken), len(ga))
    gold_types = {g["type"] for g in ga}
    sys_types = {a.get("type") for a in actions}
    both = len(gold_types & sys_types)
    t.prf["types"].add(both, len(sys_types), both, len(gold_types))
    t.acc["relevance"].add(bool(actions) == bool(gold.get("relevant", bool(ga))))


def _forms_list(items: Any, keys: tuple[str, ...]) -> list[str]:
    return [f for it in items or [] if isinstance(it, Mapping) for f in _forms(it, keys)]


@dataclass
class Report:
    """Figures of an evaluation, the per-article log of misses, and inputs that failed."""

    figures: dict[str, Any]
    log: dict[str, list[str]]
    failures: list[Any] = field(default_factory=list)


def score_outputs(gold_dir: str | Path, outputs: Mapping[str, Mapping[str, Any]]) -> Report:
    """Score ``outputs`` (doc file name -> JSON record) against every ``*.gold.json`` of ``gold_dir``."""
    gold_dir = Path(gold_dir)
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        raise InputError(gold_dir, "no *.gold.json files in this folder")
    t = Tally()
    logs: dict[str, list[str]] = {}
    for path in golds:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = path.with_name(gold["doc"]).read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(path, f"cannot read the gold file or its article: {exc}") from exc
        out = outputs.get(gold["doc"], {})
        t.articles += 1
        t.acc["coverage"].add(bool(out))
        log: list[str] = []
        ents = list(out.get("entities") or [])
        for kind in ("agencies", "places", "persons", "dates"):
            score_entity_kind(kind, gold, ents, t, log)
        score_date_values(gold, ents, t, log)
        score_quotes(gold, list(out.get("quotes") or []), text, t, log)
        score_actions(gold, list(out.get("actions") or []), text, t, log)
        logs[gold["doc"] + ("" if out else "  (no output)")] = log
    return Report(figures=t.figures(), log=logs)


def score_jsonl(gold_dir: str | Path, system: str | Path) -> Report:
    """Score a JSONL file of records (keyed by the base name of their ``doc_id``)."""
    outputs: dict[str, dict[str, Any]] = {}
    with open(system, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{system}:{n}", f"not JSON: {exc.msg}") from exc
                outputs[Path(str(rec.get("doc_id", ""))).name] = rec
    return score_outputs(gold_dir, outputs)


def evaluate_folder(
    gold_dir: str | Path,
    *,
    meta: str | Path | None = None,
    n_process: int = 1,
    config: str | Path | None = None,
    models: bool | str | Path = True,
    model_entities: bool = False,
    output: str | Path | None = None,
    syntax: str = "spacy",
    stanza_dir: str | Path | None = None,
) -> Report:
    """Extract every ``*.txt`` of ``gold_dir`` (dates from ``meta``, by default ``gold_dir/meta.csv``) and score it."""
    from .batch import Item, iter_results, lookup_meta, read_meta
    from .export import article_json

    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "not a folder")
    meta_path = Path(meta) if meta else gold_dir / "meta.csv"
    dates = read_meta(meta_path) if (meta or meta_path.exists()) else {}
    items = [
        Item(path=str(p), doc_id=p.name, pub_date=lookup_meta(dates, p.name)) for p in sorted(gold_dir.glob("*.txt"))
    ]
    outputs: dict[str, dict[str, Any]] = {}
    failures = []
    lines = []
    results = iter_results(
        items,
        n_process=n_process,
        config=config,
        models=models,
        model_entities=model_entities,
        syntax=syntax,
        stanza_dir=stanza_dir,
    )
    for res in results:
        if res.article is not None:
            outputs[Path(res.doc_id).name] = res.article.to_json_dict()
            lines.append(article_json(res.article))
        elif res.failure is not None:
            failures.append(res.failure)
    if output:
        Path(output).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    report = score_outputs(gold_dir, outputs)
    report.failures = failures
    return report


MISSED = "(missed)"
SPURIOUS = "(spurious)"


def action_confusion(gold_dir: str | Path, outputs: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per gold action and per unmatched system action: which type the system gave each act.

    A gold action is paired with a system action whose evidence holds its trigger, one of the same type first
    (as :func:`score_actions` pairs them), else one of another type: that is a confusion. A gold action with
    no such system action has system type :data:`MISSED`; a system action paired with no gold action has gold
    type :data:`SPURIOUS`. ``outputs`` maps a doc file name to its JSON record (as for :func:`score_outputs`).
    """
    rows: list[dict[str, Any]] = []
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = path.with_name(gold["doc"]).read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(path, f"cannot read the gold file or its article: {exc}") from exc
        actions = list(outputs.get(gold["doc"], {}).get("actions") or [])
        evidence = [_covered_text(a.get("evidence"), text) for a in actions]
        evidence = [ev if len(ev) <= MAX_EVIDENCE else "" for ev in evidence]
        taken: set[int] = set()
        for g in gold.get("actions", []):
            holds = [i for i in range(len(actions)) if i not in taken and contains(evidence[i], g["trigger"])]
            j = next((i for i in holds if actions[i].get("type") == g["type"]), holds[0] if holds else None)
            if j is not None:
                taken.add(j)
            system = MISSED if j is None else str(actions[j].get("type"))
            rows.append({"doc": gold["doc"], "gold": g["type"], "system": system, "trigger": g["trigger"]})
        for i, a in enumerate(actions):
            if i not in taken:
                trigger = (a.get("trigger") or {}).get("text", "")
                rows.append({"doc": gold["doc"], "gold": SPURIOUS, "system": str(a.get("type")), "trigger": trigger})
    return rows


def format_report(figures: Mapping[str, Any]) -> str:
    """The figures as the table ``shared/eval/score.py`` prints."""
    lines = [f"articles: {figures['articles']}"]
    for k in PRF_KEYS:
        f = figures[k]
        lines.append(
            f"{k:10s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}   (gold {f['gold']}, system {f['system']})"
        )
    for k in ACC_KEYS:
        f = figures[k]
        lines.append(f"{k:10s} accuracy {f['acc']:.3f}  (n {f['n']})")
    if figures.get("calibration"):
        lines.append("record precision by confidence:")
        for b in figures["calibration"]:
            p = "  -  " if b["precision"] is None else f"{b['precision']:.3f}"
            close = "]" if b["high"] == 1.0 else ")"
            lines.append(f"  [{b['low']:.1f}, {b['high']:.1f}{close}  P {p}  (n {b['records']})")
    return "\n".join(lines)
