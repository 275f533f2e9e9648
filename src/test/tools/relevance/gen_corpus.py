#!/usr/bin/env python3
"""Generates corpus.csv, centers.csv and town-centers.csv of the golden relevance corpus.

Run from the repository root:  python3 src/test/resources/relevance/tools/gen_corpus.py
It reads the shared Nerima town list (../shared/data/towns/geolonia_towns_131202.csv) only to place
resources near their town's representative point; no row of that file is copied. The output is
deterministic (fixed random seed). Every row also carries a machine-readable schedule rule
(kept in memory, not in the CSV) that check_queries.py uses to compute weekday/date expectations.
"""
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "relevance")
TOWNS = os.environ.get("TSUNAGU_TOWNS",
                       os.path.join(ROOT, "..", "shared", "data", "towns", "geolonia_towns_131202.csv"))
POSTAL = os.path.join(os.path.dirname(os.path.dirname(TOWNS)), "reference", "postal_towns_3cities.csv")

WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WDJ = "月火水木金土日"

# ------------------------------------------------------------------ centers and catchment
CENTERS = [
    # code, name, kind, region, address, phone, email
    ("nerima-core", "練馬区地域包括支援センター（基幹型）", "core", "練馬", "東京都練馬区練馬三丁目8-2", "03-0990-1100", "kikan@example.invalid"),
    ("nerima-toyotama", "練馬区豊玉地域包括支援センター", "commissioned", "練馬", "東京都練馬区豊玉北五丁目14-3", "03-0990-1111", "toyotama@example.invalid"),
    ("nerima-hikarigaoka", "練馬区光が丘地域包括支援センター", "commissioned", "光が丘", "東京都練馬区光が丘二丁目9-6", "03-0990-1122", "hikarigaoka@example.invalid"),
    ("nerima-heiwadai", "練馬区平和台地域包括支援センター", "commissioned", "光が丘", "東京都練馬区平和台二丁目3-15", "03-0990-1133", "heiwadai@example.invalid"),
    ("nerima-shakujii", "練馬区石神井地域包括支援センター", "commissioned", "石神井", "東京都練馬区石神井町三丁目20-8", "03-0990-1144", "shakujii@example.invalid"),
    ("nerima-kamishakujii", "練馬区上石神井地域包括支援センター", "commissioned", "石神井", "東京都練馬区上石神井一丁目6-17", "03-0990-1155", "kamishakujii@example.invalid"),
    ("nerima-higashioizumi", "練馬区東大泉地域包括支援センター", "commissioned", "大泉", "東京都練馬区東大泉一丁目29-1", "03-0990-1166", "higashioizumi@example.invalid"),
    ("nerima-nishioizumi", "練馬区大泉学園地域包括支援センター", "commissioned", "大泉", "東京都練馬区大泉学園町四丁目21-9", "03-0990-1177", "oizumigakuen@example.invalid"),
]
REGION = {c[0]: c[3] for c in CENTERS}
# town_prefix -> center (longest prefix wins; 向山 and 貫井 are deliberately left to the catch-all)
TOWN_PREFIX = [
    ("練馬", "nerima-core"), ("春日町", "nerima-core"),
    ("豊玉上", "nerima-toyotama"), ("豊玉中", "nerima-toyotama"), ("豊玉北", "nerima-toyotama"),
    ("豊玉南", "nerima-toyotama"), ("中村", "nerima-toyotama"), ("中村北", "nerima-toyotama"),
    ("中村南", "nerima-toyotama"), ("栄町", "nerima-toyotama"), ("旭丘", "nerima-toyotama"),
    ("小竹町", "nerima-toyotama"), ("羽沢", "nerima-toyotama"), ("桜台", "nerima-toyotama"),
    ("光が丘", "nerima-hikarigaoka"), ("旭町", "nerima-hikarigaoka"), ("田柄", "nerima-hikarigaoka"),
    ("高松", "nerima-hikarigaoka"), ("土支田", "nerima-hikarigaoka"),
    ("北町", "nerima-heiwadai"), ("錦", "nerima-heiwadai"), ("平和台", "nerima-heiwadai"),
    ("早宮", "nerima-heiwadai"), ("氷川台", "nerima-heiwadai"),
    ("石神井町", "nerima-shakujii"), ("石神井台", "nerima-shakujii"), ("高野台", "nerima-shakujii"),
    ("富士見台", "nerima-shakujii"), ("南田中", "nerima-shakujii"), ("谷原", "nerima-shakujii"),
    ("三原台", "nerima-shakujii"),
    ("上石神井", "nerima-kamishakujii"), ("上石神井南町", "nerima-kamishakujii"),
    ("下石神井", "nerima-kamishakujii"), ("関町北", "nerima-kamishakujii"),
    ("関町東", "nerima-kamishakujii"), ("関町南", "nerima-kamishakujii"), ("立野町", "nerima-kamishakujii"),
    ("東大泉", "nerima-higashioizumi"), ("大泉町", "nerima-higashioizumi"),
    ("西大泉", "nerima-nishioizumi"), ("西大泉町", "nerima-nishioizumi"),
    ("南大泉", "nerima-nishioizumi"), ("大泉学園町", "nerima-nishioizumi"),
    ("*", "nerima-core"),
]


def center_of(town):
    best, code = -1, None
    for p, c in TOWN_PREFIX:
        if p == "*":
            if best < 0:
                code = c
        elif town.startswith(p) and len(p) > best:
            best, code = len(p), c
    return code


# ------------------------------------------------------------------ towns
def load_towns():
    towns = {}
    with open(TOWNS, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            towns[r["town"]] = (float(r["lat"]), float(r["lng"]), r["town_kana"].split(" ")[0])
    return towns


def load_postal():
    m = {}
    with open(POSTAL, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["city_code"] == "131202" and r["town_postal_name"]:
                p = r["postal_code"]
                m[r["town_postal_name"]] = p[:3] + "-" + p[3:]
    return m


KNUM = "一二三四五六七八九"
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def split_town(town):
    m = re.match(r"^(.*?)([一二三四五六七八九])丁目$", town)
    if m:
        return m.group(1), KNUM.index(m.group(2)) + 1
    return town, None


def address(town, ban, go, style):
    base, chome = split_town(town)
    if chome is None:
        forms = [f"東京都練馬区{town}{ban}-{go}", f"練馬区{town}{ban}番{go}号", f"{town}{ban}-{go}",
                 f"練馬区{town}{ban}-{go}", f"東京都練馬区{town}{ban}－{go}".translate(FW)]
        return forms[style % 5]
    forms = [
        f"東京都練馬区{town}{ban}-{go}",                      # 東京都練馬区東大泉三丁目12-5
        f"練馬区{base}{chome}丁目{ban}番{go}号".translate(FW),  # 練馬区光が丘２丁目５番１号
        f"{base}{chome}-{ban}-{go}",                          # 石神井台1-2-3
        f"練馬区{base}{chome}-{ban}-{go}",                    # 練馬区東大泉3-12-5
        f"東京都練馬区{town}{ban}-{go}".translate(FW),         # 東京都練馬区南大泉五丁目２６－１５
        f"練馬区{base}{chome}丁目{ban}-{go}",                  # 練馬区高松3丁目4-8
    ]
    return forms[style % 6]


# ------------------------------------------------------------------ schedules
# rule = dict(kind=weekly|nth|biweekly|none|ambiguous, days=set(wd idx), nth=[(n, wd)],
#             hol=bool closed on public holidays, aug=bool closed in August, nen=bool closed 12/29-1/3)
EXC = {"hol": "（祝日の場合は休み）", "aug": "（8月は休み）", "nen": "（年末年始は休み）", "": ""}


def days_text(days):
    return "・".join(WDJ[d] for d in sorted(days))


def W(days, time, exc=""):
    return f"毎週{days_text(days)}曜日 {time}{EXC[exc]}", dict(kind="weekly", days=set(days), **flags(exc))


def M(nths, day, time, exc="", fullwidth=False):
    t = f"毎月{'・'.join('第' + str(n) for n in nths)}{WDJ[day]}曜日 {time}{EXC[exc]}"
    if fullwidth:
        t = t.translate(str.maketrans("0123456789: ", "０１２３４５６７８９：　"))
    return t, dict(kind="nth", nth=[(n, day) for n in nths], days={day}, **flags(exc))


def B(day, time, exc=""):
    return f"隔週{WDJ[day]}曜日 {time}{EXC[exc]}", dict(kind="biweekly", days={day}, **flags(exc))


def C(days, text):
    """Clinic-style opening hours: explicit weekday list, closed on public holidays."""
    return text, dict(kind="weekly", days=set(days), hol=True, aug="8月" in text, nen="年末年始" in text)


def U(text):
    return text, dict(kind="none", days=set())


def A(text):
    """Parseable in principle but not asserted on (24時間…, 平日以外…)."""
    return text, dict(kind="ambiguous", days=set())


def flags(exc):
    return dict(hol=exc == "hol", aug=exc == "aug", nen=exc == "nen")


MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = [MON, TUE, WED, THU, FRI]

CLINIC_HOURS = [
    C(WEEKDAYS, "月〜金 9:00〜12:00／15:00〜18:00（土・日・祝日休診）"),
    C([MON, TUE, WED, FRI, SAT], "月・火・水・金・土 9:00〜12:30／14:30〜18:00（木・日・祝日休診）"),
    C([MON, TUE, THU, FRI, SAT], "月・火・木・金・土 9:00〜12:00／15:00〜18:30（水・日・祝日休診）"),
    C([MON, TUE, WED, THU, FRI, SAT], "月〜土 9:00〜12:30（日曜・祝日休診）"),
    C(WEEKDAYS, "月〜金　９：００〜１３：００／１４：３０〜１８：３０（土・日・祝日休診）"),
    C([MON, WED, THU, FRI, SAT], "月・水・木・金・土 10:00〜13:00／15:00〜19:00（火・日・祝日休診）"),
]
PHARMACY_HOURS = [
    C([MON, TUE, WED, THU, FRI, SAT], "月〜土 9:00〜19:00（日曜・祝日休み）"),
    C(WEEKDAYS, "月〜金 9:00〜18:30（土・日・祝日休み）"),
    C([MON, TUE, WED, FRI, SAT], "月・火・水・金・土 9:00〜13:00／14:00〜18:30（木・日・祝日休み）"),
]


# ------------------------------------------------------------------ rows
COLS = ["external_id", "name", "name_kana", "category", "description", "postal_code", "address", "lat", "lon",
        "phone", "url", "email", "schedule", "cost", "reservation", "target", "accessibility", "home_visit",
        "departments", "center_code", "organizer"]

ROWS = []  # list of dicts (CSV fields + _town, _rule, _lat, _lon)


def R(eid, name, kana, cat, desc, town, sched, cost="", reservation="不要", target="", access="",
      home_visit=False, departments="", organizer="", geo=True, style=None, ban=None, go=None,
      center=None, url=False):
    ROWS.append(dict(external_id=eid, name=name, name_kana=kana, category=cat, description=desc, _town=town,
                     _sched=sched, cost=cost, reservation=reservation, target=target, accessibility=access,
                     home_visit="true" if home_visit else "false", departments=departments, organizer=organizer,
                     _geo=geo, _style=style, _ban=ban, _go=go, _center=center, _url=url))


# ---- salons (hand-made traps first)
R("nrm-salon-001", "ふれあいサロン光が丘", "フレアイサロンヒカリガオカ", "salon",
  "光が丘第二地域集会所で開いている住民主体のサロンです。お茶を飲みながらおしゃべりを楽しんでいます。", "光が丘二丁目",
  M([2, 4], WED, "13:30〜15:00", "aug"), "100円", target="おおむね65歳以上の方", organizer="光が丘二丁目町会",
  style=1, ban=5, go=1)
R("nrm-salon-002", "光が丘いきいきサロン", "ヒカリガオカイキイキサロン", "salon",
  "光が丘の団地にお住まいの方が集まる、顔なじみの多いサロンです。血圧測定の日もあります。", "光が丘五丁目",
  W([FRI], "10:00〜11:30", "hol"), "無料", target="65歳以上の方", organizer="光が丘五丁目自治会")
R("nrm-salon-003", "旭丘おしゃべりサロン", "アサヒガオカオシャベリサロン", "salon",
  "旭丘地区の通いの場です。季節の行事や脳トレを取り入れています。", "旭丘一丁目",
  W([WED], "14:00〜16:00"), "無料", target="地域の高齢者", organizer="旭丘町会")
R("nrm-salon-004", "ｻﾛﾝ ひだまりの丘", "サロンヒダマリノオカ", "salon",
  "田柄の小さな丘の上の集会所で開く集いの場です。", "田柄二丁目",
  M([1], MON, "10:00〜12:00"), "50円", target="どなたでも", organizer="田柄二丁目町会")
R("nrm-salon-005", "東大泉ふれあいサロン", "ヒガシオオイズミフレアイサロン", "salon",
  "東大泉地区区民館で開催しています。初めての方の見学も歓迎しています。", "東大泉三丁目",
  W([WED], "10:00〜11:30", "nen"), "100円", target="おおむね60歳以上の方", organizer="東大泉三丁目町会",
  style=0, ban=12, go=5)
R("nrm-salon-006", "西大泉なかよしサロン", "ニシオオイズミナカヨシサロン", "salon",
  "西大泉の地域集会所で、住民同士の顔の見える関係づくりをしています。", "西大泉二丁目",
  M([3], MON, "13:30〜15:30"), "無料", target="どなたでも", organizer="西大泉自治会")
R("nrm-salon-007", "南大泉いこいの会", "ミナミオオイズミイコイノカイ", "salon",
  "南大泉の民生委員が中心となって続けているサロンです。手芸や折り紙を楽しんでいます。", "南大泉四丁目",
  B(TUE, "13:30〜15:30"), "100円", target="65歳以上の方", organizer="南大泉地区民生委員・児童委員協議会")
R("nrm-salon-008", "大泉町三世代交流サロン", "オオイズミマチサンセダイコウリュウサロン", "salon",
  "子どもから高齢者までが集う交流の場です。", "大泉町二丁目",
  W([MON], "10:00〜12:00"), "無料", target="どなたでも（子ども連れ歓迎）", organizer="大泉町二丁目町会")
R("nrm-salon-009", "大泉学園町おしゃべり茶話会", "オオイズミガクエンチョウオシャベリサワカイ", "salon",
  "大泉学園町の集会所でお茶を囲むサロンです。", "大泉学園町六丁目",
  M([3], MON, "14:00〜16:00", "hol"), "100円", target="おおむね65歳以上の方", organizer="大泉学園町自治会")
R("nrm-salon-010", "石神井町ふれあいサロン", "シャクジイマチフレアイサロン", "salon",
  "石神井公園駅の近く、地区区民館で開いている住民主体のサロンです。", "石神井町三丁目",
  W([THU], "13:30〜15:00"), "100円", target="地域の高齢者", organizer="石神井町三丁目町会")
R("nrm-salon-011", "上石神井いきいきサロン", "カミシャクジイイキイキサロン", "salon",
  "上石神井の地域集会所で、体操とおしゃべりを楽しむサロンです。", "上石神井二丁目",
  M([1, 3], WED, "10:00〜11:30"), "無料", target="65歳以上の方", organizer="上石神井二丁目町会")
R("nrm-salon-012", "石神井台おしゃべりサロン", "シャクジイダイオシャベリサロン", "salon",
  "石神井台の住民が手づくりで続けているサロンです。", "石神井台六丁目",
  M([4], TUE, "13:00〜15:00"), "50円", target="どなたでも", organizer="石神井台町会", style=2, ban=1, go=2)
R("nrm-salon-013", "通いの場「けやき」", "カヨイノバケヤキ", "salon",
  "下石神井のけやき通り沿いの集会所で開く、ひとり暮らしの方も立ち寄りやすい通いの場です。", "下石神井三丁目",
  W([TUE], "10:00〜11:30", "hol"), "無料", target="65歳以上の方", organizer="下石神井地区社会福祉協議会")
R("nrm-salon-014", "男の料理サロン桜台", "オトコノリョウリサロンサクラダイ", "salon",
  "男性が集まって料理をつくり、みんなで会食する会です。", "桜台四丁目",
  M([2], FRI, "10:00〜12:00", fullwidth=True), "500円（材料費）", reservation="要", target="おおむね65歳以上の男性",
  organizer="桜台ボランティアの会")
R("nrm-salon-015", "ＡＢＣ英会話サロン", "エービーシーエイカイワサロン", "salon",
  "やさしい英会話と歌を楽しむ高齢者向けのサロンです。", "豊玉北五丁目",
  W([SAT], "10:00〜11:30"), "200円", target="おおむね60歳以上の方", organizer="NPO法人ねりま国際交流の会")
R("nrm-salon-016", "健康麻雀サロン光が丘", "ケンコウマージャンサロンヒカリガオカ", "salon",
  "賭けない・飲まない・吸わないの健康マージャンの会です。初心者には手ほどきがあります。", "光が丘三丁目",
  W([MON], "13:00〜16:00", "hol"), "100円", target="60歳以上の方", organizer="光が丘シニアクラブ")
R("nrm-salon-017", "ふれあいサロン光が丘（第２会場）", "フレアイサロンヒカリガオカダイニカイジョウ", "salon",
  "ふれあいサロン光が丘の第２会場です。光が丘七丁目の集会所で開いています。", "光が丘七丁目",
  M([1], FRI, "13:30〜15:00"), "100円", target="おおむね65歳以上の方", organizer="光が丘二丁目町会")
R("nrm-salon-018", "楓樹庵サロン", "フウジュアンサロン", "salon",
  "古民家を開放したサロンです。庭を眺めながらお茶を楽しめます。", "谷原三丁目",
  W([THU], "13:00〜16:00"), "200円（お茶代）", target="どなたでも", organizer="楓樹庵運営委員会")
R("nrm-salon-019", "氷川台ほっとサロン", "ヒカワダイホットサロン", "salon",
  "氷川台の住民が気軽に集まるサロンです。", "氷川台三丁目",
  U("不定期（日程は町会の掲示板でお知らせします）"), "無料", target="地域の高齢者", organizer="氷川台町会")
R("nrm-salon-020", "西大泉町ふれあい広場", "ニシオオイズミマチフレアイヒロバ", "salon",
  "西大泉町の集会所で開くサロンです。輪投げや合唱を楽しんでいます。", "西大泉町",
  M([2, 4], THU, "13:00〜15:00"), "無料", target="おおむね60歳以上の方", organizer="西大泉町自治会")
R("nrm-salon-021", "上石神井南町サロン「すみれ」", "カミシャクジイミナミチョウサロンスミレ", "salon",
  "上石神井南町の集会所で開いているサロンです。", "上石神井南町",
  W([SAT], "14:00〜16:00", "aug"), "100円", target="どなたでも", organizer="上石神井南町会")
R("nrm-salon-022", "ゆうひが丘サロン", "ユウヒガオカサロン", "salon",
  "旭町の団地集会所で開く、夕方のおしゃべりサロンです。", "旭町二丁目",
  W([WED], "16:00〜17:30"), "無料", target="どなたでも", organizer="旭町団地自治会")
R("nrm-salon-023", "旭町いきいき茶話会", "アサヒチョウイキイキサワカイ", "salon",
  "旭町の地域集会所でお茶を飲みながら交流する会です。", "旭町一丁目",
  M([2], THU, "13:30〜15:00"), "100円", target="65歳以上の方", organizer="旭町町会")
R("nrm-salon-024", "北町ふれあい食事会", "キタマチフレアイショクジカイ", "salon",
  "ボランティアの手づくり昼食をみんなでいただく会食会です。", "北町三丁目",
  M([3], SAT, "11:30〜13:30"), "300円（昼食代）", reservation="要", target="65歳以上の方", organizer="北町地区社会福祉協議会")
R("nrm-salon-025", "早宮ほのぼのサロン", "ハヤミヤホノボノサロン", "salon",
  "早宮の地域集会所で開いています。0円で参加できます。", "早宮二丁目",
  W([TUE], "13:30〜15:30"), "0円", target="どなたでも", organizer="早宮町会")
R("nrm-salon-026", "高松ふれあいサロン", "タカマツフレアイサロン", "salon",
  "高松の農家の母屋を借りて開くサロンです。", "高松三丁目",
  B(WED, "13:30〜15:30", "aug"), "100円", target="どなたでも", organizer="高松町会")
R("nrm-salon-027", "関町カラオケサロン", "セキマチカラオケサロン", "salon",
  "歌って笑って元気になるカラオケの会です。", "関町北二丁目",
  M([1, 3], MON, "13:00〜15:00", "hol"), "200円", target="どなたでも", organizer="関町北町会")
R("nrm-salon-028", "貫井はつらつサロン", "ヌクイハツラツサロン", "salon",
  "貫井の地域集会所で開いています。脳トレと軽い運動のあとにお茶の時間があります。", "貫井三丁目",
  W([MON, THU], "10:00〜11:30"), "無料", target="65歳以上の方", organizer="貫井町会")
R("nrm-salon-029", "向山おしゃべりサロン", "コウヤマオシャベリサロン", "salon",
  "向山の集会所で、ゆったりおしゃべりを楽しむサロンです。", "向山二丁目",
  M([2], TUE, "13:30〜15:00", "nen"), "50円", target="どなたでも", organizer="向山町会")

# ---- dementia cafes
R("nrm-dcafe-001", "オレンジカフェ光が丘", "オレンジカフェヒカリガオカ", "dementia_cafe",
  "認知症の方とご家族、地域の方がお茶を飲みながら語り合う場です。専門職も参加します。", "光が丘一丁目",
  M([3], SAT, "13:30〜15:30"), "100円", target="認知症の方・ご家族・地域の方", organizer="練馬区光が丘地域包括支援センター")
R("nrm-dcafe-002", "認知症カフェ「ひまわり」", "ニンチショウカフェヒマワリ", "dementia_cafe",
  "石神井町の特別養護老人ホームの地域交流スペースで開いています。", "石神井町二丁目",
  M([1], WED, "13:30〜15:00", "aug"), "100円", target="認知症の方・ご家族・地域の方", organizer="社会福祉法人石神井福祉会")
R("nrm-dcafe-003", "Dカフェ・おおいずみ", "ディーカフェオオイズミ", "dementia_cafe",
  "認知症の方やご家族が気軽に立ち寄れるカフェです。", "東大泉五丁目",
  M([2], TUE, "14:00〜16:00"), "無料", target="認知症の方・ご家族・地域の方", organizer="練馬区東大泉地域包括支援センター")
R("nrm-dcafe-004", "ディーカフェ桜台", "ディーカフェサクラダイ", "dementia_cafe",
  "桜台のコミュニティスペースで開くカフェです。ミニ講話や音楽の時間があります。", "桜台二丁目",
  M([4], THU, "13:00〜15:00", "nen"), "100円", target="どなたでも", organizer="練馬区豊玉地域包括支援センター")
R("nrm-dcafe-005", "ケアラーズカフェ上石神井", "ケアラーズカフェカミシャクジイ", "dementia_cafe",
  "介護をしているご家族が息抜きできるオレンジカフェ（認知症カフェ）です。", "上石神井四丁目",
  M([2], SAT, "10:00〜12:00"), "100円", target="介護をしているご家族", organizer="練馬区上石神井地域包括支援センター")
R("nrm-dcafe-006", "もの忘れ相談カフェ「こもれび」", "モノワスレソウダンカフェコモレビ", "dementia_cafe",
  "もの忘れが気になる方とご家族の相談カフェです。認知症サポート医が年4回参加します。", "大泉学園町二丁目",
  M([4], WED, "13:30〜15:30", "aug"), "無料", reservation="要", target="もの忘れが気になる方・ご家族",
  organizer="練馬区大泉学園地域包括支援センター")
R("nrm-dcafe-007", "ｵﾚﾝｼﾞｶﾌｪ南田中", "オレンジカフェミナミタナカ", "dementia_cafe",
  "南田中の介護事業所で開くカフェです。どなたでも参加できます。", "南田中四丁目",
  M([1], THU, "14:00〜15:30"), "100円", target="どなたでも", organizer="南田中ケアネット")
R("nrm-dcafe-008", "平和台 認知症カフェ", "ヘイワダイニンチショウカフェ", "dementia_cafe",
  "平和台の地区区民館で開いています。介護の悩みを話せる場です。", "平和台二丁目",
  W([FRI], "13:30〜15:00", "hol"), "100円", target="認知症の方・ご家族・地域の方", organizer="練馬区平和台地域包括支援センター")
R("nrm-dcafe-009", "ほっとカフェ関町", "ホットカフェセキマチ", "dementia_cafe",
  "関町南の教会ホールで開く、認知症の方とご家族のためのカフェです。", "関町南三丁目",
  U("年6回（奇数月・日程は区報でお知らせします）"), "100円", target="認知症の方・ご家族", organizer="関町ケアラーズの会")
R("nrm-dcafe-010", "オレンジカフェ豊玉", "オレンジカフェトヨタマ", "dementia_cafe",
  "豊玉中の介護老人保健施設のロビーで開いています。", "豊玉中二丁目",
  M([3], WED, "14:00〜15:30"), "無料", target="どなたでも", organizer="介護老人保健施設とよたま苑")

# ---- community cafes
R("nrm-ccafe-001", "街かどケアカフェ高野台", "マチカドケアカフェタカノダイ", "community_cafe",
  "地域包括支援センターに併設したカフェです。月に一度、医療・介護の専門職と語る夜カフェも開いています。", "高野台一丁目",
  W([MON, TUE, WED, THU, FRI], "10:00〜16:00", "hol"), "飲み物100円", target="どなたでも", organizer="練馬区石神井地域包括支援センター")
R("nrm-ccafe-002", "まちかどケアカフェ練馬", "マチカドケアカフェネリマ", "community_cafe",
  "介護や健康の情報コーナーがある、誰でも立ち寄れるカフェです。", "練馬一丁目",
  W([TUE, THU], "13:00〜16:00"), "飲み物100円", target="どなたでも", organizer="練馬区地域包括支援センター（基幹型）",
  style=4, ban=17, go=5)
R("nrm-ccafe-003", "コミュニティカフェ「えんがわ」", "コミュニティカフェエンガワ", "community_cafe",
  "大泉町の商店街にある地域カフェです。日替わりランチ（実費）もあります。", "大泉町四丁目",
  W([WED, SAT], "11:00〜15:00"), "実費", target="どなたでも", organizer="NPO法人おおいずみえんがわ")
R("nrm-ccafe-004", "光が丘まちカフェ", "ヒカリガオカマチカフェ", "community_cafe",
  "光が丘の商店街の空き店舗を使った居場所です。本を読みに立ち寄るだけでも歓迎です。", "光が丘六丁目",
  W([WED], "13:00〜16:00", "nen"), "飲み物100円", target="どなたでも", organizer="光が丘まちづくりの会")

# ---- exercise
R("nrm-ex-001", "はつらつ体操教室 光が丘", "ハツラツタイソウキョウシツヒカリガオカ", "exercise",
  "椅子に座ってできる体操で、転倒予防と筋力アップを目指します。", "光が丘四丁目",
  W([WED], "10:00〜11:00", "hol"), "無料", reservation="要", target="おおむね65歳以上の方", organizer="練馬区")
R("nrm-ex-002", "いきいき百歳体操 東大泉会場", "イキイキヒャクサイタイソウヒガシオオイズミカイジョウ", "exercise",
  "おもりを使った百歳体操を住民同士で続けています。", "東大泉一丁目",
  W([TUE], "13:30〜14:30"), "無料", target="おおむね65歳以上の方", organizer="東大泉体操の会")
R("nrm-ex-003", "介護予防教室 石神井台", "カイゴヨボウキョウシツシャクジイダイ", "exercise",
  "運動・栄養・口腔の三つの観点から介護予防を学ぶ教室です。", "石神井台二丁目",
  M([1, 3], FRI, "10:00〜11:30", "aug"), "無料", reservation="要", target="65歳以上の区民", organizer="練馬区")
R("nrm-ex-004", "健康長寿いきいき教室", "ケンコウチョウジュイキイキキョウシツ", "exercise",
  "大泉学園町の地区区民館で開く教室です。音楽に合わせた体操と脳トレを行います。", "大泉学園町四丁目",
  W([THU], "14:00〜15:00", "hol"), "無料", reservation="要", target="65歳以上の区民", organizer="練馬区")
R("nrm-ex-005", "シニアの筋力アップ教室 上石神井", "シニアノキンリョクアップキョウシツカミシャクジイ", "exercise",
  "トレーニングマシンと自重運動で、無理なく筋力アップを目指します。", "上石神井三丁目",
  U("年3回開催（日程は区報でお知らせします）"), "1回500円", reservation="要", target="おおむね65歳以上の方", organizer="練馬区スポーツ協会")
R("nrm-ex-006", "ウォーキング教室 西大泉", "ウォーキングキョウシツニシオオイズミ", "exercise",
  "正しい歩き方を学び、白子川沿いを一緒に歩きます。", "西大泉五丁目",
  M([2], SUN, "9:00〜11:00", "aug"), "無料", target="どなたでも", organizer="西大泉ウオーキングクラブ")
R("nrm-ex-007", "いすヨガ教室 南大泉", "イスヨガキョウシツミナミオオイズミ", "exercise",
  "椅子に座ったままできるヨガで、呼吸を整え体をほぐします。", "南大泉二丁目",
  W([FRI], "10:00〜11:00"), "300円", target="どなたでも", organizer="南大泉ヨガの会")
R("nrm-ex-008", "お口の健康教室", "オクチノケンコウキョウシツ", "exercise",
  "歯科衛生士が口腔ケアと飲み込みの体操をお伝えします。", "石神井町六丁目",
  M([2], THU, "14:00〜15:00"), "無料", reservation="要", target="65歳以上の区民", organizer="練馬区石神井保健相談所")

# ---- clinics
R("nrm-clinic-001", "光が丘内科クリニック", "ヒカリガオカナイカクリニック", "clinic",
  "高血圧や糖尿病など慢性疾患の診療に力を入れています。", "光が丘三丁目",
  CLINIC_HOURS[0], "保険診療", departments="内科;循環器内科")
R("nrm-clinic-002", "しゃくじい在宅クリニック", "シャクジイザイタククリニック", "clinic",
  "在宅療養支援診療所です。通院が難しい方のご自宅へ定期的に訪問し、24時間の往診にも対応しています。", "石神井町五丁目",
  CLINIC_HOURS[0], "保険診療", reservation="要", home_visit=True, departments="内科;訪問診療")
R("nrm-clinic-003", "大泉ひふ科クリニック", "オオイズミヒフカクリニック", "clinic",
  "湿疹、床ずれ（褥瘡）の治療など、高齢の方の皮膚のお悩みにも対応します。", "東大泉二丁目",
  CLINIC_HOURS[2], "保険診療", departments="皮膚科")
R("nrm-clinic-004", "石神井耳鼻咽喉科", "シャクジイジビインコウカ", "clinic",
  "聞こえの相談や補聴器外来を行っています。", "石神井町一丁目",
  CLINIC_HOURS[1], "保険診療", departments="耳鼻咽喉科")
R("nrm-clinic-005", "光が丘アイクリニック", "ヒカリガオカアイクリニック", "clinic",
  "白内障や緑内障の診療を行っています。", "光が丘五丁目",
  CLINIC_HOURS[3], "保険診療", departments="眼科")
R("nrm-clinic-006", "けやき内科医院", "ケヤキナイカイイン", "clinic",
  "地域のかかりつけ医として、生活習慣病の管理や健康診断を行っています。上石神井駅から徒歩3分です。", "上石神井一丁目",
  CLINIC_HOURS[0], "保険診療", departments="内科;消化器内科", style=3, ban=8, go=14)
R("nrm-clinic-007", "南大泉整形外科", "ミナミオオイズミセイケイゲカ", "clinic",
  "膝や腰の痛み、骨粗しょう症の治療とリハビリを行っています。", "南大泉三丁目",
  CLINIC_HOURS[3], "保険診療", departments="整形外科;リハビリテーション科")
R("nrm-clinic-008", "西大泉もの忘れクリニック", "ニシオオイズミモノワスレクリニック", "clinic",
  "認知症サポート医によるもの忘れ外来です。ご家族だけのご相談もお受けします。", "西大泉三丁目",
  CLINIC_HOURS[1], "保険診療", reservation="要", departments="脳神経内科;精神科;もの忘れ外来")
R("nrm-clinic-009", "大泉学園診療所", "オオイズミガクエンシンリョウジョ", "clinic",
  "内科・小児科の診療所です。通院が難しい方には訪問診療も行っています。", "大泉学園町五丁目",
  CLINIC_HOURS[5], "保険診療", home_visit=True, departments="内科;小児科;訪問診療")
R("nrm-clinic-010", "旭丘こころのクリニック", "アサヒガオカココロノクリニック", "clinic",
  "心療内科・精神科です。高齢の方の不眠やうつのご相談にも応じています。", "旭丘二丁目",
  CLINIC_HOURS[2], "保険診療", reservation="要", departments="心療内科;精神科")
R("nrm-clinic-011", "練馬駅前ファミリークリニック", "ネリマエキマエファミリークリニック", "clinic",
  "内科全般と予防接種、健康診断を行っています。", "練馬一丁目",
  CLINIC_HOURS[4], "保険診療", departments="内科;アレルギー科")

# ---- hospitals
R("nrm-hosp-001", "光が丘中央総合病院", "ヒカリガオカチュウオウソウゴウビョウイン", "hospital",
  "二次救急と地域医療連携室を備えた総合病院です。入退院の相談は医療ソーシャルワーカーが応じます。", "光が丘二丁目",
  A("月〜金 8:30〜11:00（受付時間、土・日・祝日休診）、救急は24時間"), "保険診療",
  departments="内科;外科;整形外科;眼科;耳鼻咽喉科;皮膚科;リハビリテーション科")
R("nrm-hosp-002", "大泉リハビリテーション病院", "オオイズミリハビリテーションビョウイン", "hospital",
  "回復期リハビリテーション病棟で、脳卒中や骨折後の在宅復帰を支援しています。", "大泉町六丁目",
  C([MON, TUE, WED, THU, FRI, SAT], "月〜土 9:00〜12:00（日曜・祝日休診）"), "保険診療",
  departments="リハビリテーション科;内科;整形外科")
R("nrm-hosp-003", "石神井台けやき病院", "シャクジイダイケヤキビョウイン", "hospital",
  "認知症疾患医療センターを併設し、もの忘れの鑑別診断や専門医療相談を行っています。", "石神井台七丁目",
  C(WEEKDAYS, "月〜金 8:30〜11:30（土・日・祝日休診）"), "保険診療",
  departments="内科;精神科;脳神経内科;もの忘れ外来")

# ---- dental
R("nrm-dental-001", "ひかりがおかデンタルクリニック", "ヒカリガオカデンタルクリニック", "dental",
  "むし歯・歯周病の治療と入れ歯の調整を行っています。", "光が丘二丁目",
  CLINIC_HOURS[1], "保険診療", departments="歯科;小児歯科")
R("nrm-dental-002", "東大泉歯科医院", "ヒガシオオイズミシカイイン", "dental",
  "通院が難しい方のご自宅や施設への訪問歯科診療にも対応しています。", "東大泉三丁目",
  CLINIC_HOURS[2], "保険診療", reservation="要", home_visit=True, departments="歯科;歯科口腔外科;訪問歯科",
  style=3, ban=3, go=22)
R("nrm-dental-003", "すずらん歯科クリニック", "スズランシカクリニック", "dental",
  "入れ歯専門外来があります。車いすのまま診療台の近くまで入れます。", "石神井町四丁目",
  CLINIC_HOURS[5], "保険診療", access="車いす可;バリアフリートイレあり", departments="歯科")
R("nrm-dental-004", "上石神井訪問歯科センター", "カミシャクジイホウモンハイシカセンター", "dental",
  "外来診療は行わず、ご自宅や介護施設への歯科訪問診療を専門に行っています。", "上石神井三丁目",
  C(WEEKDAYS, "月〜金 9:00〜17:00（土・日・祝日休み）"), "保険診療", reservation="要", home_visit=True,
  departments="訪問歯科")
R("nrm-dental-005", "大泉学園町歯科", "オオイズミガクエンチョウシカ", "dental",
  "痛みの少ない治療を心がけ、丁寧な説明を大切にしています。", "大泉学園町一丁目",
  CLINIC_HOURS[0], "保険診療", departments="歯科")

# ---- pharmacies
R("nrm-pharm-001", "光が丘すずかけ薬局", "ヒカリガオカスズカケヤッキョク", "pharmacy",
  "在宅訪問薬剤管理指導に対応しています。ご自宅へお薬をお届けし、飲み方をご説明します。", "光が丘三丁目",
  PHARMACY_HOURS[0], "保険調剤", home_visit=True)
R("nrm-pharm-002", "しゃくじい調剤薬局", "シャクジイチョウザイヤッキョク", "pharmacy",
  "お薬の一包化やジェネリック医薬品のご相談に対応しています。", "石神井町三丁目",
  PHARMACY_HOURS[1], "保険調剤")
R("nrm-pharm-003", "ドラッグストアみどり 大泉学園店", "ドラッグストアミドリオオイズミガクエンテン", "pharmacy",
  "調剤コーナーを併設したドラッグストアです。日用品や介護用品もそろいます。", "東大泉一丁目",
  A("毎日 9:00〜22:00（調剤は月〜土 10:00〜19:00）"), "保険調剤")
R("nrm-pharm-004", "あおば薬局 西大泉店", "アオバヤッキョクニシオオイズミテン", "pharmacy",
  "健康サポート薬局として、健康や介護のちょっとした相談も受け付けています。", "西大泉四丁目",
  PHARMACY_HOURS[2], "保険調剤")
R("nrm-pharm-005", "ひばり薬局", "ヒバリヤッキョク", "pharmacy",
  "訪問服薬指導を行っています。通院が難しい方はご相談ください。", "上石神井一丁目",
  PHARMACY_HOURS[0], "保険調剤", home_visit=True)

# ---- home nursing
R("nrm-nurse-001", "訪問看護ステーション光が丘", "ホウモンカンゴステーションヒカリガオカ", "home_nursing",
  "医療的ケアの必要な方の在宅療養を、主治医やケアマネジャーと連携して支えます。", "光が丘四丁目",
  A("24時間対応"), "医療保険・介護保険", reservation="要", target="主治医の指示書がある方", home_visit=True)
R("nrm-nurse-002", "ねりま訪看ステーションそよかぜ", "ネリマホウカンステーションソヨカゼ", "home_nursing",
  "理学療法士も在籍し、ご自宅でのリハビリテーションにも対応しています。", "豊玉南二丁目",
  C(WEEKDAYS, "月〜金 9:00〜17:30（土・日・祝日休み）"), "医療保険・介護保険", reservation="要", home_visit=True)
R("nrm-nurse-003", "おおいずみ訪問看護ステーション", "オオイズミホウモンカンゴステーション", "home_nursing",
  "がん末期の方の緩和ケアやご自宅での看取りを支えています。", "南大泉五丁目",
  A("24時間365日"), "医療保険・介護保険", reservation="要", home_visit=True)
R("nrm-nurse-004", "訪問看護リハビリステーション石神井", "ホウモンカンゴリハビリステーションシャクジイ", "home_nursing",
  "看護師と作業療法士がご自宅に伺います。", "石神井台三丁目",
  C([MON, TUE, WED, THU, FRI, SAT], "月〜土 9:00〜18:00（日曜・祝日休み）"), "医療保険・介護保険", reservation="要", home_visit=True)

# ---- consultation (centers as resources, 社協, 保健相談所 …)
CENTER_TOWN = {"nerima-core": ("練馬三丁目", 8, 2), "nerima-toyotama": ("豊玉北五丁目", 14, 3),
               "nerima-hikarigaoka": ("光が丘二丁目", 9, 6), "nerima-heiwadai": ("平和台二丁目", 3, 15),
               "nerima-shakujii": ("石神井町三丁目", 20, 8), "nerima-kamishakujii": ("上石神井一丁目", 6, 17),
               "nerima-higashioizumi": ("東大泉一丁目", 29, 1), "nerima-nishioizumi": ("大泉学園町四丁目", 21, 9)}
CENTER_KANA = {"nerima-core": "ネリマクチイキホウカツシエンセンターキカンガタ",
               "nerima-toyotama": "ネリマクトヨタマチイキホウカツシエンセンター",
               "nerima-hikarigaoka": "ネリマクヒカリガオカチイキホウカツシエンセンター",
               "nerima-heiwadai": "ネリマクヘイワダイチイキホウカツシエンセンター",
               "nerima-shakujii": "ネリマクシャクジイチイキホウカツシエンセンター",
               "nerima-kamishakujii": "ネリマクカミシャクジイチイキホウカツシエンセンター",
               "nerima-higashioizumi": "ネリマクヒガシオオイズミチイキホウカツシエンセンター",
               "nerima-nishioizumi": "ネリマクオオイズミガクエンチイキホウカツシエンセンター"}
for i, (code, cname, kind, region, addr, phone, email) in enumerate(CENTERS, 1):
    t, b, g = CENTER_TOWN[code]
    R(f"nrm-cons-{i:03d}", cname, CENTER_KANA[code], "consultation",
      ("区内の地域包括支援センターを統括する基幹型センターです。高齢者の総合相談、権利擁護、虐待の通報も受け付けます。"
       if kind == "core" else
       f"{region}圏域の高齢者とご家族の総合相談窓口です。介護保険の申請、介護予防、成年後見のご相談に応じます。"),
      t, C([MON, TUE, WED, THU, FRI, SAT], "月〜土 8:30〜17:15（日曜・祝日・年末年始休み）"), "無料",
      target="担当地域にお住まいの高齢者とご家族", access="車いす可", ban=b, go=g, style=0, center=code)
R("nrm-cons-009", "練馬区社会福祉協議会", "ネリマクシャカイフクシキョウギカイ", "consultation",
  "ボランティアセンターの運営、福祉サービスの利用援助、日常生活自立支援事業を行っています。", "豊玉北五丁目",
  C(WEEKDAYS, "月〜金 8:30〜17:15（土・日・祝日休み）"), "無料", target="どなたでも")
R("nrm-cons-010", "権利擁護センター ほっとねりま", "ケンリヨウゴセンターホットネリマ", "consultation",
  "成年後見制度の利用相談や、財産管理のご相談に応じます。", "練馬二丁目",
  C(WEEKDAYS, "月〜金 9:00〜17:00（土・日・祝日休み）"), "無料", reservation="要", target="区民とご家族")
R("nrm-cons-011", "石神井保健相談所", "シャクジイホケンソウダンショ", "consultation",
  "保健師による健康相談、介護予防教室の受付を行っています。", "石神井町七丁目",
  C(WEEKDAYS, "月〜金 8:30〜17:15（土・日・祝日休み）"), "無料", target="区民")
R("nrm-cons-012", "ねりま消費生活センター", "ネリマショウヒセイカツセンター", "consultation",
  "悪質商法や契約トラブルの相談を受け付けています。高齢者の消費者被害のご相談もどうぞ。", "豊玉上一丁目",
  C(WEEKDAYS, "月〜金 9:00〜16:30（土・日・祝日休み）"), "無料", target="区民")

# ---- care services
R("nrm-care-001", "ケアプランセンター光が丘", "ケアプランセンターヒカリガオカ", "care_service",
  "居宅介護支援事業所です。介護支援専門員がご自宅に伺い、ケアプランを作成します。", "光が丘六丁目",
  C(WEEKDAYS, "月〜金 9:00〜18:00（土・日・祝日休み）"), "無料", target="要介護認定を受けた方")
R("nrm-care-002", "デイサービスセンターおおいずみ", "デイサービスセンターオオイズミ", "care_service",
  "入浴や食事、機能訓練、レクリエーションを日帰りで提供する通所介護です。", "大泉町五丁目",
  A("月〜土 8:30〜17:30"), "介護保険適用（1〜3割負担）", reservation="要", target="要支援・要介護認定を受けた方")
R("nrm-care-003", "特別養護老人ホーム石神井ホーム", "トクベツヨウゴロウジンホームシャクジイホーム", "care_service",
  "定員100名の特養です。ショートステイ（短期入所生活介護）も併設しています。", "石神井台五丁目",
  A("24時間365日"), "介護保険適用（1〜3割負担）", reservation="要", target="要介護3以上の方")
R("nrm-care-004", "介護老人保健施設とよたま苑", "カイゴロウジンホケンシセツトヨタマエン", "care_service",
  "在宅復帰を目指したリハビリを行う老健です。通所リハビリテーションもあります。", "豊玉中二丁目",
  A("24時間365日"), "介護保険適用（1〜3割負担）", reservation="要", target="要介護認定を受けた方")
R("nrm-care-005", "ヘルパーステーションひかり", "ヘルパーステーションヒカリ", "care_service",
  "ホームヘルパーがご自宅に伺い、身体介護や生活援助を行います。", "田柄四丁目",
  A("毎日 7:00〜21:00"), "介護保険適用（1〜3割負担）", reservation="要", target="要支援・要介護認定を受けた方")
R("nrm-care-006", "ショートステイ上石神井", "ショートステイカミシャクジイ", "care_service",
  "ご家族の急な用事やレスパイトに、数日間のお泊まりでお預かりします。", "上石神井四丁目",
  A("24時間365日"), "介護保険適用（1〜3割負担）", reservation="要", target="要介護認定を受けた方")
R("nrm-care-007", "グループホームこもれび西大泉", "グループホームコモレビニシオオイズミ", "care_service",
  "認知症の方が少人数で共同生活を送る認知症対応型共同生活介護です。", "西大泉六丁目",
  A("24時間365日"), "介護保険適用（1〜3割負担）", reservation="要", target="要支援2以上の認知症の方")

# ---- watch partners
R("nrm-watch-001", "まちかどマート 東大泉三丁目店", "マチカドマートヒガシオオイズミサンチョウメテン", "watch_partner",
  "区と見守り協定を結んでいるコンビニエンスストアです。道に迷っている様子の方を見かけたら保護し、包括に連絡します。", "東大泉三丁目",
  A("24時間営業"), organizer="株式会社まちかどマート", style=2, ban=20, go=3)
R("nrm-watch-002", "練馬中央新聞販売所", "ネリマチュウオウシンブンハンバイショ", "watch_partner",
  "新聞配達の際に、新聞がたまっているなどの異変に気づいたら区へ連絡します。", "練馬四丁目",
  U("配達は毎日（事務所 月〜土 5:00〜17:00）"), organizer="練馬中央新聞販売所")
R("nrm-watch-003", "生活協同組合ねりまコープ 光が丘センター", "セイカツキョウドウクミアイネリマコープヒカリガオカセンター", "watch_partner",
  "宅配の際にお届け先の見守りを行っています。夕食のお弁当の宅配もあります。", "光が丘七丁目",
  A("月〜土 9:00〜20:00"), organizer="生活協同組合ねりまコープ")
R("nrm-watch-004", "ひだまり配食サービス", "ヒダマリハイショクサービス", "watch_partner",
  "高齢者のお宅へ手渡しで夕食をお届けし、安否確認を行います。", "高松五丁目",
  A("毎日 16:00〜19:00（お届け時間）"), "1食550円", organizer="有限会社ひだまりキッチン")
R("nrm-watch-005", "ねりま信用金庫 石神井支店", "ネリマシンヨウキンコシャクジイシテン", "watch_partner",
  "窓口で高額の引き出しなど特殊詐欺の疑いに気づいたときは警察と区に連絡します。", "石神井町一丁目",
  C(WEEKDAYS, "月〜金 9:00〜15:00（土・日・祝日休み）"), organizer="ねりま信用金庫")


# ------------------------------------------------------------------ filler rows (templated)
FILL_TOWN_EXCLUDE = ("光が丘", "旭丘", "旭町", "東大泉", "西大泉町", "上石神井南町", "大泉学園町", "大泉町")

SALON_NAMES = [("いきいきサロン{T}", "イキイキサロン{K}"), ("{T}なかよしサロン", "{K}ナカヨシサロン"),
               ("{T}ふれあい茶話会", "{K}フレアイサワカイ"), ("歌声サロン{T}", "ウタゴエサロン{K}"),
               ("囲碁・将棋サロン{T}", "イゴショウギサロン{K}"), ("{T}おしゃべりサロン", "{K}オシャベリサロン"),
               ("手芸サロン{T}", "シュゲイサロン{K}"), ("{T}シニアサロン", "{K}シニアサロン")]
SALON_DESC = ["{T}の地域集会所で開いている住民主体のサロンです。", "{T}周辺にお住まいの方が集まる、顔なじみの多いサロンです。",
              "{T}地区区民館が会場です。初めての方の見学も歓迎しています。", "民生委員が中心となって続けている{T}のサロンです。"]
EX_NAMES = [("いきいき百歳体操 {T}会場", "イキイキヒャクサイタイソウ{K}カイジョウ"), ("{T}健康体操の会", "{K}ケンコウタイソウノカイ"),
            ("ストレッチ教室 {T}", "ストレッチキョウシツ{K}"), ("{T}ラジオ体操の会", "{K}ラジオタイソウノカイ")]
CLINIC_NAMES = [("{T}内科クリニック", "{K}ナイカクリニック", "内科"), ("{T}診療所", "{K}シンリョウジョ", "内科;外科"),
                ("{T}医院", "{K}イイン", "内科;小児科"), ("{T}眼科", "{K}ガンカ", "眼科"),
                ("{T}整形外科クリニック", "{K}セイケイゲカクリニック", "整形外科"), ("{T}胃腸内科", "{K}イチョウナイカ", "消化器内科;内科")]
DENTAL_NAMES = [("{T}歯科医院", "{K}シカイイン"), ("{T}デンタルクリニック", "{K}デンタルクリニック"), ("{T}歯科", "{K}シカ")]
PHARM_NAMES = [("{T}薬局", "{K}ヤッキョク"), ("さくら調剤薬局 {T}店", "サクラチョウザイヤッキョク{K}テン"),
               ("{T}ファーマシー", "{K}ファーマシー")]
NURSE_NAMES = [("訪問看護ステーション{T}", "ホウモンカンゴステーション{K}")]
CARE_NAMES = [("デイサービス{T}", "デイサービス{K}", "入浴や食事、機能訓練を日帰りで提供する通所介護です。"),
              ("{T}居宅介護支援事業所", "{K}キョタクカイゴシエンジギョウショ", "ケアマネジャーがケアプランを作成します。"),
              ("訪問介護ステーション{T}", "ホウモンカイゴステーション{K}", "ホームヘルパーが身体介護や家事援助に伺います。")]
WATCH_NAMES = [("まちかどマート {T}店", "マチカドマート{K}テン", "区と見守り協定を結んでいるコンビニエンスストアです。", A("24時間営業")),
               ("ねりま郵便局 {T}分室", "ネリマユウビンキョク{K}ブンシツ", "配達の際に郵便物がたまっているなどの異変に気づいたら区へ連絡します。",
                C(WEEKDAYS, "月〜金 9:00〜17:00（土・日・祝日休み）")),
               ("{T}ガス サービスショップ", "{K}ガスサービスショップ", "検針や点検の際に異変に気づいたら区へ連絡します。",
                C(WEEKDAYS, "月〜金 9:00〜18:00（土・日・祝日休み）"))]

COUNTS = dict(salon=44, dementia_cafe=14, community_cafe=10, exercise=20, clinic=28, hospital=6, dental=18,
              pharmacy=18, home_nursing=10, consultation=14, care_service=16, watch_partner=14)
PREFIX = dict(salon="nrm-salon", dementia_cafe="nrm-dcafe", community_cafe="nrm-ccafe", exercise="nrm-ex",
              clinic="nrm-clinic", hospital="nrm-hosp", dental="nrm-dental", pharmacy="nrm-pharm",
              home_nursing="nrm-nurse", consultation="nrm-cons", care_service="nrm-care", watch_partner="nrm-watch")


def community_sched(rnd):
    k = rnd.random()
    exc = rnd.choice(["", "", "hol", "aug", "nen"])
    t = rnd.choice(["10:00〜11:30", "13:30〜15:00", "13:00〜15:00", "14:00〜16:00"])
    if k < 0.35:
        return W(sorted(rnd.sample(range(6), rnd.choice([1, 1, 2]))), t, exc)
    if k < 0.75:
        return M(sorted(rnd.sample([1, 2, 3, 4], rnd.choice([1, 2]))), rnd.randrange(6), t, exc, rnd.random() < 0.1)
    if k < 0.9:
        return B(rnd.randrange(6), t, exc)
    return U(rnd.choice(["月1回程度（日程は町会の掲示板でお知らせします）", "不定期", "年4回（日程は区報でお知らせします）"]))


def filler(towns):
    rnd = random.Random(131202)
    pool = sorted(t for t in towns if not t.startswith(FILL_TOWN_EXCLUDE))
    have = {}
    for r in ROWS:
        have[r["category"]] = have.get(r["category"], 0) + 1
    for cat, total in COUNTS.items():
        n = have.get(cat, 0)
        used = set()
        while n < total:
            n += 1
            town = rnd.choice(pool)
            base, _ = split_town(town)
            kana = towns[town][2]
            if cat == "salon":
                nm, kn = rnd.choice(SALON_NAMES)
                desc = rnd.choice(SALON_DESC)
                extra = dict(cost=rnd.choice(["無料", "無料", "100円", "50円", "200円（お茶代）"]),
                             target=rnd.choice(["65歳以上の方", "どなたでも", "おおむね60歳以上の方"]),
                             organizer=f"{base}町会")
                sched = community_sched(rnd)
            elif cat == "dementia_cafe":
                nm, kn = rnd.choice([("{T}オレンジカフェ", "{K}オレンジカフェ"), ("認知症カフェ {T}", "ニンチショウカフェ{K}")])
                desc = "認知症の方とご家族、地域の方が集うカフェです。{T}で開いています。"
                extra = dict(cost="100円", target="認知症の方・ご家族・地域の方", organizer=f"{base}ケアネット")
                sched = community_sched(rnd)
            elif cat == "community_cafe":
                nm, kn = rnd.choice([("{T}地域カフェ", "{K}チイキカフェ"), ("街かどケアカフェ{T}", "マチカドケアカフェ{K}")])
                desc = "誰でも立ち寄れる{T}の居場所です。介護や健康に関する情報コーナーがあります。"
                extra = dict(cost="飲み物100円", target="どなたでも", organizer=f"NPO法人{base}えんがわ")
                sched = community_sched(rnd)
            elif cat == "exercise":
                nm, kn = rnd.choice(EX_NAMES)
                desc = "{T}で住民同士が続けている体操の会です。転倒予防に取り組んでいます。"
                extra = dict(cost=rnd.choice(["無料", "無料", "100円"]), target="おおむね65歳以上の方", organizer=f"{base}体操の会")
                sched = community_sched(rnd)
            elif cat == "clinic":
                nm, kn, dep = rnd.choice(CLINIC_NAMES)
                desc = rnd.choice(["地域のかかりつけ医として診療しています。", "駅から近く、予約なしでも受診できます。"])
                extra = dict(cost="保険診療", departments=dep)
                sched = rnd.choice(CLINIC_HOURS)
            elif cat == "hospital":
                nm, kn = ("{T}総合病院", "{K}ソウゴウビョウイン")
                desc = "入院設備のある病院です。地域医療連携室で退院後の生活の相談に応じます。"
                extra = dict(cost="保険診療", departments="内科;外科;整形外科")
                sched = C(WEEKDAYS, "月〜金 8:30〜11:30（土・日・祝日休診）")
            elif cat == "dental":
                nm, kn = rnd.choice(DENTAL_NAMES)
                hv = rnd.random() < 0.3
                desc = "むし歯・歯周病・入れ歯の治療を行っています。" + ("訪問歯科にも対応しています。" if hv else "")
                extra = dict(cost="保険診療", home_visit=hv, departments="歯科" + (";訪問歯科" if hv else ""))
                sched = rnd.choice(CLINIC_HOURS)
            elif cat == "pharmacy":
                nm, kn = rnd.choice(PHARM_NAMES)
                hv = rnd.random() < 0.3
                desc = "処方せんを受け付けています。" + ("在宅訪問薬剤管理指導に対応しています。" if hv else "")
                extra = dict(cost="保険調剤", home_visit=hv)
                sched = rnd.choice(PHARMACY_HOURS)
            elif cat == "home_nursing":
                nm, kn = NURSE_NAMES[0]
                desc = "看護師がご自宅に伺い、健康状態の観察や医療的ケアを行います。"
                extra = dict(cost="医療保険・介護保険", reservation="要", home_visit=True)
                sched = rnd.choice([A("24時間対応"), C(WEEKDAYS, "月〜金 9:00〜18:00（土・日・祝日休み）")])
            elif cat == "consultation":
                nm, kn = ("{T}高齢者なんでも相談会", "{K}コウレイシャナンデモソウダンカイ")
                desc = "包括の職員が{T}の地区区民館に出張して、介護や健康の相談をお受けします。"
                extra = dict(cost="無料", target="区民とご家族")
                sched = M([rnd.choice([1, 2, 3, 4])], rnd.randrange(5), "10:00〜12:00", rnd.choice(["", "hol"]))
            elif cat == "care_service":
                nm, kn, desc = rnd.choice(CARE_NAMES)
                extra = dict(cost="介護保険適用（1〜3割負担）", reservation="要", target="要支援・要介護認定を受けた方")
                sched = A("月〜土 8:30〜17:30")
            else:
                nm, kn, desc, sched = rnd.choice(WATCH_NAMES)
                extra = dict(organizer=nm.split(" ")[0].replace("{T}", base))
            name = nm.replace("{T}", base)
            if name in used:
                n -= 1
                continue
            used.add(name)
            kanas = kn.replace("{K}", kana)
            if rnd.random() < 0.06:
                kanas = ""  # derived by the portal
            R(f"{PREFIX[cat]}-{100 + n:03d}", name, kanas, cat, desc.replace("{T}", base), town, sched,
              geo=rnd.random() > 0.15, url=rnd.random() < 0.2, **extra)


def finish(towns, postal):
    rnd = random.Random(7)
    out = []
    for i, r in enumerate(ROWS):
        town = r["_town"]
        lat0, lon0, _ = towns[town]
        style = r["_style"] if r["_style"] is not None else rnd.randrange(6)
        ban = r["_ban"] or rnd.randint(1, 30)
        go = r["_go"] or rnd.randint(1, 25)
        r["address"] = address(town, ban, go, style)
        base, _ = split_town(town)
        r["postal_code"] = postal.get(base, "") if rnd.random() < 0.85 else ""
        if r["_geo"]:
            lat = lat0 + rnd.uniform(-0.0018, 0.0018)
            lon = lon0 + rnd.uniform(-0.0022, 0.0022)
            r["lat"], r["lon"] = f"{lat:.6f}", f"{lon:.6f}"
            r["_lat"], r["_lon"] = lat, lon
        else:
            r["lat"], r["lon"] = "", ""
            r["_lat"], r["_lon"] = lat0, lon0
        r["phone"] = f"03-0{rnd.randint(900, 999)}-{rnd.randint(1000, 9999)}" if rnd.random() < 0.8 else ""
        r["url"] = f"https://example.invalid/nerima/{r['external_id']}" if r["_url"] else ""
        r["email"] = ""
        r["schedule"], r["_rule"] = r["_sched"]
        r["_center"] = center_of(town) if r["_center"] is None else r["_center"]
        assert r["_center"] == center_of(town), (r["external_id"], town)
        r["center_code"] = r["_center"] if rnd.random() < 0.6 else ""
        out.append(r)
    return out


def build():
    towns = load_towns()
    postal = load_postal()
    if not any(r["external_id"].endswith("-100") for r in ROWS):
        filler(towns)
    for r in ROWS:
        assert r["_town"] in towns, r["_town"]
    return finish(towns, postal), towns


def write(rows, towns):
    ids = [r["external_id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(os.path.join(OUT, "corpus.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLS)
        for r in rows:
            w.writerow([r[c] for c in COLS])
    with open(os.path.join(OUT, "centers.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["center_code", "name", "kind", "region", "address", "phone", "email"])
        for c in CENTERS:
            w.writerow(c)
    with open(os.path.join(OUT, "town-centers.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["town_prefix", "center_code"])
        for p, c in TOWN_PREFIX:
            w.writerow([p, c])


if __name__ == "__main__":
    rows, towns = build()
    write(rows, towns)
    by = {}
    for r in rows:
        by[r["category"]] = by.get(r["category"], 0) + 1
    print(len(rows), by, file=sys.stderr)
