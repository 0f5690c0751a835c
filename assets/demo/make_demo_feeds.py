#!/usr/bin/env python3
"""Writes the demo data the kiosk ships with: content/demo/{air,water,sea}.json in the kiosk-feed format
(7 days of hourly readings for every station in content/stations.toml) and a small GBFS 2.3 bike-share
system in content/demo/gbfs/. Standard library only; a fixed seed, so the output is the same every run.

The files end at a fixed hour. The kiosk applies the demo rule to sources with demo = true: every
observation time is shifted by one amount so the newest reading falls on the fetch time rounded down to
the hour. So the demo always looks live, and these files never need regenerating to stay current.

Run from anywhere:  python3 assets/demo/make_demo_feeds.py            writes them into content/demo/
                    python3 assets/demo/make_demo_feeds.py --out DIR  … into DIR instead
                    python3 assets/demo/make_demo_feeds.py --check    writes nothing; fails unless
                                                                      content/demo/ holds what this writes
"""
import argparse
import filecmp
import json
import math
import pathlib
import random
import sys
import tempfile
import tomllib
from datetime import datetime, timedelta, timezone

CONTENT = pathlib.Path(__file__).resolve().parent.parent.parent / "content"  # the pack they ship in
OUT = CONTENT / "demo"  # where the files go (--out changes it)
TZ = timezone(timedelta(hours=8))
END = datetime(2026, 11, 28, 12, 0, tzinfo=TZ)  # newest reading; the demo rule moves it to "now"
HOURS = 7 * 24
WARMUP = 24  # extra hours generated before the window so 24 h and 8 h averages are full from the start

rng = random.Random(20261128)


def iso(t):
    return t.isoformat(timespec="seconds")


def series(hours, base, daily_amp, peak_hour, noise, episode=None, floor=0.0, drift_share=0.25):
    """Hourly values: a base, a daily cycle peaking at peak_hour, slow weather drift (drift_share of the
    base), noise, and an optional pollution episode (start hour, length, extra) so the trend charts have a
    shape."""
    drift_phase = rng.uniform(0, 2 * math.pi)
    out = []
    start = END - timedelta(hours=hours - 1)
    for i in range(hours):
        t = start + timedelta(hours=i)
        daily = daily_amp * math.cos(2 * math.pi * (t.hour - peak_hour) / 24)
        drift = drift_share * base * math.sin(2 * math.pi * i / 70 + drift_phase)
        value = base + daily + drift + rng.gauss(0, noise)
        if episode:
            first, length, extra = episode
            if first <= i < first + length:
                value += extra * math.sin(math.pi * (i - first) / length)
        out.append((t, max(floor, value)))
    return out


def running_mean(values, window):
    out = []
    for i in range(len(values)):
        part = values[max(0, i - window + 1): i + 1]
        out.append(sum(part) / len(part))
    return out


def stations(kind):
    data = tomllib.loads((CONTENT / "stations.toml").read_text(encoding="utf-8"))
    return [s for s in data["station"] if s["kind"] in kind]


def station_entry(s):
    return {"id": s["id"], "name_zh": s["name"]["zh"], "name_en": s["name"]["en"], "lat": s["lat"], "lon": s["lon"]}


def write_feed(name, stations_list, readings):
    lines = ['{"kiosk_feed": 1,', ' "generated_at": "%s",' % iso(END), ' "stations": [']
    lines.append(",\n".join("  " + json.dumps(station_entry(s), ensure_ascii=False) for s in stations_list))
    lines.append(' ],')
    lines.append(' "readings": [')
    lines.append(",\n".join("  " + json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in readings))
    lines.append(' ]}')
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def reading(station, metric, value, unit, t, digits):
    return {"station": station, "metric": metric, "value": round(value, digits), "unit": unit, "observed_at": iso(t)}


# --- air: how polluted each station is (1.0 = a typical clean coastal city) ---
AIR_LOAD = {
    "air-harbour": 1.5,       # port traffic: lightly polluted at times
    "air-university": 0.9,
    "air-west-park": 0.7,
    "air-industrial": 2.1,    # development zone: lightly to moderately polluted during the episode
    "air-hills": 0.5,         # upwind and green: excellent
}


def make_air():
    readings = []
    total = HOURS + WARMUP
    air = stations({"air"})
    for s in air:
        load = AIR_LOAD.get(s["id"], 1.0)
        episode = (total - 60, 40, 45 * load)  # a stagnant spell two to three days ago
        pm25 = series(total, 28 * load, 10 * load, 7, 4 * load, episode, 3)
        pm10 = [(t, v * rng.uniform(1.5, 1.9) + 8) for t, v in pm25]
        so2 = series(total, 8 * load, 3, 9, 1.5, None, 2)
        no2 = series(total, 24 * load, 12, 8, 4, None, 4)
        co = series(total, 0.55 * load ** 0.5, 0.15, 8, 0.06, None, 0.2)
        o3 = series(total, 70 / load ** 0.3, 45, 15, 8, None, 5)
        pm25_24 = running_mean([v for _, v in pm25], 24)
        pm10_24 = running_mean([v for _, v in pm10], 24)
        o3_8 = running_mean([v for _, v in o3], 8)
        for i in range(WARMUP, total):
            t = pm25[i][0]
            sid = s["id"]
            readings += [
                reading(sid, "pm25_1h", pm25[i][1], "ug/m3", t, 0),
                reading(sid, "pm10_1h", pm10[i][1], "ug/m3", t, 0),
                reading(sid, "so2_1h", so2[i][1], "ug/m3", t, 0),
                reading(sid, "no2_1h", no2[i][1], "ug/m3", t, 0),
                reading(sid, "co_1h", co[i][1], "mg/m3", t, 2),
                reading(sid, "o3_1h", o3[i][1], "ug/m3", t, 0),
                reading(sid, "o3_8h", o3_8[i], "ug/m3", t, 0),
                reading(sid, "pm25_24h", pm25_24[i], "ug/m3", t, 0),
                reading(sid, "pm10_24h", pm10_24[i], "ug/m3", t, 0),
            ]
    write_feed("air.json", air, readings)
    return len(readings)


# --- surface water (GB 3838-2002): typical values per section; east creek is class IV ---
WATER = {
    "river-qingyang-upper": {"ph": 7.6, "do": 8.4, "codmn": 2.6, "cod": 11, "bod5": 2.0, "nh3n": 0.25, "tp": 0.06},
    "river-qingyang-mouth": {"ph": 7.8, "do": 6.6, "codmn": 4.6, "cod": 17, "bod5": 3.2, "nh3n": 0.7, "tp": 0.15},
    "river-east-creek": {"ph": 7.4, "do": 4.3, "codmn": 8.2, "cod": 26, "bod5": 5.0, "nh3n": 1.25, "tp": 0.25},
    "lake-reservoir": {"ph": 8.0, "do": 7.9, "codmn": 3.1, "cod": 12, "bod5": 2.2, "nh3n": 0.30, "tp": 0.03,
                       "tn": 0.8},
}
WATER_DIGITS = {"ph": 2, "do": 2, "codmn": 2, "cod": 1, "bod5": 2, "nh3n": 3, "tp": 3, "tn": 3}


def make_water(kinds, table, digits, filename):
    readings = []
    chosen = stations(kinds)
    for s in chosen:
        typical = table[s["id"]]
        for metric, base in typical.items():
            if metric == "ph":
                # pH is a logarithm and water is buffered: it moves by tenths, never by whole units.
                values = series(HOURS, base, 0.08, 15, 0.02, None, 6.0, drift_share=0.006)
            elif metric == "do":  # photosynthesis: oxygen peaks in the afternoon
                values = series(HOURS, base, 0.12 * base, 15, 0.03 * base, None, 0.5)
            else:
                values = series(HOURS, base, 0.05 * base, 3, 0.06 * base, None, 0.1 * base)
            unit = "pH" if metric == "ph" else "mg/L"
            readings += [reading(s["id"], metric, v, unit, t, digits[metric]) for t, v in values]
    readings.sort(key=lambda r: (r["observed_at"], r["station"]))
    write_feed(filename, chosen, readings)
    return len(readings)


# --- nearshore sea (GB 3097-1997): Sishili Bay is class 3 (nutrients), the others class 1-2 ---
SEA = {
    "sea-taozi-bay": {"ph": 8.15, "do": 7.6, "cod": 1.1, "din": 0.14, "phosphate": 0.011, "oil": 0.018},
    "sea-sishili-bay": {"ph": 8.02, "do": 5.6, "cod": 2.4, "din": 0.36, "phosphate": 0.026, "oil": 0.06},
    "sea-islands": {"ph": 8.20, "do": 8.0, "cod": 0.8, "din": 0.09, "phosphate": 0.008, "oil": 0.012},
    "sea-east-coast": {"ph": 8.10, "do": 7.0, "cod": 1.6, "din": 0.24, "phosphate": 0.018, "oil": 0.03},
}
SEA_DIGITS = {"ph": 2, "do": 2, "cod": 2, "din": 3, "phosphate": 4, "oil": 3}


# --- bike share (GBFS 2.3): eight docking stations around the city centre ---
BIKES = [
    ("harbour-square", "港城广场", "Harbour Square", 37.547, 121.389, 24),
    ("railway-station", "火车站", "Railway Station", 37.538, 121.392, 30),
    ("university-gate", "大学城东门", "University East Gate", 37.476, 121.449, 20),
    ("west-park", "西郊公园", "West Park", 37.524, 121.279, 16),
    ("city-hall", "市民中心", "Civic Centre", 37.510, 121.420, 24),
    ("beach-road", "海滨路", "Beach Road", 37.560, 121.455, 18),
    ("dev-zone-metro", "开发区地铁站", "Development Zone Metro", 37.566, 121.242, 20),
    ("south-hills", "南山公园", "South Hills Park", 37.452, 121.335, 12),
]


def make_gbfs():
    folder = OUT / "gbfs"
    folder.mkdir(exist_ok=True)
    updated = int(END.timestamp())

    def envelope(data):
        return {"last_updated": updated, "ttl": 300, "version": "2.3", "data": data}

    feeds = [{"name": n, "url": n + ".json"} for n in ("system_information", "station_information", "station_status")]
    files = {
        "gbfs.json": envelope({"zh": {"feeds": feeds}}),
        "system_information.json": envelope({"system_id": "demo-city-bikes", "language": "zh", "name": "演示城市公共自行车",
                                             "timezone": "Asia/Shanghai"}),
        "station_information.json": envelope({"stations": [
            # GBFS 3.0's localised names, so English mode shows English station names.
            {"station_id": sid, "name": [{"text": zh, "language": "zh"}, {"text": en, "language": "en"}],
             "short_name": en, "lat": lat, "lon": lon, "capacity": cap}
            for sid, zh, en, lat, lon, cap in BIKES]}),
    }
    status = []
    for sid, _, _, _, _, cap in BIKES:
        bikes = rng.randint(0, cap)
        disabled = rng.randint(0, 2) if bikes < cap else 0
        status.append({"station_id": sid, "num_bikes_available": bikes, "num_bikes_disabled": disabled,
                       "num_docks_available": max(0, cap - bikes - disabled), "is_installed": True,
                       "is_renting": True, "is_returning": True, "last_reported": updated - rng.randint(0, 240)})
    files["station_status.json"] = envelope({"stations": status})
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(BIKES)


def write_all(out):
    global OUT
    OUT = pathlib.Path(out)
    OUT.mkdir(parents=True, exist_ok=True)
    rng.seed(20261128)  # the same numbers however often this runs in one process
    n_air = make_air()
    n_water = make_water({"river", "lake"}, WATER, WATER_DIGITS, "water.json")
    n_sea = make_water({"sea"}, SEA, SEA_DIGITS, "sea.json")
    n_bikes = make_gbfs()
    print(f"air {n_air} readings, water {n_water}, sea {n_sea}, bike stations {n_bikes}")


def check():
    """True when content/demo/ holds exactly what write_all writes."""
    with tempfile.TemporaryDirectory() as tmp:
        write_all(tmp)
        names = sorted(str(p.relative_to(tmp)) for p in pathlib.Path(tmp).rglob("*") if p.is_file())
        _, differ, missing = filecmp.cmpfiles(tmp, CONTENT / "demo", names, shallow=False)
    for name in differ + missing:
        print(f"content/demo/{name} is not what assets/demo/make_demo_feeds.py writes")
    if differ or missing:
        print("run python3 assets/demo/make_demo_feeds.py and commit the feeds with the change")
        return False
    print(f"the {len(names)} demo feeds in content/demo/ match their generator")
    return True


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Writes the demo content pack's data feeds.")
    parser.add_argument("--out", default=str(CONTENT / "demo"), help="folder to write them to")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail unless content/demo/ holds exactly what this writes")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check() else 1)
    write_all(args.out)
