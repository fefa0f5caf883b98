"""Removing a member (in the admin, one or in bulk) removes their account and applications."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from .models import Member, MembershipApplication


@receiver(pre_delete, sender=Member)
def delete_applications_of_member(sender, instance, **kwargs):
    MembershipApplication.objects.filter(member=instance).delete()


@receiver(post_delete, sender=Member)
def delete_account_of_member(sender, instance, **kwargs):
    get_user_model().objects.filter(pk=instance.user_id).delete()
