"""Train stanza's tagger, lemmatizer and dependency parser on the UD Indonesian data of ``../shared`` and
write ``models/id_tppo_stanza`` (``make train-stanza``; needs ``pip install -e '.[stanza]'``).

    python scripts/train_stanza.py [--shared DIR] [--work DIR] [--out DIR] [--stages data,pos,...] [--fresh]

The sentences are those of the spaCy syntax (``scripts/convert_corpora.py``: CSUI train and GSD dev less a
held-out tenth, three times, and the 2017 GSD train mapped to the current annotation, once; every tenth GSD
dev sentence for early stopping), with the CSUI punctuation and the 2017 subordinators brought to GSD's
current annotation (PUNCT_GUIDELINE, SUBORDINATORS below), as surface words: a multi-word token
("paspornya") is one word with the analysis of its main part, as the pipeline's tokenizer keeps clitics
attached. So the backend needs no stanza tokenizer or MWT expander of its own (the adapter uses those of a
user's official stanza models).

The parser learns from, and is stopped early on, part-of-speech tags that the trained tagger predicted
(the ``retag`` stage, as stanza's own depparse recipe does): at run time it reads predicted tags, so it
learns to read tags with the tagger's errors in them rather than gold ones.

Each stage runs stanza's own trainer (``python -m stanza.models.tagger`` / ``lemmatizer`` / ``parser``)
with ``--no_pretrain`` and no charlm (nothing pretrained is reachable offline), one CPU thread each, and the
hidden sizes below. Resumable: a stage with a ``DONE`` file is skipped; the parser, the long stage, saves a
checkpoint every ``CHECKPOINT_STEPS`` and continues from it when run again; the tagger and lemmatizer are
short and restart from scratch. Logs go to ``build/stanza/<stage>.log``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from convert_corpora import build  # noqa: E402

from tppo_extract.corpora import Sentence  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_WORK = ROOT / "build" / "stanza"
DEFAULT_OUT = ROOT / "models" / "id_tppo_stanza"
STAGES = ("data", "pos", "lemma", "retag", "depparse", "assemble")
SHORTHAND = "id_tppo"
VERSION = "1.0.0"
SEED = 1234
# The current-annotation sentences three times against the 2017 GSD train, as for the spaCy syntax.
CURRENT_REPEAT = 3
# Every training sentence attaches punctuation by the UD guidelines: the 2017 GSD train is converted so and
# the CSUI train re-attached (``build(punct_guideline=True)``). With CSUI's own convention in a quarter of
# the sentences and nothing to tell the parser which treebank it reads, it learnt neither: 65 % of the GSD
# test marks attached right, against 76 % for the spaCy parser and 93 % for the rule on gold trees.
PUNCT_GUIDELINE = True
# The 2017 GSD train's adpositions before a verb become subordinators where the current GSD says so
# (``build(subordinators=True)``, learnt word by word from GSD dev): 680 arcs of "untuk", "dengan",
# "setelah" and the like that 2017 calls ADP/case and the revision SCONJ/mark.
SUBORDINATORS = True

# Sizes and steps. The tagger is stanza's default width (200) with a smaller character model (200, default
# 400) in batches of 32 sentences (default 250): 0.9 s a step on one core, 3,000 steps; at 100 wide it tagged
# 0.8 points worse on GSD test, and every tag it gets wrong costs the parser (with gold tags the parser
# scores 5.5 LAS points more). The parser is a BiLSTM of 200 x 2 (default 400 x 3) with a deep biaffine of
# 200 (default 400) and a character model of 100 (default 400), in batches of 3,000 tokens (default 5,000),
# for up to 3,600 steps (default 50,000): some 60 steps an epoch, 1.5 s a step on two threads (stanza's
# widths: 3.6 s). Early stopping on the
# held-out GSD dev sentences may end either sooner. See models/README.md for the runs behind these sizes.
POS_ARGS = [
    "--hidden_dim", "200",
    "--char_hidden_dim", "200",
    "--deep_biaff_hidden_dim", "200",
    "--composite_deep_biaff_hidden_dim", "100",
    "--batch_size", "32",
    "--max_steps", "3000",
    "--max_steps_before_stop", "750",
    "--eval_interval", "125",
]  # fmt: skip
LEMMA_ARGS = ["--hidden_dim", "100", "--num_epoch", "30", "--decay_epoch", "15", "--batch_size", "50"]
DEPPARSE_ARGS = [
    "--hidden_dim", "200",
    "--char_hidden_dim", "100",
    "--deep_biaff_hidden_dim", "200",
    "--num_layers", "2",
    "--batch_size", "3000",
    "--max_steps", "3600",
    "--max_steps_before_stop", "900",
    "--eval_interval", "60",
    "--second_optim_start_step", "2400",
]  # fmt: skip
# A few steps at tiny sizes: for the tests, which train a model on a handful of invented sentences to run
# the backend end to end where the shipped models are absent (``--tiny``); its accuracy means nothing.
TINY = {
    "pos": ["--hidden_dim", "16", "--char_hidden_dim", "16", "--deep_biaff_hidden_dim", "16",
            "--composite_deep_biaff_hidden_dim", "8", "--word_emb_dim", "16", "--char_emb_dim", "16",
            "--tag_emb_dim", "8", "--batch_size", "8", "--max_steps", "10", "--eval_interval", "10"],
    "lemma": ["--hidden_dim", "16", "--emb_dim", "16", "--pos_dim", "16", "--num_epoch", "2", "--batch_size", "8"],
    "depparse": ["--hidden_dim", "16", "--char_hidden_dim", "16", "--deep_biaff_hidden_dim", "16",
                 "--deep_biaff_output_dim", "16", "--word_emb_dim", "16", "--char_emb_dim", "16",
                 "--tag_emb_dim", "8", "--transformed_dim", "16", "--num_layers", "1", "--batch_size", "200",
                 "--max_steps", "10", "--eval_interval", "10"],
}  # fmt: skip
FULL = {"pos": POS_ARGS, "lemma": LEMMA_ARGS, "depparse": DEPPARSE_ARGS}

# Parser steps between checkpoints: a killed run loses at most this much (two epochs).
CHECKPOINT_STEPS = 120

MODEL_FILES = {"pos": "tagger.pt", "lemma": "lemmatizer.pt", "depparse": "parser.pt"}


# --- data -----------------------------------------------------------------------------------------------


def conllu_lines(s: Sentence, sent_id: str) -> Iterable[str]:
    """One sentence as CoNLL-U (surface words; a missing lemma as ``_``). XPOS and FEATS are left empty: the
    pipeline reads neither, the 2017 GSD train has no features, and the tagger's dev score, which stops it
    early, counts every column it predicts (a model taught to leave features out of a third of its data would
    be scored on the features of the rest)."""
    text = "".join(w + (" " if sp else "") for w, sp in zip(s.words, s.spaces or [True] * len(s.words), strict=True))
    yield f"# sent_id = {sent_id}"
    yield f"# text = {text.rstrip()}"
    for i, word in enumerate(s.words):
        head = 0 if s.deps[i] == "ROOT" else s.heads[i] + 1
        dep = "root" if head == 0 else s.deps[i]
        misc = "_" if (not s.spaces or s.spaces[i]) else "SpaceAfter=No"
        cols = [str(i + 1), word, s.lemmas[i] or "_", s.upos[i] or "X", "_", "_", str(head), dep, "_", misc]
        yield "\t".join(cols)
    yield ""


def write_conllu(sentences: Sequence[Sentence], path: Path, prefix: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for k, s in enumerate(sentences):
            fh.write("\n".join(conllu_lines(s, f"{prefix}-{k}")) + "\n")
    return len(sentences)


def has_lemmas(s: Sentence) -> bool:
    return all(s.lemmas)


def _once(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Each sentence once: the repeats that weigh the current annotation for the step-counted tagger and parser
    only lengthen the lemmatizer's epochs."""
    seen: set[int] = set()
    return [s for s in sentences if id(s) not in seen and not seen.add(id(s))]  # type: ignore[func-returns-value]


def stage_given(work: Path, train: Path, dev: Path) -> None:
    """The data stage for given CoNLL-U files (``--train``/``--dev``), read and written as surface words."""
    from tppo_extract.corpora import read_conllu

    sents = read_conllu(train)
    data = work / "data"
    counts = {
        "train": write_conllu(sents, data / "train.conllu", "train"),
        "train-lemma": write_conllu([s for s in sents if has_lemmas(s)], data / "train-lemma.conllu", "tl"),
        "dev": write_conllu(read_conllu(dev), data / "dev.conllu", "dev"),
    }
    (data / "counts.json").write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")


def stage_data(shared: Path, work: Path) -> None:
    c = build(
        shared,
        gsd2017=True,
        learn=True,
        current_repeat=CURRENT_REPEAT,
        ner_corpora=(),
        punct_guideline=PUNCT_GUIDELINE,
        subordinators=SUBORDINATORS,
    )
    data = work / "data"
    counts = {
        "train": write_conllu(c.ud_train, data / "train.conllu", "train"),
        # the 2017 GSD train has no lemmas: the lemmatizer learns from the current annotation alone
        "train-lemma": write_conllu(_once([s for s in c.ud_train if has_lemmas(s)]), data / "train-lemma.conllu", "tl"),
        "dev": write_conllu(c.ud_dev, data / "dev.conllu", "dev"),
    }
    for name, sents in c.ud_tests.items():
        counts[f"test-{name}"] = write_conllu(sents, data / f"test-{name}.conllu", name)
    (data / "counts.json").write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")
    print("data:", counts, flush=True)


# --- training -------------------------------------------------------------------------------------------


def retag(work: Path) -> None:
    """Write the parser's training and early-stopping files with the trained tagger's UPOS in place of the
    gold ones (``python -m stanza.models.tagger --mode predict``)."""
    data, pos = work / "data", work / "pos"
    for name in ("train", "dev"):
        out = data / f"{name}.retag.conllu"
        cmd = [sys.executable, "-m", "stanza.models.tagger", "--mode", "predict", "--lang", "id",
               "--shorthand", SHORTHAND, "--no_pretrain", "--cpu", "--save_dir", str(pos),
               "--save_name", MODEL_FILES["pos"], "--eval_file", str(data / f"{name}.conllu"),
               "--output_file", str(out.with_suffix(".part"))]  # fmt: skip
        _call(cmd, work / "retag.log", "retag")
        out.with_suffix(".part").replace(out)
    (work / "retag").mkdir(exist_ok=True)
    (work / "retag" / "DONE").write_text("retagged\n", encoding="utf-8")


# CPU threads of each trainer: one, so that a second job (tests, another training) keeps the other core of a
# 2-core machine; --threads raises it on an idle or larger machine.
THREADS = [1]


def _call(cmd: list[str], log: Path, stage: str) -> None:
    n = str(THREADS[0])
    env = dict(os.environ, OMP_NUM_THREADS=n, MKL_NUM_THREADS=n, OPENBLAS_NUM_THREADS=n)
    print("$", " ".join(cmd), ">", log, flush=True)
    with log.open("ab") as fh:
        rc = subprocess.call(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env=env)
    if rc != 0:
        raise SystemExit(f"{stage}: stanza exited with {rc}; see {log}")


def trainer_command(stage: str, work: Path, sizes: dict[str, list[str]] = FULL) -> list[str]:
    """The stanza trainer command of one stage."""
    data, out = work / "data", work / stage
    common = [
        "--mode", "train",
        "--shorthand", SHORTHAND,
        "--eval_file", str(data / ("dev.retag.conllu" if stage == "depparse" else "dev.conllu")),
        "--output_file", str(out / "dev.pred.conllu"),
        "--save_dir", str(out),
        "--save_name", MODEL_FILES[stage],
        "--seed", str(SEED),
        "--cpu",
    ]  # fmt: skip
    if stage == "pos":
        return [sys.executable, "-m", "stanza.models.tagger", *common, "--lang", "id", "--no_pretrain",
                "--train_file", str(data / "train.conllu"), *sizes["pos"]]  # fmt: skip
    if stage == "lemma":
        return [sys.executable, "-m", "stanza.models.lemmatizer", *common,
                "--train_file", str(data / "train-lemma.conllu"), *sizes["lemma"]]  # fmt: skip
    if stage == "depparse":
        return [sys.executable, "-m", "stanza.models.parser", *common, "--lang", "id", "--no_pretrain",
                "--train_file", str(data / "train.retag.conllu"),
                "--checkpoint_save_name", str(out / "checkpoint.pt"),
                "--checkpoint_interval", str(CHECKPOINT_STEPS), *sizes["depparse"]]  # fmt: skip
    raise ValueError(stage)


def run_trainer(stage: str, work: Path, sizes: dict[str, list[str]] = FULL) -> None:
    out = work / stage
    if stage != "depparse" and out.exists():
        shutil.rmtree(out)  # no checkpoint to continue from: a stopped tagger or lemmatizer starts again
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    log = work / f"{stage}.log"
    _call(trainer_command(stage, work, sizes), log, stage)
    if not (out / MODEL_FILES[stage]).is_file():
        raise SystemExit(f"{stage}: no {MODEL_FILES[stage]} in {out}; see {log}")
    (out / "DONE").write_text(f"{time.time() - t0:.0f} s\n", encoding="utf-8")


# --- assemble -------------------------------------------------------------------------------------------


def stage_assemble(work: Path, out: Path, sizes: dict[str, list[str]] = FULL) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for stage, name in MODEL_FILES.items():
        save_half(work / stage / name, out / name)
    meta = {
        "name": "id_tppo_stanza",
        "version": VERSION,
        "stanza": _version("stanza"),
        "torch": _version("torch"),
        "models": MODEL_FILES,
        "training": {
            "data": json.loads((work / "data" / "counts.json").read_text(encoding="utf-8")),
            "pos": sizes["pos"],
            "lemma": sizes["lemma"],
            "depparse": sizes["depparse"],
            "seed": SEED,
        },
        "sources": [
            {"name": "UD Indonesian-CSUI", "license": "CC BY-SA 4.0"},
            {"name": "UD Indonesian-GSD (dev, and the 2017 train)", "license": "CC BY-SA 4.0"},
        ],
        "license": "CC BY-SA 4.0",
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    # stanza reads a resources.json from its model folder even when every model path is given
    (out / "resources.json").write_text(json.dumps({"id": {"lang_name": "Indonesian"}}) + "\n", encoding="utf-8")
    print("wrote", out, flush=True)


def save_half(src: Path, dst: Path) -> None:
    """Copy a stanza model file with its weights in half precision: half the size in git (the three files
    47 MB -> 24 MB), and stanza loads them into its float32 model unchanged in use (the same UPOS, lemma,
    UAS and LAS to four places on GSD test, measured on 2026-12-01 and 2026-12-02)."""
    import torch

    saved = torch.load(src, map_location="cpu", weights_only=True)
    weights = saved["model"]
    saved["model"] = type(weights)(
        (k, v.half() if torch.is_tensor(v) and v.is_floating_point() else v) for k, v in weights.items()
    )
    torch.save(saved, dst)


def _version(pkg: str) -> str:
    from importlib.metadata import version

    return version(pkg)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated, of {','.join(STAGES)}")
    ap.add_argument("--fresh", action="store_true", help="redo every stage asked for, dropping checkpoints")
    ap.add_argument("--train", type=Path, help="train on this CoNLL-U file instead of the UD data of --shared")
    ap.add_argument("--dev", type=Path, help="with --train: the CoNLL-U file for early stopping")
    ap.add_argument("--tiny", action="store_true", help="tiny sizes and a few steps (for tests)")
    ap.add_argument("--threads", type=int, default=1, help="CPU threads per trainer (default 1)")
    args = ap.parse_args(argv)
    stages = args.stages.split(",")
    unknown = set(stages) - set(STAGES)
    if unknown:
        print(f"unknown stages: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    try:
        import stanza  # noqa: F401
    except ImportError:
        print("stanza is not installed: pip install -e '.[stanza]'", file=sys.stderr)
        return 2
    if (args.train is None) != (args.dev is None):
        print("--train and --dev go together", file=sys.stderr)
        return 2
    sizes = TINY if args.tiny else FULL
    THREADS[0] = max(1, args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    for stage in [s for s in STAGES if s in stages]:
        done = args.work / stage / "DONE" if stage not in {"data", "assemble"} else None
        if args.fresh and stage not in {"data", "assemble"} and (args.work / stage).exists():
            shutil.rmtree(args.work / stage)
        if stage == "data":
            if args.train is not None:
                stage_given(args.work, args.train, args.dev)
            elif args.fresh or not (args.work / "data" / "counts.json").is_file():
                stage_data(args.shared, args.work)
        elif stage == "assemble":
            stage_assemble(args.work, args.out, sizes)
        elif done is not None and done.is_file():
            print(f"{stage}: done ({done}), skipped", flush=True)
        elif stage == "retag":
            retag(args.work)
        else:
            run_trainer(stage, args.work, sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
