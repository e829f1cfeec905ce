"""The rule registry and CONTRIBUTING.md's tables of check messages (Russian and English) say the same:
every rule the check reports, with its severity, and the anchor a link to the rule's row lands on."""

import re
from pathlib import Path

import pytest

from policy import rules
from policy.rules import RULES, WARNING, Rule

CONTRIBUTING = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
TABLES = {"ru": ("### 4. Сообщения проверки", "предупреждение"), "en": ("### 4. Check messages", "warning")}
ROW = re.compile(r'^\| (?:<a id="(?P<anchor>[^"]+)"></a>)?`(?P<id>[^`]+)`(?: \((?P<warning>[^)]+)\))? \|', re.M)


def rows(lang: str) -> list[re.Match]:
    """The rows of a language's table: from its section's heading to the next heading."""
    heading, _ = TABLES[lang]
    section = CONTRIBUTING.split(heading, 1)[1].split("\n#", 1)[0]
    return list(ROW.finditer(section))


@pytest.mark.parametrize("lang", TABLES)
def test_the_table_lists_every_rule_in_the_registry_order_with_its_severity(lang):
    _, marker = TABLES[lang]
    listed = [(row["id"], row["warning"]) for row in rows(lang)]
    assert listed == [(rule.id, marker if rule.severity == WARNING else None) for rule in RULES]


def test_every_rule_has_its_anchor_on_its_row_of_the_russian_table():
    """The editors' language: a rule's link (CONTRIBUTING.md#rule-…) lands on its row."""
    assert [(row["anchor"], row["id"]) for row in rows("ru")] == [(rule.anchor, rule.id) for rule in RULES]
    assert all(CONTRIBUTING.count(f'id="{rule.anchor}"') == 1 for rule in RULES)


def test_every_rule_of_the_module_is_registered_once():
    defined = [value for value in vars(rules).values() if isinstance(value, Rule)]
    assert sorted(defined, key=str) == sorted(RULES, key=str)
    assert len({rule.id for rule in RULES}) == len(RULES)
