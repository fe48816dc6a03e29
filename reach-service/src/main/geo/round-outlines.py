# Rounds the outlines' coordinates to 0.01 degree (about 1 km, under a pixel of the dashboard's map) and drops the
# points that then repeat: the same outlines, a quarter of the weight. Run from the folder of the source files.
import json, sys
def ring(points):
    out = []
    for x, y in points:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None
def polygon(rings):
    kept = [r for r in (ring(r) for r in rings) if r]
    return kept or None
for source, target in [(sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])]:
    data = json.load(open(source, encoding='utf-8'))
    for feature in data['features']:
        g = feature['geometry']
        if g['type'] == 'Polygon':
            g['coordinates'] = polygon(g['coordinates'])
        else:
            g['coordinates'] = [p for p in (polygon(p) for p in g['coordinates']) if p]
    json.dump(data, open(target, 'w', encoding='utf-8'), ensure_ascii=False, separators=(',', ':'))
