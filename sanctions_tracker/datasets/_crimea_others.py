"""The 2014 regimes against Russia outside the EU, and the helpers all of them are built with.

Every regime and act names the page addresses or document symbols it comes from;
``docs/crimea-2014.md`` says where sources disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sanctions_tracker.records import (
    ActionKind,
    Designation,
    Measure,
    SanctionsAction,
    SanctionsRegime,
)

__all__ = ["act", "others", "regime", "united_states"]


def regime(
    id: str,
    name: str,
    authority: str,
    legal_basis: str,
    established_on: str,
    sources: Iterable[str],
    *,
    measures: Iterable[Measure] = (),
    note: str = "",
) -> SanctionsRegime:
    """A regime against Russia."""
    return SanctionsRegime(
        id,
        name,
        authority,
        target="RU",
        legal_basis=legal_basis,
        measures=list(measures),
        established_on=established_on,
        sources=tuple(sources),
        note=note,
    )


def act(
    regime: str,
    date: str,
    legal_reference: str,
    listed: int | Sequence[Designation] | None,
    sources: Iterable[str],
    *,
    kind: ActionKind = "amend",
    note: str = "",
) -> SanctionsAction:
    """An act of a regime with its listings: the designations it makes, or their count
    when the sources give only that (or none)."""
    return SanctionsAction(
        regime=regime,
        date=date,
        kind=kind,
        legal_reference=legal_reference,
        designations=[] if isinstance(listed, int | None) else [d.id for d in listed],
        designation_count=listed if isinstance(listed, int | None) else len(listed),
        note=note,
        sources=tuple(sources),
    )


_LEX_13661 = "lexology.com/library/detail.aspx?g=c23b113a-6d3d-4702-aac6-ed1185cd8b50"
_OFAC_RULE = "federal.elaws.us/fr/notice/5/8/2014/2014-10576"
_CROWELL_JULY = (
    "crowell.com/NewsEvents/AlertsNewsletters/all/New-US-Sectoral-Sanctions-on-Russian-"
    "Energy-and-Finance-Sectors-and-the-Prospect-of-New-EU-Sanctions"
)
_NORTON = (
    "nortonrosefulbright.com/knowledge/publications/119028/"
    "us-imposes-new-sanctions-and-export-controls-on-russia"
)
_GIBSON_US = (
    "gibsondunn.com/publications/Pages/US-Treasury-Dept-Imposes-Additional-Sanctions--"
    "Russian-Entities-in-FinancialServices--Energy-Sectors-UkraineCrisis.aspx"
)


def united_states() -> tuple[list[SanctionsRegime], list[SanctionsAction]]:
    """The United States' two regimes and their acts of 2014."""
    r, ssi = "US-UKRRUS-REL", "US-SSI"
    regimes = [
        regime(
            r,
            "US Ukraine-/Russia-related sanctions",
            "US",
            (
                "Executive Orders 13660, 13661 and 13662; Ukraine-Related Sanctions Regulations (31"
                " CFR part 589)"
            ),
            "2014-03-06",
            (_OFAC_RULE, "lexology.com/library/detail.aspx?g=f020ab22-a090-408e-bb93-f4209633bd94"),
            measures=["asset freeze", "travel ban"],
            note="E.O. 13660 was signed on 2014-03-06 and published on 2014-03-10 (79 FR 13493).",
        ),
        regime(
            ssi,
            "US Sectoral Sanctions Identifications list",
            "US",
            "Executive Order 13662, Directives 1 to 4",
            "2014-07-16",
            (_CROWELL_JULY,),
            measures=["financial restrictions"],
        ),
    ]
    actions = [
        act(
            r,
            "2014-03-06",
            "Executive Order 13660",
            0,
            (_OFAC_RULE,),
            kind="establish",
            note="A national emergency and blocking authority; no one designated in the order.",
        ),
        act(
            r,
            "2014-03-17",
            "Executive Orders 13660 and 13661",
            11,
            (_LEX_13661, "insurereinsure.com/2014/03/18/"),
            note=(
                "Seven officials in the annex of E.O. 13661 and four persons under E.O. 13660. One "
                "source dates E.O. 13661 to 2014-03-16; the data follows the first designations, "
                "2014-03-17."
            ),
        ),
        act(
            r,
            "2014-03-20",
            "Executive Orders 13661 and 13662",
            21,
            (
                "lexology.com/library/detail.aspx?g=2999201f-f0a4-4fb4-9d50-f1e85c036bc4",
                "lexology.com/library/detail.aspx?g=27fdebaf-6be9-469a-bc11-0bc5fdb18df3",
            ),
            note=(
                "20 officials and Bank Rossiya (two sources); one source counts 21 persons (16 "
                "officials, 5 of the inner circle) and the bank. The data follows 20 and the bank."
            ),
        ),
        act(
            r,
            "2014-04-28",
            "Executive Order 13661",
            24,
            (
                (
                    "crowell.com/en/insights/client-alerts/new-russia-ukraine-sanctions-the-g-7-res"
                    "ponds-to-perceived-violations-of-the-geneva-accords"
                ),
                (
                    "thehindu.com/news/international/world/us-imposes-sanctions-on-7-russian-offici"
                    "als/article5956702.ece"
                ),
            ),
            note="7 persons and 17 entities.",
        ),
        act(
            r,
            "2014-07-16",
            "Executive Order 13661",
            16,
            (_CROWELL_JULY,),
            note="5 persons and 11 entities blocked.",
        ),
        act(
            r,
            "2014-07-29",
            "Executive Order 13661",
            1,
            (_NORTON,),
            note="United Shipbuilding Corporation.",
        ),
        act(
            r,
            "2014-09-12",
            "Executive Orders 13660 and 13661",
            None,
            (_GIBSON_US,),
            note="More listings; 'over 90' persons and entities on the list to date (Gibson Dunn).",
        ),
        act(
            r,
            "2014-12-19",
            "Executive Orders 13660 and 13661",
            24,
            ("thescarbroughgroup.com/white-house-restricts-u-s-trade-crimea/",),
            note="24 separatists and the militias or entities they lead or support.",
        ),
        act(
            ssi,
            "2014-07-16",
            "Executive Order 13662, Directives 1 and 2",
            4,
            (_CROWELL_JULY,),
            kind="establish",
            note="VEB and Gazprombank (Directive 1), Rosneft and Novatek (Directive 2).",
        ),
        act(
            ssi,
            "2014-07-29",
            "Executive Order 13662, Directive 1",
            3,
            (_NORTON,),
            note="Bank of Moscow, Russian Agricultural Bank, VTB Bank.",
        ),
        act(
            ssi,
            "2014-09-12",
            "Executive Order 13662, Directives 1 to 4",
            None,
            (_GIBSON_US,),
            note="Directive 1 amended; Directives 3 (defence) and 4 (oil) added.",
        ),
    ]
    return regimes, actions


def _gazette(path: str) -> str:
    return f"gazette.gc.ca/rp-pr/p2/2014/{path}"


def others() -> tuple[list[SanctionsRegime], list[SanctionsAction]]:
    """Canada's, Australia's, Japan's, Norway's, Switzerland's, New Zealand's, Ukraine's."""
    ca, au, jp, no, ch, nz, ua = (
        "CA-RUS",
        "AU-UKRAINE",
        "JP-RUS",
        "NO-RUS",
        "SECO-UKRAINE",
        "NZ-RUS",
        "UA-SA1644",
    )
    gibson_jp = (
        "gibsondunn.com/publications/Pages/Recent-Japanese-Government-Sanctions-on-Russia.aspx"
    )
    admin_ch = "news.admin.ch/message/index.html?lang=de&msg-id=52530"
    regimes = [
        regime(
            ca,
            "Special Economic Measures (Russia) Regulations",
            "CA",
            (
                "Special Economic Measures (Russia) Regulations, SOR/2014-58, Special Economic "
                "Measures Act"
            ),
            "2014-03-17",
            ("laws.justice.gc.ca/eng/regulations/sor-2014-58/page-1.html",),
            measures=["asset freeze", "travel ban"],
            note=(
                "Project-made id: OpenSanctions has one key (CA-SEMA) for all Canadian SEMA "
                "regulations. Canada's Special Economic Measures (Ukraine) Regulations of the same "
                "day list persons in Ukraine and are left out."
            ),
        ),
        regime(
            au,
            "Autonomous sanctions: Ukraine",
            "AU",
            (
                "Autonomous Sanctions (Designated Persons and Entities and Declared Persons - "
                "Ukraine) List 2014"
            ),
            "2014-06-19",
            (
                "lexology.com/library/detail.aspx?g=234e0c53-d590-48a7-9b47-3a6a5b6f34ea",
                "dfat.gov.au/sanctions/sanctions-regimes/ukraine.html",
            ),
            measures=["asset freeze", "travel ban"],
            note=(
                "Announced on 2014-03-19 (12 persons, names withheld); the first listings were in "
                "force on 2014-06-19, the date the data follows. The OpenSanctions registry names "
                "the list '- Russia and Ukraine', a later title."
            ),
        ),
        regime(
            jp,
            "Japanese measures against Russia",
            "JP",
            "Foreign Exchange and Foreign Trade Act",
            "2014-03-18",
            (gibson_jp,),
            measures=["travel ban", "asset freeze", "export control", "other"],
            note=(
                "Project-made id: OpenSanctions has no Japanese programme. The measures of "
                "2014-03-18 were diplomatic (visa-easing talks suspended, negotiations frozen)."
            ),
        ),
        regime(
            no,
            "Norwegian restrictive measures regarding Russia and Ukraine",
            "NO",
            (
                "Regulations on restrictive measures (FOR 2014-03-21-301, replaced by FOR "
                "2014-08-15-1076)"
            ),
            "2014-03",
            (
                (
                    "regjeringen.no/no/dokumentarkiv/regjeringen-solberg/aktuelt-regjeringen-solber"
                    "g/ud/pressemeldinger/2014/tiltak-ukraina/id753686/"
                ),
                "global-regulation.com/translation/norway/5963684/",
            ),
            measures=["asset freeze", "travel ban"],
            note=(
                "Project-made id. Announced on 2014-03-18; the regulation's own date appears only "
                "as 'FOR 2014-03-21-301' in a later regulation's metadata, so the data dates it to "
                "March 2014."
            ),
        ),
        regime(
            ch,
            "Swiss measures to prevent the circumvention of sanctions in connection with Ukraine",
            "CH",
            (
                "Ordinance on measures to prevent the circumvention of international sanctions in "
                "connection with the situation in Ukraine"
            ),
            "2014-04-02",
            (admin_ch,),
            measures=["financial restrictions", "other"],
            note=(
                "Switzerland decided on 2014-04-02 not to adopt the EU's sanctions but to prevent "
                "their circumvention: no new business relations with the listed persons, no asset "
                "freeze. The data counts these measures as a regime against Russia, as the "
                "OpenSanctions registry does (its key, SECO-UKRAINE, has target ru)."
            ),
        ),
        regime(
            nz,
            "New Zealand travel bans over Ukraine",
            "NZ",
            "travel bans (no act number found)",
            "2014-03-23",
            (
                "stuff.co.nz/national/politics/9858964/NZ-joins-in-personal-sanctions-over-Crimea",
                "nbr.co.nz/article/sanctions-russia-soon-key-ck-153625",
            ),
            measures=["travel ban"],
            note=(
                "Project-made id (NZ-RSA2022 is the Russia Sanctions Act 2022). Travel bans only: "
                "New Zealand law did not allow trade sanctions then. The number of persons is not "
                "given."
            ),
        ),
        regime(
            ua,
            "Law of Ukraine 'On Sanctions'",
            "UA",
            "Law of Ukraine No. 1644-VII 'On Sanctions'",
            "2014-08-14",
            (
                "lexology.com/library/detail.aspx?g=4ab36549-aeb6-4632-b5b1-6e34775b1d61",
                "en.interfax.com.ua/news/general/219589.html",
            ),
        ),
    ]
    actions = [
        act(
            ca,
            "2014-03-17",
            "SOR/2014-58",
            10,
            (
                "laws.justice.gc.ca/eng/regulations/sor-2014-58/page-1.html",
                (
                    "cbc.ca/news/politics/russian-ukrainian-officials-face-more-sanctions-from-cana"
                    "da-1.2575822"
                ),
            ),
            kind="establish",
            note=(
                "10 Russian and Crimean officials announced, between this and the Ukraine "
                "regulations; the split is not known."
            ),
        ),
        act(
            ca,
            "2014-03-21",
            "SOR/2014-65",
            15,
            (_gazette("2014-04-09/html/sor-dors65-eng.html"),),
            note="14 persons and Bank Rossiya.",
        ),
        act(
            ca,
            "2014-04-28",
            "SOR/2014-98",
            11,
            ("gazetteducanada.gc.ca/rp-pr/p2/2014/2014-05-07/html/sor-dors98-eng.html",),
            note="9 persons, ExpoBank and RosEnergoBank.",
        ),
        act(
            ca,
            "2014-05-12",
            "SOR/2014-108",
            None,
            (_gazette("2014-05-21/html/sor-dors108-eng.php"),),
        ),
        act(
            ca,
            "2014-09-16",
            "SOR/2014-204",
            None,
            (_gazette("2014-10-08/html/sor-dors204-eng.php"),),
            note="New-debt bans (30 and 90 days) and more listings.",
        ),
        act(
            au,
            "2014-06-19",
            "Ukraine List 2014",
            61,
            ("lexology.com/library/detail.aspx?g=234e0c53-d590-48a7-9b47-3a6a5b6f34ea",),
            kind="establish",
            note="50 persons and 11 entities.",
        ),
        act(
            au,
            "2014-09-02",
            "Ukraine Amendment List 2014 (F2014L01184)",
            84,
            (
                "legislation.gov.au/Details/F2014L01184/Explanatory%20Statement/Text",
                "dfat.gov.au/sanctions/",
            ),
            note=(
                "63 persons and 21 entities: 113 persons and 32 entities in all. Registered on "
                "2014-09-01."
            ),
        ),
        act(
            jp,
            "2014-03-18",
            "",
            None,
            (gibson_jp,),
            kind="establish",
            note="Visa-easing consultations suspended; three negotiations frozen.",
        ),
        act(
            jp,
            "2014-04-29",
            "",
            23,
            (
                "ioc.u-tokyo.ac.jp/~worldjpn/documents/texts/exdfam/20140429.S1E.html",
                (
                    "themoscowtimes.com/2014/04/29/japan-imposes-new-sanctions-on-russian-officials"
                    "-a34817"
                ),
            ),
            note=(
                "Visa ban on 23 persons, names not published. TASS dates it to 24 July; the data "
                "follows the ministry's statement of 2014-04-29."
            ),
        ),
        act(
            jp,
            "2014-08-05",
            "Foreign Exchange and Foreign Trade Act",
            42,
            ("mofa.go.jp/press/release/press4e_000387.html",),
            note=(
                "Asset freeze on 40 persons and 2 entities; restrictions on imports of goods "
                "originating in Crimea or Sevastopol."
            ),
        ),
        act(
            jp,
            "2014-09-24",
            "Foreign Exchange and Foreign Trade Act",
            None,
            (gibson_jp,),
            note=(
                "Arms and dual-use export restrictions; ban on securities issuance by listed "
                "Russian banks."
            ),
        ),
        act(
            no,
            "2014-03-26",
            "FOR 2014-03-21-301",
            12,
            ("regjeringen.no/en/aktuelt/restrictive_measures/id754100",),
            note="The EU's list of 21 March.",
        ),
        act(
            no,
            "2014-08-15",
            "FOR 2014-08-15-1076",
            20,
            (
                (
                    "internationaltradecomplianceupdate.com/2014/08/19/norway-adopts-restrictive-me"
                    "asures-against-russia/"
                ),
                "dib.no/nyheter/faglig-nytt-2014/restriktive-tiltak-mot-russland-210814/",
            ),
            note=(
                "8 persons and 12 entities; a ban on imports from Crimea and Sevastopol; arms, "
                "financial and oil-sector measures. Announced on 2014-08-11."
            ),
        ),
        act(
            no,
            "2014-10-10",
            "",
            None,
            (
                (
                    "regjeringen.no/no/aktuelt/Norge-innforer-skjerpede-restriktive-tiltak-mot-Russ"
                    "land/id2008264/"
                ),
            ),
            note="In line with the EU's package of 12 September.",
        ),
        act(
            ch,
            "2014-04-02",
            "Ordinance of 2 April 2014",
            33,
            (admin_ch,),
            kind="establish",
            note="No new business relations with the 33 persons the EU had listed.",
        ),
        act(
            ch,
            "2014-08-27",
            "Ordinance of 2 April 2014, amended",
            11,
            ("admin.ch/gov/en/start/dokumentation/medienmitteilungen.msg-id-54221.html",),
            note=(
                "The EU's July measures: 11 more names, long-term instruments of five Russian "
                "banks, dual-use goods, and trade with Crimea and Sevastopol."
            ),
        ),
        act(
            nz,
            "2014-03-23",
            "",
            None,
            ("stuff.co.nz/national/politics/9858964/NZ-joins-in-personal-sanctions-over-Crimea",),
            kind="establish",
        ),
        act(
            ua,
            "2014-09-16",
            "Decree of the President; NSDC decision of 2014-09-02",
            490,
            ("en.interfax.com.ua/news/general/291287-amp.html",),
            note="400 persons and 90 legal entities, for one year.",
        ),
    ]
    return regimes, actions
