"""CostReady: full-cost-recovery pricing for small community organisations."""

__version__ = "0.1.0"
