#!/usr/bin/env python3
"""Writes queries.tsv of the golden relevance corpus and checks every expectation.

Run from the repository root:  python3 src/test/tools/relevance/gen_queries.py
Filter expectations marked AUTO are computed here from the schedule rules and coordinates that
gen_corpus.py keeps for each row (the same semantics README.md states). Hand-written id lists
are checked too: ids must exist, weekday/date/filter claims must hold, and free-text lists get a
crude substring check (with synonyms and readings) that catches typos in the expectations.
The script refuses an exact/count/order expectation whose answer depends on an ambiguous case
(隔週 on a date, 24時間…, a point within 30 m of the radius).
"""
import csv
import datetime as dt
import math
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus as G  # noqa: E402

ROWS, TOWNS = G.build()
BY_ID = {r["external_id"]: r for r in ROWS}
OUT = G.OUT

HOLIDAYS = {dt.date(*d) for d in [
    (2026, 1, 1), (2026, 1, 12), (2026, 2, 11), (2026, 2, 23), (2026, 3, 20), (2026, 4, 29), (2026, 5, 3),
    (2026, 5, 4), (2026, 5, 5), (2026, 5, 6), (2026, 7, 20), (2026, 8, 11), (2026, 9, 21), (2026, 9, 22),
    (2026, 9, 23), (2026, 10, 12), (2026, 11, 3), (2026, 11, 23), (2027, 1, 1), (2027, 1, 11)]}


class Ambiguous(Exception):
    pass


def on_weekday(r, wd):
    rule = r["_rule"]
    if rule["kind"] == "ambiguous":
        raise Ambiguous(r["external_id"] + " " + r["schedule"])
    return wd in rule["days"]


def on_date(r, d):
    rule = r["_rule"]
    k = rule["kind"]
    if k == "none":
        return False
    if k == "ambiguous":
        raise Ambiguous(r["external_id"] + " " + r["schedule"])
    wd = d.weekday()
    if wd not in rule["days"]:
        return False
    if rule["hol"] and d in HOLIDAYS:
        return False
    if rule["aug"] and d.month == 8:
        return False
    if rule["nen"] and ((d.month == 12 and d.day >= 29) or (d.month == 1 and d.day <= 3)):
        return False
    if k == "weekly":
        return True
    if k == "nth":
        return ((d.day - 1) // 7 + 1, wd) in rule["nth"]
    raise Ambiguous(r["external_id"] + " 隔週 on " + str(d))


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def parse(params):
    out = {}
    for part in params.split("&"):
        k, v = part.split("=", 1)
        out.setdefault(k, []).append(v)
    return out


def point(p):
    if "lat" in p:
        return float(p["lat"][0]), float(p["lon"][0])
    if "near" in p:
        town = p["near"][0].replace("東京都", "").replace("練馬区", "")
        lat, lon, _ = TOWNS[town]
        return lat, lon
    return None


def filt(p, strict):
    """Rows passing every non-text filter. strict: ambiguity raises."""
    res = []
    pt = point(p)
    for r in ROWS:
        if "category" in p and r["category"] not in p["category"]:
            continue
        if p.get("homeVisit") == ["true"] and r["home_visit"] != "true":
            continue
        if p.get("free") == ["true"] and r["cost"] not in ("無料", "0円"):
            continue
        if "town" in p and r["_town"] != p["town"][0]:
            continue
        if "center" in p and r["_center"] != p["center"][0]:
            continue
        if "region" in p and G.REGION[r["_center"]] != p["region"][0]:
            continue
        if pt and "radius" in p:
            d = km(pt[0], pt[1], r["_lat"], r["_lon"])
            rad = float(p["radius"][0])
            if abs(d - rad) < 0.03 and strict:
                raise Ambiguous(f"{r['external_id']} at {d:.3f} km from radius {rad}")
            if d > rad:
                continue
        try:
            if "weekday" in p and not any(on_weekday(r, G.WD.index(w)) for w in p["weekday"]):
                continue
            if "date" in p and not on_date(r, dt.date.fromisoformat(p["date"][0])):
                continue
        except Ambiguous:
            if strict:
                raise
            r = dict(r, _ambiguous=True)
        res.append(r)
    return res


# ------------------------------------------------------------------ crude text check
SYN = []
with open(os.path.join(G.ROOT, "src/main/resources/search/synonyms.txt"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            SYN.append([t.strip() for t in line.split(",")])


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in s)  # hiragana -> katakana


def variants(word):
    v = {norm(word)}
    for g in SYN:
        if word in g:
            v.update(norm(t) for t in g)
    return v


def text_of(r):
    kana = TOWNS[r["_town"]][2]
    return norm(" ".join([r["name"], r["name_kana"], r["description"], r["address"], r["_town"], kana,
                          r["departments"], r["schedule"]]))


def crude(r, q, wide=False):
    t = text_of(r) + (norm(" " + r["organizer"] + " " + r["target"] + " " + r["accessibility"]) if wide else "")
    return all(any(v in t for v in variants(w)) for w in q.split())


# ------------------------------------------------------------------ queries
Q = []


def q(qid, params, expect, ids="", note=""):
    Q.append([qid, params, expect, ids, note])


AUTO = "AUTO"
# kana readings
q("k01", "q=ひかりがおか", "all", "nrm-salon-001,nrm-salon-002,nrm-dcafe-001,nrm-clinic-001,nrm-ccafe-004,nrm-ex-001,nrm-dental-001",
  "hiragana reading finds 光が丘 names (and the hiragana-named dental clinic)")
q("k02", "q=ひかりがおか", "none", "nrm-salon-003,nrm-salon-022,nrm-clinic-010",
  "旭丘 (アサヒガオカ) and ゆうひが丘 share ガオカ/が丘 but not 光が丘")
q("k03", "q=しゃくじい", "all", "nrm-salon-010,nrm-salon-011,nrm-salon-012,nrm-salon-013,nrm-clinic-002,nrm-pharm-002",
  "reading of 石神井 in 石神井町/上石神井/石神井台/下石神井 plus hiragana しゃくじい names")
q("k04", "q=おおいずみ", "all", "nrm-salon-005,nrm-salon-006,nrm-salon-007,nrm-salon-008,nrm-salon-009,nrm-dcafe-003",
  "reading of 大泉 in 東/西/南大泉, 大泉町, 大泉学園町 and the hiragana name Dカフェ・おおいずみ")
q("k05a", "q=あさひがおか", "all", "nrm-salon-003,nrm-clinic-010", "旭丘 by reading")
q("k05b", "q=あさひがおか", "none", "nrm-salon-023,nrm-salon-001", "旭町 is アサヒチョウ; 光が丘 is ヒカリガオカ")
q("k06", "q=シャクジイ", "all", "nrm-salon-010,nrm-salon-012,nrm-clinic-004", "katakana reading query")
q("k07", "q=とよたま", "all", "nrm-dcafe-010,nrm-cons-002", "reading of 豊玉")
# kana interchange and width
q("w01", "q=さろん", "all", "nrm-salon-001,nrm-salon-004,nrm-salon-015", "hiragana query for katakana サロン, incl. half-width ｻﾛﾝ")
q("w02", "q=ｻﾛﾝ", "all", "nrm-salon-001,nrm-salon-004,nrm-salon-011", "half-width katakana query folds to サロン")
q("w03", "q=サロン ひだまり", "top", "nrm-salon-004", "name written ｻﾛﾝ ひだまりの丘")
q("w04", "q=おれんじかふぇ", "all", "nrm-dcafe-001,nrm-dcafe-007,nrm-dcafe-010", "hiragana for オレンジカフェ, incl. half-width ｵﾚﾝｼﾞｶﾌｪ")
q("w05", "q=ｵﾚﾝｼﾞｶﾌｪ", "topk:10", "nrm-dcafe-007,nrm-dcafe-001,nrm-dcafe-010", "half-width query")
q("w06", "q=ＡＢＣ", "top", "nrm-salon-015", "full-width Latin folds to abc")
q("w07", "q=abc", "top", "nrm-salon-015", "half-width query for full-width name ＡＢＣ英会話サロン")
q("w08", "q=第２会場", "top", "nrm-salon-017", "full-width digit in name")
q("w09", "q=光が丘２丁目", "all", "nrm-salon-001", "address written 練馬区光が丘２丁目５番１号")
q("w10", "q=光が丘二丁目", "all", "nrm-salon-001,nrm-dental-001,nrm-cons-003,nrm-hosp-001", "town name (町丁目) is searchable whatever the address notation")
# synonyms
q("s01", "q=オレンジカフェ", "all", "nrm-dcafe-001,nrm-dcafe-002,nrm-dcafe-003,nrm-dcafe-004,nrm-dcafe-005",
  "synonyms 認知症カフェ, Dカフェ, ディーカフェ; dcafe-005 only in description")
q("s02", "q=認知症カフェ", "all", "nrm-dcafe-001,nrm-dcafe-003,nrm-dcafe-004,nrm-dcafe-008", "reverse direction")
q("s03", "q=Dカフェ", "all", "nrm-dcafe-001,nrm-dcafe-002,nrm-dcafe-003", "")
q("s04", "q=オレンジカフェ", "topk:14", "nrm-dcafe-001,nrm-dcafe-010,nrm-dcafe-007", "names with the literal term rank in the first 14")
q("s05", "q=歯医者", "all", "nrm-dental-001,nrm-dental-002,nrm-dental-003,nrm-dental-005", "デンタルクリニック, 歯科医院, 歯科クリニック, 歯科")
q("s06", "q=訪看", "all", "nrm-nurse-001,nrm-nurse-002,nrm-nurse-003,nrm-nurse-004", "訪問看護ステーション; nurse-002 has 訪看 literally")
q("s07", "q=訪問看護", "all", "nrm-nurse-002", "name ねりま訪看ステーション only says 訪看")
q("s08", "q=ケアマネ", "all", "nrm-care-001,nrm-nurse-001", "介護支援専門員 / ケアマネジャー in descriptions")
q("s09", "q=往診", "all", "nrm-clinic-002,nrm-clinic-009", "往診 literal and 訪問診療")
q("s10", "q=包括", "topk:10", "nrm-cons-001,nrm-cons-002,nrm-cons-003,nrm-cons-004,nrm-cons-005,nrm-cons-006,nrm-cons-007,nrm-cons-008",
  "names 地域包括支援センター outrank descriptions that mention 包括")
q("s11", "q=体操", "all", "nrm-ex-001,nrm-ex-003,nrm-ex-004", "体操教室, 介護予防教室, description 体操")
q("s12", "q=運動教室", "all", "nrm-ex-001,nrm-ex-003", "")
q("s13", "q=薬屋", "all", "nrm-pharm-001,nrm-pharm-002,nrm-pharm-004,nrm-pharm-005", "薬局, 調剤薬局")
q("s14", "q=もの忘れ", "all", "nrm-dcafe-006,nrm-clinic-008,nrm-hosp-003,nrm-dcafe-001", "もの忘れ literal and 認知症")
q("s15", "q=物忘れ", "all", "nrm-dcafe-006,nrm-clinic-008", "kanji spelling")
q("s16", "q=社協", "top", "nrm-cons-009", "社会福祉協議会")
q("s17", "q=特養", "top", "nrm-care-003", "特別養護老人ホーム")
q("s18", "q=老健", "top", "nrm-care-004", "介護老人保健施設")
q("s19", "q=ショートステイ", "topk:2", "nrm-care-006,nrm-care-003", "name vs description")
q("s20", "q=短期入所", "all", "nrm-care-006,nrm-care-003", "")
q("s21", "q=ヘルパー", "all", "nrm-care-005", "")
q("s22", "q=デイ", "all", "nrm-care-002", "デイサービス, 通所介護")
q("s23", "q=dentist", "all", "nrm-dental-001,nrm-dental-002", "English")
q("s24", "q=pharmacy", "all", "nrm-pharm-002,nrm-pharm-001", "English")
q("s25", "q=dementia cafe", "all", "nrm-dcafe-001,nrm-dcafe-002", "English multi-word synonym")
q("s26", "q=皮膚科", "topk:2", "nrm-clinic-003", "name says ひふ科")
q("s27", "q=耳鼻科", "all", "nrm-clinic-004,nrm-hosp-001", "耳鼻咽喉科 in name or departments")
q("s28", "q=眼医者", "all", "nrm-clinic-005,nrm-hosp-001", "眼科 in departments")
q("s29", "q=整形", "all", "nrm-clinic-007,nrm-hosp-002", "整形外科")
q("s30", "q=訪問歯科", "all", "nrm-dental-002,nrm-dental-004", "")
q("s31", "q=訪問薬剤", "all", "nrm-pharm-001,nrm-pharm-005", "在宅訪問薬剤管理指導, 訪問服薬指導")
q("s32", "q=コンビニ", "all", "nrm-watch-001", "コンビニエンスストア in description")
q("s33", "q=生協", "top", "nrm-watch-003", "生活協同組合")
q("s34", "q=配食", "all", "nrm-watch-004,nrm-watch-003", "配食サービス, お弁当の宅配")
q("s35", "q=後見", "all", "nrm-cons-010", "成年後見")
q("s36", "q=街角ケアカフェ", "all", "nrm-ccafe-001,nrm-ccafe-002", "街かど / まちかど spellings")
q("s37", "q=マージャン", "top", "nrm-salon-016", "麻雀")
q("s38", "q=ウオーキング", "top", "nrm-ex-006", "ウォーキング spelling")
q("s39", "q=在宅医療", "all", "nrm-clinic-002,nrm-clinic-009", "訪問診療")
q("s40", "q=クリニック", "none", "nrm-hosp-001,nrm-hosp-002,nrm-hosp-003", "病院 is not a synonym of クリニック")
q("s41", "q=病院", "none", "nrm-clinic-001,nrm-clinic-002,nrm-clinic-006", "")
q("s42", "q=調剤薬局", "order", "nrm-pharm-002,nrm-pharm-003", "a 調剤薬局 by name ranks above a drugstore that only has a dispensing corner")
q("s43", "q=ドラッグストア", "none", "nrm-pharm-002,nrm-pharm-001", "")
q("s44", "q=民生委員", "all", "nrm-salon-007", "description 民生委員")
# place names
q("p01", "q=大泉", "all", "nrm-salon-005,nrm-salon-006,nrm-salon-007,nrm-salon-008,nrm-salon-009,nrm-salon-020,nrm-ex-002,nrm-dental-002",
  "東大泉, 西大泉, 南大泉, 大泉町, 大泉学園町, 西大泉町")
q("p02", "q=東大泉", f"topk:{sum(1 for r in ROWS if r['_town'].startswith('東大泉'))}",
  "nrm-salon-005,nrm-ex-002,nrm-dental-002,nrm-cons-007,nrm-watch-001", "東大泉 ones before 大泉/西大泉 ones")
q("p03", "q=石神井", "all", "nrm-salon-010,nrm-salon-011,nrm-salon-012,nrm-salon-013,nrm-salon-021,nrm-clinic-004",
  "石神井町, 上石神井, 石神井台, 下石神井, 上石神井南町")
q("p04", "q=石神井", "order", "nrm-salon-010,nrm-clinic-006", "name match (石神井町ふれあいサロン) above address-only match in 上石神井")
q("p05", "q=光が丘", "none", "nrm-salon-003,nrm-salon-022,nrm-salon-004", "旭丘, ゆうひが丘, ひだまりの丘 are not 光が丘 (bigrams が丘 alone must not match)")
q("p06a", "q=旭町", "all", "nrm-salon-023,nrm-salon-022", "")
q("p06b", "q=旭町", "none", "nrm-salon-003,nrm-clinic-010", "旭丘 is not 旭町")
q("p07a", "q=旭丘", "all", "nrm-salon-003,nrm-clinic-010", "")
q("p07b", "q=旭丘", "none", "nrm-salon-023,nrm-salon-022", "")
q("p08", "q=上石神井", "all", "nrm-salon-011,nrm-salon-021,nrm-clinic-006,nrm-dental-004", "")
q("p09", "q=上石神井", "none", "nrm-salon-010,nrm-salon-012", "石神井町/石神井台 rows that never mention 上石神井")
q("p10", "q=大泉学園町", "all", "nrm-salon-009,nrm-dental-005,nrm-dcafe-006", "")
q("p11", "q=ひだまりの丘", "top", "nrm-salon-004", "")
# partial words / bigram fallback
q("b01", "q=樹庵", "top", "nrm-salon-018", "2-char fragment of 楓樹庵サロン")
q("b02", "q=つらつ", "all", "nrm-ex-001,nrm-salon-028", "fragment of はつらつ")
q("b03", "q=すずかけ", "top", "nrm-pharm-001", "")
q("b04", "q=ほっとねりま", "top", "nrm-cons-010", "")
q("e01", "q=ズワイガニ", "empty", "", "nothing matches")
q("e02", "q=サロン&category=pharmacy", "empty", "", "")
q("e03", "q=光が丘&town=東大泉三丁目", "empty", "", "")
# categories
q("c01", "category=salon&category=dementia_cafe", "count:AUTO", AUTO, "repeated category = OR")
q("c02", "category=hospital", "exact", AUTO, "")
q("c03", "q=光が丘&category=salon&category=dementia_cafe", "all", "nrm-salon-001,nrm-dcafe-001", "")
q("c04", "q=光が丘&category=salon&category=dementia_cafe", "none", "nrm-clinic-001,nrm-ccafe-004", "")
q("c05", "category=watch_partner&town=東大泉三丁目", "exact", AUTO, "")
# weekday
q("d01", "weekday=wed&category=salon", "exact", AUTO, "不定期 (salon-019) never matches; 隔週水曜 matches")
q("d02", "weekday=wed&category=dementia_cafe", "exact", AUTO, "")
q("d03", "weekday=sun&category=exercise", "exact", AUTO, "")
q("d04", "weekday=thu&category=clinic", "exact", AUTO, "clinics closed on Thursday excluded")
q("d05", "weekday=sat&weekday=sun&category=salon", "exact", AUTO, "repeated weekday = OR")
q("d06", "weekday=thu&category=dental", "count:AUTO", AUTO, "")
q("d07", "q=ひかりがおか さろん&weekday=wed", "all", "nrm-salon-001", "")
q("d08", "q=ひかりがおか さろん&weekday=wed", "none", "nrm-salon-002,nrm-salon-016", "Friday / Monday salons")
q("d09", "q=ひかりがおか さろん 水曜", "top", "nrm-salon-001", "水曜 matches schedule text 水曜日")
q("d10", "q=大泉 さろん&weekday=wed", "all", "nrm-salon-005", "")
q("d11", "q=大泉 さろん&weekday=wed", "none", "nrm-salon-008,nrm-salon-006", "Monday salons")
# date
q("t01", "date=2026-09-21&category=salon", "all", "nrm-salon-008,nrm-salon-006", "敬老の日 (Mon): weekly Monday without holiday note; 第3月曜")
q("t02", "date=2026-09-21&category=salon", "none", "nrm-salon-009,nrm-salon-016,nrm-salon-004,nrm-salon-027", "（祝日の場合は休み）, 第1月曜")
q("t03", "date=2026-09-21&category=clinic", "empty", "", "all clinics 祝日休診")
q("t04", "date=2026-09-22&category=salon", "all", "nrm-salon-012", "国民の休日 (Tue) = 第4火曜")
q("t05", "date=2026-09-22&category=salon", "none", "nrm-salon-013,nrm-salon-029", "祝日の場合は休み; 第2火曜")
q("t06", "date=2026-09-22&category=salon", "all", "nrm-salon-025", "weekly Tuesday without holiday note is held on 国民の休日")
q("t07", "date=2026-08-12&category=salon&category=dementia_cafe", "all", "nrm-salon-003,nrm-salon-022", "weekly Wednesday in August")
q("t08", "date=2026-08-12&category=salon&category=dementia_cafe", "none", "nrm-salon-001,nrm-dcafe-002", "8月は休み")
q("t09", "date=2026-12-30&category=salon", "all", "nrm-salon-003,nrm-salon-022", "weekly Wednesday")
q("t10", "date=2026-12-30&category=salon", "none", "nrm-salon-005,nrm-salon-001", "年末年始は休み; 30th is the 5th Wednesday")
q("t11", "date=2026-10-14&category=salon", "all", "nrm-salon-001,nrm-salon-003,nrm-salon-005", "2nd Wednesday")
q("t12", "date=2026-10-14&category=salon", "none", "nrm-salon-011,nrm-salon-019", "第1・第3水曜; 不定期")
q("t13", "date=2026-10-14&category=clinic", "exact", AUTO, "ordinary Wednesday")
q("t14", "date=2027-01-02&category=consultation", "empty", "", "年末年始 / Saturday")
q("t15", "date=2026-11-03&category=dementia_cafe&category=exercise", "exact", AUTO, "文化の日 (1st Tue)")
q("t16", "date=2026-10-01&category=dementia_cafe", "exact", AUTO, "1st Thursday")
# free / homeVisit
q("f01", "free=true&category=salon", "exact", AUTO, "無料 or 0円")
q("f02", "free=true&category=salon", "all", "nrm-salon-025", "0円 counts as free")
q("f03", "free=true&category=dental", "empty", "", "")
q("h01", "category=dental&homeVisit=true", "exact", AUTO, "")
q("h02", "homeVisit=true&category=pharmacy", "exact", AUTO, "")
q("h03", "homeVisit=true&category=home_nursing", "count:AUTO", AUTO, "")
q("h04", "q=訪問診療&homeVisit=true", "all", "nrm-clinic-002,nrm-clinic-009", "")
q("h05", "homeVisit=true&category=clinic", "exact", AUTO, "")
# town / center / region
q("r01", "town=東大泉三丁目", "exact", AUTO, "")
q("r02", "town=石神井町三丁目", "exact", AUTO, "")
q("r03", "town=西大泉町", "exact", AUTO, "not 西大泉n丁目")
q("r04", "town=上石神井南町", "exact", AUTO, "")
q("r05", "region=大泉", "count:AUTO", AUTO, "")
q("r06", "region=光が丘&category=salon", "exact", AUTO, "")
q("r07", "center=nerima-core", "exact", AUTO, "includes 向山/貫井 via the catch-all row")
q("r08", "center=nerima-kamishakujii&category=salon", "exact", AUTO, "")
q("r09", "region=石神井&category=dementia_cafe", "exact", AUTO, "")
q("r10", "q=オレンジカフェ&region=石神井", "all", "nrm-dcafe-002,nrm-dcafe-005,nrm-dcafe-007", "")
q("r11", "q=オレンジカフェ&region=石神井", "none", "nrm-dcafe-001,nrm-dcafe-003", "")
q("r12", "center=nerima-nishioizumi&category=salon", "exact", AUTO, "西大泉町 and 大泉学園町 by longest prefix; 大泉町 belongs elsewhere")
# distance
q("g01", "lat=35.7616&lon=139.6322&radius=0.6&category=salon", "exact", AUTO, "")
q("g02", "near=練馬区光が丘二丁目&radius=1&category=salon", "exact", AUTO, "near = town point of 光が丘二丁目")
q("g03", "category=salon&lat=35.7539&lon=139.5893&radius=2&sort=distance", "order", AUTO, "nearest first")
q("g04", "category=salon&lat=35.7539&lon=139.5893&radius=2&sort=distance", "exact", AUTO, "")
q("g07", "category=salon&category=dementia_cafe&lat=35.7616&lon=139.6322&radius=1.5&sort=distance", "order", AUTO, "光が丘: nearest first")
q("g08", "category=salon&category=dementia_cafe&lat=35.7616&lon=139.6322&radius=1.5", "exact", AUTO, "")
q("g05", "near=練馬区東大泉三丁目&radius=1&category=dental&sort=distance", "order", AUTO, "")
q("g06", "q=サロン&lat=35.76&lon=139.62&radius=1.5&sort=distance", "all", "nrm-salon-002,nrm-salon-016", "")
# name sort
q("o01", "sort=name&category=pharmacy", "order", AUTO, "あいうえお順 by reading")
q("o02", "sort=name&category=salon&region=大泉", "order", AUTO, "")
q("o03", "sort=name&category=hospital", "order", AUTO, "")
# combined
q("x01", "q=歯医者&homeVisit=true", "all", "nrm-dental-002,nrm-dental-004", "")
q("x02", "q=サロン&free=true&town=光が丘五丁目", "exact", "nrm-salon-002", "")
q("x03", "q=体操&date=2026-09-23", "none", "nrm-ex-001", "秋分の日, 祝日の場合は休み")
q("x04", "q=ひかりがおか 内科", "top", "nrm-clinic-001", "")
q("x05", "q=しゃくじい 薬局", "top", "nrm-pharm-002", "")

GOJUON = "アカサタナハマヤラワ"


def row_of(c):
    c = unicodedata.normalize("NFKC", c)
    dec = unicodedata.normalize("NFD", c)[0]
    base = unicodedata.normalize("NFC", dec)
    order = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    small = {"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ッ": "ツ"}
    base = small.get(base, base)
    return order.index(base) // 5 if base in order else None


def auto(qid, params, expect, ids):
    p = parse(params)
    if "sort" in p and p["sort"][0] == "name":
        rows = [r for r in filt(p, True) if r["name_kana"]]
        picked, last = [], -1
        for r in sorted(rows, key=lambda r: r["name_kana"]):
            g = row_of(r["name_kana"][0])
            if g is not None and g > last:
                picked.append(r["external_id"])
                last = g
        assert len(picked) >= 2, qid
        return ",".join(picked)
    rows = filt(p, True)
    if expect == "order":
        pt = point(p)
        ds = sorted((km(pt[0], pt[1], r["_lat"], r["_lon"]), r["external_id"]) for r in rows)
        picked, last = [], -1.0
        for d, i in ds:
            if d - last > 0.05:
                picked.append(i)
                last = d
            if len(picked) == 6:
                break
        return ",".join(picked)
    return ",".join(r["external_id"] for r in rows)


def check():
    problems = []
    out = []
    for qid, params, expect, ids, note in Q:
        if ids == AUTO:
            try:
                ids = auto(qid, params, expect, ids)
            except Ambiguous as e:
                problems.append(f"{qid}: ambiguous {e}")
                continue
            if expect.startswith("count:"):
                expect, ids = f"count:{len(ids.split(',')) if ids else 0}", ""
            elif expect == "exact" and not ids:
                expect = "empty"
        p = parse(params)
        idl = [i for i in ids.split(",") if i]
        for i in idl:
            if i not in BY_ID:
                problems.append(f"{qid}: unknown id {i}")
        if any(i not in BY_ID for i in idl):
            continue
        nontext = {k: v for k, v in p.items() if k not in ("q", "sort", "page", "size")}
        prows = filt(nontext, False) if nontext else ROWS
        passing = {r["external_id"] for r in prows}
        for r in prows:
            if r.get("_ambiguous") and r["external_id"] in idl:
                problems.append(f"{qid}: {r['external_id']} is ambiguous under these filters")
        if expect in ("all", "top", "order", "exact") or expect.startswith("topk"):
            for i in idl:
                if i not in passing:
                    problems.append(f"{qid}: {i} fails the filters")
                if "q" in p and not crude(BY_ID[i], p["q"][0]):
                    problems.append(f"{qid}: {i} has no crude match for {p['q'][0]}")
        if expect == "none":
            for i in idl:
                if i in passing and "q" not in p:
                    problems.append(f"{qid}: {i} passes the filters although expected none")
                if i in passing and "q" in p and crude(BY_ID[i], p["q"][0], wide=True):
                    problems.append(f"{qid}: {i} crudely matches {p['q'][0]} although expected none")
        if expect == "empty" and "q" not in p and passing:
            problems.append(f"{qid}: filters pass {sorted(passing)}")
        if expect == "empty" and "q" in p:
            hit = [r for r in ROWS if r["external_id"] in passing and crude(r, p["q"][0], wide=True)]
            if hit:
                problems.append(f"{qid}: crude matches {[r['external_id'] for r in hit]}")
        if expect.startswith("topk:") and "q" in p:
            n = int(expect.split(":")[1])
            if len(idl) > n:
                problems.append(f"{qid}: more ids than k")
        out.append([qid, params, expect, ids, note])
    return out, problems


if __name__ == "__main__":
    out, problems = check()
    for pr in problems:
        print("PROBLEM", pr, file=sys.stderr)
    with open(os.path.join(OUT, "queries.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("id\tparams\texpect\tids\tnote\n")
        for row in out:
            assert all("\t" not in c and "\n" not in c for c in row)
            f.write("\t".join(row) + "\n")
    print(len(out), "queries", file=sys.stderr)
    sys.exit(1 if problems else 0)
