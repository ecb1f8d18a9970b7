"""Stories (reports of one news event, in any language) and canonical events (one
real-world event, however many reports state it).

``cluster`` and ``canonical`` are pure and in memory; ``service`` connects them to the
store for ingest and ``spacediplo stories rebuild``.
"""
