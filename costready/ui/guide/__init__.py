"""The guided setup: from a new organisation to a priced menu of services."""

from costready.ui.guide.wizard import GuideDialog

__all__ = ["GuideDialog"]
