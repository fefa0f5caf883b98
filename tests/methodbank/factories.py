"""Import-file items for tests (valid against methods.schema.json unless told otherwise)."""

import copy

BASE = {
    "slug": "test-metod",
    "locale": "sv",
    "title": "Testmetod för närvaro",
    "summary": "En kort sammanfattning av testmetoden för närvaroarbete.",
    "body": "Första stycket om metoden.\n\nAndra stycket med mer text.",
    "kind": "method",
    "tiers": ["prevent"],
    "audiences": ["pupil", "guardian"],
    "performers": ["mentor"],
    "school_forms": ["years_7_9"],
    "evidence": "proven_experience",
    "effort": "low",
    "duration": "30 min",
    "steps": [
        {"title": "Förbered samtalet", "body": "Läs på om elevens frånvaro."},
        {"title": "Genomför samtalet", "body": "Lyssna.\nFråga hur eleven har det."},
    ],
    "keywords": ["samtal", "mentor"],
    "materials": [{"title": "Samtalsmall", "url": "https://example.org/mall.pdf"}],
    "references": [
        {
            "authors": "Kearney, C. A. & Graczyk, P.",
            "year": 2014,
            "title": "A response to intervention model to promote school attendance",
            "publisher": "Child and Youth Care Forum",
            "doi": "10.1007/s10566-013-9222-1",
        }
    ],
}


def method_item(number=0, **overrides):
    item = copy.deepcopy(BASE)
    if number:
        item["slug"] = f"test-metod-{number}"
        item["title"] = f"Testmetod nummer {number}"
    item.update(overrides)
    return item


def many_methods(count, prefix="massmetod"):
    kinds = ["method", "mapping", "tool"]
    tiers = [["promote"], ["prevent"], ["act"], ["prevent", "act"]]
    return [
        method_item(
            slug=f"{prefix}-{number}",
            title=f"Massmetod {number}",
            kind=kinds[number % 3],
            tiers=tiers[number % 4],
        )
        for number in range(1, count + 1)
    ]
