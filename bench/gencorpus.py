#!/usr/bin/env python3
"""Write a synthetic portfolio for planfolio's benchmarks and large-input tests.

    python3 bench/gencorpus.py OUT --plans N [--seed S] [--today YYYY-MM-DD] [--hugo SITE]

OUT gets N remediation plans in OUT/plans/, N/2 drift investigations in
OUT/investigations/ and N/2 fairness assessments in OUT/assessments/ (at
least one of each). Every plan is written on the team's remediation plan
template: its Assessment Information, interventions, a phase table, a
responsibility table, validation, rollback and an approval table, with
front matter that agrees with it. Investigations and assessments carry
metrics in their front matter and a table in their body. Ids follow the
sample's conventions (FAF-YYYY-MM-NNN, DIR-YYYY-NNNN, RP-YYYY-NNNN).

The portfolio builds without a diagnostic as of --today (default
2026-11-24): every reference resolves to a document about the same system,
no signature is dated after today, and the Assessment Information agrees
with the front matter. Some plans supersede an earlier plan of their
investigation, some phases are overdue, some plans are partly signed, so
the site's status pages have something to show.

The same seed, N and today always give the same bytes. With --hugo, SITE
gets a minimal Hugo site (config, three layouts, content/ holding the same
files), so Hugo can be timed on the same documents (bench/run.py).

Python 3.9 or later, standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------
# vocabulary: systems with the domain they belong to, and the people who
# own, build and sign off on them

SYSTEMS = [
    ("Mortgage Affordability Scorer", "lending"), ("Small Business Credit Line Model", "lending"),
    ("Overdraft Limit Engine", "lending"), ("Buy Now Pay Later Approver", "lending"),
    ("Graduate Hiring Screener", "hiring"), ("Warehouse Shift Scheduler", "hiring"),
    ("Internal Promotion Recommender", "hiring"), ("Contractor Rate Estimator", "hiring"),
    ("Emergency Department Triage Aid", "health"), ("Sepsis Early Warning Score", "health"),
    ("Outpatient No-Show Predictor", "health"), ("Home Care Allocation Model", "health"),
    ("Motor Claims Fast Track", "insurance"), ("Home Insurance Pricing Model", "insurance"),
    ("Travel Policy Fraud Flagger", "insurance"), ("Pet Insurance Renewal Model", "insurance"),
    ("Housing Benefit Review Selector", "public sector"), ("School Place Allocation Assistant", "public sector"),
    ("Parking Fine Appeal Sorter", "public sector"), ("Library Outreach Targeting", "public sector"),
    ("Customer Complaint Router", "service"), ("Call Centre Callback Prioritiser", "service"),
    ("Identity Document Checker", "service"), ("Account Closure Risk Model", "service"),
]

GROUPS = [
    "applicants aged 18-24", "applicants aged 65 and over", "women", "men", "non-binary applicants",
    "applicants declaring a disability", "Black applicants", "Asian applicants", "applicants of mixed ethnicity",
    "rural postcodes", "applicants with thin credit files", "non-native English speakers",
    "part-time workers", "single-parent households", "applicants with a career break",
]

# (metric name, threshold, which side is good) — "ratio" metrics must stay at
# or above the threshold, the others at or below it (planfolio's default).
METRICS = [
    ("disparate impact ratio", 0.8, "min"),
    ("equal opportunity difference", 0.05, "max"),
    ("false positive rate gap", 0.04, "max"),
    ("demographic parity difference", 0.1, "max"),
    ("calibration gap", 0.03, "max"),
    ("selection rate ratio", 0.85, "min"),
]

GIVEN = ["Aisha", "Bram", "Carmen", "Dmitri", "Efua", "Farid", "Greta", "Hamza", "Ines", "Jun",
         "Kofi", "Leila", "Mateo", "Nadia", "Oskar", "Pilar", "Quentin", "Rania", "Soren", "Tamar",
         "Uche", "Vera", "Wen", "Ximena", "Yusuf", "Zofia"]
FAMILY = ["Abara", "Bianchi", "Castellanos", "Dufresne", "Eriksen", "Fitzgerald", "Gonçalves", "Hadid",
          "Ivanova", "Jaramillo", "Kowalski", "Lindqvist", "Mbeki", "Nakamura", "O'Connell", "Petrov",
          "Quispe", "Rahman", "Schäfer", "Takahashi", "Uddin", "Varga", "Whitfield", "Yilmaz", "Zeller"]

ROLES_OWNING = ["Head of Model Risk", "ML Platform Lead", "Product Owner", "Data Science Manager",
                "Responsible AI Lead", "Analytics Director"]
ROLES_DOING = ["Senior Data Scientist", "ML Engineer", "Data Analyst", "Fairness Analyst"]
TEAMS = ["Model Risk", "ML Platform", "Responsible AI", "Data Engineering", "Product Analytics", "MLOps"]

APPROVAL_ROLES = ["Plan Owner", "Technical Lead", "Fairness Assessment Lead",
                  "System Owner/Product Manager", "Compliance Officer (if applicable)"]
PHASES = ["Design/Prep", "Development", "Testing", "Deployment"]

CAUSES = [
    ("a vendor changed how it codes {feature}", "Upstream data change"),
    ("the retraining window dropped the months before {event}", "Training window shift"),
    ("{feature} started to stand in for {group}", "Proxy feature"),
    ("labels for {group} arrive weeks later than for everyone else", "Label delay"),
    ("a new intake channel brought in far more {group}", "Population shift"),
    ("the decision threshold was tuned on the overall population only", "Threshold tuning"),
]
FEATURES = ["postcode affluence band", "employment gap length", "device type", "time since last contact",
            "payment method", "free-text length", "branch region", "referral source", "account tenure"]
EVENTS = ["the spring tariff change", "the migration to the new core system", "the call-centre merger",
          "the switch to online forms", "the summer hiring freeze", "the regulatory reporting change"]
FIXES = [
    ("Reweight the training data", "Give {group} their population share of weight in training, and keep the weights in the feature store."),
    ("Per-group threshold review", "Recalibrate the decision threshold on a holdout that is balanced across {group} and the rest."),
    ("Remove the proxy feature", "Drop {feature} from the model and retrain on the last twelve months."),
    ("Fairness gate in retraining", "Block the promotion of any retrained model whose {metric} for {group} is past its threshold."),
    ("Backfill delayed labels", "Wait for labels to mature before a record enters training, so {group} are not under-counted."),
    ("Monitoring by group", "Report {metric} for {group} every week instead of the overall score distribution alone."),
]


def person(r: random.Random) -> str:
    return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"


def iso(day: dt.date) -> str:
    return day.isoformat()


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------
# the documents, as plain values first, so the references are settled
# before a word is written

@dataclass
class Assessment:
    id: str
    system: str
    domain: str
    date: dt.date
    owner: str
    metrics: list  # of (name, group, value, threshold, baseline)


@dataclass
class Investigation:
    id: str
    assessment: Assessment
    date: dt.date
    owner: str
    group: str
    cause: tuple
    feature: str
    event: str
    metrics: list


@dataclass
class Plan:
    id: str
    investigation: Investigation
    date: dt.date
    owner: str
    supersedes: "Plan | None" = None
    updated: "dt.date | None" = None
    superseded: bool = False
    interventions: list = field(default_factory=list)


def measured(r: random.Random, group: str, breach: bool) -> tuple:
    name, threshold, side = r.choice(METRICS)
    if side == "min":
        value = r.uniform(0.6, threshold - 0.02) if breach else r.uniform(threshold + 0.01, 1.0)
        baseline = r.uniform(threshold + 0.02, 1.0)
    else:
        value = r.uniform(threshold + 0.005, threshold * 3) if breach else r.uniform(0.0, threshold - 0.005)
        baseline = r.uniform(threshold * 0.1, threshold * 0.6)
    return (name, group, round(value, 3), threshold, round(baseline, 3))


def plan_documents(r: random.Random, plans: int, today: dt.date):
    count = max(1, plans // 2)
    assessments, investigations, portfolio = [], [], []
    for n in range(1, count + 1):
        system, domain = r.choice(SYSTEMS)
        day = today - dt.timedelta(days=r.randint(90, 730))
        groups = r.sample(GROUPS, 3)
        metrics = [measured(r, groups[0], breach=True)] + [measured(r, g, breach=r.random() < 0.3) for g in groups[1:]]
        assessments.append(Assessment(f"FAF-{day.year}-{day.month:02d}-{n:03d}", system, domain, day,
                                      f"{person(r)} ({r.choice(ROLES_OWNING)})", metrics))
    for n, assessment in enumerate(assessments, start=1):
        day = assessment.date + dt.timedelta(days=r.randint(2, 21))
        group = assessment.metrics[0][1]
        metrics = [assessment.metrics[0][:2] + (round(assessment.metrics[0][2] * r.uniform(0.97, 1.03), 3),) + assessment.metrics[0][3:],
                   measured(r, group, breach=r.random() < 0.5)]
        investigations.append(Investigation(f"DIR-{day.year}-{n:04d}", assessment, day,
                                            f"{person(r)} ({r.choice(ROLES_DOING)})", group, r.choice(CAUSES),
                                            r.choice(FEATURES), r.choice(EVENTS), metrics))
    # Plans take the investigations in turn; the second plan for an
    # investigation supersedes the first one time in eight.
    latest: dict[str, Plan] = {}
    for n in range(1, plans + 1):
        investigation = investigations[(n - 1) % count]
        earlier = latest.get(investigation.id)
        start = (earlier.date if earlier else investigation.date) + dt.timedelta(days=r.randint(3, 40))
        day = min(start, today - dt.timedelta(days=1))
        plan = Plan(f"RP-{day.year}-{n:04d}", investigation, day, f"{person(r)} ({r.choice(ROLES_OWNING)})")
        if earlier and not earlier.superseded and r.random() < 0.125:
            plan.supersedes = earlier
            earlier.superseded = True
        if r.random() < 0.2 and (today - day).days > 20:
            plan.updated = day + dt.timedelta(days=r.randint(5, min(60, (today - day).days - 1)))
        latest[investigation.id] = plan
        portfolio.append(plan)
    return assessments, investigations, portfolio


# --------------------------------------------------------------------------
# writing: front matter and Markdown bodies

def front_matter(pairs: list) -> str:
    lines = ["---"]
    for key, value in pairs:
        if value is None:
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for entry in value:
                for i, (k, v) in enumerate(entry.items()):
                    lines.append(("  - " if i == 0 else "    ") + f"{k}: {v}")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {item}" for item in value)
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def metric_entries(metrics: list) -> list:
    return [{"name": name, "group": quoted(group), "value": value, "threshold": threshold, "baseline": baseline}
            for name, group, value, threshold, baseline in metrics]


def breached(metric: tuple) -> bool:
    name, _, value, threshold, _ = metric
    return value < threshold if "ratio" in name.split() else value > threshold


def write_assessment(r: random.Random, a: Assessment) -> str:
    rows = "\n".join(f"| {name} | {group} | {value} | {threshold} | {baseline} | {'breach' if breached((name, group, value, threshold, baseline)) else 'within'} |"
                     for name, group, value, threshold, baseline in a.metrics)
    worst = a.metrics[0]
    body = f"""# Fairness assessment of the {a.system}

## Scope

This assessment covers the {a.system} as it ran in production during the
quarter before {iso(a.date)}. It compares outcomes for {len(a.metrics)} groups
with those of everyone else, using the monitoring extract of the {a.domain}
data warehouse and the decisions the model made in that period.

The reference period is the quarter in which the model was last approved.
Groups are taken from self-declared monitoring data; records without it
(about {r.randint(8, 30)}% of the period) are left out of the group figures.

## Findings

| Metric | Group | Value | Threshold | Baseline | Result |
|---|---|---|---|---|---|
{rows}

The {worst[0]} for {worst[1]} is **{worst[2]}** against a threshold of
{worst[3]}; it was {worst[4]} at the last approval. The change is larger
than the quarter-to-quarter variation of the last two years, so it is
treated as drift rather than noise.

## Recommendation

Open a drift investigation into the {worst[0]} for {worst[1]} and keep the
current model in service while it runs. Until a remediation plan is
approved, decisions for this group get a second review by the
{r.choice(TEAMS)} team.
"""
    fm = front_matter([("kind", "assessment"), ("id", a.id),
                       ("title", quoted(f"Fairness assessment of the {a.system}, {iso(a.date)[:7]}")),
                       ("system", a.system), ("date", iso(a.date)), ("owner", quoted(a.owner)),
                       ("tags", [a.domain, "quarterly review"]), ("metrics", metric_entries(a.metrics))])
    return fm + body


def write_investigation(r: random.Random, i: Investigation) -> str:
    cause = i.cause[0].format(feature=i.feature, group=i.group, event=i.event)
    before, after = i.metrics[0][4], i.metrics[0][2]
    weeks = [(i.date - dt.timedelta(days=7 * k)) for k in (12, 8, 4, 0)]
    steps = [round(before + (after - before) * f, 3) for f in (0.1, 0.4, 0.8, 1.0)]
    trend = "\n".join(f"| {iso(day)} | {value} |" for day, value in zip(weeks, steps))
    body = f"""# Drift investigation {i.id}: {i.assessment.system}

Raised by {i.assessment.id}, which found the {i.metrics[0][0]} for
{i.group} past its threshold.

## What drifted

The {i.metrics[0][0]} for {i.group} moved from {before} to {after} over
twelve weeks. Overall accuracy did not move, which is why the score
monitoring stayed quiet: the change is confined to one group.

| Week ending | {i.metrics[0][0]} |
|---|---|
{trend}

## Root causes

1. **{i.cause[1]}**: {cause}.
2. **Monitoring gap**: the weekly report shows the overall score
   distribution only, so a shift for one group does not raise an alert.
3. **No fairness check in retraining**: the last retrain was promoted on
   accuracy alone.

## Evidence

```text
{i.metrics[0][0]} ({i.group}): baseline {before} -> current {after}
{i.metrics[1][0]} ({i.metrics[1][1]}): {i.metrics[1][2]} (threshold {i.metrics[1][3]})
```

The extract was re-run by a second analyst on {iso(i.date)} and gave the
same figures. *{i.feature.capitalize()}* explains most of the change when
it is held fixed at its old distribution.
"""
    fm = front_matter([("kind", "investigation"), ("id", i.id),
                       ("title", quoted(f"{i.cause[1]} in the {i.assessment.system} for {i.group}")),
                       ("system", i.assessment.system), ("date", iso(i.date)), ("owner", quoted(i.owner)),
                       ("assessment", i.assessment.id), ("tags", [i.assessment.domain, i.cause[1].lower()]),
                       ("metrics", metric_entries(i.metrics))])
    return fm + body


def slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else ("-" if c in " -" else "") for c in text)
    return "-".join(part for part in out.split("-") if part)


def write_plan(r: random.Random, p: Plan, today: dt.date) -> str:
    i, a = p.investigation, p.investigation.assessment
    metric = i.metrics[0]
    owner_name = p.owner.split(" (")[0]
    fixes = r.sample(FIXES, r.randint(1, 3))
    words = {"group": i.group, "feature": i.feature, "metric": metric[0]}

    interventions, toc = [], []
    for n, (name, what) in enumerate(fixes, start=1):
        toc.append(f"    - [Intervention {n}: {name}](#intervention-{n}-{slug(name)})")
        target = p.date + dt.timedelta(days=r.randint(30, 160))
        interventions.append(f"""### Intervention {n}: {name}

**Description**: {what.format(**words)} The change is made in the
{r.choice(TEAMS)} pipeline and reviewed like any model change.

**Targeted Bias Source(s)**: {i.cause[1]} (root cause 1 of {i.id}).

**Expected Impact**:

- **On Fairness Metrics**: {metric[0]} for {i.group} back within {metric[3]}.
- **On Performance Metrics**: AUC within 0.5 points of the approved model.
- **On Business Metrics**: No change to overall approval volume.

**Implementation Details**:

- **Technical Steps**: Change the feature view, retrain, compare with the current model on the same month.
- **Code/Configuration Changes**: `models/{slug(a.system)}/train.py`, `models/{slug(a.system)}/features.yaml`.
- **Resources Required**: One {r.choice(ROLES_DOING).lower()} for {r.randint(2, 6)} weeks.

**Timeline**:

- **Estimated Duration**: {r.randint(2, 10)} weeks
- **Target Completion Date**: {iso(target)}

**Risk Assessment**:

- **Potential Negative Consequences**: Other features may carry part of the same signal.
- **Mitigation for Risks**: A proxy check of every remaining feature against {i.group} before release.
""")

    # Phases: deadlines one after another from the plan date; done while in the past, mostly.
    with_start = r.random() < 0.5
    deadline, rows = p.date, []
    lagging = r.random() < 0.15
    for n, phase in enumerate(PHASES, start=1):
        begin = deadline
        deadline = deadline + dt.timedelta(days=r.randint(14, 45))
        if deadline < today:
            status = "in progress" if lagging and n >= 3 else "done"
        elif begin < today:
            status = "in progress"
        else:
            status = "planned"
        cells = [f"Phase {n}: {phase}", f"{phase} work for {i.group}", f"{phase} sign-off note"]
        if with_start:
            cells.append(iso(begin))
        cells += [iso(deadline), person(r), status]
        rows.append("| " + " | ".join(cells) + " |")
    header = ["Phase", "Key Activities", "Deliverable"] + (["Start"] if with_start else []) + ["Deadline", "Owner", "Status"]
    phase_table = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n" + "\n".join(rows)

    # Approval: signed in turn after the plan date, never after today; some plans wait for signatures.
    signed = len(APPROVAL_ROLES) if r.random() < 0.6 else r.randint(0, len(APPROVAL_ROLES) - 1)
    approvals = []
    for n, role in enumerate(APPROVAL_ROLES):
        who = owner_name if n == 0 else person(r)
        on = p.date + dt.timedelta(days=r.randint(1, 12))
        if role.startswith("Compliance") and r.random() < 0.4:
            approvals.append(f"| {role} | | | |")
        elif n < signed and on <= today:
            approvals.append(f"| {role} | {who} | /s/ {who} | {iso(on)} |")
        else:
            approvals.append(f"| {role} | {who} | | |")

    earlier = f" It replaces {p.supersedes.id}, whose interventions did not hold." if p.supersedes else ""
    body = f"""# Fairness Drift Remediation Plan

## Table of Contents

- [Assessment Information](#assessment-information)
- [Problem Summary](#problem-summary)
- [Remediation Goals](#remediation-goals)
- [Proposed Intervention(s)](#proposed-interventions)
{chr(10).join(toc)}
- [Implementation Plan](#implementation-plan)
    - [Phases and Milestones](#phases-and-milestones)
    - [Responsibilities](#responsibilities)
- [Validation Strategy](#validation-strategy)
    - [Pre-Deployment Validation](#pre-deployment-validation)
    - [Post-Deployment Validation](#post-deployment-validation)
- [Rollback Plan](#rollback-plan)
    - [Rollback Criteria](#rollback-criteria)
    - [Rollback Procedure](#rollback-procedure)
    - [Rollback Owner](#rollback-owner)
- [Communication Plan](#communication-plan)
- [Approval](#approval)

## Assessment Information

- **System Name**: {a.system}
- **Assessment ID**: {a.id}
- **Remediation Plan ID**: {p.id}
- **Related Investigation ID**: {i.id}
- **Date**: {iso(p.date)}
- **Plan Owner**: {p.owner}

## Problem Summary

{i.id} found that {i.cause[0].format(**words, event=i.event)}. {a.id}
measured a {metric[0]} of {metric[2]} for {i.group}, against a threshold of
{metric[3]} and a baseline of {metric[4]}. Decisions for the group have had
a second review since the assessment, which costs the {r.choice(TEAMS)} team
about {r.randint(4, 30)} hours a week.{earlier}

## Remediation Goals

1. {metric[0].capitalize()} for {i.group} within {metric[3]} on every monthly report.
2. No other monitored group moves past its threshold.
3. Overall AUC at least {round(r.uniform(0.72, 0.9), 2)} on the holdout month.

## Proposed Intervention(s)

{chr(10).join(interventions)}
## Implementation Plan

### Phases and Milestones

{phase_table}

### Responsibilities

| Role | Name/Team | Responsibility |
|---|---|---|
| Developer | {person(r)}, {r.choice(TEAMS)} | Implement the changes |
| QA Tester | {person(r)}, {r.choice(TEAMS)} | Validate fairness and performance |
| MLOps Engineer | {person(r)}, {r.choice(TEAMS)} | Release and monitoring |

## Validation Strategy

### Pre-Deployment Validation

- **Offline Testing**: Score the last three months with the new and the current model side by side.
- **Fairness Metrics**: {metric[0]} and {i.metrics[1][0]} for every monitored group.
- **Performance Metrics**: AUC, precision at the operating threshold.
- **Acceptance Criteria**: Goals 1 to 3 met on the holdout month.

### Post-Deployment Validation

- **A/B Testing or Canary Release**: {r.choice([5, 10, 20])}% of traffic for two weeks, then everyone.
- **Monitoring Plan**: Weekly {metric[0]} by group on the monitoring dashboard.
- **Success Metrics**: Goals 1 and 2 met in each monthly report.
- **Validation Period**: {r.randint(4, 12)} weeks after full rollout

## Rollback Plan

### Rollback Criteria

Any monitored group past its threshold in two weekly reports in a row, or
AUC more than two points below the approved model.

### Rollback Procedure

1. Switch the scoring service back to the approved model version.
2. Restore the second review for {i.group} the same day.
3. Record the rollback and its cause in the model change log.

### Rollback Owner

{person(r)}, MLOps on-call.

## Communication Plan

- Fortnightly update to the model risk committee.
- The {a.domain} operations leads are told of each release a week ahead.

## Approval

| Role | Name | Signature | Date |
|---|---|---|---|
{chr(10).join(approvals)}
"""
    fm = front_matter([("kind", "plan"), ("id", p.id),
                       ("title", quoted(f"Remediate {i.cause[1].lower()} in the {a.system}")),
                       ("system", a.system), ("date", iso(p.date)),
                       ("updated", iso(p.updated) if p.updated else None), ("owner", quoted(p.owner)),
                       ("assessment", a.id), ("investigation", i.id),
                       ("supersedes", p.supersedes.id if p.supersedes else None),
                       ("tags", ["fairness", a.domain])])
    return fm + body


# --------------------------------------------------------------------------
# the Hugo twin

HUGO_CONFIG = """baseURL = "https://portfolio.example/"
title = "Remediation portfolio"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_BASEOF = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="/">Portfolio</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.id }} · {{ .Params.system }} · {{ .Params.owner }}</p>
{{ with .Params.assessment }}<p>Assessment <a href="/assessments/{{ lower . }}/">{{ . }}</a></p>{{ end }}
{{ with .Params.investigation }}<p>Investigation <a href="/investigations/{{ lower . }}/">{{ . }}</a></p>{{ end }}
{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><table>
{{ range .Pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Params.id }}</a></td><td>{{ .Title }}</td><td>{{ .Params.system }}</td></tr>
{{ end }}</table>{{ end }}
"""


def write_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder for the portfolio (made if missing)")
    parser.add_argument("--plans", type=int, default=100, help="number of plans, N (default 100)")
    parser.add_argument("--seed", type=int, default=16, help="random seed (default 16)")
    parser.add_argument("--today", default="2026-11-24", help="the build date the portfolio is consistent with")
    parser.add_argument("--hugo", help="also write a Hugo site of the same documents here")
    args = parser.parse_args(argv)
    if args.plans < 1:
        parser.error("--plans must be at least 1")
    try:
        today = dt.date.fromisoformat(args.today)
    except ValueError:
        parser.error(f"--today must be YYYY-MM-DD, got {args.today!r}")

    r = random.Random(args.seed)
    assessments, investigations, plans = plan_documents(r, args.plans, today)
    documents = [("assessments", a.id, write_assessment(r, a)) for a in assessments]
    documents += [("investigations", i.id, write_investigation(r, i)) for i in investigations]
    documents += [("plans", p.id, write_plan(r, p, today)) for p in plans]

    out = Path(args.out)
    for folder, ident, text in documents:
        write_file(out / folder / f"{ident}.md", text)
    if args.hugo:
        site = Path(args.hugo)
        write_file(site / "config.toml", HUGO_CONFIG)
        write_file(site / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
        write_file(site / "layouts" / "_default" / "single.html", HUGO_SINGLE)
        write_file(site / "layouts" / "_default" / "list.html", HUGO_LIST)
        write_file(site / "layouts" / "index.html", HUGO_LIST)
        for folder, ident, text in documents:
            write_file(site / "content" / folder / f"{ident}.md", text)
    size = sum(len(text.encode()) for _, _, text in documents)
    print(f"{len(documents)} documents, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
