"""The word lists of :mod:`vocnlp.regional`: each regional language's function words, negations and "but", the
language it is read as (:data:`BASE`), and the words that are no sign of a language.

Written here, each word checked against its translation in NusaX's parallel reviews (Indonesia's ten: "lan"
stands where the Indonesian has "dan", and) or read in context in AfriSenti's tweets (Nigerian Pidgin, Hausa,
Igbo, Yoruba, Kinyarwanda, Oromo, Twi, Tsonga); see :mod:`vocnlp.regional` for how they are used.

Example:
    >>> "lan" in FUNCTION_WORDS["jv"], BASE["jv"], BASE["pcm"]
    (True, 'id', 'en')
"""

from __future__ import annotations

__all__ = [
    "LANGUAGES",
    "BASE",
    "FUNCTION_WORDS",
    "ID_HOMOGRAPHS",
    "NEGATION_WORDS",
    "CONTRAST_WORDS",
    "READ_AS",
    "MIXED_INTO_INDONESIAN",
    "NOT_EVIDENCE",
    "NOT_EVIDENCE_OF",
]

#: Indonesia's ten, by the code language ID gives them (ISO 639-1 where there is one, else ISO 639-3)
LANGUAGES = ("jv", "su", "min", "ban", "bjn", "ace", "bug", "mad", "nij", "bbc")
#: each language's base: the language it is read as, whose stop words, negations and "but" it shares
BASE: dict[str, str] = {
    **dict.fromkeys(LANGUAGES, "id"),
    **dict.fromkeys(("pcm", "ha", "ig", "yo", "rw", "om", "tw", "ts"), "en"),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: conjunctions, prepositions, pronouns, demonstratives, particles, auxiliaries, intensifiers and
#: quantifiers: the kinds of word Indonesian's own list (spaCy's) holds
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    # Javanese (ngoko and krama)
    "jv": _words(
        "sing kang lan karo iki ing ning neng nang kanggo dinggo ana uga nanging ananging isa iso saka seka "
        "tenan temen dadi mung namung kene kono kana amarga merga mergo dhewe dewe wis uwis wes yen nek lak "
        "kuwi iku kae marang sek kanthi wae ae luwih maneh meneh utawa yaiku liyane kabeh kudu saiki nganti "
        "siji aku kowe sampeyan panjenengan dheweke awakdhewe kene pancen durung dudu ora ra ya yo lho kok "
        "to wae rada rodo arep bakal lagi isih sak sa iki menika punika niki kula kados sampun boten mboten "
        "saged kaliyan lan wonten ingkang liya pol pas kirang"
    ),
    # Sundanese (loma and lemes)
    "su": _words(
        "nu sareng teu pisan abdi ka ieu aya kanggo ku oge ogé anu tiasa mung ti jeung dina dieu kusabab "
        "wae waé tos na eta éta kuring henteu ngan upami lamun pikeun deui arurang urang nyaeta nyaéta janten "
        "jadi sanes ge mah teuing anjeun keur sapertos siga sababaraha nepi rada atawa teh téh euy atuh da "
        "weh wéh bae baé kitu kieu ayeuna parantos acan sok geus hoyong hayang bari bisa kana kénéh kene "
        "sadaya sagala tara moal kirang anjeunna aranjeunna manehna manéhna maranehna maranéhna"
    ),
    # Minangkabau
    "min": _words(
        "jo nan untuak ko awak wak ka indak ndak bana ado alah siko sangaik nio tu samo lo dek juo yo karano "
        "labiah iko biaso hanyo dapek kini sadang taruih ambo denai alun lai pulo sajo mako baa apo sampai "
        "itu ciek urang kami baliau inyo ang kau"
    ),
    # Balinese (common and refined)
    "ban": _words(
        "lan sane ring ane ne sajan ajak tiyang tiang sing nanging ten ka krana tusing wenten yen uli puniki "
        "sampun lakar gen ene iraga dadi dados anggon yening utawi sareng kanti punika suba buin dugas "
        "nenten niki ento tur indik lianan antuk akeh icang cang ragane ida ia ipun nggih masih taler "
        "pisan pesan tan kirang"
    ),
    # Banjarese
    "bjn": _words(
        "nang wan kada gasan ulun banar jua lawan ka kawa haja handak ngini tagal gin amun kaya ngitu buhan "
        "pina ai mun gegara labih ja kalu tu lah pang inya ikam unda sidin am kah hanyar matan kadada balum "
        "jar kah lagi ampun"
    ),
    # Acehnese
    "ace": _words(
        "nyang hana ngon that lon nyoe bak na pih ka keu le nyan cit jeuet jeut meunyo jih lagee mantong u "
        "lom kamoe ta awak leubeh lam leupah loen peue atawa disinoe han keuh ngen droe kon trok geu "
        "geutanyoe kah teuh sit mandum bandum lheuh goh ureueng"
    ),
    # Buginese
    "bug": _words(
        "e na okko sibawa de dé iya ko ladde lao nasaba engka ri pole aga ta maneng mi yako okkoe lettu "
        "iyaro iye iyye ki mancaji narekko ka bawang ni iyae idi ku makkada tongeng nappa wedding ga "
        "tennia degaga iko iyya"
    ),
    # Madurese
    "mad": _words(
        "se e bik ben engkok tak ka ghebey sarah la tape riya rua bede kiya mun polana deri bhei ban na "
        "deddhi pole bekto terro ongghu engko diye ghabay ria bekna olle settong laen ta bennya pade "
        "selaen otabe pera satiya tadek kia jhet kaule sampeyan bhunten enja"
    ),
    # Ngaju
    "nij": _words(
        "te ji akan diak tutu ah tuh hong tau ih je tege tuntang bara kea kan awi baya hung mawi hetuh jituh "
        "ije beken amun bujur huang kilau ikei gin puna hindai uras lalau ewen jaton jatun handak dia"
    ),
    # Toba Batak
    "bbc": _words(
        "na tu ni dohot do dang pe jala ma hian adong i molo alai sian mansai laho gabe songon au boi naeng "
        "muse holan alana sahat manang dison ikkon ima ahu dope tingki hami hu ndang nga hape pola ala "
        "unang sada so nungga sude be iba asa hamu nasida ibana ho godang indang"
    ),
    # Nigerian Pidgin, with the spellings of its tweets ("dis", this; "d", the; "bcos", because)
    "pcm": _words(
        "dey una unu wetin wey abeg sef sha abi shey shebi naim nai na don dem im wan oya haba jare jor sotey "
        "kuku ehn ehen wia hin howfa dis dat d wit nd wen wat cos bcos becos cus sey am no go make o oo ooo e "
        "ni pipo u ur dnt nt fit de sebi naso howfar"
    ),
    # Hausa: particles, pronouns, conjunctions (stopwords-iso's list and vocnlp's supplement hold more)
    "ha": _words(
        "da ba ya ta na ne ce ma kuma amma domin saboda don dan wannan wancan wanda wadanda kai ni mu su ku shi "
        "ita yana tana suna muna zai za ake akwai babu sai har dai fa kawai duk mana nan haka yanzu idan kenan wai "
        "toh cikin lokacin wani wata mai masu yake suka sun mun ga ina ai ko ka ke ki yi sa din daga kamar irin "
        "wa aka ana shine bai ban kar ciki yan yar shin sauran menene yaushe lalle "
        # "ba ne" and negative pronouns written as one word (bane, is not; bamu, we do not; bazai, he will not)
        "bane bamu basu bazai bazan"
    ),
    # Igbo (with and without its dotted vowels)
    "ig": _words(
        "na ndi ndị nke gi gị m ya ka ga di dị bu bụ anyi anyị unu ha o ọ a e onye maka ma mana kwa kwanụ kwanu "
        "ebe mgbe nwere otu ahu ahụ si ji eji ana nu ị mu i ebee gini ginị kedu kedụ ole olee ugbu ugbua niile "
        "nile biko ka ike adịghị adighi anaghị anaghi enweghị enweghi"
    ),
    # Yoruba, as written with and without its tone marks (spaCy's list holds the marked forms)
    "yo": _words(
        "àti ati ti tí ni ní kò ko sí si fún fun pé pe wọn won wọ́n awon àwọn gbogbo yìí yii náà naa láti lati "
        "bí bi mo mi o ó ń ẹ ọ kan ló lo máa maa sì kí ki wá wa á"
    ),
    # Kinyarwanda: connectives (ya, wa, cy', by'), demonstratives and relatives (uyu, iyo, ibyo, icyo), pronouns,
    # conjunctions (kandi, and; ariko, but; kuko, kubera, because; niba, if), adverbs of degree and time
    "rw": _words(
        "ni mu ko ngo muri na kuri ku cyane ya wa yo y w n z cy ari kandi ariko uyu iyo iyi aho se ibyo iki uko kuko "
        "nawe gusa nta no cg cyangwa hari ubu ubwo niba nk ese icyo aba kuba we rwose nyuma none koko wowe ahubwo "
        "kubera nuko pe ubundi ntabwo dore byose bose njye twe mwe bo nabo natwe nanjye uwo iryo izo ayo abo ibi aya "
        "iri izi hano aha kugira kugeza mbere noneho rero naho nubwo yego oya ntacyo si za bya ba ka uru ako ino "
        "gute kuki hamwe nonese ndi reka ewana ndetse turi "
        # verbs of saying and seeing used as "you know", "I think" (as spaCy's English list holds "see", "say")
        "wumva numva ndumva mbona ubona ndabona urabona sinzi uzi nzi"
    ),
    # Oromo (Afaan Oromoo): fi (and), kan (of, which), akka (as, that), postpositions (irratti, keessatti, irraa),
    # pronouns and possessives (isaa, his; keenya, our), hin (not), garuu (but), question words
    "om": _words(
        "fi kan akka kana kun waan itti irraa irratti irra keessa keessatti keessaa yoo malee garuu haa ee yaa miti "
        "hin ni wal nu isaa isa isaan ani nan ati inni isheen nuti isin keenya kee koo kanaaf booda dura gara waliin "
        "amma osoo sun san sana kanneen hunda ol gadi dha ta akkam maal maaliif eessa eenyu kanaan jechuun of si ka "
        "immoo jira jiru jiraa qaba qabu qofa hedduu baay'ee na"
    ),
    # Twi (Akan), with and without its open vowels (ɛ, ɔ): na (and), nso (also), nti (so), sɛ (that, if), anaa
    # (or), nanso (but), pronouns (me, wo, yɛ, wɔ), ɛnyɛ (is not)
    "tw": _words(
        "na wo no me ne de bi nso sɛ se mu so ka nti ho ma yɛ ye mo anaa oo aa yi nu nka wei deɛ dee ni anka koraa "
        "mpo paa sei seesei nyinaa nanso ɛnyɛ enye nnyɛ nnye wɔ wɔn eyi saa ara bɛ be o ɛyɛ eye nyɛ nye aden yɛn yen "
        "ei aaa ay ah ɔmo daa enti mede mey hɔ eii hmm hmmm sɛn sen kraa kraaa"
    ),
    # Tsonga (Xitsonga): the concords and connectives (wa, ya, swa, xa, va), pronouns (mina, I; wena, you; yena,
    # hina), loko (if, when), leswi (this, because), kambe (but), kumbe (or), hava (there is no)
    "ts": _words(
        "ni a ku hi wa wena ka u ya na mina va swa ta xa swi ti loko la ma yini mu xi e yi yena hina ke leswi lava "
        "nga kambe kumbe hikuva naswona ndzi se sweswi hinkwaswo niku loku leyi lexi lowu ro ra hava"
    ),
}

#: regional function words that are Indonesian words or names too (content words, or too short to tell), kept
#: out of Indonesian's list, where they would drop "tiang listrik" (power pole), "teh manis" (sweet tea), "bak
#: mandi" (bathtub), "onion ring", "alun-alun" (town square) or "babi panggang karo" (Karo roast pork): each
#: looked up in the 9,468 IndoNLU, SmSA and NusaX Indonesian reviews
ID_HOMOGRAPHS = _words(
    "tiang ajak lawan teh awak ban tape ria pola gabe jala asing sada tau bara baya dia tu ni na ne e i u "
    "ko ka ki mi ri la se do ma pe be hu so au ta ga de dé ah ih te je am ai ja lo yo kan iya iko pole "
    "pesan masih tempat jadi bisa sampai itu kaya lagi urang kami ku hong hung lam han kon geu sit jar "
    "lao mun amun pina gen ten ane wedding kia ida ia akan tur da bari sok lah kah "
    "aga bawang ala sak sa bak ring karo nu wan alun kang asa temen yen pas"
)

#: negation words: each stands before what it negates, as Indonesian's "tidak" does
NEGATION_WORDS: dict[str, tuple[str, ...]] = {
    "jv": ("ora", "ra", "durung", "dudu", "boten", "mboten", "ndak", "kirang"),
    "su": ("teu", "henteu", "acan", "sanes", "tara", "moal", "kirang"),
    "min": ("indak", "ndak", "alun", "bukan"),
    "ban": ("tusing", "sing", "nenten", "ten", "tan", "kirang"),
    "bjn": ("kada", "kadada", "balum"),
    "ace": ("hana", "han", "kon", "goh"),
    "bug": ("de", "dé", "tennia", "degaga"),
    "mad": ("tak", "ta", "tadek", "bhunten", "enja"),
    "nij": ("diak", "dia", "jaton", "jatun", "beken"),
    "bbc": ("dang", "ndang", "indang", "unang"),
    "pcm": ("no", "never", "nor", "neva", "nt", "dnt"),
    "ha": ("ba", "babu", "bai", "ban", "kar", "bamu", "basu", "bazai", "bazan"),
    "ig": ("adịghị", "adighi", "anaghị", "anaghi", "enweghị", "enweghi"),
    "yo": ("kò", "ko", "kìí", "má"),
    "rw": ("ntabwo", "nta", "si"),
    "om": ("hin",),
    "tw": ("ɛnyɛ", "enye", "nnyɛ", "nnye"),
    "ts": ("hava",),
}

#: "but" in each, where it is a word of its own
CONTRAST_WORDS: dict[str, tuple[str, ...]] = {
    "jv": ("nanging", "ananging"),
    "su": ("tapi", "namung"),
    "min": ("tapi",),
    "ban": ("nanging",),
    "bjn": ("tagal", "tapi"),
    "ace": ("tapi",),
    "bug": ("tapi",),
    "mad": ("tape",),
    "nij": ("tapi",),
    "bbc": ("alai",),
    "pcm": ("but", "bt", "buh"),
    "ha": ("amma", "sai dai"),
    "ig": ("mana",),
    "yo": ("ṣùgbọ́n", "sugbon", "ṣugbọn"),
    "rw": ("ariko", "ahubwo"),
    "om": ("garuu",),
    "tw": ("nanso",),
    "ts": ("kambe",),
}


#: per base, the codes language ID gives its languages' text (Malay for some Javanese; fastText knows jv, su, min)
READ_AS: dict[str, frozenset[str]] = {"id": frozenset({"id", "ms", "jv", "su", "min"}), "en": frozenset({"en"})}
#: regional function words Indonesian reviews use too (each in two or more of the 9,468 IndoNLU, SmSA and NusaX
#: Indonesian reviews: "mah", "lho", "kau", "tenan"): function words still, but no sign of the language
MIXED_INTO_INDONESIAN = _words("ambo ampun euy hape kau kudu lai lan le lho mah molo nan ndak nga rada saka tenan ti")
#: function words that are no sign of a language: Pidgin's net spellings, which English tweets write too ("dis",
#: this; "wit", with; "u", you), and "fit" (can), an English word
NOT_EVIDENCE = _words(
    "dis dat d wit nd wen wat cos bcos becos cus o oo ooo e ni fit u ur dnt nt pipo "
    # short words of two or more of Nigeria's languages, or of English ("ya", "ma", "ko"; "na" counts for each of
    # Pidgin, Hausa and Igbo, and their other words decide)
    "ya ta ne ce ma su mu ku ga ina ai ko ka ke ki yi sa din dan mai sun mun wa aka ana fa nan za ba da de "
    "m di ha a i ji si mu nu ana ike ole otu ebe ti mo mi bi lo si ki wa kan pe fun won ọ ẹ ó ń á ị"
)
#: ... and per language, its words that are short, or words of English, Swahili, Spanish or Hausa too ("hi", "sun",
#: "lava", "aha", "oya"; Swahili "nyuma", behind, "saa", hour; Spanish "va", "ese", "yo"; Hausa "amma", but), kept
#: apart from the lists above, where some are a sign of their language ("ra", Javanese not; "amma", Hausa but)
NOT_EVIDENCE_OF: dict[str, frozenset[str]] = {
    "rw": _words(
        "n y w z cy za bya ka uru ako ino ari aho se iyo nawe uko hari nyuma bose aba kuba ese pe dore oya ayo aha yo"
    ),
    "om": _words("fi ee yaa haa nu isa nan ani ati amma sun san sana ol of dha na"),
    "tw": _words("wo ye se sei saa oo aa yi ara be ho eye nye yen ei aaa ay ah daa eii hmm hmmm"),
    "ts": _words("hi va lava la ke ro ra xi nga se"),
}
