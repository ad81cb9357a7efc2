"""The records of the Crimea 2014 dataset: the vote on A/RES/68/262 and the year's sanctions.

The vote is the roll call of the unvotes tables (CC0), shipped beside this module as
``unvotes-5309/`` and read by :func:`sanctions_tracker.read_un_votes`; the members of
the UN absent from it are recorded as absent. Every regime, act and alignment names the
page addresses it comes from. ``docs/crimea-2014.md`` says where sources disagree.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import attrs

from sanctions_tracker import blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets._crimea_others import act, others, regime, united_states
from sanctions_tracker.records import (
    Alignment,
    JointStatement,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)
from sanctions_tracker.votes import read_un_votes

__all__ = ["RESOLUTION", "build"]

RESOLUTION = "A/RES/68/262"
_VOTES_FOLDER = "unvotes-5309"
_UN_MEMBERS = "https://www.un.org/en/about-us/member-states"

_UNVOTES = "https://github.com/dgrtwo/unvotes (un_votes, rcid 5309)"
_UN_PRESS = (
    "before-war-after.com/en/news/27-march-2014-general-assembly-adopts-resolution-"
    "calling-upon-states-not-to-recognize-changes-in-status-of-crimea-region"
)
_XINHUA = "global.chinadaily.com.cn/usa/world/2014-03/28/content_17386864.htm"
_LATVIA = (
    "mfa.gov.lv/en/news/latest-news/13653-foreign-ministry-welcomes-un-general-assembly-"
    "resolution-on-territorial-integrity-of-ukraine"
)
_ABSENT = "https://en.wikipedia.org/wiki/United_Nations_General_Assembly_Resolution_68/262"
_AGAINST = "de.zxc.wiki/wiki/Resolution_68/262_der_UN-Generalversammlung"


def _vote() -> JointStatement:
    """The roll call as the unvotes tables give it, and the members absent from it.

    The tables list only the members that voted; every other member of the UN on the
    day (the ``UN`` bloc's membership) is recorded as absent, which is no position.
    """
    folder = Path(str(resources.files(__package__).joinpath(_VOTES_FOLDER)))
    roll_call = read_un_votes(folder).document(RESOLUTION)
    voted = [attrs.evolve(s, sources=(RESOLUTION, _UNVOTES)) for s in roll_call.signatures]
    day = roll_call.date.first
    members = blocs.get("UN").members_on(day)
    absent = sorted(members - {s.party for s in voted if isinstance(s.party, Country)})
    signatures = voted + [
        Signature(member, vote="absent", sources=(RESOLUTION, _UNVOTES, _UN_MEMBERS, _ABSENT))
        for member in absent
    ]
    note = (
        "The roll call is the unvotes tables' (rcid 5309): 100 for, 11 against, 58 "
        "abstentions, as the UN's press release (GA/11493) and Xinhua give them. The 24 "
        "members of the UN on the day who are not in the roll call are recorded as absent, "
        "no position: 193 members less the 169 who voted, as Wikipedia counts them."
    )
    return JointStatement(
        id=RESOLUTION,
        title="Territorial integrity of Ukraine",
        issued_on=day,
        subject="UA",
        signatures=signatures,
        issuer="UN General Assembly",
        forum="UN General Assembly, 68th session, 80th plenary meeting",
        sources=(RESOLUTION, "GA/11493", _UN_PRESS, _XINHUA, _LATVIA, _ABSENT, _AGAINST),
        note=note,
    )


_EU_DECISION = "Council Decision 2014/145/CFSP; Council Regulation (EU) No 269/2014"
_EU_OJ = "eumonitor.eu/9353000/1/j9vvik7m1c3gyxp/vji865c1njx4"
_TASS_EU = "tass.com/world/724864"
_EU_SECTORAL = "Council Decision 2014/512/CFSP; Council Regulation (EU) No 833/2014"
_LEX_SECTORAL = "lexology.com/library/detail.aspx?g=2082c2cd-6ff8-44d4-992e-b73269f0b104"
_OSBORNE = "osborneclarke.com/insights/sanctions-briefing-update-ukraine-and-russia-19-sep-2014/"


def _european_union() -> tuple[list[SanctionsRegime], list[SanctionsAction]]:
    regimes = [
        regime(
            "EU-UKR",
            "EU restrictive measures in respect of actions undermining the territorial "
            "integrity of Ukraine",
            "EU",
            _EU_DECISION,
            "2014-03-17",
            (_EU_OJ, "eurlexa.com/act/en/32024R1493/present/text"),
            measures=["asset freeze", "travel ban"],
            note=(
                "The OpenSanctions key EU-UKR also covers Decision 2014/119/CFSP (former "
                "Ukrainian officials, misappropriation of state funds), which is not a "
                "sanction on Russia and is left out."
            ),
        ),
        regime(
            "EU-RUS",
            "EU restrictive measures in view of Russia's actions destabilising the "
            "situation in Ukraine",
            "EU",
            _EU_SECTORAL,
            "2014-07-31",
            (_LEX_SECTORAL, "legislation.gov.uk/eudn/2014/512/data.xml"),
            measures=["financial restrictions", "arms embargo", "export control"],
            note=(
                "Published on 2014-07-31 (Lexology); Mondaq counts the sectoral sanctions "
                "from 2014-08-01, the day after which new securities of the listed banks "
                "are caught. The data dates the regime by its act."
            ),
        ),
    ]
    u = "EU-UKR"
    actions = [
        act(
            u,
            "2014-03-17",
            _EU_DECISION,
            21,
            (_EU_OJ, _TASS_EU, "conoscereeurasia.it/notizie/consiglio-dellunione-europea/"),
            kind="establish",
            note="First list: 21 persons (8 Crimean, 13 Russian).",
        ),
        act(
            u,
            "2014-03-21",
            _EU_DECISION,
            12,
            (
                _TASS_EU,
                "en.ria.ru/russia/20140321/188642751.html",
                "cnn.com/2014/03/21/business/russia-eu-sanction-dos-santos/",
            ),
            note="12 more, 33 in all; in force on publication.",
        ),
        act(
            u,
            "2014-04-29",
            _EU_DECISION,
            15,
            (
                "euobserver.com/article/123955",
                "edition.cnn.com/2014/04/29/world/europe/ukraine-crisis/",
                (
                    "inquirer.com/philly/news/nation_world/20140430_EU_adds_15__including_key_Russi"
                    "a_leaders__to_Ukraine_sanctions_list.html"
                ),
            ),
            note=(
                "15 more, 48 in all; agreed on 2014-04-28 (Inquirer), published on 2014-04-29, the "
                "date the data follows."
            ),
        ),
        act(
            u,
            "2014-05-12",
            "Council Regulations (EU) No 476/2014 and No 477/2014",
            15,
            (
                "lexology.com/library/detail.aspx?g=b7a2fe01-1fa2-4ae4-a026-7eaa4db36ca7",
                "concorde.ua/eu-adds-13-people-two-firms-to-russian-sanctions-list-2",
            ),
            note=(
                "13 persons and the first 2 entities (Chernomorneftegaz, Feodosia): 61 persons in "
                "all."
            ),
        ),
        act(
            u,
            "2014-07-12",
            _EU_DECISION,
            11,
            (
                (
                    "breitbart.com/national-security/2014/07/13/eu-slaps-sanctions-on-separatist-le"
                    "aders-in-east-ukraine/"
                ),
                (
                    "csmonitor.com/World/Latest-News-Wires/2014/0712/EU-extends-sanctions-against-l"
                    "eaders-of-Ukraine-s-pro-Russian-movement"
                ),
            ),
            note="11 persons, 72 in all.",
        ),
        act(
            u,
            "2014-07-25",
            "Council Regulations (EU) No 810/2014 and No 811/2014",
            33,
            (
                "lexology.com/library/detail.aspx?g=4a9cfb47-6a0b-46c1-ae20-4e59b2b3305f",
                (
                    "watoday.com.au/breaking-news-world/eu-sanctions-top-russia-officials-20140728-"
                    "3co6p.html"
                ),
                (
                    "lecourrier.vn/ukraine-lue-sanctionne-les-chefs-des-services-de-renseignement-r"
                    "usses/44860.html"
                ),
            ),
            note=(
                "15 persons and 18 entities: 87 persons, 20 entities in all. Regulation 811/2014 "
                "is effective from 2014-07-25 (Lexology), the date the data follows; WAtoday and "
                "Le Courrier date the publication to Saturday 2014-07-26."
            ),
        ),
        act(
            u,
            "2014-07-30",
            _EU_DECISION,
            11,
            (
                (
                    "uaposition.com/latest-news/eus-black-list-expanded-to-95-individuals-and-23-en"
                    "tities/"
                ),
                "eububble.eu/eus-further-sanctions-over-situation-in-ukraine",
            ),
            note="8 persons and 3 entities: 95 persons, 23 entities in all.",
        ),
        act(
            u,
            "2014-09-12",
            _EU_DECISION,
            24,
            (
                _OSBORNE,
                (
                    "yorkshirepost.co.uk/news/world/banks-arms-firms-and-oil-targeted-russian-sanct"
                    "ions-1834973"
                ),
            ),
            note="24 persons: 119 persons, 23 entities in all.",
        ),
        act(
            u,
            "2014-11-29",
            _EU_DECISION,
            18,
            (
                "in.reuters.com/article/ukraine-crisis-sanctions-idINL6N0TI3AG20141129",
                "rferl.org/a/eu-expands-sanctions-on-ukraine-separatists/26716531.html",
            ),
            note=(
                "13 persons and 5 entities (132 persons, 28 entities in all); decided by the "
                "ambassadors on 2014-11-27, published on 2014-11-29."
            ),
        ),
        act(
            "EU-RUS",
            "2014-07-31",
            _EU_SECTORAL,
            None,
            (_LEX_SECTORAL,),
            kind="establish",
            note=(
                "Capital-market restrictions on Sberbank, VTB, Gazprombank, VEB and Rosselkhozbank;"
                " arms, dual-use and oil-technology measures."
            ),
        ),
        act(
            "EU-RUS",
            "2014-09-12",
            "Council Regulation (EU) No 960/2014",
            None,
            (_OSBORNE, "lithuaniatribune.com/eu-sanctions-on-russia-stall/"),
            note=(
                "Adopted on 2014-09-08, in force on 2014-09-12 (financial restrictions from "
                "2014-09-13): Rosneft, Transneft, Gazprom Neft and nine defence firms."
            ),
        ),
    ]
    return regimes, actions


_PRAVDA = "pravda.com.ua/news/2014/04/11/7022162/"
_ZN = (
    "zn.ua/ukr/amp/UKRAINE/chornogoriya-islandiya-albani"
    "ya-i-norvegiya-pidtrimayut-sankciyi-yes-141518_.html"
)
_RBC = "rbc.ua/rus/news/eshche-5-evropeyskih-stran-prisoedinilis-k-sanktsiyam-protiv-26052014202100"
_FIVE_UA = (
    "5.ua/svit/ukraina-ta-shche-riad-derzhav-pryiednal"
    "ysia-do-ievropeiskykh-sanktsii-proty-rf-58792.html"
)


def _alignments() -> list[Alignment]:
    april = [
        Alignment(
            country,
            "EU-UKR",
            "2014-04-11",
            act="Council Decision 2014/145/CFSP",
            note=(
                "Declaration by the High Representative released in Brussels on 2014-04-11, as "
                "reported; its English text was not found."
            ),
            sources=(_PRAVDA, _ZN),
        )
        for country in ("ME", "IS", "AL", "NO", "UA")
    ]
    may = Alignment(
        "LI",
        "EU-UKR",
        "2014-05-26",
        act="Council Decision 2014/145/CFSP, as amended",
        note=(
            "Reported on 2014-05-26 with Albania, Iceland, Norway and Montenegro; which amending "
            "decision is not certain."
        ),
        sources=(
            _RBC,
            (
                "uainfo.org/blognews/329423-esche-pyat-evropeyskih-stran-vveli-sankcii-protiv-rossi"
                "i.html"
            ),
        ),
    )
    september = [
        Alignment(
            country,
            "EU-RUS",
            "2014-09",
            act="Council Regulation (EU) No 960/2014 and the listings of 2014-09-12",
            note=(
                "The declaration's date is not in the report; it follows the package of 2014-09-12."
            ),
            sources=(_FIVE_UA,),
        )
        for country in ("UA", "ME", "IS", "AL", "LI", "NO")
    ]
    return [*april, may, *september]


_CRIMEA = ("UA-43", "UA-40")  # the Autonomous Republic of Crimea and Sevastopol
_EURLEX_OJ = "eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L:2014:183:FULL&from=GA"
_DATAVERSE = "dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/0EGYWY"
_EURLEX_CONSOLIDATED = (
    "eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02014D0386-20150621&from=EN"
)
_NORWAY_CRIMEA = (
    "regjeringen.no/nb/aktuelt/EU-erklaring-om-restriktive-tiltak-mot-varer-som-har-"
    "opphav-fra-Krim-eller-Sevastopol/id2000801/"
)


def _regions() -> tuple[list[SanctionsRegime], list[SanctionsAction], list[Alignment]]:
    """The 2014 measures on Crimea and Sevastopol as regions: never against Ukraine."""
    region_note = "A regime on a region of Ukraine, not on Ukraine."
    regimes = [
        SanctionsRegime(
            "EU-CRIMEA",
            "EU restrictive measures in response to the illegal annexation of Crimea and "
            "Sevastopol",
            "EU",
            targets=_CRIMEA,
            legal_basis="Council Decision 2014/386/CFSP; Council Regulation (EU) No 692/2014",
            measures=["import restrictions", "investment ban", "services ban"],
            established_on="2014-06-23",
            sources=(_EURLEX_OJ, _DATAVERSE),
            note=f"Project-made id: the OpenSanctions registry has no key for it. {region_note}",
        ),
        SanctionsRegime(
            "US-CRIMEA",
            "US sanctions with respect to the Crimea region of Ukraine",
            "US",
            target="UA-43",
            legal_basis="Executive Order 13685",
            measures=["import restrictions", "investment ban", "asset freeze"],
            established_on="2014-12-19",
            sources=(
                (
                    "morganlewis.com/pubs/2015/01/president-obama-s-new-executive-order-blocks-trad"
                    "e-to-crimea"
                ),
                "executivedisorder.net/executive_order/544",
            ),
            note=(
                "Project-made id: OpenSanctions folds E.O. 13685 into US-UKRRUS-REL. "
                "Effective at 3:30 pm eastern time on 2014-12-19; one source says "
                f"2014-12-18. {region_note}"
            ),
        ),
    ]
    actions = [
        act(
            "EU-CRIMEA",
            "2014-06-23",
            "Council Decision 2014/386/CFSP; Council Regulation (EU) No 692/2014",
            None,
            (
                _EURLEX_OJ,
                (
                    "news.biharprabha.com/2014/06/eu-bans-import-from-crimea-and-sevastopol-from-ju"
                    "ne-25"
                ),
            ),
            kind="establish",
            note=(
                "Ban on imports of goods originating in Crimea or Sevastopol from 2014-06-25, "
                "unless certified by Ukraine; published on 2014-06-24."
            ),
        ),
        act(
            "EU-CRIMEA",
            "2014-07-30",
            "Council Decision 2014/507/CFSP",
            None,
            (_DATAVERSE, _EURLEX_CONSOLIDATED),
            note=(
                "Ban on new investment in transport, telecoms, energy infrastructure, oil, gas and "
                "minerals."
            ),
        ),
        act(
            "EU-CRIMEA",
            "2014-12-18",
            "Council Decision 2014/933/CFSP",
            None,
            (
                _EURLEX_CONSOLIDATED,
                "eeas.europa.eu/archives/delegations/japan/en/resources/news-from-the-eu/news2014/20141218/104509/index.html",
            ),
            note=(
                "Investment ban, tourism services, export bans; published on 2014-12-19, in force "
                "on 2014-12-20."
            ),
        ),
        act(
            "US-CRIMEA",
            "2014-12-19",
            "Executive Order 13685",
            0,
            ("lexology.com/library/detail.aspx?g=0adf48ad-03f1-4c12-be52-8517b540c1d7",),
            kind="establish",
            note="Bans on new investment, imports, exports and facilitation; no designations yet.",
        ),
    ]
    alignments = [
        Alignment(
            country,
            "EU-CRIMEA",
            "2014-08",
            act="Council Decisions 2014/386/CFSP and 2014/507/CFSP",
            note=(
                "The declaration as Norway's government prints it is headed '20 JULY 2014', "
                "impossible for a decision of 30 July; Norway joined on 20 August. The data "
                "dates the alignment to August 2014. The rest of the list is not in the page read."
            ),
            sources=(_NORWAY_CRIMEA,),
        )
        for country in ("IS", "AL", "NO")
    ]
    return regimes, actions, alignments


def build() -> Dataset:
    """The whole dataset: the vote, the regimes against Russia and on Crimea, acts, alignments."""
    regimes, actions = [], []
    for part in (_european_union, united_states, others):
        found_regimes, found_actions = part()
        regimes += found_regimes
        actions += found_actions
    region_regimes, region_actions, region_alignments = _regions()
    return Dataset(
        statements=[_vote()],
        regimes=regimes + region_regimes,
        actions=actions + region_actions,
        alignments=_alignments() + region_alignments,
    )
