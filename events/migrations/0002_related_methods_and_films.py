# Related methods and films on events (separate, so the event core does not depend on the
# method bank's and film library's migrations).

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_initial'),
        ('library', '0001_initial'),
        ('methodbank', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventRelatedFilm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_films', to='events.eventpage')),
                ('film', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='library.filmpage', verbose_name='film')),
            ],
            options={
                'verbose_name': 'relaterad film',
                'verbose_name_plural': 'relaterade filmer',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='EventRelatedMethod',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_methods', to='events.eventpage')),
                ('method', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='methodbank.methodpage', verbose_name='metod')),
            ],
            options={
                'verbose_name': 'relaterad metod',
                'verbose_name_plural': 'relaterade metoder',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
