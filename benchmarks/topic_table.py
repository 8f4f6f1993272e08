"""The 40 synthetic topics: slug, Danish and English label, Danish and English alternative labels.

Alternative labels are the synonyms and inflections people type into a search box. Topics are shared by all
copies of a generated structure (one SKOS scheme), so their IRIs carry no number.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["TOPICS", "UNIT_TOPICS", "Topic"]


class Topic(NamedTuple):
    slug: str
    da: str
    en: str
    alt_da: tuple[str, ...]
    alt_en: tuple[str, ...] = ()


# fmt: off
TOPICS: tuple[Topic, ...] = (
    Topic("angst", "Angst", "Anxiety", ("angsttilstand", "ængstelse", "angstlidelse"), ("anxiety disorder",)),
    Topic("depression", "Depression", "Depression", ("nedtrykthed", "depressiv", "depressioner")),
    Topic("spiseforstyrrelser", "Spiseforstyrrelser", "Eating disorders",
          ("anoreksi", "bulimi", "spiseforstyrrelse")),
    Topic("adhd", "ADHD", "ADHD", ("opmærksomhedsforstyrrelse", "ADD"), ("attention deficit",)),
    Topic("autisme", "Autisme", "Autism", ("autismespektrumforstyrrelse", "ASF", "autist")),
    Topic("selvskade", "Selvskade", "Self-harm", ("selvskadende adfærd", "cutting")),
    Topic("selvmordsrisiko", "Selvmordsrisiko", "Suicide risk", ("selvmordstanker", "suicidalitet")),
    Topic("skolevaegring", "Ufrivilligt skolefravær", "Involuntary school absence",
          ("skolevægring", "skolefravær", "ufrivilligt fravær"), ("school refusal",)),
    Topic("trivsel-i-skolen", "Trivsel i skolen", "Wellbeing at school", ("skoletrivsel", "klassetrivsel")),
    Topic("mistrivsel", "Psykisk mistrivsel", "Mental distress",
          ("mistrivsel", "mistrives", "psykisk sårbarhed")),
    Topic("soevnproblemer", "Søvnproblemer", "Sleep problems", ("søvnbesvær", "søvnløshed")),
    Topic("rusmidler", "Rusmidler", "Substance use", ("misbrug", "hash", "rusmiddelbrug")),
    Topic("tics", "Tics og Tourette", "Tics and Tourette's", ("Tourettes syndrom", "tics")),
    Topic("ocd", "OCD", "OCD", ("tvangstanker", "tvangshandlinger", "tvangslidelse")),
    Topic("traumer", "Traumer", "Trauma", ("PTSD", "traumatiseret", "posttraumatisk belastning")),
    Topic("sorg", "Sorg og krise", "Grief and crisis", ("sorg", "krisehjælp")),
    Topic("mobning", "Mobning", "Bullying", ("mobbet", "digital mobning")),
    Topic("skaermtid", "Digital trivsel", "Digital wellbeing", ("skærmtid", "skærmforbrug", "gaming")),
    Topic("foraeldresamarbejde", "Forældresamarbejde", "Working with parents",
          ("forældreinddragelse", "forældre")),
    Topic("udredning", "Udredning", "Assessment", ("udrede", "udredningsforløb", "diagnosticering")),
    Topic("henvisning", "Henvisning", "Referral", ("henvise", "visitation", "henvisninger")),
    Topic("efterbehandling", "Efterbehandling", "Aftercare", ("opfølgning efter udskrivning",)),
    Topic("medicinering", "Medicinering", "Medication", ("psykofarmaka", "medicin")),
    Topic("sektorovergange", "Sektorovergange", "Transitions between sectors",
          ("overgang", "udskrivelse", "overlevering")),
    Topic("fast-kontaktperson", "Fast kontaktperson", "Fixed contact person", ("kontaktperson", "tovholder")),
    Topic("sparring", "Faglig sparring og rådgivning", "Professional advice",
          ("sparring", "rådgivning", "konsultation")),
    Topic("lettilgaengeligt-tilbud", "Lettilgængeligt behandlingstilbud", "Easy-access treatment offer",
          ("lettilgængeligt tilbud", "gratis psykologhjælp", "behandlingstilbud")),
    Topic("psykoedukation", "Psykoedukation", "Psychoeducation", ("undervisning i diagnose",)),
    Topic("tidlig-indsats", "Tidlig opsporing og indsats", "Early detection and intervention",
          ("tidlig indsats", "forebyggelse", "opsporing")),
    Topic("underretning", "Underretning", "Report of concern", ("underretninger", "bekymringshenvendelse")),
    Topic("anbringelse", "Anbringelse uden for hjemmet", "Out-of-home placement",
          ("anbragt", "plejefamilie")),
    Topic("ungeindsats", "Ungeindsats og uddannelse", "Youth effort and education",
          ("KUI", "uddannelsesvejledning")),
    Topic("ensomhed", "Ensomhed", "Loneliness", ("ensom", "social isolation")),
    Topic("koensidentitet", "Kønsidentitet", "Gender identity", ("kønsmangfoldighed", "kønsubehag")),
    Topic("efterfoedselsreaktion", "Efterfødselsreaktion", "Postnatal reaction",
          ("fødselsdepression", "efterfødselsdepression")),
    Topic("tilknytning", "Tilknytning", "Attachment", ("tilknytningsforstyrrelse", "forældre-barn-relation")),
    Topic("hjemmebesoeg", "Sundhedsplejens hjemmebesøg", "Health visitor home visits",
          ("hjemmebesøg", "sundhedsplejerske")),
    Topic("psykose", "Psykose", "Psychosis", ("psykotisk", "skizofreni")),
    Topic("boern-af-syge-foraeldre", "Børn af psykisk syge forældre",
          "Children of parents with mental illness", ("pårørende børn", "børn som pårørende")),
    Topic("fysisk-aktivitet", "Fysisk aktivitet og trivsel", "Physical activity and wellbeing",
          ("motion", "bevægelse")),
)

#: Which topics a kind of unit plausibly handles (slugs from TOPICS).
UNIT_TOPICS: dict[str, tuple[str, ...]] = {
    "ppr": ("skolevaegring", "angst", "adhd", "autisme", "udredning", "trivsel-i-skolen", "tidlig-indsats"),
    "sundhedspleje": ("efterfoedselsreaktion", "tilknytning", "hjemmebesoeg",
                      "soevnproblemer", "tidlig-indsats"),
    "familie": ("underretning", "anbringelse", "boern-af-syge-foraeldre", "foraeldresamarbejde", "traumer"),
    "familiebehandling": ("foraeldresamarbejde", "traumer", "sorg", "tilknytning"),
    "kui": ("ungeindsats", "rusmidler", "ensomhed", "skolevaegring"),
    "lettilgaengeligt": ("lettilgaengeligt-tilbud", "angst", "depression", "mistrivsel", "psykoedukation"),
    "skole": ("trivsel-i-skolen", "mobning", "skaermtid", "skolevaegring", "fysisk-aktivitet"),
    "ungdomsskole": ("ensomhed", "skaermtid", "rusmidler", "koensidentitet"),
    "dagtilbud": ("tidlig-indsats", "tilknytning", "foraeldresamarbejde"),
    "raadgivning": ("sparring", "henvisning", "medicinering", "selvskade", "selvmordsrisiko"),
    "bua": ("udredning", "adhd", "autisme", "spiseforstyrrelser", "psykose", "ocd", "tics"),
    "boerneafdeling": ("spiseforstyrrelser", "selvskade", "sektorovergange", "efterbehandling"),
    "henvisning": ("henvisning", "udredning", "adhd", "angst", "depression", "spiseforstyrrelser"),
    "praksis": ("henvisning", "depression", "angst", "medicinering", "soevnproblemer"),
    "national": ("sparring", "autisme", "selvskade", "traumer"),
}
# fmt: on
