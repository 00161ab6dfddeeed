"""Cross-document stage: syndicated copies, speakers resolved across articles, claims
clustered across outlets, and the :class:`ClaimGraph` built from them."""
