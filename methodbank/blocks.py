"""The StreamField blocks of a method page: steps, materials and references."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from . import taxonomy


class StepBlock(blocks.StructBlock):
    """One step of a method: what to do, who does it and when."""

    title = blocks.CharBlock(label=_("Vad"), max_length=120)
    body = blocks.TextBlock(label=_("Beskrivning"))
    performer = blocks.ChoiceBlock(label=_("Vem"), choices=taxonomy.PERFORMERS, required=False)
    timing = blocks.CharBlock(
        label=_("När"),
        required=False,
        max_length=120,
        help_text=_("T.ex. ”Inom en vecka” eller ”Vid tredje frånvarotillfället”."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Steg")


class MaterialDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Länktext"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")


class MaterialLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Länktext"), max_length=200)
    url = blocks.URLBlock(label=_("Adress"))

    class Meta:
        icon = "link"
        label = _("Länk")


class ReferenceBlock(blocks.StructBlock):
    """A research reference (kept structured until the reference library takes them over)."""

    authors = blocks.CharBlock(label=_("Författare"), max_length=300)
    year = blocks.IntegerBlock(label=_("År"), min_value=1900, max_value=2100)
    title = blocks.CharBlock(label=_("Titel"), max_length=400)
    publisher = blocks.CharBlock(label=_("Utgivare eller tidskrift"), required=False)
    url = blocks.URLBlock(label=_("Adress"), required=False)
    doi = blocks.CharBlock(label=_("DOI"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Referens")
