"""The self-assessment's models: the editors' indicator set and the schools' assessments."""

from .assessments import Answer, AreaComment, Assessment
from .indicators import Area, IndicatorSet, Statement

__all__ = ["Answer", "Area", "AreaComment", "Assessment", "IndicatorSet", "Statement"]
