"""The labelled crisis sets, how a detector is measured on them, and the floors it is held to.

Three sets, each reported on its own (there is no "whole set" figure: pooling in-sample design
data with held-out data hid how little generalised):
- `design`: every data/crisis/design*.yml file but the ordinary chat (lexicon written with the
  first two, classifier trained on all of them): figures are in-sample. The 2026-12 held-out
  batch, measured once and reported, was folded in (design_2026_12_folded_holdout.yml);
- `development`: data/crisis/development_2026_11.yml, the former held-out split. It steered
  decisions (issue 10) and is now used for choices: never trained on, but not untouched;
- `holdout`: the NEWEST (by file name) of tests/data/crisis_holdout_*.yml, a batch written by an
  author who saw nothing of the project, measured once with the configuration frozen and held to
  issue 10's targets. Every such file is checked for near-duplicates in design and development
  data (tests/risk_classifier/test_holdout_protocol.py); once measured and reported, a batch is
  folded into data/crisis/ and the next one takes its place. With no such file, the held-out
  assertions skip and say why.

Held-out and development texts are never printed: a failure shows counts only. Design texts may
be named. `python -m tests.crisis_dataset` (`make crisis-report`) prints every figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from risk_classifier import Decision, GuardedDetector
from risk_classifier.conversation import ConversationRisk
from risk_classifier.data import read_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "crisis"
HOLDOUT_DIR = ROOT / "tests" / "data"
HOLDOUT_GLOB = "crisis_holdout_*.yml"
NO_HOLDOUT = (
    "no held-out crisis batch (tests/data/crisis_holdout_*.yml): the last one was measured, "
    "reported and folded into data/crisis/; the next batch, from an author who never saw the "
    "project, is added by the lead and measured once"
)
DEVELOPMENT_FILE = DATA / "development_2026_11.yml"
CHAT_FILE = "design_chat.yml"
# The design files the lexicon in safety/ was written with (it is tuned on them).
LEXICON_FILES = ("design.yml", "design_extra.yml")
# ... and the files it was extended on (2026-11-23); the 2026-12 authors' files came later.
LEXICON_TUNED_FILES = (*LEXICON_FILES, "design_more.yml")
LABELS = ("crisis", "distress", "none")


def design_paths(with_chat: bool = False) -> list[Path]:
    files = sorted(DATA.glob("design*.yml"))
    return files if with_chat else [path for path in files if path.name != CHAT_FILE]


def holdout_files() -> list[Path]:
    """Every held-out crisis batch, oldest first: by file name, so `crisis_holdout_2026_12b.yml`
    comes after `crisis_holdout_2026_12.yml` and `crisis_holdout_2027_01.yml` after both."""
    return sorted(HOLDOUT_DIR.glob(HOLDOUT_GLOB), key=lambda path: path.stem)


def newest_holdout() -> Path | None:
    files = holdout_files()
    return files[-1] if files else None


def _newest_holdout_paths() -> list[Path]:
    newest = newest_holdout()
    return [newest] if newest is not None else []


HOLDOUT = "holdout"
SETS: dict[str, Callable[[], list[Path]]] = {
    "design": design_paths,
    "development": lambda: [DEVELOPMENT_FILE],
    HOLDOUT: _newest_holdout_paths,
}


def set_params() -> list[object]:
    """SETS for `parametrize`: the design set (in-sample, the slowest by far) carries the
    `insample` marker, run by `make insample` (CI runs it after `make test`)."""
    import pytest

    return [pytest.param(name, marks=pytest.mark.insample) if name == "design" else name for name in SETS]


def set_label(set_name: str) -> str:
    """The set's name as reported: the held-out set names its file."""
    if set_name == HOLDOUT:
        newest = newest_holdout()
        return f"holdout {newest.name}" if newest is not None else "holdout (none)"
    return set_name


def skip_without_holdout(set_name: str) -> None:
    """Inside a test: skip, with the reason, when the held-out set is asked for and absent."""
    if set_name == HOLDOUT and newest_holdout() is None:
        import pytest

        pytest.skip(NO_HOLDOUT)
SHOWN = {"design"}  # the only set whose texts a failure may name


@dataclass(frozen=True)
class LabelledMessage:
    text: str = field(repr=False)  # a failing assertion's repr never shows a held-out text
    label: str
    split: str
    category: str | None = None
    source: str = ""
    line: int = 0  # 1-based line of the text in its file


@dataclass(frozen=True)
class Conversation:
    label: str  # "crisis" or "none"
    turns: tuple[str, ...] = field(repr=False)
    risk_turn: int | None  # 1-based turn where the risk appears (crisis conversations)
    source: str = ""
    line: int = 0


def _lines(path: Path, key: str) -> list[int]:
    """1-based line of each item of the top-level list `key` (for messages: of its text)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    for name, value in node.value:  # type: ignore[union-attr]
        if name.value == key:
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_file(path: Path) -> list[LabelledMessage]:
    content = read_yaml(path)
    lines = _lines(path, "messages")
    return [
        LabelledMessage(
            item["text"], item["label"], content["split"], item.get("category"), path.name, line
        )
        for item, line in zip(content["messages"], lines, strict=True)
    ]


def load_conversations_file(path: Path) -> list[Conversation]:
    content = read_yaml(path)
    items = content.get("conversations") or []
    lines = _lines(path, "conversations")
    return [
        Conversation(item["label"], tuple(item["turns"]), item.get("risk_turn"), path.name, line)
        for item, line in zip(items, lines, strict=True)
    ]


def load_set(name: str) -> list[LabelledMessage]:
    return [m for path in SETS[name]() for m in load_file(path)]


def load_conversations(name: str) -> list[Conversation]:
    return [c for path in SETS[name]() for c in load_conversations_file(path)]


def load_messages(
    split: str | None = None, files: Sequence[str] | None = None
) -> list[LabelledMessage]:
    """Messages of data/crisis files by name (default: every design file but the chat)."""
    paths = [DATA / name for name in files] if files else design_paths()
    messages = [m for path in paths for m in load_file(path)]
    return [m for m in messages if split is None or m.split == split]


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    crisis: int
    distress: int
    none: int
    missed: tuple[LabelledMessage, ...]
    false_alarms: tuple[LabelledMessage, ...]  # `none` taken for a crisis
    distress_flagged: tuple[LabelledMessage, ...]  # `distress` taken for a crisis

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.crisis if self.crisis else float("nan")

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_alarms) / self.none if self.none else float("nan")

    @property
    def distress_rate(self) -> float:
        return len(self.distress_flagged) / self.distress if self.distress else float("nan")

    def report(self, name: str) -> str:
        """Counts and rates only, never a text."""
        found = self.crisis - len(self.missed)
        return (
            f"{name}: crisis recall {self.recall:.3f} ({found}/{self.crisis}), false alarms on "
            f"'none' {self.false_positive_rate:.3f} ({len(self.false_alarms)}/{self.none}), "
            f"distress taken for crisis {self.distress_rate:.3f} "
            f"({len(self.distress_flagged)}/{self.distress})"
        )


def measure(messages: Sequence[LabelledMessage], says_crisis: Callable[[str], bool]) -> Figures:
    flagged = {m.text: says_crisis(m.text) for m in messages}
    by_label = {label: [m for m in messages if m.label == label] for label in LABELS}
    return Figures(
        crisis=len(by_label["crisis"]),
        distress=len(by_label["distress"]),
        none=len(by_label["none"]),
        missed=tuple(m for m in by_label["crisis"] if not flagged[m.text]),
        false_alarms=tuple(m for m in by_label["none"] if flagged[m.text]),
        distress_flagged=tuple(m for m in by_label["distress"] if flagged[m.text]),
    )


@dataclass(frozen=True)
class Target:
    min_recall: float
    max_false_positive_rate: float
    max_distress_rate: float = 1.0


def problems(figures: Figures, target: Target, set_name: str) -> list[str]:
    """The floors missed; design texts are named, other sets show counts only."""

    def shown(items: tuple[LabelledMessage, ...]) -> list[str]:
        if set_name in SHOWN:
            return [m.text for m in items]
        return [f"{len(items)} messages (texts not shown)"]

    found = []
    if figures.recall < target.min_recall:
        found.append(
            f"{set_name}: recall {figures.recall:.3f} < {target.min_recall} {shown(figures.missed)}"
        )
    if figures.false_positive_rate > target.max_false_positive_rate:
        found.append(
            f"{set_name}: false alarms {figures.false_positive_rate:.3f} > "
            f"{target.max_false_positive_rate} {shown(figures.false_alarms)}"
        )
    if figures.distress_rate > target.max_distress_rate:
        found.append(
            f"{set_name}: distress taken for crisis {figures.distress_rate:.3f} > "
            f"{target.max_distress_rate} {shown(figures.distress_flagged)}"
        )
    return found


def check_targets(
    says_crisis: Callable[[str], bool], path_name: str, targets: dict[str, Target], set_name: str
) -> list[str]:
    """Measure one set, print its counts, return the floors missed (tests are parametrized by
    set, so that `-k "not holdout"` never measures the held-out batch while developing). Skips
    the held-out set when there is no held-out batch."""
    skip_without_holdout(set_name)
    figures = measure(load_set(set_name), says_crisis)
    print("\n" + figures.report(f"{path_name}, {set_label(set_name)}"))
    return problems(figures, targets[set_name], set_name)


@dataclass(frozen=True)
class ConversationFigures:
    crisis: int
    safe: int
    in_time: int  # crisis conversations flagged at the risk turn or the turn after
    early: int  # ... flagged before the risk turn (counted in `in_time` when also flagged then)
    false_alarms: tuple[Conversation, ...]  # safe conversations flagged at any turn
    late: tuple[Conversation, ...]  # crisis conversations not flagged by the turn after the risk

    def report(self, name: str) -> str:
        return (
            f"{name}: crisis conversations flagged by the turn after the risk {self.in_time}/{self.crisis} "
            f"(flagged before it: {self.early}), false alarms on safe conversations "
            f"{len(self.false_alarms)}/{self.safe}"
        )


def measure_conversations(
    conversations: Sequence[Conversation], flags: Callable[[Sequence[str]], list[bool]]
) -> ConversationFigures:
    """`flags(turns)`: whether each turn got a crisis reply, the conversation read turn by turn."""
    in_time = early = 0
    false_alarms, late = [], []
    for conversation in conversations:
        flagged = flags(conversation.turns)
        if conversation.label != "crisis" or conversation.risk_turn is None:
            if any(flagged):
                false_alarms.append(conversation)
            continue
        risk = conversation.risk_turn - 1
        early += any(flagged[:risk])
        if any(flagged[risk : risk + 2]):
            in_time += 1
        else:
            late.append(conversation)
    crisis = sum(c.label == "crisis" for c in conversations)
    return ConversationFigures(
        crisis, len(conversations) - crisis, in_time, early, tuple(false_alarms), tuple(late)
    )


# --- floors ----------------------------------------------------------------------------------
# History: weights of 2026-12-03 (ninth author, design_2026_12c_varied.yml) measured
# crisis_holdout_2026_12b.yml ONCE while it was held out: recall 0.928 (116/125), false alarms
# 0.123 (8/65), distress taken for crisis 0.000 (0/40); conversations 14/14, 1/6 false alarm (after
# the near-duplicate check, 220 messages and 8 conversations: 0.926 (113/122), 0.119 (7/59),
# 0/39; conversations 5/5, 0/3). That is the last held-out figure of this detector.
#
# Now (2026-12-04, issue 10's fourth pass): the lexicon's framed crises (safety: Assessment.framed)
# vetoed by a confident classifier (< 0.1) and the lexicon's professional/idiom context overridden
# by a certain one (>= 0.95) (risk_classifier/combined.py Guards, chosen leave one author out);
# English grief wording; a tenth author's design file (design_2026_12d.yml, 1,181 messages);
# weights retrained (same recipe: thresholds on folds by author at 6 % false alarms). Measured:
# - design (in-sample): recall 0.950 (4626/4872), false alarms 0.039 (125/3173), distress taken
#   for crisis 0.031 (60/1957);
# - development 2026-11 (never trained on, but it steered choices): 0.971 (66/68), 0.047 (2/43),
#   0.111 (4/36);
# - crisis_holdout_2026_12b.yml, now DEVELOPMENT data (its misses and false alarms were studied
#   to choose the categories of this pass; never trained on): 0.951 (116/122), 0.034 (2/59),
#   0.000 (0/39); conversations 5/5 in time, 0/3 false alarms. These are development figures,
#   not a held-out measurement: the next batch is the measurement.
# Leave one author out (loao.py, ten authors, recipe guards-veto0.1-context0.95): recall mean
# 0.912, worst 0.812; false alarms mean 0.055, worst 0.104 (without the guards, same data: 0.886,
# 0.773; 0.051, 0.086).
#
# Then the fresh batch crisis_holdout_2026_12c.yml (a new author, who saw only the seeds, FACTS.md
# and a brief) measured ONCE with these weights, whole: recall 0.941 (127/135), false alarms 0.059
# (5/85), distress taken for crisis 0.040 (2/50), lexicon alone 0.274 / 0.082; conversations 16/16
# in time (4 also flagged before the risk turn), 1/8 false alarm. After the near-duplicate check
# (16 messages and 13 conversations removed, by that criterion alone, after the measurement): 254
# messages, 0.939 (124/132), 0.069 (5/72), 0.040 (2/50); lexicon 0.265 / 0.097; conversations 6/6,
# 1/5. Issue 10's targets (0.95 / 0.05) are not met on it. Its floors below sit under that one
# measurement; from now on it is development data.
#
# 2026-12-04, later (issue 10's fifth pass): an eleventh design author (design_2026_12e.yml, 920
# messages, 30 conversations, weighted to the kinds 12c missed), weights retrained with the same
# recipe (threshold 0.74 -> 0.70; design CV recall 0.886 -> 0.905 at 6 % false alarms). 7 items
# of 12b/12c turned out near-duplicates of the new design file and were removed by the check.
# Development figures then: 12b 0.959 (116/121), 0.035 (2/57), 0/39, conversations 5/5, 0/2; 12c
# 0.977 (129/132), 0.070 (5/71), 0.041 (2/49), conversations 5/5, 1/5.
# The fresh batch crisis_holdout_2026_12d.yml (a twelfth author, seeds, FACTS.md and a brief only)
# measured ONCE with these weights (commit e73f1b9), whole: recall 0.930 (146/157), false alarms
# 0.040 (4/101), distress taken for crisis 0.000 (0/61); three outcomes: crisis missed as distress
# 6, as none 5; lexicon alone 0.344 / 0.010; conversations 16/16 in time (3 flagged before the
# risk turn), 2/8 false alarms. After the near-duplicate check (26 messages and 9 conversations
# removed, after the measurement): 293 messages, 0.926 (137/148), 0.047 (4/86), 0/59; lexicon
# 0.324 / 0.012; conversations 10/10, 2/5. Recall 0.95 and "no false alarm on a safe
# conversation" are not met; false alarms (<= 0.05) and distress (<= 0.15) are. From now on it is
# development data.
# Then, studied on those development batches: "tuer ça" and "killing it" read as idioms (safety/
# context.py), and the classifier past a professional context from 0.85 (was 0.95; leave one author
# out, eleven authors: recall 0.920 / 0.920, false alarms 0.056 / 0.055); weights retrained
# (threshold 0.73). Development figures: development_2026_11 0.971 (66/68), 0.047, 0.083 (3/36);
# 12b 0.967 (117/121), 0.035 (2/57), 0/39; 12c 0.955 (126/132), 0.070 (5/71), 0.041 (2/49);
# 12d 0.939 (139/148), 0.023 (2/86), 0/59, conversations 10/10, 2/5. The next batch measures it.
# The fresh batch crisis_holdout_2026_12e.yml (a thirteenth author, seeds, FACTS.md and a brief
# only) measured ONCE with these weights (commit fd00bae), whole: recall 0.973 (146/150), false
# alarms 0.070 (7/100), distress taken for crisis 0.050 (3/60); crisis missed as distress 3, as
# none 1; lexicon alone 0.360 / 0.070 (all 7 false alarms are the lexicon's); conversations 16/16
# in time (7 flagged before the risk turn), 1/8 false alarm. After the near-duplicate check (18
# messages and 11 conversations removed, after the measurement): 292 messages, 0.972 (140/144),
# 0.079 (7/89), 0.051 (3/59); conversations 10/10, 0/3. Recall >= 0.95 and distress <= 0.15 are
# met; false alarms (<= 0.05) are not. From now on it is development data.
# Then (2026-12-04, afternoon), studied on the 12e false alarms: a lexicon crisis about nobody
# close to the writer no longer needs a frame word to be vetoed by a confident classifier
# (safety/detector.py `_framed`: clinical questions about a patient, a colleague's past attempt,
# warning signs). Leave one author out (eleven authors, thresholds re-chosen per fold): recall
# 0.921 -> 0.934, false alarms 0.055 -> 0.055, distress taken for crisis 0.067 -> 0.085. Retrained
# with the same recipe, the threshold fell to 0.66 and 4 of 97 ordinary chat messages (NLU
# held-out: "à tantôt", "non, ça sera tout") became crises: the ordinary chat now has its own
# ceiling in train.py (--max-chat-fp 0.02), threshold 0.705. Leave one author out with both
# changes (recipe guards-veto0.1-context0.85-chat0.02): recall mean 0.924 (worst 0.822), false
# alarms 0.048 (worst 0.099), distress taken for crisis 0.071 (before: 0.921 / 0.836, 0.055 /
# 0.114, 0.067). Development figures then: 12b 0.967
# (117/121), 0.018 (1/57), 0/39; 12c 0.977 (129/132), 0.056 (4/71), 2/49; 12d 0.939 (139/148),
# 0.023 (2/86), 0/59; 12e 0.986 (142/144), 0.079 (7/89), 3/59.
# The fresh batch crisis_holdout_2026_12f.yml (a fourteenth author, seeds, FACTS.md and a brief
# only) measured ONCE with these weights, whole: recall 0.927 (140/151), false alarms 0.020
# (2/101), distress taken for crisis 0.033 (2/60); crisis missed as distress 6, as none 5 (suicide
# 28/35, self-harm 16/18, the other kinds 96/98); lexicon alone 0.252 / 0.050; conversations 16/16
# in time (4 flagged before the risk turn), 2/8 false alarms. The detector before this pass, on
# the same batch (for the record; nothing was chosen on it): 0.921 (139/151), 0.040 (4/101),
# 0.033. After the near-duplicate check (21 messages and 12 conversations removed, after the
# measurement): 291 messages, 0.935 (130/139), 0.021 (2/94), 0.034 (2/58); lexicon 0.223 /
# 0.053; conversations 9/9, 2/3. False alarms (<= 0.05) and distress (<= 0.15) are met; recall
# (0.95) and "no false alarm on a safe conversation" are not. From now on it is development data.
# After that measurement, a review found that the looser framing also opened the veto to a risk
# said with no subject and nobody else named ("envie d'en finir": the writer's own). Framing now
# needs a frame word or someone else named (safety/detector.py); weights retrained (threshold
# 0.705 again). 12f whole and pruned give the same figures with it; 12c 4 -> 5 false alarms.
# Leave one author out with it: recall mean 0.924 (worst 0.822), false alarms 0.049 (worst 0.099),
# distress taken for crisis 0.071.
# The fresh batch crisis_holdout_2026_12g.yml (a fifteenth author, seeds, FACTS.md and a brief
# only; 38 of its 45 suicide messages avoid the common risk words) measured ONCE with these same
# weights and detector (unchanged since 12f), whole: recall 0.960 (144/150), false alarms 0.040
# (4/100), distress taken for crisis 0.033 (2/60); crisis missed as distress 4, as none 2 (suicide
# 2, harm to others 2, means 1, immediate danger 1); lexicon alone 0.420 / 0.040; conversations
# 16/16 in time (none flagged before the risk turn), 0/8 false alarms: issue 10's in-repo targets
# are all met on this batch, none of them on 12f. One batch of 150 crises: read 12f and 12g
# together (0.927 and 0.960) as the range. After the near-duplicate check (28 messages and 10
# conversations removed, after the measurement): 282 messages, 0.957 (135/141), 0.037 (3/82),
# 0.034 (2/59); lexicon 0.411 / 0.037; conversations 12/12, 0/2. Development data from then on.
# The fresh batch crisis_holdout_2026_12h.yml (a sixteenth author, seeds, FACTS.md and a brief
# only, other voices than 12g's: home care, kitchen, security, CLSC, interns, IT, midwives...)
# measured ONCE with the same weights and detector (unchanged since 12f), whole: recall 0.973
# (146/150), false alarms 0.040 (4/100), distress taken for crisis 0.050 (3/60); crisis missed as
# distress 1, as none 3 (suicide, self-harm, violence against staff, third person: 1 each);
# lexicon alone 0.347 / 0.090; conversations 16/16 in time (6 flagged before the turn the author
# marked), 0/8 false alarms: issue 10's in-repo targets met on a second batch in a row. After the
# near-duplicate check (29 messages and 13 conversations removed, after the measurement): 281
# messages, 0.972 (137/141), 0.049 (4/81), 0.051 (3/59); lexicon 0.319 / 0.111; conversations
# 7/7, 0/4. Development data from then on.
# crisis_holdout_2026_12i.yml (a seventeenth author) measured once, whole: recall 0.973 (146/150),
# false alarms 0.030 (3/100), distress 0/60, conversations 16/16, 0/8; after the near-duplicate
# check: 276 messages, 0.971 (135/139), 0.025 (2/81), 0/56; lexicon 0.388 / 0.037; conversations
# 9/9, 0/5. Development data from then on.
# crisis_holdout_2026_12j.yml (an eighteenth author, 2026-12-05 evening: seeds, FACTS.md and a
# brief only; other voices: unit clerk, respiratory therapist, CHSLD cook, DPJ, lab, pharmacy,
# security) measured ONCE with the same weights and detector, whole: recall 0.913 (137/150), under
# issue 10's 0.95; false alarms 0/90; distress taken for crisis 0.083 (5/60); crisis missed as
# distress 7, as none 6 (violence against staff 4, suicide 3, immediate danger 3, means, harm to
# others, third person 1 each); lexicon alone 0.393 / 0.011; conversations 13/13 in time, 1/7
# false alarm. After the near-duplicate check (27 messages and 6 conversations removed): 273
# messages, 0.908 (128/141), 0/78, 0.093 (5/54); lexicon 0.376 / 0.013; conversations 9/9, 1/5.
# Development data from then on. After the lexicon's first round on its families (2026-12-06):
# 1.000 (141/141), 0/78, 0.056 (3/54); conversations 9/9, 0/5 (its floors follow).
# crisis_holdout_2026_12k.yml (a nineteenth author, 2026-12-06: seeds, FACTS.md and a brief only;
# other voices: archivist, radiology, housekeeping, midwife, remote CLSC, resident, union delegate,
# a PAB mixing Haitian Creole) measured ONCE, whole, after the lexicon's first round on 12j's
# families: recall 0.933 (140/150), false alarms 0.022 (2/90), distress 0.033 (2/60); lexicon
# alone 0.400 / 0.022; conversations 12/13 in time, 0/7. (The detector of the session's start:
# 140/150 too, 1/90, 2/60, lexicon alone 0.380.) After the near-duplicate check (27 messages and 8
# conversations removed) and the lexicon's second round on its families: 273 messages, 0.971
# (132/136), 0/78, 0.017 (1/59); conversations 7/7, 0/5. Development data from then on.
# crisis_holdout_2026_12l.yml (a twentieth author, same day: dispatcher, porter, speech therapy,
# sterilisation, youth centre, psychiatric security, spiritual care, IT, a Cree-region nurse in
# English, allophone PAB and doctor) measured ONCE, whole, with the final lexicon of that day and
# the same weights: recall 0.933 (140/150), under issue 10's 0.95; false alarms 0.022 (2/90);
# distress taken for crisis 0.100 (6/60); crisis missed as distress 8, as none 2 (immediate danger
# 4, self-harm 3, suicide, third person, violence against staff 1 each); lexicon alone 0.380 /
# 0.022; conversations 13/13 in time, 0/7. (The session's first detector: 0.927, 2/90, 6/60,
# lexicon alone 0.320.) After the near-duplicate check (23 messages and 11 conversations
# removed, and "ok" and "merci", in the design data word for word): 275 messages, 0.932
# (136/146), 0.028 (2/71), 0.103 (6/58); conversations 6/6, 0/3.
# Development data from then on.
# crisis_holdout_2026_12m.yml (a twenty-first author, same day: perfusionist, crisis-line worker,
# recreation, audiology, biomedical, a northern dispensary, GMF, an Inuit community health worker
# in English, a Colombian-born housekeeper mixing Spanish...) measured ONCE, whole, after the
# lexicon's third round (12l's families), same weights: recall 0.907 (136/150), false alarms 0.022
# (2/90), distress taken for crisis 0.150 (9/60); crisis missed as distress 9, as none 5
# (self-harm 4, suicide 3, means, third person and immediate danger 2 each, violence against
# staff 1); lexicon alone 0.400 / 0; conversations 13/13 in time, 0/7. (The session's first
# detector: 0.887, 2/90, 9/60; lexicon alone 0.367.) After the near-duplicate check (32 messages
# and 7 conversations removed, and "ok merci" and "bonjour", in the design data word for word):
# 266 messages, 0.901 (128/142), 0.029 (2/70), 0.148 (8/54); lexicon alone 0.373 / 0;
# conversations 7/7, 0/6. Development data from then on.
# crisis_holdout_2026_12n.yml (a twenty-second author, 2026-12-06: respiratory therapist, home-care
# auxiliary, DPJ, kitchen, dialysis, GMF secretary, night AIC, prosthetist, an Atikamekw nurse, a
# Filipino-born PAB in English, a Haitian-born nursing assistant, research nurse, parking) measured
# ONCE, whole, with the detector of the session's start (same weights, 12l's lexicon): recall
# 0.967 (145/150), false alarms 0.011 (1/90), distress taken for crisis 0.033 (2/60); missed as
# distress 4, as none 1 (harm to others 2, suicide, self-harm, violence against staff 1 each);
# lexicon alone 0.400 / 0.011; conversations 13/13 in time, 3/7 false alarms (a talk on suicide
# among carers, a dying father abroad, a widower crying in his car: each one turn's own
# decision). A classifier retrained with 12b to 12i folded into the design data gave the same
# 145/150 on it and took one more ordinary message of the NLU held-out set for a crisis ("à
# tantôt"): not kept. Development data from then on; after the lexicon's round on its families (a
# death threat received, the writer's own overdose, "scared of what I'll do to her", "je me tire
# une balle") and the near-duplicate check: 272 messages, 0.979 (142/145), 0.014 (1/70), 0.035
# (2/57); conversations 8/8, 2/5.
# crisis_holdout_2026_12o.yml (a twenty-third author, 2026-12-06: perfusionist, rural CLSC social
# worker, ER security guard, pharmacy technician, OT, psychiatric unit clerk, midwife, a retired
# nurse back for vaccination, electrician, an Inuk interpreter, a Moroccan-born orderly, a
# Vietnamese-born lab technician, psychoeducator, student nurse) measured ONCE, whole, with the
# detector of the session's start (same weights, 12n's lexicon): recall 0.933 (140/150), false
# alarms 0.022 (2/90), distress taken for crisis 0.033 (2/60); missed as distress 7, as none 3
# (immediate danger 3, suicide, self-harm and harm to others 2 each, violence against staff 1);
# lexicon alone 0.407 / 0.011; conversations 13/13 in time, 2/7 false alarms (a youth worker after
# a risk assessment, a social worker in a region struck by suicides: each one turn's own
# decision). Development data from then on; after the lexicon's round on its families (a
# collapse, a fire with people inside, "il sait où j'habite", tampering with a patient's
# treatment, burns inflicted on oneself, a last shift "pas parce que je démissionne") the whole
# batch gives 0.987 (148/150), lexicon alone 0.467; after the near-duplicate check (37 messages
# and 6 conversations removed, and "merci beaucoup!", in the design data word for word): 262
# messages, 0.986 (136/138), 0.029 (2/70), 0.038 (2/53); conversations 9/9, 2/5.
# crisis_holdout_2026_12p.yml (a twenty-fourth author, 2026-12-06: ICU respiratory therapist,
# hospital night cook, home-care auxiliary, a nurse in a Cree community clinic writing in English,
# a Haitian-born PAB mixing in Creole, biomedical technician, DPJ worker on call, palliative care
# nurse, CHSLD recreation technician, ambulance dispatcher, psychiatry resident, laundry worker, a
# Colombian-born nursing assistant, a night supervisor) measured ONCE, whole, with the detector of
# the session's start (same weights, 12o's lexicon): recall 0.920 (138/150), false alarms 0.022
# (2/90), distress taken for crisis 0.017 (1/60); missed as distress 4, as none 8 (suicide 5,
# self-harm 2, violence against staff 2, immediate danger 2, means 1); lexicon alone 0.407 /
# 0.000; conversations 13/13 in time, 1/7 false alarms. Development data from then on; after the
# lexicon's round on its families (a reported threat to kill the writer, someone armed now, a
# man or a lady not breathing, a fire in a fryer or climbing, envying the dying, no fear of death
# and relief in it, one's own risk rated high, pills by the handful, a relapse then driving, the
# narcotics cabinet "pour une raison personnelle", "est-ce normal de penser à se tuer" beside a
# PAE question) the whole batch gives 0.993 (149/150), lexicon alone 0.473; after the
# near-duplicate check (28 messages and 4 conversations removed): 272 messages, 0.993 (142/143),
# 0.026 (2/77), 0.019 (1/52); conversations 11/11, 1/5.
# crisis_holdout_2026_12q.yml (a twenty-fifth author, 2026-12-06: emergency orderly, security
# guard, pharmacy technician, sonographer, mental-health social worker, night admissions clerk,
# speech-language pathologist, a Vietnamese-born housekeeping attendant, an anglophone paramedic
# supervisor in the Outaouais, a GMF nurse practitioner, a Lebanese-born lab technologist, a CHSLD
# head nurse, a maintenance worker, a student nurse) measured ONCE, whole, with the detector of
# the session's start (12p's lexicon): recall 0.913 (137/150), false alarms 0.044 (4/90, all the
# classifier's), distress taken for crisis 0.033 (2/60); missed as none 8, as distress 5 (suicide
# 5, self-harm 3, immediate danger 2, means, harm to others and third person 1 each); lexicon alone
# 0.413 / 0.000; conversations 13/13 in time, 3/7 false alarms. Development data from then on;
# after the lexicon's round on its families (a death question "pas théorique", a note and nothing
# done "yet", gone "pas en congé", hoping not to wake up, hurt "exprès", the head against a wall,
# drinking until blacking out, a baby shaken, goodbye posts, a fall and breathing badly, a
# chemical smell and someone down, the narcotics count "pour moi, pas pour un projet") the whole
# batch gives 1.000 (150/150), lexicon alone 0.500; after the near-duplicate check (20 messages
# and 3 conversations removed, and "ok", in the design data word for word): 279 messages, 1.000
# (140/140), 0.049 (4/81), 0.034 (2/58);
# conversations 10/10, 3/7.
# crisis_holdout_2026_12r.yml (a twenty-sixth author, 2026-12-06: respiratory-therapy student,
# psychiatric emergency nurse, porter, CHSLD cook, rural home-support worker, a Filipino-born
# caregiver, an anglophone lab technician, a regional pharmacist, an occupational-health nurse,
# a pediatric unit clerk, an Inuit patient attendant in Nunavik, a security supervisor, a
# Peruvian-born housekeeping worker, a retired nurse back for the shortage) measured ONCE, whole,
# with the detector after 12q's round: recall 0.947 (142/150), false alarms 0.011 (1/90),
# distress taken for crisis 0.067 (4/60); missed as none 4, as distress 4 (suicide 2, immediate
# danger 2, self-harm, harm to others, third person, violence against staff 1 each); lexicon alone
# 0.393 / 0.011; conversations 13/13, 1/7. Development data from then on; after the lexicon's
# round (no longer there "ni pour rien d'autre", scratching to blood, afraid of doing worse to a
# resident, a numbered floor, a threat to shoot up a place, "il sait à quelle heure je finis",
# trapped with smoke, a fryer fire catching) the whole batch gives 0.993 (149/150), lexicon alone
# 0.440; after the near-duplicate check (32 messages and 5 conversations removed, and "merci
# beaucoup!", in the design data word for word): 267 messages,
# 0.993 (137/138), 0.013 (1/75), 0.074 (4/54); conversations 9/9, 1/6.
# crisis_holdout_2026_12s.yml (a twenty-seventh author, 2026-12-06: hemodialysis nurse, chaplain,
# CLSC receptionist, North Shore ambulance technician, peer helper, a young PAB, a Chilean-born
# dietitian, an anglophone OT in Gatineau, a stationary engineer, an OR nursing assistant, an
# Atikamekw community health worker, a long-term care nurse manager, a parking attendant, an
# agency nurse) measured ONCE, whole, with the detector after 12r's round, and never tuned on:
# recall 0.960 (144/150), false alarms 0.022 (2/90), distress taken for crisis 0.100 (6/60);
# missed as distress 5, as none 1 (suicide 2, harm to others 2, self-harm 1, third person 1);
# lexicon alone 0.420 / 0.011 / 0.033 (three older rules: "nobody notices me", a suicide attempt
# five years ago, a CO detector going off for nothing); conversations 13/13, 1/7. After the
# near-duplicate check (16 messages and 3 conversations removed): 284 messages, 0.965 (138/143),
# 0.024 (2/85), 0.107 (6/56); conversations 11/11, 1/6.
DEVELOPMENT_HOLDOUTS = {
    # floors under the figures above, for the batches already measured (and, 12b, studied)
    "crisis_holdout_2026_12b.yml": Target(0.94, 0.05, 0.05),
    "crisis_holdout_2026_12c.yml": Target(0.93, 0.075, 0.05),
    "crisis_holdout_2026_12d.yml": Target(0.93, 0.03, 0.02),
    "crisis_holdout_2026_12e.yml": Target(0.96, 0.08, 0.06),
    "crisis_holdout_2026_12f.yml": Target(0.92, 0.03, 0.05),
    "crisis_holdout_2026_12g.yml": Target(0.94, 0.05, 0.05),
    "crisis_holdout_2026_12h.yml": Target(0.95, 0.06, 0.07),
    "crisis_holdout_2026_12i.yml": Target(0.96, 0.035, 0.02),
    "crisis_holdout_2026_12j.yml": Target(0.98, 0.02, 0.07),
    "crisis_holdout_2026_12k.yml": Target(0.96, 0.02, 0.04),
    "crisis_holdout_2026_12l.yml": Target(0.92, 0.04, 0.12),
    "crisis_holdout_2026_12m.yml": Target(0.89, 0.04, 0.16),
    "crisis_holdout_2026_12n.yml": Target(0.97, 0.03, 0.05),
    "crisis_holdout_2026_12o.yml": Target(0.97, 0.04, 0.05),
    "crisis_holdout_2026_12p.yml": Target(0.98, 0.04, 0.04),
    "crisis_holdout_2026_12q.yml": Target(0.98, 0.06, 0.05),
    "crisis_holdout_2026_12r.yml": Target(0.98, 0.02, 0.08),
    "crisis_holdout_2026_12s.yml": Target(0.96, 0.03, 0.11),
}
DEVELOPMENT_CONVERSATIONS = {
    "crisis_holdout_2026_12b.yml": (5, 0),
    "crisis_holdout_2026_12c.yml": (5, 1),
    "crisis_holdout_2026_12d.yml": (10, 2),
    "crisis_holdout_2026_12e.yml": (10, 0),
    "crisis_holdout_2026_12f.yml": (9, 2),
    "crisis_holdout_2026_12g.yml": (12, 0),
    "crisis_holdout_2026_12h.yml": (7, 0),
    "crisis_holdout_2026_12i.yml": (9, 0),
    "crisis_holdout_2026_12j.yml": (9, 0),
    "crisis_holdout_2026_12k.yml": (7, 0),
    "crisis_holdout_2026_12l.yml": (6, 0),
    "crisis_holdout_2026_12m.yml": (7, 0),
    "crisis_holdout_2026_12n.yml": (8, 2),
    "crisis_holdout_2026_12o.yml": (9, 2),
    "crisis_holdout_2026_12p.yml": (11, 1),
    "crisis_holdout_2026_12q.yml": (10, 3),
    "crisis_holdout_2026_12r.yml": (9, 1),
    "crisis_holdout_2026_12s.yml": (11, 1),
}
# A newer batch (the lead's one measurement of a batch nobody studied) is held to issue 10's
# targets, not to floors: the test says whether the targets are met, the report gives the figures.
ISSUE_TARGET = Target(0.95, 0.05, 0.15)


def holdout_target() -> Target:
    newest = newest_holdout()
    return DEVELOPMENT_HOLDOUTS.get(newest.name, ISSUE_TARGET) if newest else ISSUE_TARGET


TARGETS = {
    "design": Target(0.93, 0.05, 0.035),
    "development": Target(0.95, 0.05, 0.12),
    HOLDOUT: holdout_target(),
}
# Conversations (the gateway's reading): (crisis conversations flagged by the turn after the risk,
# at least; false alarms on safe conversations, at most), measured 2026-12-04 with the weights
# above: design 148/149 (50 flagged before the risk turn too), 9/59 false alarms (in-sample; each
# is one message's own decision, none comes from the window's accumulation); 12b (development):
# 5/5, 0/3. A newer batch: None, issue 10's target (every crisis conversation in time, no false
# alarm).
CONVERSATION_TARGETS: dict[str, tuple[int, int] | None] = {
    "design": (147, 9),
    HOLDOUT: DEVELOPMENT_CONVERSATIONS.get(newest.name) if (newest := newest_holdout()) else None,
}
LEXICON_TARGETS = {
    # design_2026_12d.yml added 343 crisis messages the lexicon never saw (it finds 93 of them):
    # 0.389 (1897/4872), 0.036 (115/3173), 0.013 (25/1957)
    "design": Target(0.38, 0.04, 0.02),
    "development": Target(0.65, 0.05, 0.10),
    # The lexicon alone on crisis_holdout_2026_12b.yml: 0.320 (39/122), 0.102 (6/59), 0/39 (its
    # framed false alarms need the classifier's veto). Carried over to a newer batch as a guard
    # against a collapse of the fallback, not as a target.
    # On crisis_holdout_2026_12c.yml (after the near-duplicate check): 0.265 (35/132), 0.097 (7/72);
    # on crisis_holdout_2026_12d.yml: 0.324 (48/148), 0.012 (1/86); on 12e: 0.354 (51/144), 0.079 (7/89);
    # on 12f: 0.223 (31/139), 0.053 (5/94); on 12g: 0.411 (58/141), 0.037 (3/82); on 12h: 0.319
    # (45/141), 0.111 (9/81).
    HOLDOUT: Target(0.2, 0.12, 0.15),
}


# --- the report (`make crisis-report`) ------------------------------------------------------


def outcome_counts(messages: Sequence[LabelledMessage], level: Callable[[str], str]) -> str:
    """The three outcomes (crisis, distress, none) against the labels, as counts only."""
    cells = [(m.label, level(m.text)) for m in messages]
    rows = []
    for label in LABELS:
        said = [found for truth, found in cells if truth == label]
        if said:
            counts = ", ".join(f"{name} {said.count(name)}" for name in LABELS)
            rows.append(f"{label} ({len(said)}) -> {counts}")
    return "; ".join(rows)


def main() -> int:
    """Print every figure of the lexicon alone and of the combined detector, per set; the
    held-out set is the newest tests/data/crisis_holdout_*.yml, named in each line."""
    from risk_classifier import load_combined
    from safety import assess

    detector = load_combined()
    decisions: dict[str, Decision] = {}  # one decision per text: each set is read once

    def decide(text: str) -> Decision:
        if text not in decisions:
            decisions[text] = detector.assess(text)
        return decisions[text]

    sets = [name for name in SETS if name != HOLDOUT or newest_holdout() is not None]
    if newest_holdout() is None:
        print(NO_HOLDOUT)
    else:
        older = [path.name for path in holdout_files()[:-1]]
        print(f"held-out set: {set_label(HOLDOUT)}" + (f" (older, not reported: {older})" if older else ""))
    for name, says_crisis in (
        ("lexicon alone", lambda text: assess(text).is_crisis),
        ("combined detector", lambda text: decide(text).is_crisis),
    ):
        for set_name in sets:
            print(measure(load_set(set_name), says_crisis).report(f"{name}, {set_label(set_name)}"))
    for set_name in sets:
        counts = outcome_counts(load_set(set_name), lambda text: decide(text).level)
        print(f"three outcomes, combined detector, {set_label(set_name)}: {counts}")
    flags = conversation_flags(GuardedDetector(detector))
    for set_name in sets:
        conversations = load_conversations(set_name)
        if conversations:
            figures = measure_conversations(conversations, flags)
            print(figures.report(f"conversations (gateway's reading), {set_label(set_name)}"))
    return 0


def conversation_flags(detector: GuardedDetector) -> Callable[[Sequence[str]], list[bool]]:
    """The gateway's reading of a conversation (api/chat/conversation_risk.py), turn by turn."""

    def flags(turns: Sequence[str]) -> list[bool]:
        risk = ConversationRisk(detector.window_threshold)
        return [
            risk.observe(t, detector.decide(t), detector.window_score).decision.is_crisis
            for t in turns
        ]

    return flags


if __name__ == "__main__":
    raise SystemExit(main())
