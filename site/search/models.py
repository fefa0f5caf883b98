"""The editors' search synonyms and the search-term statistics behind their report.

Both tables were created by the method bank and keep their names (``db_table``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class SearchSynonym(models.Model):
    """A group of words that mean the same thing to a searcher (Solr equivalence rule)."""

    terms = models.CharField(
        _("likvärdiga ord"),
        max_length=500,
        unique=True,
        help_text=_(
            "Ord eller uttryck som betyder samma sak, åtskilda med kommatecken, t.ex. "
            "”skolk, ogiltig frånvaro”. En sökning på ett av dem hittar alla."
        ),
    )
    note = models.CharField(_("kommentar"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = ["terms", "note"]

    class Meta:
        db_table = "methodbank_searchsynonym"
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")
        ordering = ["terms"]

    def __str__(self):
        return Truncator(self.terms).chars(80)

    def term_list(self):
        return [term.strip().lower() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Ange minst två ord åtskilda med kommatecken.")})
        self.terms = ", ".join(dict.fromkeys(terms))


class SearchTermStat(models.Model):
    """How often a query was searched on one day, and how often it found nothing.

    Written append-only (a row per search, see ``kcsite.search.stats.record_search``); a day
    may hold several rows per query until ``compact_search_stats`` folds them into one. Readers
    sum.
    """

    query = models.CharField(_("sökning"), max_length=200)
    date = models.DateField(_("datum"))
    hits = models.PositiveIntegerField(_("antal sökningar"), default=0)
    zero_results = models.PositiveIntegerField(_("sökningar utan träff"), default=0)

    class Meta:
        db_table = "methodbank_searchtermstat"
        verbose_name = _("sökstatistik")
        verbose_name_plural = _("sökstatistik")
        indexes = [models.Index(fields=["date", "query"], name="methodbank_stat_date_query")]

    def __str__(self):
        return f"{self.query} ({self.date})"
