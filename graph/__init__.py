"""Cross-document stage: resolve speakers, cluster claims, find copies and conflicts.

Input: :class:`~claimgraph.ingest.records.DocumentRecord` s. Output: a :class:`ClaimGraph`
(a networkx ``MultiDiGraph`` with a query API). This package imports ``ingest`` only.
"""
