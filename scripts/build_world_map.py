"""Build the dashboard's world map once: Natural Earth 1:110m countries → SVG paths per ISO-3 code.

Input is the GeoJSON that topojson-client's ``topo2geo`` writes from world-atlas's
``countries-110m.json`` (npm packages ``world-atlas@2`` (ISC) and ``topojson-client@3``,
build-time only). Output is ``src/spacediplo/web/static/world-110m.json``, served by the app,
so the map never fetches geometry from the internet::

    npm install world-atlas@2 topojson-client@3
    npx topo2geo countries=countries.geojson < node_modules/world-atlas/countries-110m.json
    python scripts/build_world_map.py countries.geojson

The projection is equirectangular (plate carrée), which is enough for a choropleth of
intensities and keeps the build free of projection libraries.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

WIDTH = 960.0
NORTH, SOUTH = 84.0, -60.0  # Antarctica is left out: no cooperation is counted "in" it
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360.0, 1)
OUT = Path(__file__).resolve().parents[1] / "src/spacediplo/web/static/world-110m.json"


def project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - max(min(lat, NORTH), SOUTH)) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def unwrap(ring: list[list[float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian jumps by ~360° of longitude; make it continuous
    (it then runs past ±180°, and the caller draws it a second time shifted by 360°)."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def ring_paths(ring: list[list[float]]) -> str:
    points = unwrap(ring)
    copies = [0.0]
    if max(lon for lon, _ in points) > 180:
        copies.append(-360.0)
    if min(lon for lon, _ in points) < -180:
        copies.append(360.0)
    paths = []
    for offset in copies:
        head, *rest = [project(lon + offset, lat) for lon, lat in points]
        paths.append(f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in rest) + "Z")
    return "".join(paths)


def feature_path(geometry: dict[str, Any]) -> str:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return "".join(ring_paths(ring) for polygon in polygons for ring in polygon)


def main(geojson: Path) -> None:
    data = json.loads(geojson.read_text(encoding="utf-8"))
    countries: dict[str, dict[str, str]] = {}
    for feature in data["features"]:
        numeric = feature.get("id")
        country = pycountry.countries.get(numeric=numeric) if numeric else None
        if country is None or country.alpha_3 == "ATA" or not feature.get("geometry"):
            continue  # unrecognised territories carry no ISO code, hence no actor code
        countries[country.alpha_3] = {
            "name": feature["properties"]["name"],
            "d": feature_path(feature["geometry"]),
        }
    OUT.write_text(
        json.dumps(
            {
                "credit": "Made with Natural Earth (public domain), via world-atlas 2.0.2 (ISC)",
                "width": WIDTH,
                "height": HEIGHT,
                "countries": dict(sorted(countries.items())),
            },
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    print(f"{len(countries)} countries → {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
