"""Names of workspace settings that several packages read (no imports: start-up reads them)."""

#: The workspace-wide setting naming the organisation shown last (opened first next time).
LAST_ORGANISATION = "last_organisation_id"
