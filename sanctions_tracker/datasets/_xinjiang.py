"""The records of the Xinjiang 2019-2021 dataset, built from the sentences that list them.

Every signatory list is the verbatim sentence a page publishes, read by
:func:`sanctions_tracker.text.statement_from_text`; every record names the page
addresses it comes from. ``docs/xinjiang-2019-2021.md`` says where sources disagree.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets._crimea_others import act
from sanctions_tracker.records import (
    Alignment,
    Designation,
    JointStatement,
    Organization,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
    to_party,
)
from sanctions_tracker.text import statement_from_text

__all__ = ["CRITICAL", "CUBA", "GERMANY", "SUPPORT", "build"]

CRITICAL = "xj-2019-07-08-hrc41-critical"
SUPPORT = "xj-2019-07-12-hrc41-support"
GERMANY = "xj-2020-10-06-unga3c-germany"
CUBA = "xj-2020-10-06-unga3c-cuba"

_DIPLOMAT_2019 = (
    "https://thediplomat.com/2019/07/which-countries-are-for-or-against-chinas-xinjiang-policies/"
)
_EURASIAN = "https://www.eurasiantimes.com/which-all-nations-supported-criticised-chinese-atrocities-in-xinjiang-region/"
_DIPLOMAT_COPY = (
    "https://346516.sa-vvyhk.tech/bd0000082/Politics/6007664e39fe0e4cb94bccf5/"
    "Should-we-even-care-about-Uyghurs-in-Xinjian-China-when-majority-of-Muslims-countries-dont"
    "?reply=60084f02af01121fa369fca1"
)
_SUPCHINA = "https://supchina.com/2019/07/11/xinjiang-joint-letter-at-un-signed-by-22-countries-but-not-u-s/"
_JAMESTOWN = "https://jamestown.org/program/the-22-vs-50-diplomatic-split-between-the-west-and-china-over-xinjiang-and-human-rights/"
_BI_COPY = (
    "https://usa-onlinenews.com/2019/07/12/22-countries-signed-an-unprecedented-letter-"
    "condemning-chinas-oppression-of-muslims-but-none-of-them-come-from-the-islamic-world/"
)
_AMNESTY_DE = (
    "https://amnesty-china.de/2019/07/xinjiang-schreiben-von-22-laendern-an-menschenrechtsrat/"
)
_CRI_24 = "https://filipino.cri.cn/301/2019/07/30/109s163736.htm"
_GLOBALTIMES = "http://www.globaltimes.cn/content/1157716.shtml"
_TASHKENT = (
    "https://tashkenttimes.uz/world/4212-uzbekistan-joins-countries-backing-china-s-xinjiang-policy"
)
_G17_PAGE = "https://elderofziyon.blogspot.com/2019/08/state-of-palestine-and-other-muslim-un.html"
_G17 = "A/HRC/41/G/17"
_SUARAMUSLIM = "https://suaramuslim.net/qatar-tarik-dukungan-untuk-tiongkok-soal-uighur"
_BLOOMBERG_YAHOO = "https://news.yahoo.com/qatar-withdraws-support-china-over-014805563.html"
_THEPRINT = "https://theprint.in/world/qatar-refuses-to-certify-chinas-human-rights-record-on-treatment-of-uighur-muslims/279851/"
_ALARABY = (
    "https://english.alaraby.co.uk/news/qatar-withdraws-letter-defending-chinas-treatment-uighurs"
)
_FDD = "https://www.fdd.org/analysis/2019/10/16/qatar-withdraws-endorsement-of-chinese-oppression/"
_REUTERS_AR = "https://eyadqunaibi.com/en/newscomments/879"
_REUTERS_EN = "https://www.strategicfront.org/forums/threads/saudi-arabia-and-russia-among-37-states-backing-chinas-xinjiang-policy.3229/"
_THENEWS_50 = "https://www.thenews.com.pk/print/504806-envoys-from-50-countries-back-china-s-position-on-xinjiang"
_SINOPTIC = (
    "https://www.sinoptic.ch/nouvelle-lettre-de-soutien-a-la-politique-chinoise-au-xinjiang/"
)
_THEBL = "https://thebl.com/china/39-countries-show-deep-concerns-about-the-chinese-communist-partys-human-rights-violations.html"
_UNIFEED = "https://media.un.org/unifeed/en/asset/d256/d2567382"
_INDIAVS = "https://www.indiavsdisinformation.com/20201008/human-rights-violations-in-china-39-countries-stand-up-against-abuse-of-democracy"
_APPLEDAILY = "https://hk.appledaily.com/news/20201007/ZZLJ3YXFFJBITMIVMFJOSE7GSY/"
_AXIOS = "https://www.axios.com/2020/10/08/un-statement-china-uighurs-xinjiang"
_AXIOS_COPY = (
    "https://defence.pk/pdf/threads/38-countries-criticize-china-over-xinjiang-at-the-"
    "united-nations-this-week-while-45-defend-china-full-list.687269/"
)
_XINHUA_CUBA = "http://www.xinhuanet.com/english/2020-10/07/c_139422664.htm"
_DIPLOMAT_2020 = "https://environment.einnews.com/article/528030397/gGdS8MBSv66SRSTU"
_STEPTOE = "https://www.steptoeinternationalcomplianceblog.com/2021/03/eu-uk-us-and-canada-announce-coordinated-xinjiang-sanctions/"
_AIRFREIGHT = "https://airfreight.news/articles/full/eu-imposes-sanctions-against-china-over-human-rights-abuses"
_EU_REGULATION = "https://eu.vlex.com/vid/council-regulation-eu-2020-852795450"
_EU_DECISION = "https://eu.vlex.com/vid/council-decision-cfsp-2021-862750279"
_SCMP_EU = "https://www.scmp.com/news/china/diplomacy/article/3126487/xinjiang-eu-hits-china-first-sanctions-tiananmen-square"
_EUROPEANINTEREST = "https://europeaninterest.eu/wuc-welcomes-eu-sanctions-on-china-over-uyghur-human-rights-atrocities"
_WILLKIE_UK = "https://complianceconcourse.willkie.com/articles/news-alerts-2021-03-march-20210324-uk-imposes-first-sanctions-against/"
_FCDO_COPY = "https://defence.pk/pdf/threads/uk-sanctions-perpetrators-of-gross-human-rights-violations-in-xinjiang-alongside-eu-canada-and-us.705607/"
_GAZETTE = "https://gazette.gc.ca/rp-pr/p2/2021/2021-03-31/html/sor-dors49-eng.html"
_CANADA = "https://www.canada.ca/en/global-affairs/news/2021/03/china-sanctions.html"
_THOMPSON_2021 = "https://www.thompsonhinesmartrade.com/2021/03/ofac-sanctions-additional-chinese-officials-for-human-rights-abuse-in-xinjiang/"
_WILEY = "https://www.wiley.law/alert-United-States-Allies-Sanction-Chinese-Officials-for-Human-Rights-Abuses"
_TRADELAW_2021 = (
    "https://tradelawdaily.com/article/2021/03/23/us-eu-uk-canada-announce-coordinated-"
    "sanctions-against-china-for-human-rights-violations-2103220034?BC=bc_6743d6891dc25"
)
_WILLKIE_2020 = "https://complianceconcourse.willkie.com/articles/news-alerts-2020-07-july-20200709-chinese-officials-and-government-entity/"
_KIAR = "https://kiar.center/treasury-sanctions-chinese-entity-and-officials-pursuant-to-global-magnitsky-human-rights-accountability-act/"
_URDUPOINT = (
    "https://www.urdupoint.com/en/world/us-sanctions-xinjiang-public-security-bureau-970153.html"
)
_THOMPSON_2020 = "https://www.thompsonhinesmartrade.com/2020/08/ofac-sanctions-chinese-government-agency-and-officials-for-human-rights-abuses/"
_POMPEO = (
    "https://china.usembassy-china.org.cn/on-sanctioning-human-rights-abusers-in-xinjiang-china/"
)
_ALTAPOSTEN = (
    "https://www.altaposten.no/lokalt/NTB/NTB_innenriks/2021/03/30/"
    "Norge-f%C3%B8lger-EU-%E2%80%93-innf%C3%B8rer-sanksjoner-mot-Kina-23735646.ece"
)
_KINAFORUM_NO = "http://blog.kinaforum.com/2021/03/norge-flger-eu-innfrer-sanksjoner-mot.html"
_FRETTABLADID = (
    "https://www.frettabladid.is/frettir/kina-sakar-island-um-lygar-og-brot-a-althjodalogum/"
)
_PEOPLE_IS = "http://en.people.cn/n3/2021/0417/c90000-9840161.html"

# The signatory sentences, verbatim as the pages print them.
_CRITICAL_TEXT = (
    "Those that signed the first letter, criticizing China, include \u2013 Australia, "
    "Austria, Belgium, Canada, Denmark, Estonia, Finland, France, Germany, Iceland, "
    "Ireland, Japan, Latvia, Lithuania, Luxembourg, the Netherlands, New Zealand, Norway, "
    "Spain, Sweden, Switzerland, and the UK."
)
_SUPPORT_TEXT = (
    "Signing the second letter, in defense of China's policies, were: Algeria, Angola, "
    "Bahrain, Belarus, Bolivia, Burkina Faso, Burundi, Cambodia, Cameroon, Comoros, Congo, "
    "Cuba, Democratic Republic of the Congo, Egypt, Eritrea, Gabon, Kuwait, Laos, Myanmar, "
    "Nigeria, North Korea, Oman, Pakistan, Philippines, Qatar, Russia, Saudi Arabia, "
    "Somalia, South Sudan, Sudan, Syria, Tajikistan, Togo, Turkmenistan, United Arab "
    "Emirates, Venezuela, and Zimbabwe."
)
_JOINED_TEXT = (
    "On July 26, another 13 countries (Bangladesh, Iran, Iraq, Palestine, Nepal, "
    "Mozambique, Serbia, Uzbekistan, Zambia, Sri Lanka, Equatorial Guinea, Uganda, "
    "Djibouti), including Uzbekistan, signed the letter"
)
_G17_TEXT = (
    "Annex to the letter dated 12 July 2019 from the representatives of Algeria, Angola, "
    "Bahrain, Bangladesh, Belarus, the Plurinational State of Bolivia, Burkina Faso, "
    "Burundi, Cambodia, Cameroon, Comoros, the Congo, Cuba, the Democratic People's "
    "Republic of Korea, the Democratic Republic of the Congo, Djibouti, Egypt, Equatorial "
    "Guinea, Eritrea, Gabon, the Islamic Republic of Iran, Iraq, Kuwait, the Lao People's "
    "Democratic Republic, Mozambique, Myanmar, Nepal, Nigeria, Oman, Pakistan, the "
    "Philippines, the Russian Federation, Saudi Arabia, Serbia, Somalia, South Sudan, Sri "
    "Lanka, the Sudan, the Syrian Arab Republic, Tajikistan, Togo, Turkmenistan, Uganda, "
    "the United Arab Emirates, Uzbekistan, the Bolivarian Republic of Venezuela, Yemen, "
    "Zambia, Zimbabwe and the State of Palestine to the United Nations Office at Geneva "
    "addressed to the President of the Human Rights Council"
)
_GERMANY_TEXT = (
    "read the joint statement signed by 39 countries including Albania, Australia, "
    "Austria, Belgium, Bosnia and Herzegovina, Bulgaria, Canada, Croatia, Denmark, "
    "Estonia, Finland, France, Haiti, Honduras, Iceland, Ireland, Italy, Japan, Latvia, "
    "Liechtenstein, Lithuania, Luxembourg, the Republic of the Marshall Islands, Monaco, "
    "Nauru, the Kingdom of the Netherlands, New Zealand, North Macedonia, Norway, Palau, "
    "Poland, Slovakia, Slovenia, Spain, Sweden, Switzerland, the United Kingdom, the "
    "United States, and Germany."
)
_CUBA_TEXT = (
    "Angola, Bahrain, Belarus, Burundi, Cambodia, Cameroon, Central African Republic, "
    "China, Comoros, Democratic Republic of Congo, Cuba, Dominica, Egypt, Equatorial "
    "Guinea, Eritrea, Gabon, Grenada, Guinea, Guinea-Bissau, Iran, Iraq, Kiribati, Laos, "
    "Madagascar, Morocco, Mozambique, Myanmar, Nepal, Nicaragua, North Korea, Pakistan, "
    "State of Palestine, Russia, Saudi Arabia, South Sudan, Sri Lanka, Sudan, Syria, "
    "Tanzania, Togo, Uganda, UAE, Venezuela, Yemen, Zimbabwe."
)


def _sourced(statement: JointStatement, sources: Iterable[str]) -> JointStatement:
    """Each signature cites the pages that list it."""
    cited = tuple(sources)
    signatures = [attrs.evolve(s, sources=cited) for s in statement.signatures]
    return attrs.evolve(statement, signatures=signatures, sources=cited)


def _critical() -> JointStatement:
    statement = statement_from_text(
        CRITICAL,
        "Letter of 22 states to the President of the Human Rights Council on Xinjiang",
        "2019-07-08",
        _CRITICAL_TEXT,
        subject="CN",
        forum="Human Rights Council, 41st session",
        stance="critical",
    )
    note = (
        "Dated 8 July 2019, made public on 10-11 July; addressed to the Council's "
        "President (Coly Seck) and the High Commissioner (Michelle Bachelet). The "
        "signatories are The Diplomat's sentence (copied by The EurAsian Times); Business "
        "Insider and Amnesty's German page list the same 22. A Chinese state radio page of "
        f"2019-07-30 ({_CRI_24}) speaks of 24 countries but names none: the data follows "
        "the 22 every other source names. No UN document symbol was found for this letter. "
        "The United States did not sign (SupChina)."
    )
    statement = _sourced(statement, [_EURASIAN, _DIPLOMAT_2019, _DIPLOMAT_COPY, _BI_COPY])
    return attrs.evolve(
        statement,
        sources=(_EURASIAN, _DIPLOMAT_2019, _SUPCHINA, _JAMESTOWN, _BI_COPY, _AMNESTY_DE),
        note=note,
    )


def _support() -> JointStatement:
    original = statement_from_text(SUPPORT, "t", "2019-07-12", _SUPPORT_TEXT)
    joined = statement_from_text(SUPPORT, "t", "2019-07-26", _JOINED_TEXT)
    published = statement_from_text(SUPPORT, "t", "2019-07-12", _G17_TEXT)
    first = (_EURASIAN, _DIPLOMAT_COPY, _DIPLOMAT_2019, _SUARAMUSLIM)
    signatures: list[Signature] = []
    for s in original.signatures:
        if s.party == _QATAR:
            signatures.append(
                attrs.evolve(
                    s,
                    withdrawn_on="2019-07-18",
                    note=(
                        "Qatar's permanent representative in Geneva withdrew its signature "
                        "by a letter to the Council's President dated 2019-07-18 (Bloomberg, "
                        "who saw it); the withdrawal became public on 2019-08-21, and FDD "
                        "dates it to August. The data follows the letter's date. Qatar is "
                        f"not in {_G17}."
                    ),
                    sources=(*first, _BLOOMBERG_YAHOO, _THEPRINT, _ALARABY, _FDD, _G17),
                )
            )
        else:
            signatures.append(attrs.evolve(s, sources=(*first, _G17)))
    for s in joined.signatures:
        signatures.append(
            attrs.evolve(s, signed_on="2019-07-26", sources=(_TASHKENT, _G17_PAGE, _G17))
        )
    named = {s.party for s in signatures}
    for s in published.signatures:
        if s.party not in named:  # Yemen: in G/17, not among the joiners of 26 July
            signatures.append(
                attrs.evolve(
                    s,
                    signed_on="2019",
                    note=(
                        f"In {_G17} (printed in August 2019) but not among the 13 who joined "
                        "on 2019-07-26: the day it joined was not found, only that it was "
                        "between 2019-07-12 and 2019-08-31."
                    ),
                    sources=(_G17_PAGE, _G17),
                )
            )
    note = (
        "37 original signatories on 2019-07-12 (The Diplomat's list; Reuters in English "
        "says 'Saudi Arabia, Russia and 35 other states', Reuters in Arabic said 35 "
        f"countries ({_REUTERS_AR}): the data follows 37). 13 joined on 2019-07-26 "
        "(Tashkent Times); the Chinese Mission announced 50 that evening without a list. "
        f"Qatar withdrew (letter of 2019-07-18). {_G17}, the letter as the UN published it, "
        "lists 50 states: the 37 without Qatar, the 13, and Yemen, whose joining date is "
        "not known. The 50 announced on 26 July (37 + 13, Qatar still counted) and the 50 "
        f"of {_G17} may not be the same 50. The date {_G17} was issued was not found."
    )
    return JointStatement(
        id=SUPPORT,
        title=(
            "Letter of 37 states to the President of the Human Rights Council "
            "supporting China on Xinjiang"
        ),
        issued_on="2019-07-12",
        subject="CN",
        signatures=signatures,
        forum="Human Rights Council, 41st session",
        stance="supportive",
        sources=(
            _G17,
            _G17_PAGE,
            _GLOBALTIMES,
            _TASHKENT,
            _DIPLOMAT_2019,
            _EURASIAN,
            _REUTERS_EN,
            _THENEWS_50,
            _SINOPTIC,
        ),
        note=note,
    )


def _unga(document_id: str, text: str, stance: str, title: str) -> JointStatement:
    return statement_from_text(
        document_id,
        title,
        "2020-10-06",
        text,
        subject="CN",
        forum="UN General Assembly, Third Committee, general debate",
        stance=stance,
    )


def _germany() -> JointStatement:
    statement = _unga(
        GERMANY,
        _GERMANY_TEXT,
        "critical",
        "Joint statement of 39 countries on the human rights situation in Xinjiang "
        "and recent developments in Hong Kong",
    )
    statement = _sourced(statement, [_INDIAVS, _APPLEDAILY, _AXIOS, _AXIOS_COPY])
    note = (
        "Read by Germany's ambassador Christoph Heusgen. India vs Disinformation, Apple "
        "Daily and Axios list the same 39. The German mission's own page was not found: "
        "the sources are news copies."
    )
    return attrs.evolve(
        statement,
        sources=(_INDIAVS, _THEBL, _UNIFEED, _APPLEDAILY, _AXIOS, _AXIOS_COPY),
        note=note,
    )


def _cuba() -> JointStatement:
    statement = _unga(
        CUBA,
        _CUBA_TEXT,
        "supportive",
        "Joint statement of 45 countries in support of China's measures in Xinjiang",
    )
    statement = _sourced(statement, [_AXIOS, _AXIOS_COPY])
    note = (
        "Read by Cuba's representative Ana Silvia Rodr\u00edguez Abascal 'on behalf of 45 "
        "countries' (Xinhua, no list). The statement has no official text (The Diplomat "
        "transcribed it from the video). The only list found is Axios's (and a forum copy "
        "of it); it counts China itself among the 45. The data follows Axios: 45 "
        "signatures, China included."
    )
    return attrs.evolve(
        statement, sources=(_XINHUA_CUBA, _DIPLOMAT_2020, _AXIOS, _AXIOS_COPY), note=note
    )


_QATAR = to_party("QA")

# The designations of 2021-03-22: four officials and one entity, all Chinese.
_PERSONS_2021 = ("Zhu Hailun", "Wang Junzheng", "Wang Mingshan", "Chen Mingguo")
_ENTITY_2021 = "Xinjiang Production and Construction Corps Public Security Bureau"


_THEMATIC = "Thematic: no target country; it counts against a country through its listings."


def _slug(name: str) -> str:
    return "-".join(name.casefold().replace("(", "").replace(")", "").split())


def _designations(
    regime: str,
    listed_on: str,
    persons: Iterable[str],
    entities: Iterable[str],
    sources: Iterable[str],
) -> list[Designation]:
    cited = tuple(sources)
    targets: list[Person | Organization] = [Person(n, nationality="CN") for n in persons]
    targets += [Organization(n, country="CN") for n in entities]
    return [
        Designation(
            f"{regime.casefold()}-{listed_on}-{_slug(t.name)}",
            regime,
            t,
            listed_on=listed_on,
            sources=cited,
        )
        for t in targets
    ]


def _sanctions() -> tuple[
    list[SanctionsRegime], list[SanctionsAction], list[Designation], list[Alignment]
]:
    regimes = [
        SanctionsRegime(
            "EU-HR",
            "EU Global Human Rights Sanctions Regime",
            "EU",
            legal_basis="Council Decision (CFSP) 2020/1999; Council Regulation (EU) 2020/1998",
            measures=["asset freeze", "travel ban"],
            established_on="2020-12-07",
            sources=(_EU_REGULATION, _EUROPEANINTEREST),
            note=_THEMATIC,
        ),
        SanctionsRegime(
            "GB-HR",
            "UK Global Human Rights sanctions regime",
            "GB",
            legal_basis=(
                "Global Human Rights Sanctions Regulations 2020 (SI 2020/680), "
                "Sanctions and Anti-Money Laundering Act 2018"
            ),
            measures=["asset freeze", "travel ban"],
            sources=(_WILLKIE_UK, _FCDO_COPY),
            note=_THEMATIC,
        ),
        SanctionsRegime(
            "US-GLOMAG",
            "US Global Magnitsky sanctions",
            "US",
            legal_basis="Executive Order 13818 (Global Magnitsky Human Rights Accountability Act)",
            established_on="2017-12",
            sources=(_WILLKIE_2020, _WILEY),
            note=_THEMATIC,
        ),
        SanctionsRegime(
            "CA-CHN",
            "Special Economic Measures (People's Republic of China) Regulations",
            "CA",
            target="CN",
            legal_basis=(
                "Special Economic Measures (People's Republic of China) Regulations, "
                "SOR/2021-49 (P.C. 2021-176), Special Economic Measures Act"
            ),
            measures=["asset freeze", "travel ban"],
            established_on="2021-03-21",
            sources=(_GAZETTE, _CANADA),
            note=(
                "Project-made id: OpenSanctions has one key (CA-SEMA) for all Canadian SEMA "
                "regulations. The regulations were registered on 2021-03-21 (Canada Gazette) "
                "and the "
                "government gives 2021-03-22 as the day the sanctions took effect: the "
                "regime is dated by its registration, its listings by the effective day. "
                "Listed individuals are also inadmissible to Canada."
            ),
        ),
    ]
    eu = _designations(
        "EU-HR", "2021-03-22", _PERSONS_2021, [_ENTITY_2021], (_STEPTOE, _SCMP_EU, _AIRFREIGHT)
    )
    gb = _designations("GB-HR", "2021-03-22", _PERSONS_2021, [_ENTITY_2021], (_WILLKIE_UK,))
    ca = _designations("CA-CHN", "2021-03-22", _PERSONS_2021, [_ENTITY_2021], (_CANADA,))
    us_july = _designations(
        "US-GLOMAG",
        "2020-07-09",
        ("Chen Quanguo", "Zhu Hailun", "Wang Mingshan", "Huo Liujun"),
        ["Xinjiang Public Security Bureau"],
        (_KIAR, _URDUPOINT),
    )
    us_end_july = _designations(
        "US-GLOMAG",
        "2020-07-31",
        ("Sun Jinlong", "Peng Jiarui"),
        ["Xinjiang Production and Construction Corps"],
        (_THOMPSON_2020, _POMPEO),
    )
    us_2021 = _designations(
        "US-GLOMAG", "2021-03-22", ("Wang Junzheng", "Chen Mingguo"), [], (_THOMPSON_2021,)
    )
    eu_note = (
        "Some pages (WUC at europeaninterest.eu) name the listed entity as the Xinjiang "
        "Production and Construction Corps itself; the EU listed its Public Security "
        "Bureau (Steptoe, SCMP, Canada), which the data follows. The implementing "
        "regulation of the same day was not found in any source read."
    )
    actions = [
        act(
            "EU-HR",
            "2021-03-22",
            "Council Decision (CFSP) 2021/481",
            eu,
            (_EU_DECISION, _STEPTOE),
            note=eu_note,
        ),
        act(
            "GB-HR",
            "2021-03-22",
            "Global Human Rights Sanctions Regulations 2020",
            gb,
            (_FCDO_COPY, _WILLKIE_UK),
        ),
        act(
            "CA-CHN",
            "2021-03-22",
            "SOR/2021-49",
            ca,
            (_CANADA, _GAZETTE),
            kind="establish",
            note="First Canadian sanctions on China since June 1989; effective 2021-03-22.",
        ),
        act("US-GLOMAG", "2020-07-09", "Executive Order 13818", us_july, (_KIAR, _URDUPOINT)),
        act(
            "US-GLOMAG",
            "2020-07-31",
            "Executive Order 13818",
            us_end_july,
            (_THOMPSON_2020, _POMPEO),
        ),
        act(
            "US-GLOMAG",
            "2021-03-22",
            "Executive Order 13818",
            us_2021,
            (_THOMPSON_2021, _WILEY, _TRADELAW_2021),
            note=(
                "Zhu Hailun and Wang Mingshan, listed by the others that day, were "
                "listed by the US on 2020-07-09."
            ),
        ),
    ]
    alignments = [
        Alignment(
            "NO",
            "EU-HR",
            "2021-03",
            act="Council Decision (CFSP) 2021/481",
            note=(
                "Norway told the EU it joins the listings of 22 March after the EU's "
                "invitation of 2021-03-25; reported on 2021-03-30, the day of its notice "
                "not given. No EU declaration on alignment with this decision was found."
            ),
            sources=(_ALTAPOSTEN, _KINAFORUM_NO),
        ),
        Alignment(
            "IS",
            "EU-HR",
            "2021-03",
            act="Council Decision (CFSP) 2021/481",
            note=(
                "Iceland followed the EU's listings in March 2021 (Fr\u00e9ttabla\u00f0i\u00f0, "
                "'last month' on 2021-04-16, when China answered); the day was not found."
            ),
            sources=(_FRETTABLADID, _PEOPLE_IS),
        ),
    ]
    return regimes, actions, eu + gb + ca + us_july + us_end_july + us_2021, alignments


def build() -> Dataset:
    """The whole dataset: four documents, four regimes, their acts, listings and alignments."""
    regimes, actions, designations, alignments = _sanctions()
    return Dataset(
        statements=[_critical(), _support(), _germany(), _cuba()],
        regimes=regimes,
        actions=actions,
        designations=designations,
        alignments=alignments,
    )
