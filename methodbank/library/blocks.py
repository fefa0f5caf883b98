"""StreamField blocks of the knowledge library: the site's blocks plus the calculator."""

from kcsite.pages.blocks import BaseStreamBlock

from .calculator_block import CalculatorBlock

__all__ = ["CalculatorBlock", "LibraryStreamBlock"]


class LibraryStreamBlock(BaseStreamBlock):
    """The site's shared blocks plus the absence calculator."""

    calculator = CalculatorBlock()
