"""Full-cost-recovery engine: staff on-costs, apportionment, unit cost, price (no Qt)."""
