"""StreamField blocks shared by every page type of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3")), ("h4", _("Rubrik 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Beskriv vad bilden visar för den som inte ser den."),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Källa"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Länk till sida"), required=False)
    link_url = blocks.CharBlock(label=_("eller adress"), required=False, max_length=300)
    link_text = blocks.CharBlock(label=_("Länktext"), max_length=80)

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "link_url": blocks.ValidationError(_("Välj en sida eller ange en adress."))
                }
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Videoadress"), help_text=_("T.ex. en YouTube- eller Vimeo-adress."))
    title = blocks.CharBlock(label=_("Titel"), max_length=200)

    class Meta:
        icon = "media"
        template = "components/blocks/video.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Länktext"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Fråga eller rubrik"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Svar"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Frågor"))

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion.html"


class TableBlock(blocks.StructBlock):
    """A simple data table with a caption and a header row (accessible by construction)."""

    caption = blocks.CharBlock(label=_("Tabellrubrik"), max_length=200)
    header = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("Kolumnrubriker"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(required=False, max_length=500), label=_("Celler")),
        label=_("Rader"),
    )

    class Meta:
        icon = "table"
        template = "components/blocks/table.html"


class TiersBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Bildtext"), required=False, max_length=250)

    class Meta:
        icon = "placeholder"
        label = _("Figur: tre nivåer")
        template = "components/blocks/tiers.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Rubrik"))
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Bild"))
    quote = QuoteBlock(label=_("Citat"))
    call_to_action = CallToActionBlock(label=_("Uppmaning"))
    video = VideoBlock(label=_("Video"))
    document = DocumentLinkBlock(label=_("Dokumentlänk"))
    accordion = AccordionBlock(label=_("Frågor och svar"))
    table = TableBlock(label=_("Tabell"))
    tiers = TiersBlock(label=_("Tre nivåer"))
