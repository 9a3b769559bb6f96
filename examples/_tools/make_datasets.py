"""Generates the small synthetic datasets the examples ship (deterministic; run from examples/)."""
import csv
import random

SPECIES = {
    # species: (bill_length, bill_depth, flipper_length, body_mass) means
    "adelie": (38.8, 18.3, 190.0, 3700.0),
    "chinstrap": (48.8, 18.4, 196.0, 3730.0),
    "gentoo": (47.5, 15.0, 217.0, 5080.0),
}
ISLANDS = {"adelie": ["biscoe", "dream", "torgersen"], "chinstrap": ["dream"], "gentoo": ["biscoe"]}


def rows(seed, n_per_species):
    rng = random.Random(seed)
    out = []
    for species, (bl, bd, fl, bm) in SPECIES.items():
        for _ in range(n_per_species):
            out.append({
                "bill_length_mm": round(rng.gauss(bl, 2.8), 1),
                "bill_depth_mm": round(rng.gauss(bd, 1.1), 1),
                "flipper_length_mm": round(rng.gauss(fl, 6.5), 0),
                "body_mass_g": round(rng.gauss(bm, 420.0), 0),
                "island": rng.choice(ISLANDS[species]),
                "species": species,
            })
    rng.shuffle(out)
    return out


def write(path, data):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
        w.writeheader()
        w.writerows(data)


if __name__ == "__main__":
    import sys
    for target in sys.argv[1:]:
        write(target, rows(seed=2024, n_per_species=80))
