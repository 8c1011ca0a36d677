"""Helpers of the fault suite (tests/portal/test_faults.py): traffic, probes, faults and the
figures each fault test records."""
