"""Train the Indonesian models of tppo_extract and assemble the pipeline that ``models/`` ships (``make train``).

Usage: ``python scripts/train.py [--shared DIR] [--work DIR] [--out DIR] [--stage STAGE ...] [--fresh]``

Stages, each skipped when its output is already there (delete ``build/train`` or pass ``--fresh`` to redo):

1. ``convert``: ``scripts/convert_corpora.py`` writes ``build/corpora`` from ``../shared/data``.
2. ``pretrain``: ``spacy pretrain`` of the NER tok2vec on the training text (``--no-pretrain`` skips it and
   trains the NER from random weights with ``ner.cfg``).
3. ``ner`` and ``syntax``: ``spacy train`` with ``models/configs/{ner,syntax}.cfg``, seeded, one core each: the
   syntax starts at once, beside the pretraining, and the NER when the pretraining ends. A run that was
   stopped resumes from its ``model-last`` checkpoint: the weights are kept, the optimiser and the step
   count start again.
4. ``assemble``: the trained components, with ``tppo_upos`` that copies the tagger's UPOS to ``Token.pos``,
   saved to ``models/id_tppo_core`` with its sources and licence in ``meta.json``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_WORK = ROOT / "build"
DEFAULT_OUT = ROOT / "models" / "id_tppo_core"
CONFIGS = ROOT / "models" / "configs"
SEED = 0
STAGES = ("convert", "pretrain", "ner", "syntax", "assemble")
# The trained components of each run, in pipeline order.
COMPONENTS = {"syntax": ["tok2vec", "tagger", "parser", "trainable_lemmatizer"], "ner": ["ner_tok2vec", "ner"]}
# Pretraining epochs (as in models/configs/ner-pretrain.cfg): the training text is small (about 370k words);
# 8 passes take about 13 minutes on one core.
PRETRAIN_EPOCHS = 8
# The converted corpora: idner-news-2k, the one news corpus with its own annotation of country names (a
# country is LOC only where it is a location), is repeated three times so that its conventions weigh as
# much as those of the larger NER-UI and NERGrit; the UD sentences of the current annotation are repeated
# three times against the 4,477 of the 2017 GSD train (see models/README.md for the runs behind both).
CONVERT_ARGS = ["--ner-repeat", "idner=3", "--current-repeat", "3"]


def _run(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    print("$", " ".join(cmd), ">", log, flush=True)
    fh = log.open("ab")
    return subprocess.Popen(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env=env)


def _done(path: Path) -> bool:
    return (path / "model-best" / "meta.json").is_file() and (path / "DONE").is_file()


def train_command(kind: str, work: Path, *, pretrained: Path | None) -> list[str]:
    """The ``spacy train`` command of one run; a stopped run resumes from its last checkpoint."""
    out = work / "train" / kind
    corpora = work / "corpora"
    prefix = "ner" if kind == "ner" else "ud"
    config = CONFIGS / ("ner-pretrain.cfg" if kind == "ner" and pretrained is not None else f"{kind}.cfg")
    last = out / "model-last"
    if (last / "meta.json").is_file():
        config = resume_config(config, last, COMPONENTS[kind], out / "resume.cfg")
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(out),
        "--paths.train",
        str(corpora / f"{prefix}-train.spacy"),
        "--paths.dev",
        str(corpora / f"{prefix}-dev.spacy"),
        "--system.seed",
        str(SEED),
    ]
    if config.name != "resume.cfg" and pretrained is not None and kind == "ner":
        cmd += ["--paths.init_tok2vec", str(pretrained)]
    return cmd


def resume_config(config: Path, checkpoint: Path, components: list[str], dest: Path) -> Path:
    """A copy of ``config`` whose trained components are sourced from ``checkpoint`` (a ``model-last``)."""
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    for name in components:
        cfg["components"][name] = {"source": str(checkpoint)}
    cfg.to_disk(dest)
    return dest


def start_training(kind: str, work: Path, *, pretrained: Path | None) -> subprocess.Popen[bytes] | None:
    """Start the ``spacy train`` run of ``kind`` in the background; None when it is trained already."""
    out = work / "train" / kind
    if _done(out):
        print(f"{kind}: trained already ({out})")
        return None
    out.mkdir(parents=True, exist_ok=True)
    return _run(train_command(kind, work, pretrained=pretrained), out.parent / f"{kind}.log")


def finish_training(procs: dict[str, subprocess.Popen[bytes] | None], work: Path) -> None:
    """Wait for the runs started by :func:`start_training` and mark each that ended well as done."""
    failed = []
    for kind, proc in procs.items():
        if proc is None:
            continue
        if proc.wait() != 0:
            failed.append(kind)
        else:
            (work / "train" / kind / "DONE").write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"))
    if failed:
        raise SystemExit(f"training failed: {', '.join(failed)}; see {work / 'train'}/*.log")


def stage_pretrain(work: Path) -> Path:
    out = work / "pretrain"
    weights = out / f"model{PRETRAIN_EPOCHS - 1}.bin"
    if weights.is_file():
        return weights
    out.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "pretrain",
        str(CONFIGS / "ner-pretrain.cfg"),
        str(out),
        "--paths.raw_text",
        str(work / "corpora" / "raw.jsonl"),
        "--system.seed",
        str(SEED),
    ]
    done = sorted((p for p in out.glob("model*.bin") if p.stem[5:].isdigit()), key=lambda p: int(p.stem[5:]))
    if done:  # resume from the last epoch written
        cmd += ["--resume-path", str(done[-1]), "--epoch-resume", str(int(done[-1].stem[5:]) + 1)]
    if _run(cmd, work / "pretrain.log").wait() != 0:
        raise SystemExit(f"pretraining failed; see {work / 'pretrain.log'}")
    return weights


def assemble(work: Path, out: Path) -> None:
    """One spaCy pipeline of the trained components, in the order the tppo pipeline runs them."""
    import spacy

    import tppo_extract.components  # noqa: F401  (registers tppo_upos)

    syntax = spacy.load(work / "train" / "syntax" / "model-best")
    ner = spacy.load(work / "train" / "ner" / "model-best")
    nlp = spacy.blank("id")
    for name in COMPONENTS["syntax"]:
        nlp.add_pipe(name, source=syntax)
    # The tagger predicts UPOS as Token.tag; tppo_upos copies it to Token.pos (components/upos.py).
    nlp.add_pipe("tppo_upos", after="tagger")
    for name in COMPONENTS["ner"]:
        nlp.add_pipe(name, source=ner)
    nlp.meta.update(
        {
            "name": "tppo_core",
            "version": "1.2.0",
            "description": "tppo_extract's Indonesian tagger (UPOS), lemmatizer, dependency parser and NER "
            "(PER, ORG, LOC), CNN models trained on open corpora; see models/README.md.",
            "license": "CC BY-SA 4.0",
            "author": "tppo_extract developers",
            "sources": [
                {"name": "UD Indonesian-CSUI", "license": "CC BY-SA 4.0"},
                {"name": "UD Indonesian-GSD (dev, and the 2017 train)", "license": "CC BY-SA 4.0"},
                {"name": "idner-news-2k", "license": "MIT (as declared by the SEACrowd loader)"},
                {"name": "IndoLEM NER-UI and NER-UGM", "license": "CC BY 4.0 (as declared by the SEACrowd loader)"},
                {"name": "NERGrit (IndoNLU)", "license": "MIT (as declared by the SEACrowd loader)"},
            ],
        }
    )
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    print(f"saved {out} ({sum(p.stat().st_size for p in out.rglob('*') if p.is_file()) / 1e6:.1f} MB)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--stage", action="append", choices=STAGES, help="run only these stages (repeatable)")
    ap.add_argument(
        "--no-pretrain", dest="pretrain", action="store_false", help="train the NER without spacy pretrain"
    )
    ap.add_argument("--fresh", action="store_true", help="discard earlier runs in --work/train first")
    args = ap.parse_args(argv)
    stages = args.stage or [s for s in STAGES if s != "pretrain" or args.pretrain]
    if args.fresh and (args.work / "train").exists():
        shutil.rmtree(args.work / "train")
    t0 = time.time()
    if "convert" in stages and not (args.work / "corpora" / "ud-train.spacy").is_file():
        cmd = [sys.executable, str(ROOT / "scripts" / "convert_corpora.py"), "--shared", str(args.shared)]
        cmd += ["--out", str(args.work / "corpora"), *CONVERT_ARGS]
        if subprocess.run(cmd, cwd=ROOT).returncode != 0:
            return 1
    procs: dict[str, subprocess.Popen[bytes] | None] = {}
    try:
        # The syntax does not use the pretrained weights: it trains on one core while the other pretrains.
        if "syntax" in stages:
            procs["syntax"] = start_training("syntax", args.work, pretrained=None)
        pretrained = stage_pretrain(args.work) if "pretrain" in stages else None
        if "ner" in stages:
            procs["ner"] = start_training("ner", args.work, pretrained=pretrained)
    except BaseException:
        for proc in procs.values():
            if proc is not None:
                proc.terminate()
        raise
    finish_training(procs, args.work)
    if "assemble" in stages:
        assemble(args.work, args.out)
    print(f"done in {(time.time() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
