"""The HTML of GET /indicateurs: the sign-in form, and the dashboard (built from dashboard.py's
already-suppressed data). No script at all; the style sheet is /indicateurs/style.css."""

from __future__ import annotations

from html import escape
from typing import Any

from api.indicators.charts import bar_chart, topic_bars
from api.indicators.dashboard import HANDOFFS, WEEKS
from indicators.suppression import SUPPRESSED_LABEL

TOPIC_NAMES = {
    "pae": "PAE",
    "bqvt": "BQVT",
    "confidentialite": "Confidentialité",
    "crise": "Crise",
    "ecoute": "Écoute",
    "gestionnaire": "Gestionnaires",
    "medecins": "Médecins",
    "relations_de_travail": "Relations de travail",
    "sante_au_travail": "Santé au travail",
}


def _layout(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/indicateurs/style.css"></head>
<body><header><p class="brand">Relais : indicateurs pour le BQVT</p></header>
<main id="contenu">{body}</main>
<footer><p>Données agrégées et anonymes, par semaine. Toute valeur inférieure à 5 est masquée
({SUPPRESSED_LABEL}).</p></footer></body></html>
"""


def sign_in_page(error: str | None = None) -> str:
    alert = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return _layout(
        "Connexion : indicateurs Relais",
        f"""<h1>Connexion</h1>
<p>Cette page est réservée aux responsables du bureau de la qualité de vie au travail (BQVT).
Les intervenants utilisent la console, qui a ses propres clés.</p>{alert}
<form method="post" action="/indicateurs/connexion">
<p><label for="name">Nom</label><br><input id="name" name="name" autocomplete="username" required maxlength="64"></p>
<p><label for="key">Clé</label><br><input id="key" name="key" type="password" autocomplete="current-password" required maxlength="200"></p>
<p><button type="submit">Se connecter</button></p></form>""",
    )


def _topic(slug: str) -> str:
    return TOPIC_NAMES.get(slug, slug)


def dashboard_page(data: dict[str, Any], lead: str, scope_names: list[str]) -> str:
    weeks = data["weeks"]
    totals = data["totals"]

    def total(name: str) -> str:
        value = totals.get(name)
        return SUPPRESSED_LABEL if value is None else str(value)

    charts = [
        bar_chart(
            "topics-weekly", "Conversations commencées par semaine",
            "Nombre de conversations commencées chaque semaine; les semaines sous 5 sont masquées.",
            weeks, [("Conversations", data["conversations"])],
        ),
        topic_bars(
            "topics", f"Thèmes abordés ({WEEKS} dernières semaines)",
            [(_topic(t["topic"]), t["conversations"]) for t in data["topics"]],
        ),
        bar_chart(
            "answer-rate", "Taux de réponse (questions répondues avec confiance)",
            "Part des questions répondues avec confiance, par semaine, en pourcentage.",
            weeks, [("Taux de réponse", data["answer_rate"])], unit="%", maximum=100.0,
        ),
        bar_chart(
            "handoffs", "Demandes d'aide humaine par semaine",
            "Lignes d'aide montrées, rappels demandés et clavardages demandés, par semaine.",
            weeks, [(label, data["handoffs"][key]) for key, _, label in HANDOFFS],
        ),
        bar_chart(
            "crisis", "Réponses de crise envoyées par semaine",
            "Nombre de réponses de crise envoyées chaque semaine.",
            weeks, [("Réponses de crise", data["crisis_replies"])],
        ),
    ]  # fmt: skip
    articles = "".join(
        f'<tr><td>{escape(a["title"])}</td><td class="n">{a["no"]}</td>'
        f'<td class="n">{SUPPRESSED_LABEL if a["yes"] is None else a["yes"]}</td></tr>'
        for a in data["articles_most_no"]
    )
    articles_block = (
        "<table><caption>Articles jugés inutiles le plus souvent</caption><thead><tr>"
        '<th scope="col">Article</th><th scope="col">« Non »</th><th scope="col">« Oui »</th>'
        f"</tr></thead><tbody>{articles}</tbody></table>"
        if articles
        else "<p>Aucun article n'a reçu 5 « non » ou plus pendant cette période.</p>"
    )
    if not data["unanswered_enabled"]:
        clusters_block = (
            "<p>La liste des questions sans réponse est désactivée pour vos établissements. "
            "Elle s'active établissement par établissement, à la demande du BQVT.</p>"
        )
    elif not data["unanswered_clusters"]:
        clusters_block = (
            "<p>Aucun groupe d'au moins 5 questions sans réponse pendant cette période.</p>"
        )
    else:
        clusters_block = "".join(
            f'<section class="cluster"><h3>{escape(c["title"] or "Aucun article proche")} '
            f'<span class="count">({c["questions"]} questions)</span></h3><ul>'
            + "".join(f"<li>{escape(text)}</li>" for text in c["examples"])
            + "</ul></section>"
            for c in data["unanswered_clusters"]
        )
    scope = ", ".join(escape(name) for name in scope_names)
    body = f"""<div class="bar"><p>Connecté : <strong>{escape(lead)}</strong>. Établissements : {scope}.</p>
<form method="post" action="/indicateurs/deconnexion"><button type="submit">Se déconnecter</button></form></div>
<h1>Indicateurs des {WEEKS} dernières semaines</h1>
<p>Du {escape(weeks[0])} au {escape(weeks[-1])}.</p>
<ul class="totals">
<li><span class="big">{total("conversations")}</span> conversations</li>
<li><span class="big">{total("answered")}</span> questions répondues avec confiance</li>
<li><span class="big">{total("unsure")}</span> réponses incertaines</li>
<li><span class="big">{total("out_of_scope")}</span> questions hors sujet</li>
<li><span class="big">{total("crisis_replies")}</span> réponses de crise</li>
</ul>
<h2>Graphiques</h2>
{"".join(charts)}
<h2>Articles à revoir</h2>
{articles_block}
<h2>Questions sans réponse, par article le plus proche</h2>
<p>Textes caviardés, sans lien avec une conversation; jamais un message de crise ou de détresse.
Seuls les groupes d'au moins 5 questions sont montrés.</p>
{clusters_block}"""
    return _layout("Indicateurs Relais", body)


STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
header{background:#123f6b;color:#fff;padding:.6rem 1.2rem}.brand{margin:0;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem 1.2rem}footer{max-width:60rem;margin:0 auto;padding:0 1.2rem 2rem;color:#444}
.bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
.totals{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}.totals li{border:1px solid #c8c8c8;border-radius:6px;padding:.5rem .8rem}
.big{display:block;font-size:1.6rem;font-weight:700}
.chart{margin:1rem 0 2rem}.chart svg{width:100%;height:auto;max-width:640px}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}.n{text-align:right}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.error{color:#a1001c;font-weight:600}.cluster ul{margin-top:.2rem}.count{font-weight:400;color:#444}
button{font:inherit;padding:.35rem .9rem;border:1px solid #123f6b;background:#123f6b;color:#fff;border-radius:4px;cursor:pointer}
input{font:inherit;padding:.3rem;border:1px solid #666;border-radius:4px;min-width:16rem}
:focus-visible{outline:3px solid #b3531a;outline-offset:2px}
"""
